"""Which scheme is on screen: the system's (Qt 6 colour scheme), or the one the user forced.

``apply_theme(app)`` sets Fusion, the QPalette and the style sheet of the current scheme and
follows ``QStyleHints.colorSchemeChanged``; ``theme_notifier().changed`` tells painted widgets
(the sidebar, charts, icons) to repaint with the new tokens.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from app.config import APP_NAME, ORG_NAME
from ui.design.palette import DARK, LIGHT, SCHEMES, Scheme
from ui.design.stylesheet import stylesheet

THEME_KEY = "ui/theme"  # QSettings: "system" (default), "light" or "dark"
THEME_CHOICES = ("system", "light", "dark")


class _Notifier(QObject):
    changed = Signal(object)  # the Scheme now on screen


_state: dict = {
    "scheme": LIGHT,
    "mode": "system",
    "notifier": None,
    "hooked": False,
    "system_dark": None,  # what the platform said; None: not asked yet
}


def theme_notifier() -> _Notifier:
    if _state["notifier"] is None:
        _state["notifier"] = _Notifier()
    return _state["notifier"]


def current() -> Scheme:
    """The scheme on screen (light until :func:`apply_theme` says otherwise)."""
    return _state["scheme"]


def current_mode() -> str:
    """The mode on screen: "system", "light" or "dark"."""
    return _state["mode"]


# Every screen paints from the palette (tests/ui/test_*_palette.py, test_*_schemes.py and
# test_charter_design.py refuse a fixed colour), so Tribune follows the desktop by default;
# "Light" and "Dark" stay choices in Settings.
DEFAULT_MODE = "system"


def saved_mode(settings: QSettings | None = None) -> str:
    value = (settings or QSettings(ORG_NAME, APP_NAME)).value(THEME_KEY, DEFAULT_MODE)
    return value if value in THEME_CHOICES else DEFAULT_MODE


def save_mode(mode: str, settings: QSettings | None = None) -> None:
    (settings or QSettings(ORG_NAME, APP_NAME)).setValue(THEME_KEY, mode)


def system_scheme() -> Scheme:
    """The platform's scheme.

    Before the first paint the ``Qt`` namespace (which ``colorScheme()`` returns an enum of)
    is not loaded yet (ui/application.py): the platform's own palette tells dark from light
    then; :func:`follow_system` asks ``QStyleHints`` afterwards and on every change.
    """
    if _state["system_dark"] is None:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        _state["system_dark"] = window.lightness() < 128
    return DARK if _state["system_dark"] else LIGHT


def resolve(mode: str) -> Scheme:
    return SCHEMES[mode] if mode in SCHEMES else system_scheme()


def qpalette(scheme: Scheme) -> QPalette:
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    for r, token in (
        (role.Window, "window"),
        (role.Base, "surface"),
        (role.AlternateBase, "surface_alt"),
        (role.Button, "surface"),
        (role.Highlight, "accent"),
        (role.HighlightedText, "on_accent"),
        (role.WindowText, "text"),
        (role.Text, "text"),
        (role.ButtonText, "text"),
        (role.ToolTipBase, "surface"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "text_muted"),
        (role.Link, "accent_text"),
        (role.LinkVisited, "accent_text"),
        (role.Mid, "border"),
        (role.Midlight, "surface_alt"),
        (role.Light, "surface"),
        (role.Dark, "border"),
        (role.Shadow, "side"),
        (role.BrightText, "on_accent"),
    ):
        palette.setColor(r, QColor(getattr(scheme, token)))
    # setColor(role, …) sets every group: without these a disabled button looks pressable
    for r in (role.ButtonText, role.WindowText, role.Text):
        palette.setColor(group.Disabled, r, QColor(scheme.text_disabled))
    return palette


def apply_theme(app, mode: str | None = None) -> Scheme:
    """Style ``app`` in ``mode`` ("system", "light", "dark"; None: the saved choice)."""
    if app.property("tribune_style") != "Fusion":  # (ui.application: created with it)
        app.setStyle("Fusion")
    _state["mode"] = mode or saved_mode()
    scheme = resolve(_state["mode"])
    _state["scheme"] = scheme
    app.setPalette(qpalette(scheme))
    app.setStyleSheet(stylesheet(scheme))
    theme_notifier().changed.emit(scheme)
    return scheme


def follow_system(app) -> None:
    """Follow the platform's colour scheme from now on (call after the first paint)."""
    if _state["hooked"]:
        return
    _state["hooked"] = True
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()

    def changed(value) -> None:
        if value == Qt.ColorScheme.Unknown:
            return
        dark = value == Qt.ColorScheme.Dark
        if dark != _state["system_dark"]:
            _state["system_dark"] = dark
            if _state["mode"] == "system":
                apply_theme(app, "system")

    hints.colorSchemeChanged.connect(changed)
    changed(hints.colorScheme())


def unstyle(app, palette: QPalette) -> None:
    """Back to a bare application (tests): no style sheet, ``palette``, mode "system"."""
    app.setStyleSheet("")
    app.setPalette(palette)
    _state["mode"] = "system"
    _state["scheme"] = LIGHT
    theme_notifier().changed.emit(LIGHT)

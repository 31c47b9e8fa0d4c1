"""Tribune's icons by name, from one set: Phosphor (MIT), drawn by QtAwesome (MIT).

Screens ask for a name (``icons.icon("sync")``), never a file or a glyph, so the set can
change in one place. Icons take the palette's colours (text, muted when disabled, accent
when checked/active) and follow a scheme change: :func:`set_icon` remembers the widget and
gives it the new colours when ``ui.design.theme_notifier()`` says the scheme changed.

Why QtAwesome + Phosphor: a maintained PyPI package (no SVG files to vendor and update by
hand), fonts under open licences bundled in the wheel (Phosphor MIT, MDI Apache 2.0),
glyphs drawn at any size and device pixel ratio, coloured at run time for both schemes.
"""

from __future__ import annotations

import weakref

from PySide6.QtGui import QColor, QIcon

from ui.design import current, theme_notifier

# name → Phosphor glyph (regular weight)
NAMES: dict[str, str] = {
    "add": "ph.plus",
    "add-client": "ph.user-plus",
    "archive": "ph.archive",
    "about": "ph.info",
    "apply": "ph.check",
    "back": "ph.caret-left",
    "backup": "ph.floppy-disk",
    "calendar": "ph.calendar",
    "cancel": "ph.x",
    "charter": "ph.book-open",
    "charts": "ph.chart-line",
    "check": "ph.check-circle",
    "close": "ph.x",
    "copy": "ph.copy",
    "cut": "ph.scissors",
    "database": "ph.database",
    "delete": "ph.trash",
    "edit": "ph.pencil-simple",
    "error": "ph.x-circle",
    "export": "ph.export",
    "file-csv": "ph.file-text",
    "forward": "ph.caret-right",
    "help": "ph.question",
    "image": "ph.image",
    "import": "ph.download-simple",
    "inbox": "ph.tray",
    "keyboard": "ph.keyboard",
    "listening": "ph.ear",
    "menu": "ph.dots-three",
    "no": "ph.x",
    "ok": "ph.check",
    "open": "ph.folder-open",
    "paste": "ph.clipboard",
    "people": "ph.users",
    "quit": "ph.sign-out",
    "redo": "ph.arrow-u-up-right",
    "refresh": "ph.arrow-clockwise",
    "report": "ph.file-pdf",
    "restore": "ph.clock-counter-clockwise",
    "save": "ph.floppy-disk",
    "search": "ph.magnifying-glass",
    "select-all": "ph.selection-all",
    "settings": "ph.gear",
    "switch": "ph.arrows-left-right",
    "sync": "ph.arrows-clockwise",
    "undo": "ph.arrow-u-up-left",
    "warning": "ph.warning",
    "yes": "ph.check",
    "approval": "ph.check-square",
    "audit": "ph.list-bullets",
    "agency": "ph.buildings",
    "remove": "ph.user-minus",
    "suspend": "ph.prohibit",
}

# the workspace areas' tabs (ui.areas.AREA_KEYS)
AREA_ICONS = {
    "charter": "charter",
    "calendar": "calendar",
    "inbox": "inbox",
    "charts": "charts",
    "listening": "listening",
}

_cache: dict[tuple[str, str, str | None], QIcon] = {}
_bound: list[tuple[weakref.ref, str, str | None]] = []


def icon(name: str, colour: str | None = None) -> QIcon:
    """The named icon in the current scheme (``colour``: a palette token, default text)."""
    scheme = current()
    key = (name, scheme.name, colour)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    import os

    os.environ.setdefault("QT_API", "pyside6")  # QtPy: never a PyQt installed beside us
    import qtawesome

    glyph = NAMES[name]
    normal = getattr(scheme, colour) if colour else scheme.text
    made = qtawesome.icon(
        glyph,
        color=QColor(normal),
        color_disabled=QColor(scheme.text_disabled),
        color_active=QColor(normal),
        color_selected=QColor(scheme.accent_text if colour is None else normal),
        color_on=QColor(scheme.accent_text),
    )
    _cache[key] = made
    return made


def set_icon(target, name: str, colour: str | None = None) -> None:
    """Give ``target`` (a button, an action) the icon, and again after a scheme change."""
    target.setIcon(icon(name, colour))
    _bound.append((weakref.ref(target), name, colour))
    _hook()


def _hook() -> None:
    if getattr(_hook, "done", False):
        return
    _hook.done = True
    theme_notifier().changed.connect(_recolour)


def _recolour(_scheme) -> None:
    alive = []
    for ref, name, colour in _bound:
        target = ref()
        if target is None:
            continue
        try:
            target.setIcon(icon(name, colour))
        except RuntimeError:  # the C++ object is gone
            continue
        alive.append((ref, name, colour))
    _bound[:] = alive


def standard_button_icon(box, button) -> None:
    """Replace the platform's stock icon of a QDialogButtonBox button with ours."""
    from PySide6.QtWidgets import QDialogButtonBox

    SB = QDialogButtonBox.StandardButton
    names = {
        SB.Ok: "ok",
        SB.Save: "save",
        SB.Cancel: "cancel",
        SB.Close: "close",
        SB.Yes: "yes",
        SB.No: "no",
        SB.Apply: "apply",
        SB.Help: "help",
        SB.Open: "open",
        SB.Discard: "delete",
        SB.Reset: "refresh",
        SB.RestoreDefaults: "refresh",
    }
    name = names.get(box.standardButton(button))
    if name is None:
        return
    role = button.property("role")
    colour = "on_accent" if role in ("primary", "danger") else None
    set_icon(button, name, colour)

"""Tribune's icons by name, from one set: Phosphor (MIT), drawn by QtAwesome (MIT).

Screens ask for a name (``icons.icon("sync")``), never a file or a glyph, so the set can
change in one place. Icons take the palette's colours (text, muted when disabled, accent
when checked/active) and follow a scheme change: :func:`set_icon` remembers the widget and
gives it the new colours when ``ui.design.theme_notifier()`` says the scheme changed.

Why QtAwesome + Phosphor: a maintained PyPI package (no SVG files to vendor and update by
hand), fonts under open licences bundled in the wheel (Phosphor MIT, MDI Apache 2.0),
glyphs drawn at any size and device pixel ratio, coloured at run time for both schemes.

The glyphs are painted here from QtAwesome's Phosphor font and charmap (both read from the
installed package's ``fonts/`` folder) rather than through ``qtawesome.icon()``: importing
QtAwesome costs ~135 ms of start-up (its QtPy layer star-imports every Qt module, which
defeats PySide6's lazy type loading) and its first icon loads all ten of its fonts (~35 ms),
for the one font Tribune uses. Painting is QtAwesome's own: the glyph at 0.875 × the icon's
height, centred, in the colour of the icon's mode and state. The code points of the glyphs
named here are kept in :mod:`ui.icon_codepoints` (the charmap, 4,470 glyphs in JSON, is read
only for another one).
"""

from __future__ import annotations

import functools
import importlib.util
import weakref
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

from ui import ink
from ui.design import current, theme_notifier
from ui.icon_codepoints import CODEPOINTS

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
    "text-bold": "ph.text-bolder",
    "text-italic": "ph.text-italic",
    "list-bullets": "ph.list-bullets",
    "list-numbers": "ph.list-numbers",
    "link": "ph.link",
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
    glyph = NAMES[name]
    normal = QColor(getattr(scheme, colour) if colour else scheme.text)
    disabled = QColor(scheme.text_disabled)
    on = QColor(scheme.accent_text)
    selected = QColor(scheme.accent_text) if colour is None else normal  # (not QColor(normal):
    # a QColor copied builds the Qt namespace, see ui.ink)
    M, S = QIcon.Mode, QIcon.State
    colours = {
        (M.Normal, S.Off): normal,
        (M.Active, S.Off): normal,
        (M.Selected, S.Off): selected,
        (M.Disabled, S.Off): disabled,
        (M.Normal, S.On): on,
        (M.Active, S.On): on,
        (M.Selected, S.On): on,
        (M.Disabled, S.On): disabled,
    }
    made = QIcon(_GlyphEngine(_char(glyph), colours))
    _cache[key] = made
    return made


def _fonts_folder() -> Path:
    spec = importlib.util.find_spec("qtawesome")  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("QtAwesome is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@functools.cache
def _phosphor() -> str:
    """The Phosphor font's family (loaded once into Qt)."""
    font = next(_fonts_folder().glob("phosphor-[0-9]*.ttf"))
    font_id = QFontDatabase.addApplicationFont(str(font))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise RuntimeError(f"cannot load the icon font {font.name}")
    return families[0]


@functools.cache
def _charmap() -> dict[str, str]:
    """Every Phosphor glyph name → its code point (a hex string), for a glyph not in
    :data:`ui.icon_codepoints.CODEPOINTS`."""
    import json

    charmap = next(_fonts_folder().glob("phosphor-charmap-*.json"))
    return json.loads(charmap.read_text(encoding="utf-8"))


def _char(glyph: str) -> str:
    prefix, _, key = glyph.partition(".")
    if prefix != "ph":
        raise KeyError(f"only Phosphor glyphs (ph.*) are drawn: {glyph}")
    point = CODEPOINTS.get(key)
    return chr(point if point is not None else int(_charmap()[key], 16))


class _GlyphEngine(QIconEngine):
    """One glyph of the Phosphor font, in the colour of the icon's mode and state."""

    def __init__(self, char: str, colours: dict) -> None:
        super().__init__()
        self.char, self.colours = char, colours

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # through ui.ink (no setPen, no Qt.AlignmentFlag): the sidebar's two icons are painted
        # in the complete window's first paint, before anything needs the Qt namespace
        font = QFont(_phosphor())
        font.setPixelSize(max(1, round(0.875 * rect.height())))
        ink.text(painter, rect, self.char, font, self.colours[(mode, state)], centre=True)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(QColor(0, 0, 0, 0))  # transparent
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self.char, self.colours)


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

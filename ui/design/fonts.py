"""The bundled emoji font, registered for the UI and added as a fallback family.

Symbola (resources/fonts, free for any use, already embedded in the PDFs) covers emoji and
symbols in outline: a machine without an emoji font (minimal Linux, offscreen, some
Windows builds) shows "🎉👍" instead of empty boxes in messages, posts and the charter.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from app.config import resources_dir

EMOJI_FILE = "Symbola_hint.ttf"
EMOJI_FAMILY = "Symbola"

_installed: dict = {"family": None}


def register_emoji_font() -> str | None:
    """Add the bundled font to the application's font database (once); its family or None."""
    if _installed["family"] is None:
        path = resources_dir() / "fonts" / EMOJI_FILE
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _installed["family"] = families[0] if families else ""
    return _installed["family"] or None


def with_emoji_fallback(font: QFont) -> QFont:
    """``font`` with the emoji family after its own ones."""
    family = register_emoji_font()
    if not family:
        return font
    # the family really used: an alias ("Sans Serif") in a list would not be resolved
    real = QFontInfo(font).family()
    font = QFont(font)
    families = [real, *(f for f in font.families() if f not in (real, font.family()))]
    if family not in families:
        font.setFamilies([*families, family])
    return font


def install_ui_fonts(app) -> None:
    """Emoji in every widget: the application font falls back to the bundled emoji font."""
    family = register_emoji_font()
    if not family:
        return
    base = app.font()
    real = QFontInfo(base).family()
    # Widgets given the family by setFont() fall back through its substitutes (an alias
    # such as "Sans Serif" is left alone: a substitute would replace it, not follow it).
    if real and family not in QFont.substitutes(real):
        QFont.insertSubstitution(real, family)
    app.setFont(with_emoji_fallback(base))

"""One visual style for the whole app: Fusion, the design system's palette and style sheet.

Kept as the entry point older code calls; the tokens, schemes, type scale and button roles
live in :mod:`ui.design`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.design import LIGHT, apply_theme
from ui.design.stylesheet import stylesheet

STYLESHEET = stylesheet(LIGHT)  # the light sheet, for code that reads it


def apply_style(app: QApplication, mode: str | None = None) -> None:
    """Fusion, palette and style sheet of the saved or given ``mode`` (before the first paint)."""
    apply_theme(app, mode)


def finish_style(app: QApplication) -> None:
    """After the first paint: the emoji fallback font, and follow the system's scheme."""
    from ui.design.fonts import install_ui_fonts
    from ui.design.theme import follow_system

    install_ui_fonts(app)
    follow_system(app)

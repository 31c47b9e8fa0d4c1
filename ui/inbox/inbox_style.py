"""The inbox's colours, all from :mod:`ui.design.palette` tokens (light and dark schemes).

Cards, chips, bubbles, the banners and the marks read the scheme on screen when they paint
(``current()``); widgets styled by a sheet re-style when the scheme changes
(:func:`follow_scheme`). No colour is written here that is not a token.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QColor

from ui.design.palette import Scheme
from ui.design.theme import current, theme_notifier

Pair = tuple[QColor, QColor]  # (text, background)


def _pair(scheme: Scheme, fg: str, bg: str) -> Pair:
    return QColor(getattr(scheme, fg)), QColor(getattr(scheme, bg))


def level_colours(level: str, scheme: Scheme | None = None) -> Pair:
    """The time-left chip: late red, under two hours amber, else green."""
    s = scheme or current()
    token = {"late": "danger", "soon": "warning"}.get(level, "success")
    return _pair(s, token, f"{token}_soft")


def chip_colours(kind: str, scheme: Scheme | None = None) -> Pair:
    """Status and category chips: ``new``, ``negative`` or ``neutral``."""
    s = scheme or current()
    if kind == "new":
        return _pair(s, "accent_text", "accent_soft")
    if kind == "negative":
        return _pair(s, "danger", "danger_soft")
    return _pair(s, "text_muted", "surface_alt")


def accent(scheme: Scheme | None = None) -> QColor:
    return QColor((scheme or current()).accent)


def watched_background(scheme: Scheme | None = None) -> QColor:
    """A row whose text holds one of the charter's watch words."""
    return QColor((scheme or current()).warning_soft)


def bubble_colours(scheme: Scheme | None = None) -> dict[str, str]:
    """The conversation's bubbles: background, text and the small line above the text."""
    s = scheme or current()
    return {
        "theirs_bg": s.surface_alt,
        "theirs_fg": s.text,
        "theirs_meta": s.text_muted,
        "ours_bg": s.accent,
        "ours_fg": s.on_accent,
        "ours_meta": s.on_accent,
        "note_bg": s.warning_soft,
        "note_fg": s.text,
        "note_meta": s.warning,
        "current": s.accent_text,
    }


def banner_sheet(name: str, scheme: Scheme | None = None) -> str:
    """The crisis / overdue banner: danger on its soft background."""
    s = scheme or current()
    return (
        f"#{name}{{background:{s.danger_soft};color:{s.danger};border:1px solid {s.danger};"
        "border-radius:6px;padding:8px;font-weight:600;}"
    )


def notice_sheet(name: str, scheme: Scheme | None = None) -> str:
    """A note for the user (a reply sent back): warning on its soft background."""
    s = scheme or current()
    return (
        f"#{name}{{background:{s.warning_soft};color:{s.warning};border:1px solid {s.border};"
        "border-radius:6px;padding:6px;}"
    )


def muted_sheet(scheme: Scheme | None = None) -> str:
    return f"color:{(scheme or current()).text_muted};"


def title_sheet(scheme: Scheme | None = None) -> str:
    return f"font-size: 14pt; font-weight: 600; color: {(scheme or current()).text};"


class _Follower(QObject):
    """A child of the widget styled: the connection to the notifier dies with it."""

    def __init__(self, widget: QObject, restyle: Callable[[Scheme], None]) -> None:
        super().__init__(widget)
        self._restyle = restyle
        theme_notifier().changed.connect(self.changed)

    @Slot(object)
    def changed(self, scheme) -> None:
        self._restyle(scheme)


def follow_scheme(widget: QObject, restyle: Callable[[Scheme], None]) -> None:
    """``restyle(scheme)`` now and whenever the scheme on screen changes (while ``widget``
    lives: the connection goes with it)."""
    restyle(current())
    _Follower(widget, restyle)


__all__ = [
    "accent",
    "banner_sheet",
    "bubble_colours",
    "chip_colours",
    "follow_scheme",
    "level_colours",
    "muted_sheet",
    "notice_sheet",
    "title_sheet",
    "watched_background",
]

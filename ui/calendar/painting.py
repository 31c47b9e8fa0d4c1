"""Shared look of the calendar views: network colours, status marks, chip painting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication

from app.services.calendar.query import PostChip

NETWORK_COLOURS = {
    "facebook": QColor("#1877f2"),
    "instagram": QColor("#d62976"),
    "linkedin": QColor("#0a66c2"),
    "x": QColor("#14171a"),
    "bluesky": QColor("#1185fe"),
    "mastodon": QColor("#6364ff"),
}
STATUS_MARKS = {
    "idea": "☆",
    "draft": "○",
    "in_review": "◑",
    "approved": "✓",
    "scheduled": "◉",
    "published": "●",
    "failed": "✗",
}
TODAY_COLOUR = QColor("#e5484d")
KEYDATE_COLOUR = QColor("#b45309")
HOLIDAY_COLOUR = QColor("#15803d")


def view_locale() -> QLocale:
    """The locale of the language the UI speaks (day and month names follow the catalogue)."""
    # Translators: the Qt locale name matching this translation.
    return QLocale(QCoreApplication.translate("CalendarLocale", "en_GB"))


def network_colour(network: str) -> QColor:
    return NETWORK_COLOURS.get(network, QColor("#5b6477"))


@dataclass
class ChipHit:
    """Where a chip was painted (for clicks and drags)."""

    rect: QRect
    chip: PostChip


def paint_chip(
    painter: QPainter,
    rect: QRect,
    chip: PostChip,
    time_text: str,
    font: QFont,
    *,
    selected: bool = False,
    faded: bool = False,
    flag: str = "",
) -> None:
    """A rounded chip: network stripes on the left, time, status mark and preview.

    ``flag`` ("error" or "warning") draws a small mark on the right: the charter check
    found something about this post.
    """
    main = network_colour(chip.networks[0] if chip.networks else "")
    bg = QColor(main)
    bg.setAlpha(40 if chip.status in ("idea", "draft") else 70)
    if faded:
        bg.setAlpha(25)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(main.darker(120), 2) if selected else Qt.PenStyle.NoPen)
    painter.setBrush(bg)
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    x = rect.left() + 2
    for network in chip.networks[:4]:
        painter.fillRect(QRect(x, rect.top() + 2, 3, rect.height() - 4), network_colour(network))
        x += 4
    painter.setFont(font)
    painter.setPen(QColor("#1d2536") if not faded else QColor("#8a93a6"))
    text_rect = rect.adjusted(x - rect.left() + 3, 0, -3, 0)
    if flag:
        dot = QColor("#d92d20") if flag == "error" else QColor("#f79009")
        painter.setBrush(dot)
        painter.setPen(Qt.PenStyle.NoPen)
        d = 7
        painter.drawEllipse(QRect(rect.right() - d - 3, rect.center().y() - d // 2, d, d))
        text_rect.adjust(0, 0, -(d + 3), 0)
        painter.setPen(QColor("#1d2536") if not faded else QColor("#8a93a6"))
    label = f"{time_text} {STATUS_MARKS.get(chip.status, '')} {chip.title or chip.preview}".strip()
    elided = QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight, text_rect.width())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
    painter.restore()


def local_time_text(chip: PostChip, zone) -> str:
    if chip.all_day:
        return ""
    return chip.planned_at.astimezone(zone).strftime("%H:%M")


def local_date(chip: PostChip, zone) -> dt.date:
    return chip.planned_at.astimezone(zone).date()


class ChipDragMixin:
    """Press on a chip, move past the platform's drag distance, release: a move.

    Shared by the month and week views (QWidget subclasses): they paint ``_dragging`` at
    ``_drag_pos`` and decide, on release, where the chip lands.
    """

    def _init_drag(self) -> None:
        self._press: tuple[PostChip, QPoint] | None = None
        self._dragging: PostChip | None = None
        self._drag_pos = QPoint()

    def _drag_press(self, chip: PostChip | None, pos: QPoint) -> None:
        self._press = (chip, pos) if chip else None

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        far = (
            self._press is not None
            and (pos - self._press[1]).manhattanLength() >= QApplication.startDragDistance()
        )
        if far and self._dragging is None:
            self._dragging = self._press[0]
        if self._dragging is not None:
            self._drag_pos = pos
            self.update()

    def _drag_release(self) -> PostChip | None:
        """The chip that was dragged (None for a click); the drag is over."""
        dragged, self._dragging, self._press = self._dragging, None, None
        return dragged

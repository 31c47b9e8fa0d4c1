"""Shared look of the calendar views: network colours, status marks, chip painting.

Every colour comes from the palette's tokens (:func:`ink`), read at paint time: the month
and week views follow the Light and Dark schemes and repaint when the scheme changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from app.models.client import network_label
from app.services.calendar.query import PostChip
from app.textsafe import tooltip
from ui.badges import network_colour, paint_network_badge
from ui.design import current

STATUS_MARKS = {
    "idea": "☆",
    "draft": "○",
    "in_review": "◑",
    "approved": "✓",
    "scheduled": "◉",
    "published": "●",
    "failed": "✗",
}


def ink(token: str, alpha: int | None = None) -> QColor:
    """The colour of a palette token in the scheme on screen (``alpha``: 0–255)."""
    colour = QColor(getattr(current(), token))
    if alpha is not None:
        colour.setAlpha(alpha)
    return colour


def today_colour() -> QColor:
    return ink("danger_fill")


def keydate_colour() -> QColor:
    return ink("warning")


def holiday_colour() -> QColor:
    return ink("success")


def view_locale() -> QLocale:
    """The locale of the language the UI speaks (day and month names follow the catalogue)."""
    # Translators: the Qt locale name matching this translation.
    return QLocale(QCoreApplication.translate("CalendarLocale", "en_GB"))


def status_legend() -> list[tuple[str, str]]:
    """(mark, status name) for the legend under the calendar, in the workflow's order."""
    from app.services.calendar.posts import status_label

    return [(mark, status_label(status)) for status, mark in STATUS_MARKS.items()]


def chip_tooltip(chip: PostChip, zone) -> str:
    """Everything a chip cuts: time, status, networks, the full title; escaped (a title is
    typed by people, a preview may come from an import)."""
    from app.services.calendar.posts import status_label

    when = local_time_text(chip, zone) or QCoreApplication.translate("CalendarChip", "all day")
    networks = ", ".join(network_label(n) for n in chip.networks)
    head = f"{when} · {STATUS_MARKS.get(chip.status, '')} {status_label(chip.status)}"
    lines = [head, networks, chip.title or chip.preview]
    if chip.title and chip.preview and chip.preview != chip.title:
        lines.append(chip.preview)
    return tooltip("\n".join(line for line in lines if line))


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
    """A rounded chip: the network badge(s) on the left, time, status mark and title.

    ``flag`` ("error" or "warning") draws a small mark on the right: the charter check
    found something about this post.
    """
    main = network_colour(chip.networks[0] if chip.networks else "")
    bg = QColor(main)
    bg.setAlpha(28 if chip.status in ("idea", "draft") else 55)
    if faded:
        bg.setAlpha(20)
    pen = ink("text_disabled" if faded else "text")
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(ink("accent"), 2) if selected else Qt.PenStyle.NoPen)
    painter.setBrush(bg)
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    # network badges: the first in full, the others as a thin stack behind it
    side = max(8, rect.height() - 4)
    x = rect.left() + 2
    extra = min(len(chip.networks) - 1, 3)
    for i in range(extra, 0, -1):
        behind = QRect(x + 3 * i, rect.top() + 2, side, side)
        paint_network_badge(painter, behind, chip.networks[i], font)
    if chip.networks:
        paint_network_badge(painter, QRect(x, rect.top() + 2, side, side), chip.networks[0], font)
    x += side + 3 * max(extra, 0) + 3
    text_rect = QRect(x, rect.top(), rect.right() - 3 - x, rect.height())
    if flag:
        painter.setBrush(ink("danger" if flag == "error" else "warning"))
        painter.setPen(Qt.PenStyle.NoPen)
        d = 7
        painter.drawEllipse(QRect(rect.right() - d - 3, rect.center().y() - d // 2, d, d))
        text_rect.adjust(0, 0, -(d + 3), 0)
    painter.setFont(font)
    painter.setPen(pen)
    mark = STATUS_MARKS.get(chip.status, "")
    label = " ".join(part for part in (time_text, mark, chip.title or chip.preview) if part)
    label = " ".join(label.split())  # one line, whatever the title holds
    elided = QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight, text_rect.width())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
    painter.restore()


def local_time_text(chip: PostChip, zone) -> str:
    if chip.all_day:
        return ""
    return chip.planned_at.astimezone(zone).strftime("%H:%M")


def local_date(chip: PostChip, zone) -> dt.date:
    return chip.planned_at.astimezone(zone).date()

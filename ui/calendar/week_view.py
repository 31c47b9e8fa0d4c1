"""The week view: seven columns of hours, posts placed at their time, the "now" line.

Painted like the month view (no widget per post). Drag a chip to another day or hour to
move it (snapped to 15 minutes); double-click an empty slot to add a post at that time.

Signals:
    quick_add(object): a local ``datetime.datetime`` (naive, client's wall clock).
    open_post(int): a chip double-clicked.
    move_requested(int, object): post id dropped at a naive local ``datetime.datetime``.
    context_requested(int, QPoint): right-click on a chip (global position).
    refused(str): a drag or a double-click refused to a person who may not write posts.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.services.calendar.keydates import KeyDate
from app.services.calendar.query import PostChip
from ui.calendar.chip_parts import ChipDrag, ChipToolTips
from ui.calendar.painting import (
    ChipHit,
    holiday_colour,
    ink,
    keydate_colour,
    local_time_text,
    paint_chip,
    today_colour,
    view_locale,
)

GUTTER = 48
ALL_DAY_Y = 46  # the all-day row, under the day names and key dates
TOP = 70  # day names, key dates, then the all-day row
HOUR_H = 44
CHIP_H = 20
SNAP_MIN = 15


TIMED_MIN_WIDTH = 160  # narrower chips show no time


class WeekView(QWidget):
    quick_add = Signal(object)
    open_post = Signal(int)
    move_requested = Signal(int, object)
    context_requested = Signal(int, QPoint)
    refused = Signal(str)  # a move or a quick add refused: why (set_locked)
    tips: ChipToolTips | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setMinimumSize(560, TOP + 24 * HOUR_H)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.zone = ZoneInfo("Europe/Paris")
        self.monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.now: dt.datetime | None = None  # aware, for the "now" line
        self._chips: list[PostChip] = []
        self._keydates: dict[dt.date, list[KeyDate]] = {}
        self._hits: list[ChipHit] = []
        self.drag = ChipDrag(self, self.refused)  # parts the view owns
        self.tips = ChipToolTips(self, self.chip_at, lambda: self.zone)
        self.selected_id: int | None = None
        self.flags: dict[int, str] = {}  # post id -> "error" / "warning" from the check
        self.best_slots: tuple[tuple[int, int], ...] = ()  # (weekday, hour): shaded as a hint
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.5, self._font.pointSizeF() - 1))

    def set_week(self, any_day: dt.date, zone: ZoneInfo) -> None:
        self.monday = any_day - dt.timedelta(days=any_day.weekday())
        self.zone = zone
        self.update()

    def set_posts(self, chips: list[PostChip]) -> None:
        self._chips = list(chips)
        self.update()

    def set_key_dates(self, keydates: dict[dt.date, list[KeyDate]]) -> None:
        self._keydates = keydates
        self.update()

    def set_best_slots(self, slots: tuple[tuple[int, int], ...]) -> None:
        """The client's best times to post (from the metrics), shaded behind the posts."""
        self.best_slots = tuple(slots)
        self.update()

    def set_now(self, now: dt.datetime) -> None:
        self.now = now
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _col_w(self) -> float:
        return (self.width() - GUTTER) / 7

    def slot_rect(self, day: dt.date, time: dt.time, minutes: int = 30) -> QRect:
        col = (day - self.monday).days
        w = self._col_w()
        y = TOP + (time.hour + time.minute / 60) * HOUR_H
        return QRect(int(GUTTER + col * w), int(y), int(w), int(minutes / 60 * HOUR_H))

    def datetime_at(self, pos: QPoint) -> dt.datetime | None:
        w = self._col_w()
        if pos.x() < GUTTER or pos.y() < self.header_top() + TOP or w <= 0:
            return None
        col = int((pos.x() - GUTTER) // w)
        if not 0 <= col < 7:
            return None
        minutes = int((pos.y() - TOP) / HOUR_H * 60)
        minutes = max(0, min(24 * 60 - SNAP_MIN, minutes - minutes % SNAP_MIN))
        day = self.monday + dt.timedelta(days=col)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))

    def chip_at(self, pos: QPoint) -> PostChip | None:
        return next((h.chip for h in reversed(self._hits) if h.rect.contains(pos)), None)

    def chip_rect(self, post_id: int) -> QRect | None:
        self.repaint()
        return next((h.rect for h in self._hits if h.chip.id == post_id), None)

    # -- painting --------------------------------------------------------------------------
    def header_top(self) -> int:
        """Top of the visible part: the day names stay there when the hours scroll."""
        return max(0, -self.y()) if self.parent() is not None else 0

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), ink("surface"))
        w = self._col_w()
        painter.setFont(self._font)
        for hour in range(24):
            y = TOP + hour * HOUR_H
            painter.setPen(ink("surface_alt"))
            painter.drawLine(GUTTER, y, self.width(), y)
            painter.setPen(ink("text_muted"))
            painter.drawText(
                QRect(0, y - 7, GUTTER - 6, 14),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{hour:02d}:00",
            )
        for col in range(7):
            day = self.monday + dt.timedelta(days=col)
            x = int(GUTTER + col * w)
            if day.weekday() >= 5:
                painter.fillRect(QRect(x, TOP, int(w), 24 * HOUR_H), ink("surface_alt"))
            painter.setPen(ink("border"))
            painter.drawLine(x, 0, x, self.height())
        self._paint_best_slots(painter)
        self._hits = []
        all_day = self._paint_timed(painter)
        if self.now is not None:  # the now line
            local = self.now.astimezone(self.zone)
            if 0 <= (local.date() - self.monday).days < 7:
                r = self.slot_rect(local.date(), local.time())
                painter.setPen(QPen(today_colour(), 2))
                painter.drawLine(r.left(), r.top(), r.right(), r.top())
                painter.setBrush(today_colour())
                painter.drawEllipse(QPoint(r.left(), r.top()), 4, 4)
        if self.drag.dragging is not None:
            target = self.datetime_at(self.drag.pos)
            if target is not None:
                r = self.slot_rect(target.date(), target.time())
                painter.setPen(QPen(ink("accent_text"), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(r.adjusted(2, 0, -2, 0))
                painter.setPen(ink("accent_text"))
                painter.drawText(
                    r.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, f"{target:%H:%M}"
                )
        self._paint_header(painter, all_day)
        painter.end()

    def _paint_best_slots(self, painter: QPainter) -> None:
        """A green band on each best (weekday, hour) slot of the week, labelled where no post
        sits in that hour (a post on a best slot is where it should be: a star is enough)."""
        band, edge = ink("success", 38), ink("success")
        busy = set()
        for chip in self._chips:
            local = chip.planned_at.astimezone(self.zone)
            busy.add((local.date(), local.hour, local.minute // 30))
        for weekday, hour in self.best_slots:
            day = self.monday + dt.timedelta(days=weekday)
            r = self.slot_rect(day, dt.time(hour), 60)
            painter.fillRect(r.adjusted(1, 1, 0, 0), band)
            painter.fillRect(QRect(r.left() + 1, r.top() + 1, 3, r.height() - 1), edge)
            painter.setPen(edge)
            top, bottom = (day, hour, 0) in busy, (day, hour, 1) in busy
            if top and bottom:
                continue  # the band's colour and edge show around the posts
            label = self.tr("★ best time") if not (top or bottom) else "★"
            align = Qt.AlignmentFlag.AlignTop if bottom else Qt.AlignmentFlag.AlignBottom
            painter.drawText(r.adjusted(8, 2, -4, -3), Qt.AlignmentFlag.AlignRight | align, label)

    def best_slot_rects(self) -> list[QRect]:
        """Where the best slots are shaded (for tests and tooltips)."""
        return [
            self.slot_rect(self.monday + dt.timedelta(days=d), dt.time(h), 60)
            for d, h in self.best_slots
        ]

    def _paint_timed(self, painter: QPainter) -> dict[dt.date, list[PostChip]]:
        """Timed chips (posts sharing a half-hour share its width); returns all-day ones."""
        slots: dict[tuple[dt.date, int], list[PostChip]] = {}
        all_day: dict[dt.date, list[PostChip]] = {}
        for chip in self._chips:
            local = chip.planned_at.astimezone(self.zone)
            if not 0 <= (local.date() - self.monday).days < 7:
                continue
            if chip.all_day:
                all_day.setdefault(local.date(), []).append(chip)
                continue
            key = (local.date(), (local.hour * 60 + local.minute) // 30)
            slots.setdefault(key, []).append(chip)
        for (day, _), chips in slots.items():
            for i, chip in enumerate(chips):
                local = chip.planned_at.astimezone(self.zone)
                base = self.slot_rect(day, local.time())
                part = base.width() // len(chips)
                rect = QRect(base.left() + 2 + i * part, base.top() + 1, part - 4, CHIP_H)
                # the chip's height already says when: a narrow chip keeps its width for
                # the title (the tooltip has the time)
                when = local_time_text(chip, self.zone) if rect.width() >= TIMED_MIN_WIDTH else ""
                self._chip(painter, rect, chip, when)
        return all_day

    def _chip(self, painter: QPainter, rect: QRect, chip: PostChip, time_text: str) -> None:
        paint_chip(
            painter,
            rect,
            chip,
            time_text,
            self._font,
            selected=chip.id == self.selected_id,
            faded=self.drag.fades(chip),
            flag=self.flags.get(chip.id, ""),
        )
        self._hits.append(ChipHit(rect, chip))

    def _paint_header(self, painter: QPainter, all_day: dict[dt.date, list[PostChip]]) -> None:
        """Day names, key dates and all-day posts, pinned to the top of the visible part."""
        top = self.header_top()
        w = self._col_w()
        locale = view_locale()
        fm = QFontMetrics(self._font)
        painter.fillRect(QRect(0, top, self.width(), TOP), ink("surface"))
        # chips scrolled under the header can no longer be clicked there
        self._hits = [h for h in self._hits if h.rect.bottom() > top + TOP]
        for col in range(7):
            day = self.monday + dt.timedelta(days=col)
            x = int(GUTTER + col * w)
            painter.setPen(ink("border"))
            painter.drawLine(x, top, x, top + TOP)
            head = f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {day.day}"
            today = self.now is not None and day == self.now.astimezone(self.zone).date()
            painter.setPen(today_colour() if today else ink("text"))
            painter.drawText(QRect(x, top + 2, int(w), 16), Qt.AlignmentFlag.AlignCenter, head)
            y = top + 20
            for kd in self._keydates.get(day, ())[:2]:
                painter.setPen(holiday_colour() if kd.kind == "holiday" else keydate_colour())
                text = fm.elidedText(kd.name, Qt.TextElideMode.ElideRight, int(w) - 6)
                painter.drawText(QRect(x + 3, y, int(w) - 6, 12), 0, text)
                y += 12
            chips = all_day.get(day, [])
            rect = QRect(x + 2, top + ALL_DAY_Y, int(w) - 4, CHIP_H)
            if len(chips) == 1:
                self._chip(painter, rect, chips[0], "")
            elif chips:
                painter.setPen(ink("accent_text"))
                painter.drawText(
                    rect,
                    Qt.AlignmentFlag.AlignVCenter,
                    self.tr("%Ln all-day post(s)", "", len(chips)),
                )
        painter.setPen(ink("border"))
        painter.drawLine(0, top + TOP, self.width(), top + TOP)

    # -- mouse -----------------------------------------------------------------------------
    @property
    def locked(self) -> str:
        """Why this person may not move or add posts ("": they may)."""
        return self.drag.locked

    def set_locked(self, reason: str) -> None:
        self.drag.set_locked(reason)

    def event(self, event) -> bool:
        tips = self.tips  # None while the parts are being made (their ChildAdded events)
        return (tips is not None and tips.handle(event)) or super().event(event)

    def mouseMoveEvent(self, event) -> None:
        self.drag.move(event.position().toPoint())

    def mousePressEvent(self, event) -> None:
        pos = event.position().toPoint()
        chip = self.chip_at(pos)
        if event.button() == Qt.MouseButton.LeftButton:
            self.drag.press(chip, pos)
            self.selected_id = chip.id if chip else None
            self.update()
        elif event.button() == Qt.MouseButton.RightButton and chip is not None:
            self.context_requested.emit(chip.id, self.mapToGlobal(pos))

    def mouseReleaseEvent(self, event) -> None:
        pos = event.position().toPoint()
        dragged = self.drag.release()
        if dragged is not None:
            # keep the grab offset: the chip's top follows the pointer's slot
            target = self.datetime_at(pos)
            old = dragged.planned_at.astimezone(self.zone).replace(tzinfo=None)
            if target is not None and target != old:
                self.move_requested.emit(dragged.id, target)
            self.update()

    def mouseDoubleClickEvent(self, event) -> None:
        pos = event.position().toPoint()
        chip = self.chip_at(pos)
        if chip is not None:
            self.open_post.emit(chip.id)
            return
        when = self.datetime_at(pos)
        if when is not None and not self.drag.refuse(pos):
            self.quick_add.emit(when)

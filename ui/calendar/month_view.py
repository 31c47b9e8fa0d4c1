"""The month view: one widget paints the 6 × 7 grid, key dates and post chips.

Painting instead of stacking widgets keeps a month with 2,000 posts smooth (docs/pitfalls.md:
840 QLabels are 4× slower than one painted widget). Each cell shows as many chips as fit
and "+N" for the rest. Drag a chip to another day to move it (the time of day is kept);
double-click an empty spot to add a post; double-click a chip to open it.

Signals:
    quick_add(object): a ``datetime.date`` double-clicked.
    open_post(int): a chip double-clicked.
    move_requested(int, object): post id dropped on another ``datetime.date``.
    context_requested(int, QPoint): right-click on a chip (global position).
    refused(str): a drag or a double-click refused to a person who may not write posts.
    day_clicked(object): the "+N more" of a ``datetime.date`` clicked (open its week).

A chip shows the network badge, the status mark and as much of the title as fits; its
tooltip has the rest.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.calendar.keydates import KeyDate
from app.services.calendar.query import PostChip
from ui.calendar.chip_parts import ChipDrag, ChipToolTips
from ui.calendar.painting import (
    ChipHit,
    holiday_colour,
    ink,
    keydate_colour,
    local_date,
    local_time_text,
    paint_chip,
    today_colour,
    view_locale,
)

HEADER = 24
CHIP_H = 17
CHIP_GAP = 2
TIME_MIN_WIDTH = 190  # narrower day cells show no time on chips (the tooltip has it)


class MonthView(QWidget):
    quick_add = Signal(object)
    open_post = Signal(int)
    move_requested = Signal(int, object)
    context_requested = Signal(int, QPoint)
    refused = Signal(str)  # a move or a quick add refused: why (set_locked)
    tips: ChipToolTips | None = None
    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(560, 420)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.zone = ZoneInfo("Europe/Paris")
        self.month = dt.date.today().replace(day=1)
        self.today = dt.date.today()
        self._by_day: dict[dt.date, list[PostChip]] = {}
        self._keydates: dict[dt.date, list[KeyDate]] = {}
        self._hits: list[ChipHit] = []
        self.drag = ChipDrag(self, self.refused)  # parts the view owns
        self.tips = ChipToolTips(self, self.chip_at, lambda: self.zone)
        self.selected_id: int | None = None
        self.selected_day: dt.date | None = None  # a day a charter finding pointed at
        self.flags: dict[int, str] = {}  # post id -> "error" / "warning" from the check
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.5, self._font.pointSizeF() - 1))
        self._small = QFont(self._font)
        self._small.setPointSizeF(self._font.pointSizeF() - 0.5)

    # -- data ------------------------------------------------------------------------------
    @property
    def first_day(self) -> dt.date:
        return self.month - dt.timedelta(days=self.month.weekday())

    def days(self) -> list[dt.date]:
        return [self.first_day + dt.timedelta(days=i) for i in range(42)]

    def set_month(self, month: dt.date, zone: ZoneInfo) -> None:
        self.month, self.zone = month.replace(day=1), zone
        self.update()

    def set_posts(self, chips: list[PostChip]) -> None:
        by_day: dict[dt.date, list[PostChip]] = {}
        for chip in chips:
            by_day.setdefault(local_date(chip, self.zone), []).append(chip)
        self._by_day = by_day
        self.update()

    def set_key_dates(self, keydates: dict[dt.date, list[KeyDate]]) -> None:
        self._keydates = keydates
        self.update()

    def set_today(self, today: dt.date) -> None:
        self.today = today
        self.update()

    def posts_on(self, day: dt.date) -> list[PostChip]:
        return list(self._by_day.get(day, ()))

    # -- geometry --------------------------------------------------------------------------
    def _cell_size(self) -> tuple[float, float]:
        return self.width() / 7, (self.height() - HEADER) / 6

    def cell_rect(self, day: dt.date) -> QRect:
        index = (day - self.first_day).days
        w, h = self._cell_size()
        row, col = divmod(index, 7)
        return QRect(int(col * w), int(HEADER + row * h), int(w), int(h))

    def date_at(self, pos: QPoint) -> dt.date | None:
        w, h = self._cell_size()
        if pos.y() < HEADER or w <= 0 or h <= 0:
            return None
        col, row = int(pos.x() // w), int((pos.y() - HEADER) // h)
        if not (0 <= col < 7 and 0 <= row < 6):
            return None
        return self.first_day + dt.timedelta(days=row * 7 + col)

    def chip_at(self, pos: QPoint) -> PostChip | None:
        for hit in self._hits:
            if hit.rect.contains(pos):
                return hit.chip
        return None

    def chip_rect(self, post_id: int) -> QRect | None:
        """Where a post's chip is painted now (None when hidden under "+N")."""
        self.repaint()
        return next((h.rect for h in self._hits if h.chip.id == post_id), None)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), ink("surface"))
        w = self._cell_size()[0]
        locale = view_locale()
        painter.setFont(self._small)
        painter.setPen(ink("text_muted"))
        for col in range(7):
            name = locale.dayName(col + 1, QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRect(int(col * w), 0, int(w), HEADER), Qt.AlignmentFlag.AlignCenter, name
            )
        self._hits = []
        self._more: list[tuple[QRect, dt.date]] = []
        fm = QFontMetrics(self._small)
        for day in self.days():
            rect = self.cell_rect(day)
            if not rect.intersects(event.rect()):
                continue
            in_month = day.month == self.month.month
            if not in_month:
                painter.fillRect(rect, ink("window"))
            elif day.weekday() >= 5:
                painter.fillRect(rect, ink("surface_alt"))
            painter.setPen(QPen(ink("border")))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if day == self.selected_day:
                painter.setPen(QPen(ink("accent"), 2))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
            # day number, today in a red disc
            num_rect = QRect(rect.left() + 4, rect.top() + 3, 22, 18)
            if day == self.today:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.setBrush(today_colour())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(num_rect.adjusted(1, 0, -1, 0))
                painter.setPen(ink("on_accent"))
            else:
                painter.setPen(ink("text") if in_month else ink("text_disabled"))
            painter.setFont(self._small)
            painter.drawText(num_rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
            y = rect.top() + 22
            for kd in self._keydates.get(day, ())[:2]:
                painter.setPen(holiday_colour() if kd.kind == "holiday" else keydate_colour())
                text = fm.elidedText(kd.name, Qt.TextElideMode.ElideRight, rect.width() - 8)
                painter.drawText(QRect(rect.left() + 4, y, rect.width() - 8, 14), 0, text)
                y += 14
            chips = self._by_day.get(day, ())
            room = max(0, (rect.bottom() - y - 2) // (CHIP_H + CHIP_GAP))
            shown = chips if len(chips) <= room else chips[: max(0, room - 1)]
            timed = rect.width() >= TIME_MIN_WIDTH  # narrow cells give the room to the title
            for chip in shown:
                chip_rect = QRect(rect.left() + 3, y, rect.width() - 6, CHIP_H)
                faded = self.drag.fades(chip)
                paint_chip(
                    painter,
                    chip_rect,
                    chip,
                    local_time_text(chip, self.zone) if timed else "",
                    self._font,
                    selected=chip.id == self.selected_id,
                    faded=faded,
                    flag=self.flags.get(chip.id, ""),
                )
                self._hits.append(ChipHit(chip_rect, chip))
                y += CHIP_H + CHIP_GAP
            if len(shown) < len(chips):
                painter.setPen(ink("accent_text"))
                painter.setFont(self._small)
                more = self.tr("+{count} more").format(count=len(chips) - len(shown))
                more_rect = QRect(rect.left() + 6, y, rect.width() - 8, 14)
                painter.drawText(more_rect, 0, more)
                self._more.append((more_rect, day))
        if self.drag.dragging is not None:
            target = self.date_at(self.drag.pos)
            if target is not None:
                painter.setPen(QPen(ink("accent_text"), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.cell_rect(target).adjusted(1, 1, -2, -2))
            ghost = QRect(self.drag.pos - QPoint(60, 8), self.drag.pos + QPoint(60, 8))
            paint_chip(
                painter,
                ghost,
                self.drag.dragging,
                local_time_text(self.drag.dragging, self.zone),
                self._font,
                selected=True,
            )
        painter.end()

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
            self.selected_day = None
            self.update()
        elif event.button() == Qt.MouseButton.RightButton and chip is not None:
            self.selected_id = chip.id
            self.update()
            self.context_requested.emit(chip.id, self.mapToGlobal(pos))
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        pos = event.position().toPoint()
        dragged = self.drag.release()
        if dragged is not None:
            target = self.date_at(pos)
            if target is not None and target != local_date(dragged, self.zone):
                self.move_requested.emit(dragged.id, target)
            self.update()
        elif event.button() == Qt.MouseButton.LeftButton:
            # "+N more": the week view of that day shows every post
            day = next((d for r, d in getattr(self, "_more", ()) if r.contains(pos)), None)
            if day is not None:
                self.day_clicked.emit(day)

    def mouseDoubleClickEvent(self, event) -> None:
        pos = event.position().toPoint()
        chip = self.chip_at(pos)
        if chip is not None:
            self.open_post.emit(chip.id)
            return
        day = self.date_at(pos)
        if day is not None and not self.drag.refuse(pos):
            self.quick_add.emit(day)

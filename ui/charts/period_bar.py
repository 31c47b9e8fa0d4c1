"""The Charts area's period bar: kind (last 28 days, week, month, quarter, custom), previous /
next, the period said in words, and the custom dates. It owns the period; the area listens to
:attr:`PeriodBar.changed`."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

from app.charts import style as chart_style
from app.documents import wording
from app.services.reports.periods import Period, period_for
from ui import icons


class PeriodBar(QWidget):
    """Signals:
    changed(Period): the user chose another period (or :meth:`set_period` was called).
    """

    changed = Signal(object)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        # the last 28 days: on the 5th, "this month" would be four days of lines
        self.period = period_for("last28", dt.date.today())
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for key, label in (
            ("last28", self.tr("Last 28 days")),
            ("week", self.tr("Week")),
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("custom", self.tr("Custom")),
        ):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(self.kind.findData("last28"))
        self.prev_button = QToolButton()
        self.next_button = QToolButton()
        for button, text, icon in (
            (self.prev_button, self.tr("Previous period"), "back"),
            (self.next_button, self.tr("Next period"), "forward"),
        ):
            button.setToolTip(text)
            button.setAccessibleName(text)
            icons.set_icon(button, icon)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.start_edit = QDateEdit(calendarPopup=True)
        self.end_edit = QDateEdit(calendarPopup=True)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd/MM/yyyy" if language == "fr" else "yyyy-MM-dd")
            edit.setVisible(False)
        self.caption = QLabel(self.tr("Period:"))
        for widget in (
            self.caption,
            self.kind,
            self.prev_button,
            self.period_label,
            self.next_button,
            self.start_edit,
            self.end_edit,
        ):
            self.row.addWidget(widget)
        self.row.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.prev_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.start_edit.dateChanged.connect(self._custom_changed)
        self.end_edit.dateChanged.connect(self._custom_changed)
        self._show_period()

    def add_buttons(self, *buttons) -> None:
        """The area's own actions at the right end of the bar."""
        for button in buttons:
            self.row.addWidget(button)

    def set_period(self, period: Period) -> None:
        self.period = period
        self._show_period()
        self.changed.emit(period)

    def shift(self, steps: int) -> None:
        self.set_period(self.period.shifted(steps))

    def set_choosing(self, on: bool) -> None:
        """Hide the period's controls (a client with no data has nothing to choose)."""
        for widget in (self.caption, self.kind, self.prev_button, self.next_button):
            widget.setVisible(on)
        self.period_label.setVisible(on)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        custom = kind == "custom"
        for edit in (self.start_edit, self.end_edit):
            edit.setVisible(custom)
        if custom:
            start, end = self.period.start, self.period.end
            for edit, day in ((self.start_edit, start), (self.end_edit, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
            self.set_period(Period("custom", start, end))
        else:
            self.set_period(period_for(kind, self.period.end))

    def _custom_changed(self) -> None:
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        if end < start:
            return
        self.set_period(period_for("custom", start, end))

    def period_text(self, today: dt.date | None = None) -> str:
        """ "décembre 2026", or "du 1er au 5 décembre 2026 (en cours)" while it runs."""
        p, lang = self.period, self.language
        today = today or dt.date.today()
        if p.kind == "last28" and p.end == today:
            return self.tr("Last 28 days ({range})").format(
                range=wording.period(p.start, p.end, lang)
            )
        if p.is_partial(today):  # the days that have data so far, said as such
            return self.tr("{range} (so far)").format(range=wording.period(p.start, today, lang))
        if p.kind == "month":
            return chart_style.format_date(p.start, lang, "MMMM yyyy")
        if p.kind == "quarter":
            return self.tr("Q{n} {year}").format(n=(p.start.month - 1) // 3 + 1, year=p.start.year)
        return wording.period(p.start, p.end, lang)

    def _show_period(self) -> None:
        self.period_label.setText(self.period_text())

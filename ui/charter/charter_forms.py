"""Small forms of the charter: business hours (delays section) and the online style."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from app.services.charter.labels import choice_label, weekday_label
from app.services.charter.schema import REGISTERS
from ui.formatting import ui_locale


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()]


DAY_FORMAT = "d MMM yyyy"  # "24 déc. 2026" / "24 Dec 2026", in the interface's language


def shown_day(iso: str) -> str:
    """A closed day as people read it; what cannot be read stays as it was typed."""
    day = QDate.fromString(iso, Qt.DateFormat.ISODate)
    return ui_locale().toString(day, DAY_FORMAT) if day.isValid() else iso


def read_day(text: str) -> str:
    """A typed closed day as ISO: "24 déc. 2026", "24/12/2026" or "2026-12-24"; what cannot
    be read goes on as typed, and the charter's validation names it."""
    locale = ui_locale()
    for fmt in (DAY_FORMAT, "d MMMM yyyy", "d/M/yyyy"):
        day = locale.toDate(text, fmt)
        if day.isValid():
            return day.toString(Qt.DateFormat.ISODate)
    return text


class BusinessHoursEditor(QGroupBox):
    """Open days with opening and closing times, holidays country/region, closed days.

    Signals:
        edited(dict): the business hours after the user's change.
    """

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Business hours"))
        self.setObjectName("businessHours")
        self._filling = False
        self._extra: dict[str, list] = {}
        grid = QGridLayout(self)
        self.days: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        for d in range(7):
            box = QCheckBox(weekday_label(d))
            box.setObjectName(f"day{d}")
            start, end = QTimeEdit(), QTimeEdit()
            for t in (start, end):
                t.setDisplayFormat("HH:mm")
                t.setMaximumWidth(90)
                t.timeChanged.connect(self._changed)
            box.toggled.connect(self._changed)
            grid.addWidget(box, d, 0)
            grid.addWidget(start, d, 1)
            grid.addWidget(QLabel("–"), d, 2)
            grid.addWidget(end, d, 3)
            self.days.append((box, start, end))
        grid.setColumnStretch(4, 1)
        self.timezone = QLabel()
        self.timezone.setObjectName("hint")
        grid.addWidget(self.timezone, 7, 0, 1, 5)
        form = QFormLayout()
        self.country = QLineEdit()
        self.country.setMaxLength(2)
        self.country.setPlaceholderText("FR")
        self.subdivision = QLineEdit()
        self.subdivision.setMaxLength(10)
        self.closed = QLineEdit()
        self.closed.setPlaceholderText(
            ", ".join(shown_day(d) for d in ("2026-12-24", "2026-12-31"))
        )
        form.addRow(self.tr("Public holidays of (country)"), self.country)
        form.addRow(self.tr("Region (optional)"), self.subdivision)
        form.addRow(self.tr("Other closed days"), self.closed)
        for edit in (self.country, self.subdivision, self.closed):
            edit.editingFinished.connect(self._changed)
        grid.addLayout(form, 8, 0, 1, 5)

    def set_hours(self, hours: dict, timezone: str) -> None:
        # The form edits the first window of a day; later ones (after a lunch break) are kept.
        self._extra = {d: list(w[1:]) for d, w in (hours.get("days") or {}).items() if len(w) > 1}
        self._filling = True
        try:
            for d, (box, start, end) in enumerate(self.days):
                spans = (hours.get("days") or {}).get(str(d))
                box.setChecked(bool(spans))
                a, b = spans[0] if spans else ("09:00", "18:00")
                start.setTime(QTime.fromString(a, "HH:mm"))
                end.setTime(QTime.fromString(b, "HH:mm"))
                start.setEnabled(bool(spans))
                end.setEnabled(bool(spans))
            self.country.setText(hours.get("country") or "")
            self.subdivision.setText(hours.get("subdivision") or "")
            self.closed.setText(", ".join(shown_day(d) for d in hours.get("closed_days") or []))
            self.timezone.setText(
                self.tr("Counted in the client's time zone: {tz}").format(tz=timezone)
            )
        finally:
            self._filling = False

    def hours(self) -> dict:
        days = {}
        for d, (box, start, end) in enumerate(self.days):
            start.setEnabled(box.isChecked())
            end.setEnabled(box.isChecked())
            if box.isChecked():
                days[str(d)] = [[start.time().toString("HH:mm"), end.time().toString("HH:mm")]]
                days[str(d)] += self._extra.get(str(d), [])
        return {
            "days": days,
            "country": self.country.text().strip().upper(),
            "subdivision": self.subdivision.text().strip().upper(),
            "closed_days": [read_day(w) for w in _words(self.closed.text())],
        }

    def _changed(self, *_args) -> None:
        if not self._filling:
            self.edited.emit(self.hours())

    def set_read_only(self, read_only: bool) -> None:
        for box, start, end in self.days:
            box.setEnabled(not read_only)
            start.setReadOnly(read_only)
            end.setReadOnly(read_only)
        for edit in (self.country, self.subdivision, self.closed):
            edit.setReadOnly(read_only)


class StyleEditor(QGroupBox):
    """Register, emojis, signature and word lists of the online style.

    Signals:
        edited(dict): the style values after the user's change.
    """

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tone of voice"))
        self._filling = False
        form = QFormLayout(self)
        self.register = QComboBox()
        self.register.setObjectName("register")
        for key in REGISTERS:
            self.register.addItem(choice_label(key), key)
        self.emojis = QCheckBox(self.tr("Emojis allowed"))
        self.signature = QLineEdit()
        self.signature.setMaxLength(200)
        self.use = QLineEdit()
        self.avoid = QLineEdit()
        self.watch = QLineEdit()
        for edit in (self.use, self.avoid, self.watch):
            edit.setPlaceholderText(self.tr("comma-separated"))
        form.addRow(self.tr("Register"), self.register)
        form.addRow("", self.emojis)
        form.addRow(self.tr("Signature"), self.signature)
        form.addRow(self.tr("Words to use"), self.use)
        form.addRow(self.tr("Words to avoid"), self.avoid)
        form.addRow(self.tr("Watch words (listening)"), self.watch)
        self.register.activated.connect(self._changed)
        self.emojis.toggled.connect(self._changed)
        for edit in (self.signature, self.use, self.avoid, self.watch):
            edit.editingFinished.connect(self._changed)

    def set_values(self, data: dict) -> None:
        self._filling = True
        try:
            self.register.setCurrentIndex(max(0, self.register.findData(data.get("register"))))
            self.emojis.setChecked(bool(data.get("emojis", True)))
            self.signature.setText(data.get("signature", ""))
            self.use.setText(", ".join(data.get("words_to_use", [])))
            self.avoid.setText(", ".join(data.get("words_to_avoid", [])))
            self.watch.setText(", ".join(data.get("watch_words", [])))
        finally:
            self._filling = False

    def values(self) -> dict:
        return {
            "register": self.register.currentData(),
            "emojis": self.emojis.isChecked(),
            "signature": self.signature.text().strip(),
            "words_to_use": _words(self.use.text()),
            "words_to_avoid": _words(self.avoid.text()),
            "watch_words": _words(self.watch.text()),
        }

    def _changed(self, *_args) -> None:
        if not self._filling:
            self.edited.emit(self.values())

    def set_read_only(self, read_only: bool) -> None:
        self.register.setEnabled(not read_only)
        self.emojis.setEnabled(not read_only)
        for edit in (self.signature, self.use, self.avoid, self.watch):
            edit.setReadOnly(read_only)

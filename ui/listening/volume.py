"""Items per day as bars, the negative part of each bar in the danger colour: one painted
widget, in the palette's scheme (ui/design/palette.py tokens; light and dark)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ui.design import current, theme_notifier


class VolumeChart(QWidget):
    def __init__(self, parent: QWidget | None = None, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self.number_locale = locale or QLocale()  # the app's language: "5 nov." in French
        self.days: list[tuple[dt.date, int, int]] = []  # (date, items, negatives)
        self.setMinimumHeight(120)
        self.setToolTip(self.tr("Items found per day; the red part of each bar is negative."))
        # a bound slot, not a lambda: Qt drops the connection when the widget goes
        theme_notifier().changed.connect(self._scheme_changed)

    def _scheme_changed(self, _scheme: object) -> None:
        self.update()

    def set_days(self, days: Sequence[tuple[dt.date, int, int]]) -> None:
        self.days = list(days)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        scheme = current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(8, 8, -8, -22)
        p.fillRect(self.rect(), QColor(scheme.surface))
        if not self.days:
            p.setPen(QColor(scheme.text_muted))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing found yet."))
            p.end()
            return
        top = max(n for _, n, _ in self.days) or 1
        width = rect.width() / len(self.days)
        # as many day labels as fit side by side, never one over the next
        label_width = p.fontMetrics().horizontalAdvance(self._label(self.days[0][0])) + 10
        label_every = max(1, math.ceil(len(self.days) * label_width / max(1, rect.width())))
        items, negative, ink = QColor(scheme.accent), QColor(scheme.danger), scheme.text_muted
        items.setAlphaF(0.55)  # the whole day, quieter than its negative part
        for i, (day, n, neg) in enumerate(self.days):
            x = rect.left() + i * width + 1
            h = rect.height() * n / top
            hn = rect.height() * neg / top
            p.fillRect(QRectF(x, rect.bottom() - h, max(1.0, width - 2), h), items)
            p.fillRect(QRectF(x, rect.bottom() - hn, max(1.0, width - 2), hn), negative)
            if i % label_every == 0:
                p.setPen(QColor(ink))
                p.drawText(
                    QRectF(x, rect.bottom() + 4, label_width, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    self._label(day),
                )
        p.end()

    def _label(self, day: dt.date) -> str:
        return str(self.number_locale.toString(QDate(day.year, day.month, day.day), "d MMM"))

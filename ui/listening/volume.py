"""Items per day as bars, the negative part of each bar in the danger colour: one painted
widget, in the palette's scheme (ui/design/palette.py tokens; light and dark)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from ui.design import current, theme_notifier


class VolumeChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.days: list[tuple] = []  # (date, items, negatives)
        self.setMinimumHeight(120)
        # a bound slot, not a lambda: Qt drops the connection when the widget goes
        theme_notifier().changed.connect(self._scheme_changed)

    def _scheme_changed(self, _scheme) -> None:
        self.update()

    def set_days(self, days: list[tuple]) -> None:
        self.days = list(days)
        self.update()

    def paintEvent(self, event) -> None:
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
        label_every = max(1, int(len(self.days) / max(1, rect.width() // 50)))
        items, negative, ink = QColor(scheme.accent), QColor(scheme.danger), scheme.text_muted
        items.setAlphaF(0.55)  # the whole day, quieter than its negative part
        locale = QLocale()
        for i, (day, n, neg) in enumerate(self.days):
            x = rect.left() + i * width + 1
            h = rect.height() * n / top
            hn = rect.height() * neg / top
            p.fillRect(QRectF(x, rect.bottom() - h, max(1.0, width - 2), h), items)
            p.fillRect(QRectF(x, rect.bottom() - hn, max(1.0, width - 2), hn), negative)
            if i % label_every == 0:
                p.setPen(QColor(ink))
                p.drawText(
                    QRectF(x - 10, rect.bottom() + 4, 60, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    locale.toString(QDate(day.year, day.month, day.day), "d MMM"),
                )
        p.end()

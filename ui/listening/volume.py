"""Items per day as bars, the negative part of each bar in red: one painted widget."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


class VolumeChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.days: list[tuple] = []  # (date, items, negatives)
        self.setMinimumHeight(120)

    def set_days(self, days: list[tuple]) -> None:
        self.days = list(days)
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(8, 8, -8, -22)
        p.fillRect(self.rect(), self.palette().base())
        if not self.days:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Nothing found yet."))
            return
        top = max(n for _, n, _ in self.days) or 1
        width = rect.width() / len(self.days)
        label_every = max(1, int(len(self.days) / max(1, rect.width() // 50)))
        for i, (day, n, neg) in enumerate(self.days):
            x = rect.left() + i * width + 1
            h = rect.height() * n / top
            hn = rect.height() * neg / top
            bar = QRectF(x, rect.bottom() - h, max(1.0, width - 2), h)
            p.fillRect(bar, QColor("#7a9cc6"))
            p.fillRect(QRectF(x, rect.bottom() - hn, max(1.0, width - 2), hn), QColor("#c0392b"))
            if i % label_every == 0:
                p.setPen(self.palette().text().color())
                p.drawText(
                    QRectF(x - 10, rect.bottom() + 4, 50, 16),
                    Qt.AlignmentFlag.AlignLeft,
                    day.strftime("%d/%m"),
                )
        p.end()

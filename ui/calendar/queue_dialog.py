"""What waits in the publishing queue (scheduled variants), soonest first, with failures."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from app.services.calendar.counters import network_label
from app.services.calendar.queue import QueueItem
from ui.design import current, style_button_box
from ui.formatting import datetime_text


class QueueModel(QAbstractTableModel):
    def __init__(self, items: list[QueueItem], zone: ZoneInfo, parent=None) -> None:
        super().__init__(parent)
        self._rows = [
            (
                datetime_text(i.planned_at, zone),
                network_label(i.network),
                self._state(i),
                str(i.attempts),
                i.title or i.preview,
                i.last_error,
            )
            for i in items
        ]
        self._failed = [i.publish_state == "failed" for i in items]

    def _state(self, item: QueueItem) -> str:
        return {
            "": self.tr("Waiting"),
            "sending": self.tr("Sending"),
            "failed": self.tr("Failed, will retry"),
        }.get(item.publish_state, item.publish_state)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._failed[index.row()]:
            return QColor(current().danger)  # a failure reads as one, in either scheme
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                self.tr("When"),
                self.tr("Network"),
                self.tr("State"),
                self.tr("Attempts"),
                self.tr("Post"),
                self.tr("Last error"),
            )[section]
        return None


class QueueDialog(QDialog):
    """The items of :func:`app.services.calendar.queue.queue`, read by the caller on a worker."""

    def __init__(self, items, zone: ZoneInfo, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("queueDialog")
        self.setWindowTitle(self.tr("Publishing queue"))
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Scheduled posts wait here and are published when Tribune is online; each "
                "network version is sent once."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.model = QueueModel(items, zone, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(4, 260)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        style_button_box(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

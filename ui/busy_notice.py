"""The status bar says so while a write waits for another Tribune process (app.db_busy).

The wait happens on a worker thread (ui/tasks.py); the listener only emits a queued signal,
so the GUI thread never waits and the label changes on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from app import db_busy


class BusyNotice(QObject):
    """Relays :mod:`app.db_busy`'s "waiting" from any thread to a label in the status bar."""

    changed = Signal(bool)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.label = QLabel()
        self.label.setObjectName("busyDatabaseLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.hide()
        window.statusBar().addWidget(self.label)
        self._waiting = 0
        self.changed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._relay = self.changed.emit
        db_busy.add_listener(self._relay)
        window.destroyed.connect(lambda *_, relay=self._relay: db_busy.remove_listener(relay))

    def _show(self, waiting: bool) -> None:
        self._waiting = max(self._waiting + (1 if waiting else -1), 0)
        self.label.setText(db_busy.waiting_message() if self._waiting else "")
        self.label.setVisible(bool(self._waiting))


def install(window: QMainWindow) -> BusyNotice:
    return BusyNotice(window)

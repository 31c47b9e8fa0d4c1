"""Closing the window without losing a write and without freezing it.

A client switch and quitting flush the areas: a draft being typed, an open post editor's
unsaved edits go out as WriteOps (:mod:`ui.operations`), on workers, like any other write.
Quitting then waits for the writes still on their way — with the window on screen and
responsive, "Saving…" in the status bar — and closes it once they landed, or after
:data:`CLOSE_WAIT_S` (a database that does not answer; ``ui.application.run`` still gives
them 10 s more before the process ends). Never a wait on the GUI thread.

A part of :class:`ui.main_window.MainWindow` (``window.closing``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from ui.operations import writes_pending

CLOSE_WAIT_S = 10.0
POLL_MS = 25


class CloseAfterWrites(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._check)
        self.deadline = 0.0
        self.given_up = False  # the deadline passed: the next close goes through

    def holds(self, event) -> bool:
        """Whether ``event`` (a QCloseEvent) must wait for writes on their way: then it is
        ignored, and the window closed again once they landed."""
        if self.given_up or not writes_pending(self.window.tasks):
            return False
        event.ignore()
        if not self.timer.isActive():
            self.deadline = time.monotonic() + CLOSE_WAIT_S
            self.window.statusBar().showMessage(self.tr("Saving…"))
            self.timer.start()
        return True

    def waiting(self) -> bool:
        return self.timer.isActive()

    def _check(self) -> None:
        pending = writes_pending(self.window.tasks)
        if pending and time.monotonic() < self.deadline:
            return
        self.timer.stop()
        self.given_up = bool(pending)
        window = self.window
        if window.close() and window._complete:
            window.tray_part.closed()  # Quit from the tray: now leave the app

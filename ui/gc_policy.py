"""Garbage collection on the GUI thread, while no worker runs — as Anki does (``aqt/main.py``,
``setup_gc``).

CPython starts a cyclic collection on whichever thread allocates past its threshold: on a
worker it may free Qt wrappers caught in cycles off the GUI thread, and on the GUI thread while
a worker is inside matplotlib the test suite crashed (three segmentation faults on 5 December
2026, each time a Charts worker building figures while the GUI thread was collecting). So the
automatic collector is off; :class:`GuiCollector` collects on the GUI thread every few seconds
when the task runner is idle, and after a minute of constant work regardless (memory stays
bounded). Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 5000
AT_THE_LATEST_S = 60.0


class GuiCollector(QObject):
    def __init__(self, tasks, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.tasks = tasks
        self.last = time.monotonic()
        self.collections = 0
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_if_idle)
        self.timer.start()

    def collect_if_idle(self) -> bool:
        """Collect now if no task runs (or none has let it for a minute); True if it did."""
        if self.tasks.busy and time.monotonic() - self.last < AT_THE_LATEST_S:
            return False
        gc.collect()
        self.last = time.monotonic()
        self.collections += 1
        return True

"""Run slow work off the GUI thread and get the result back on it.

One helper for the whole app (Picard's ``run_task``, Anki's ``QueryOp``): the function runs on
the global QThreadPool, opens its own database session, and returns plain data; the callbacks
run on the GUI thread. Widgets are never touched from a worker.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class CancelToken:
    """Checked by long functions between steps; set from the GUI's cancel button."""

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(
        self, fn: Callable[..., Any], signals: _Signals, with_progress: bool, token: CancelToken
    ) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.with_progress = with_progress
        self.token = token
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            if self.with_progress:
                result = self.fn(
                    lambda done, total, label="": self.signals.progress.emit(done, total, label),
                    self.token,
                )
            else:
                result = self.fn()
        except BaseException as exc:  # delivered to the GUI, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Owns running tasks so their signal objects live until the result arrives.

    Signals:
        busy_changed(bool): True while at least one task runs (for a status indicator).
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[_Signals] = set()

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[[int, int, str], None] | None = None,
        token: CancelToken | None = None,
    ) -> CancelToken:
        """Run ``fn()`` in the pool (``fn(progress, token)`` when ``on_progress`` is given)."""
        token = token or CancelToken()
        signals = _Signals()
        self._running.add(signals)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

        def finish(result):
            self._release(signals)
            if on_done is not None:
                on_done(result)

        def fail(exc):
            self._release(signals)
            if on_error is not None:
                on_error(exc)
            else:
                log.error(
                    "background task failed: %s", getattr(exc, "__traceback_text__", repr(exc))
                )

        signals.finished.connect(finish)
        signals.failed.connect(fail)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self.pool.start(_Task(fn, signals, on_progress is not None, token))
        return token

    @Slot()
    def _release(self, signals: _Signals) -> None:
        self._running.discard(signals)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

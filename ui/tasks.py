"""Run slow work off the GUI thread and get the result back on it.

One helper for the whole app (Picard's ``run_task``, Anki's ``QueryOp``): the function runs on
the global QThreadPool, opens its own database session, and returns plain data; the callbacks
run on the GUI thread. Widgets are never touched from a worker.
"""

from __future__ import annotations

import collections
import itertools
import logging
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class ChangeHub(QObject):
    """Where committed changes are announced to the areas: ``changed(ChangeSet)`` on the GUI
    thread. :class:`ui.live.LiveFeed` is the one a window uses (other seats' changes too); a
    bare hub serves an area built on its own (tests, tools): its own operations still reach
    it by the same path."""

    changed = Signal(object)

    def deliver(self, changeset) -> None:
        """An operation of this seat committed ``changeset`` (an app.changes.ChangeSet)."""
        if changeset:
            self.changed.emit(changeset)


class CancelToken:
    """Checked by long functions between steps; set from the GUI's cancel button."""

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class _Hub(QObject):
    """One per runner, living on the GUI thread as long as the runner: workers emit through it.

    A worker never holds the last reference to anything it shares with the GUI thread (the
    function, its cancel token, the result, the error). When a Python object whose bound method
    is connected to a Qt signal is freed on a worker, PySide disconnects it there, under Qt's
    signal lock, while waiting for the GIL; if the GUI thread holds the GIL and wants that lock
    (closing the progress dialog the token was connected to), both wait for ever. So the runner
    keeps every task's objects in ``_tasks`` and drops them on the GUI thread, and no per-task
    QObject is created (or deleted by whichever thread lets go of it last).
    """

    finished = Signal(int)
    progress = Signal(int, int, int, str)


class _Task(QRunnable):
    def __init__(self, number: int, runner: TaskRunner, with_progress: bool) -> None:
        super().__init__()
        self.number = number
        self.runner = runner
        self.with_progress = with_progress
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        number, runner = self.number, self.runner
        hub = runner._hub
        fn = token = None
        try:
            fn, token = runner._tasks[number].work  # borrowed: the runner holds them
            if self.with_progress:
                outcome = fn(
                    lambda done, total, label="": hub.progress.emit(number, done, total, label),
                    token,
                )
            else:
                outcome = fn()
        except BaseException as exc:  # delivered to the GUI, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            outcome = exc  # its frames hold the task's locals: freed with it, on the GUI
            runner._tasks[number].failed = True
        fn = token = None
        runner._tasks[number].outcome = outcome  # handed over: the GUI thread frees it
        del outcome
        try:
            hub.finished.emit(number)
        except RuntimeError:  # the runner's window was deleted while this ran: nobody waits
            log.info("task %d finished after its runner was deleted", number)


class _Entry:
    __slots__ = ("failed", "on_done", "on_error", "on_progress", "outcome", "queue", "work")

    def __init__(self, work, on_done, on_error, on_progress, queue) -> None:
        self.work = work
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.queue: str | None = queue
        self.outcome: Any = None
        self.failed = False


class TaskRunner(QObject):
    """Owns running tasks: their function, token and callbacks live until the result arrives.

    Tasks given the same ``queue`` name run one after the other, in the order they were asked
    for (the calendar's writes: a move, then its undo, must reach the database in that order).

    Signals:
        busy_changed(bool): True while at least one task runs (for a status indicator).
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._hub = _Hub(self)
        self._hub.finished.connect(self._finished)
        self._hub.progress.connect(self._progress)
        self._tasks: dict[int, _Entry] = {}
        self._queues: dict[str, collections.deque[int]] = {}  # waiting behind a running one
        self._numbers = itertools.count(1)

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[[int, int, str], None] | None = None,
        token: CancelToken | None = None,
        queue: str | None = None,
    ) -> CancelToken:
        """Run ``fn()`` in the pool (``fn(progress, token)`` when ``on_progress`` is given);
        after the tasks already in ``queue`` when one is named."""
        token = token or CancelToken()
        number = next(self._numbers)
        self._tasks[number] = _Entry((fn, token), on_done, on_error, on_progress, queue)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        if queue is not None:
            if queue in self._queues:
                self._queues[queue].append(number)
                return token
            self._queues[queue] = collections.deque()
        self._start(number)
        return token

    def _start(self, number: int) -> None:
        self.pool.start(_Task(number, self, self._tasks[number].on_progress is not None))

    @Slot(int, int, int, str)
    def _progress(self, number: int, done: int, total: int, label: str) -> None:
        entry = self._tasks.get(number)
        if entry is not None and entry.on_progress is not None:
            entry.on_progress(done, total, label)

    @Slot(int)
    def _finished(self, number: int) -> None:
        entry = self._tasks.pop(number)
        if entry.queue is not None:
            waiting = self._queues[entry.queue]
            if waiting:
                self._start(waiting.popleft())
            else:
                del self._queues[entry.queue]
        if not self._tasks:
            self.busy_changed.emit(False)
        if not entry.failed:
            if entry.on_done is not None:
                entry.on_done(entry.outcome)
        elif entry.on_error is not None:
            entry.on_error(entry.outcome)
        else:
            exc = entry.outcome
            log.error("background task failed: %s", getattr(exc, "__traceback_text__", repr(exc)))

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every task, queued ones included, has run and delivered its outcome
        (quitting: a write asked for is a write done). False if ``msecs`` ran out first."""
        deadline = time.monotonic() + msecs / 1000
        while self._tasks:
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0 or not self.pool.waitForDone(left):
                return False
            # the outcomes wait in this thread's event queue: deliver them (starts the next)
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return True

"""A write run by a worker that the GUI thread may have to wait for.

The autosaves (charter sections, the post editor) write in the background so that a slow
database never freezes typing; an explicit Save, a client switch or quitting must then
wait for the write in flight and apply its result before writing again (the next write
needs the revision this one returns). The result is applied once, by whichever comes
first: the task's completion on the GUI thread or the waiting caller.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

WAIT_SECONDS = 30


class BackgroundWrite:
    """One write: ``run`` on a worker by an operation (``CallOp(owner, write.run, land)``),
    or here by a caller that must wait for it."""

    def __init__(self, write: Callable[[], object]) -> None:
        self._write = write
        self.done = threading.Event()
        self.result: object = None
        self.error: BaseException | None = None
        self._claimed = False
        self._lock = threading.Lock()
        self._ran = False

    def run(self) -> None:
        """Do the write (on any thread), once: a second caller returns at once (then
        :meth:`wait`). Never raises: the error is kept for the GUI."""
        with self._lock:
            if self._ran:
                return
            self._ran = True
        try:
            self.result = self._write()
        except BaseException as exc:  # shown by the GUI thread, never lost in a worker
            self.error = exc
        finally:
            self.done.set()

    def wait(self, seconds: float = WAIT_SECONDS) -> bool:
        """Block until the write is done; False when the database did not answer in time."""
        return self.done.wait(seconds)

    def claim(self) -> bool:
        """True the first time it is asked: that caller applies the result."""
        if self._claimed:
            return False
        self._claimed = True
        return True

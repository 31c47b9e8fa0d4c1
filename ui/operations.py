"""One way for the UI to read and write: operations, after Anki's ``QueryOp``/``CollectionOp``.

``QueryOp(parent, read, on_success).run()`` runs ``read(session)`` on a worker with its own
read session and hands the result to ``on_success`` on the GUI thread. ``WriteOp(parent,
write, on_success).run()`` runs ``write(session)`` in one unit of work; what it committed
comes back as a :class:`app.changes.ChangeSet`, delivered through the change feed
(``services.feed``, the same ``changed`` signal other seats' changes arrive by) before
``on_success(result)``. The areas refresh from the feed, not from each write's callback.

Both are built on :class:`ui.tasks.TaskRunner` (whatever a task shares with the GUI is freed
on the GUI thread). A failure shows one message (or goes to ``.failure(fn)``). A result for
a widget that was deleted meanwhile is dropped. ``.latest(key)`` drops a result when a newer
op with the same key on the same parent was started after it (what the areas' generation
counters did by hand); :func:`ops_pending` says how many of a parent's ops are on their way,
:func:`writes_pending` how many writes of a runner have not landed (the window waits for them
before it closes: a client switch or quitting never waits on the GUI thread).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

from app import changes
from ui.messages import show_error

T = TypeVar("T")
_PENDING = "_ops_pending"
_LATEST = "_ops_latest"
_WRITES = "_writes_pending"  # on the TaskRunner: WriteOps of any parent not landed yet
_numbers = itertools.count(1)


def ops_pending(parent: QObject) -> int:
    """How many operations of ``parent`` have not delivered their outcome yet."""
    return getattr(parent, _PENDING, 0)


def writes_pending(tasks: QObject) -> int:
    """How many WriteOps run by ``tasks`` (a TaskRunner) have not landed yet: the window
    waits for them before it closes."""
    return getattr(tasks, _WRITES, 0)


def count_write(tasks: QObject) -> Callable[[], None]:
    """Count a write that is not a WriteOp (the charter's queued save) among ``tasks``'
    pending writes, so that quitting waits for it too; call what it returns once it landed."""
    setattr(tasks, _WRITES, writes_pending(tasks) + 1)
    settled = []

    def settle() -> None:
        if not settled and isValid(tasks):
            settled.append(True)
            setattr(tasks, _WRITES, writes_pending(tasks) - 1)

    return settle


def drop_pending(parent: QObject, *keys: str) -> None:
    """Results of ``parent``'s ops with these ``latest`` keys still on their way are dropped
    (the client shown changed)."""
    latest = getattr(parent, _LATEST, None)
    if latest is not None:
        for key in keys:
            latest[key] = next(_numbers)


def _services_of(parent: QObject):
    node = parent
    while node is not None:
        services = getattr(node, "services", None)
        if services is not None:
            return services
        node = node.parent() if isinstance(node, QObject) else None
    raise LookupError("an operation needs services (db, tasks, feed): pass services=")


class _Op(Generic[T]):
    def __init__(
        self,
        parent: QObject,
        op: Callable[[Any], T],
        on_success: Callable[[T], None] | None = None,
        *,
        services=None,
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = on_success
        self._failure: Callable[[BaseException], None] | None = None
        self._services = services
        self._key: str | None = None
        self._queue: str | None = None

    def failure(self, fn: Callable[[BaseException], None]) -> _Op[T]:
        """Call ``fn(exc)`` instead of showing the error."""
        self._failure = fn
        return self

    def latest(self, key: str) -> _Op[T]:
        """Only the newest op started with ``key`` on this parent delivers its result."""
        self._key = key
        return self

    def in_queue(self, name: str) -> _Op[T]:
        """Run after the ops (and tasks) already in the runner's queue ``name``."""
        self._queue = name
        return self

    def _work(self, db) -> Callable[[], Any]:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self) -> None:
        services = self._services or _services_of(self._parent)
        parent = self._parent
        setattr(parent, _PENDING, ops_pending(parent) + 1)
        number = next(_numbers)
        if self._key is not None:
            latest = getattr(parent, _LATEST, None)
            if latest is None:
                latest = {}
                setattr(parent, _LATEST, latest)
            latest[self._key] = number
        key, success, failure = self._key, self._success, self._failure
        tasks, counted = services.tasks, isinstance(self, WriteOp)
        if counted:
            setattr(tasks, _WRITES, writes_pending(tasks) + 1)

        def settle() -> bool:
            """Count the op as done; True if its outcome is still wanted."""
            if counted and isValid(tasks):
                setattr(tasks, _WRITES, writes_pending(tasks) - 1)
            if not isValid(parent):
                return False
            setattr(parent, _PENDING, ops_pending(parent) - 1)
            return key is None or getattr(parent, _LATEST, {}).get(key) == number

        def done(outcome) -> None:
            wanted = settle()
            result = self._delivered_to(services, outcome)  # changes go out in any case
            if wanted and success is not None:
                success(result)

        def failed(exc: BaseException) -> None:
            if not settle():
                return
            if failure is not None:
                failure(exc)
            else:
                show_error(parent if isinstance(parent, QObject) else None, exc)

        tasks.run(self._work(services.db), done, failed, queue=self._queue)

    def _delivered_to(self, services, outcome) -> T:
        return outcome


class QueryOp(_Op[T]):
    """A read: ``op(session)`` with a read session of its own (or a Core connection)."""

    _core = False

    def with_connection(self) -> QueryOp[T]:
        """Give ``op`` a Core ``Connection`` (cheaper than an ORM session for plain rows)."""
        self._core = True
        return self

    def _work(self, db) -> Callable[[], Any]:
        op, core = self._op, self._core

        def work():
            if core:
                with db.engine.connect() as conn:
                    return op(conn)
            with db.read() as session:
                return op(session)

        return work


class WriteOp(_Op[T]):
    """A write: ``op(session)`` in one unit of work; its ChangeSet goes through the feed."""

    def _work(self, db) -> Callable[[], Any]:
        op = self._op

        def work():
            with changes.recording() as mine, db.session() as session:
                result = op(session)
            last = mine[-1].id if mine else 0
            return result, changes.ChangeSet(tuple(mine), last, local=True)

        return work

    def _delivered_to(self, services, outcome) -> T:
        result, changeset = outcome
        services.feed.deliver(changeset)
        return result


__all__ = ["QueryOp", "WriteOp", "count_write", "drop_pending", "ops_pending", "writes_pending"]

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

The other kinds of background work fit the same helper: ``DatabaseOp(parent, op)`` gives
``op`` the whole Database (several units of work, a backup, a sync; ``.writes()`` records
what it commits in any session and announces it like a WriteOp), ``CallOp(parent, op)``
needs no database (a network call, a connection test). ``.with_progress(fn)`` makes long
work report steps to the GUI thread and stop when the token ``run()`` returns is cancelled.
A writing op that fails announces what it committed before failing (an import's batches).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

from app import changes
from ui.messages import show_error
from ui.tasks import CancelToken, TaskRunner

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


def _changeset(mine: list) -> changes.ChangeSet:
    return changes.ChangeSet(tuple(mine), mine[-1].id if mine else 0, local=True)


_CHANGED = "__tribune_changed__"  # on an exception: what its op committed before it


def changed_before(exc: BaseException) -> changes.ChangeSet | None:
    """What a writing op committed before it failed (an import's batches), or None."""
    return getattr(exc, _CHANGED, None)


class _Op(Generic[T]):
    _records = False  # True: the changes committed by the op go out on the feed
    _counts = False  # True: quitting waits for it (writes_pending)
    _needs_db = True

    def __init__(
        self,
        parent: QObject,
        op: Callable[..., T],
        on_success: Callable[[T], None] | None = None,
        *,
        services=None,
        db=None,
        tasks: TaskRunner | None = None,
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = on_success
        self._failure: Callable[[BaseException], None] | None = None
        self._services = services
        self._db = db
        self._tasks = tasks
        self._key: str | None = None
        self._queue: str | None = None
        self._progress: Callable[[int, int, str], None] | None = None

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

    def counted(self) -> _Op[T]:
        """Count it among the writes quitting waits for (:func:`writes_pending`), like a
        WriteOp: for a write that announces its changes itself (the charter's save, which
        the GUI thread may run first when it flushes)."""
        self._counts = True
        return self

    def with_progress(self, fn: Callable[[int, int, str], None]) -> _Op[T]:
        """Long work: ``op`` gets two more arguments, ``progress(done, total, label)`` (any
        thread; ``fn`` gets each step on the GUI thread) and the ``CancelToken`` that
        :meth:`run` returns (``token.cancelled``: stop between steps)."""
        self._progress = fn
        return self

    def _invoke(self, db) -> Callable[..., Any]:  # pragma: no cover - overridden
        raise NotImplementedError

    def _context(self):
        """(db, tasks, feed): given ones first, else the parent's ``services``."""
        db, tasks, feed = self._db, self._tasks, None
        services = self._services
        missing = tasks is None or (db is None and self._needs_db)
        if services is None and (missing or self._records):
            try:
                services = _services_of(self._parent)
            except LookupError:
                if missing:
                    raise  # a write given its db and runner but no feed announces nothing
        if services is not None:
            db = db if db is not None else getattr(services, "db", None)
            tasks = tasks if tasks is not None else services.tasks
            feed = getattr(services, "feed", None)
        return db, tasks, feed

    def run(self) -> CancelToken:
        """Start the op; the token cancels it (with :meth:`with_progress`)."""
        db, tasks, feed = self._context()
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
        records, counted = self._records, self._counts
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

        def announce(changeset) -> None:  # changes go out whatever became of the parent
            if changeset is not None and feed is not None:
                feed.deliver(changeset)

        def done(outcome) -> None:
            wanted = settle()
            if records:
                outcome, changeset = outcome
                announce(changeset)
            if wanted and success is not None:
                success(outcome)

        def failed(exc: BaseException) -> None:
            wanted = settle()
            announce(changed_before(exc))
            if not wanted:
                return
            if failure is not None:
                failure(exc)
            else:
                show_error(parent if isinstance(parent, QObject) else None, exc)

        call = self._invoke(db)

        def work(*steps):  # (progress, token) with_progress
            if not records:
                return call(*steps)
            with changes.recording() as mine:
                try:
                    result = call(*steps)
                except BaseException as exc:
                    setattr(exc, _CHANGED, _changeset(mine))
                    raise
            return result, _changeset(mine)

        progress = self._progress
        on_progress = None
        if progress is not None:

            def on_progress(done: int, total: int, label: str) -> None:
                if isValid(parent):  # a closed dialog's bar is gone: the work goes on
                    progress(done, total, label)

        return tasks.run(work, done, failed, on_progress=on_progress, queue=self._queue)


class QueryOp(_Op[T]):
    """A read: ``op(session)`` with a read session of its own (or a Core connection)."""

    _core = False

    def with_connection(self) -> QueryOp[T]:
        """Give ``op`` a Core ``Connection`` (cheaper than an ORM session for plain rows)."""
        self._core = True
        return self

    def _invoke(self, db) -> Callable[..., Any]:
        op, core = self._op, self._core

        def call(*steps):
            if core:
                with db.engine.connect() as conn:
                    return op(conn, *steps)
            with db.read() as session:
                return op(session, *steps)

        return call


class WriteOp(_Op[T]):
    """A write: ``op(session)`` in one unit of work; its ChangeSet goes through the feed."""

    _records = _counts = True

    def _invoke(self, db) -> Callable[..., Any]:
        op = self._op

        def call(*steps):
            with db.session() as session:
                return op(session, *steps)

        return call


class DatabaseOp(_Op[T]):
    """Work that needs the whole :class:`~app.db.Database` rather than one session (several
    units of work, a backup, a sync, the keyring beside it): ``op(db)``. With
    :meth:`writes`, every change it commits (in any of its sessions, on its thread) goes out
    on the feed like a WriteOp's."""

    def writes(self, *, counted: bool = True) -> DatabaseOp[T]:
        """Announce what it commits; ``counted``: quitting waits for it (10 s at most) like a
        WriteOp — not for a sync, which commits account by account and may take minutes."""
        self._records, self._counts = True, counted
        return self

    def _invoke(self, db) -> Callable[..., Any]:
        op = self._op
        return lambda *steps: op(db, *steps)


class CallOp(_Op[T]):
    """Work without the database (a network call, a connection test with a database of its
    own): ``op()``. Needs only a runner: ``tasks=`` or the parent's services."""

    _needs_db = False

    def _invoke(self, db) -> Callable[..., Any]:
        return self._op


__all__ = [
    "CallOp",
    "DatabaseOp",
    "QueryOp",
    "WriteOp",
    "changed_before",
    "drop_pending",
    "ops_pending",
    "writes_pending",
]

"""Every seat live: a watcher thread turns other seats' commits into one Qt signal.

:class:`LiveFeed` owns one thread per window, reading :mod:`app.changes`:

- PostgreSQL: one LISTEN connection (psycopg 3) on ``tribune_changes``; a notification (the
  id of the newest change_log row) makes it read ``change_log`` after the (xid, id) it saw
  last (:func:`app.change_set.changes_since`: never a row skipped or read twice, with no lock
  on the writers). Rows committed behind a transaction still running wait for it: the feed
  then reads again every 0.25 s until they come (:attr:`ChangeSet.held`). A
  lost connection is reopened with a growing delay (0.5 s … 10 s), then the log is read at
  once — the notifications sent meanwhile are gone, the rows are not. A slow poll (10 s) is
  the safety net.
- SQLite (several processes on one file): ``PRAGMA data_version`` on one dedicated connection
  every 500 ms; it moves when any other connection committed. Then the same read.

It emits ``changed(ChangeSet)`` on the GUI thread. Other seats' changes come this way; this
seat's own operations hand theirs to :meth:`LiveFeed.deliver` (``ui.operations.WriteOp``),
which emits the same signal: the areas have one handler for both. Changes this seat wrote
outside an operation (a sync) are delivered when the window asks :meth:`catch_up_own`.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app import changes, db_busy
from app.changes import ChangeSet
from ui.tasks import ChangeHub

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

SQLITE_INTERVAL = 0.5
PG_SAFETY_POLL = 10.0
HELD_POLL = 0.25
READ_GAP = 0.1  # at most ten reads of the log a second (the areas gather 100-150 ms anyway)
BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0, 10.0)


def _order(change) -> tuple[int, int]:
    return change.xid, change.id


class _Bridge(QObject):
    """Lives on the GUI thread: the watcher emits through it, so delivery is queued there."""

    arrived = Signal(object)
    state = Signal(str)


class LiveFeed(ChangeHub):
    """The seat's change feed. Signals:

    changed(object): a :class:`ChangeSet` (never empty), on the GUI thread.
    state_changed(str): "live", or "reconnecting" while the PostgreSQL link is down.
    """

    state_changed = Signal(str)

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        seat: str | None = None,
        sqlite_interval: float = SQLITE_INTERVAL,
        pg_poll: float = PG_SAFETY_POLL,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.seat = seat or changes.SEAT
        self.sqlite_interval = sqlite_interval
        self.pg_poll = pg_poll
        self._bridge = _Bridge(self)
        self._bridge.arrived.connect(self._arrived)
        self._bridge.state.connect(self._state)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._cursor: changes.Cursor | None = None  # read by the thread first: shown is fresh
        self._held = False  # the last read left rows waiting for an older transaction
        self._delivered: set[int] = set()  # own change_log ids an operation delivered
        self._lock = threading.Lock()
        self._want_own = False
        self._own: list = []  # own changes read from the log, not delivered yet
        self._questions: list = []  # lock-wait checks asked by app.db_busy's watchdog
        self.listen_pid: int | None = None  # the LISTEN connection's backend (tests kill it)
        self.reconnects = 0
        self.state = "stopped"

    # -- GUI thread ---------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        stop, wake = self._stop, self._wake
        # Deleted with its window without stop(): the thread must not outlive it.
        self.destroyed.connect(lambda *_: (stop.set(), wake.set()))
        target = self._run_postgres if self.db.dialect == "postgresql" else self._run_sqlite
        self._thread = threading.Thread(target=target, name="tribune-live", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def deliver(self, changeset: ChangeSet) -> None:
        """This seat's own operation committed ``changeset``: the same signal, at once."""
        if not changeset:
            return
        ids = {c.id for c in changeset.changes if c.id}
        with self._lock:
            self._delivered.update(ids)
            self._own = [c for c in self._own if c.id not in ids]  # read before it came
        self.changed.emit(changeset)

    def catch_up_own(self) -> None:
        """Deliver what this seat wrote outside an operation (a sync), on the next read."""
        self._want_own = True
        self._wake.set()

    def poll_now(self) -> None:
        self._wake.set()

    @Slot(object)
    def _arrived(self, changeset: ChangeSet) -> None:
        if changeset:
            self.changed.emit(changeset)

    @Slot(str)
    def _state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    # -- watcher thread -------------------------------------------------------------------------
    def _read(self, conn) -> None:
        """Read the log after the cursor; hand other seats' changes to the GUI thread (and
        this seat's own ones not delivered by an operation, when a catch-up asked for them)."""
        if self._cursor is None:
            self._cursor = changes.start(conn)
            return
        want_own, self._want_own = self._want_own, False
        found = changes.changes_since(conn, self._cursor)
        kept: list = []
        while True:
            self._cursor, self._held = found.cursor, found.held
            with self._lock:
                for c in found.changes:
                    if c.seat != self.seat:
                        kept.append(c)
                    elif c.id in self._delivered:
                        self._delivered.discard(c.id)  # read once: never again (cursor)
                    else:
                        self._own.append(c)  # kept until a catch-up (a sync ended)
            if len(found.changes) < 1000:
                break
            found = changes.changes_since(conn, self._cursor)
        with self._lock:
            if want_own:
                own, self._own = self._own, []
                fresh = (c for c in own if c.id not in self._delivered)
                kept = sorted([*kept, *fresh], key=_order)
            del self._own[:-1000]  # a seat that never syncs keeps a bounded list
            if len(self._delivered) > 10_000:  # delivered ids pruned from the log unread
                self._delivered = set(sorted(self._delivered)[-5000:])
        if kept:
            last = kept[-1].id
            self._bridge.arrived.emit(ChangeSet(tuple(kept), last, cursor=self._cursor))

    def _run_sqlite(self) -> None:
        version = None
        conn = None
        while not self._stop.is_set():
            try:
                fresh = conn is None
                if fresh:
                    conn = self.db.engine.connect()
                now = conn.exec_driver_sql("PRAGMA data_version").scalar()
                if now != version or self._want_own:
                    version = now
                    self._read(conn)
                conn.rollback()  # end the read snapshot: the next poll sees new commits
                if fresh:
                    self._bridge.state.emit("live")
            except Exception as exc:  # a locked or vanished file: try again later
                log.warning("change feed (SQLite): %s", exc)
                if conn is not None:
                    conn.close()
                    conn = None
            self._wake.wait(self.sqlite_interval)
            self._wake.clear()
        if conn is not None:
            conn.close()

    def _run_postgres(self) -> None:
        # The log is read on the LISTEN connection itself (autocommit, one statement a read):
        # a seat holds its session pool's connection and this one, never a third for the feed.
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        engine = create_engine(
            self.db.engine.url,
            poolclass=NullPool,
            isolation_level="AUTOCOMMIT",
            connect_args={"connect_timeout": 5},
        )
        attempt = 0
        while not self._stop.is_set():
            conn = None
            try:
                conn = engine.connect()
                listener = conn.connection.driver_connection
                listener.execute(f"LISTEN {changes.CHANNEL}")
                self.listen_pid = listener.info.backend_pid
                attempt = 0
                self._read(conn)  # whatever was committed while no one listened
                self._bridge.state.emit("live")
                self._listen(conn, listener)
            except Exception as exc:  # connection lost or refused: back off, then again
                if self._stop.is_set():
                    break
                log.warning("change feed (PostgreSQL): %s", str(exc).strip().splitlines()[:1])
                self._bridge.state.emit("reconnecting")
                delay = BACKOFF[min(attempt, len(BACKOFF) - 1)]
                attempt += 1
                self.reconnects += 1
                self._stop.wait(delay)
            finally:
                self.listen_pid = None
                if conn is not None:
                    try:
                        conn.invalidate()  # closed for good, never back in a pool
                        conn.close()
                    except Exception:
                        pass
        engine.dispose()

    def _ask_blocked(self, pid: int) -> bool | None:
        """(any thread) Whether a backend of this seat waits for another's lock, asked on the
        LISTEN connection by its thread within a second; None: no answer."""
        question: list = [pid, threading.Event(), None]
        with self._lock:
            self._questions.append(question)
        question[1].wait(1.0)
        return question[2]

    def _answer(self, conn) -> None:
        with self._lock:
            questions, self._questions = self._questions, []
        for question in questions:
            try:
                answer = conn.exec_driver_sql(db_busy.BLOCKED_SQL, (question[0],)).scalar()
                question[2] = bool(answer)
            finally:
                question[1].set()

    def _listen(self, conn, listener) -> None:
        next_poll = time.monotonic() + self.pg_poll
        last_read = 0.0
        url = str(self.db.engine.url)
        db_busy.ask_blocked_with(url, self._ask_blocked)
        try:
            self._listen_loop(conn, listener, next_poll, last_read)
        finally:
            db_busy.ask_blocked_with(url, None)

    def _listen_loop(self, conn, listener, next_poll: float, last_read: float) -> None:
        while not self._stop.is_set():
            if self._questions:
                self._answer(conn)
            got = list(listener.notifies(timeout=0.25, stop_after=1))
            if self._wake.is_set():
                self._wake.clear()
                got.append(None)
            if listener.closed or listener.broken:
                raise ConnectionError("LISTEN connection closed")
            if got or time.monotonic() >= next_poll:
                # One read answers every notification of the last READ_GAP: twenty busy seats
                # sent each seat a read per write of the agency (most of the server's work).
                gap = last_read + READ_GAP - time.monotonic()
                if gap > 0 and got:
                    for _n in listener.notifies(timeout=gap):
                        pass  # drained: the read below covers them
                last_read = time.monotonic()
                self._read(conn)
                # Rows waiting for an older transaction: read again soon, whether or not that
                # transaction announces anything when it ends.
                next_poll = time.monotonic() + (HELD_POLL if self._held else self.pg_poll)

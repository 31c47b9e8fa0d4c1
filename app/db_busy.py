"""A busy database waits, visibly, for a long and stated time, then says so in one line.

One process writing (a long import, a restore, the sync) makes another process's write wait.
On SQLite every unit of work takes the write lock up front with ``BEGIN IMMEDIATE``
(docs/pitfalls.md): this module tries it for :data:`NOTICE_AFTER_S`, then tells its
listeners that it waits (the CLI prints one line on stderr, the app shows it in the status
bar), leaves a marker so that a long import lets it through between two batches
(:func:`commit_batch`), and tries again for the rest of :func:`timeout`. When that runs out
nothing was written and :class:`DatabaseBusy` says so in one sentence. On PostgreSQL writers
rarely wait (rows, not the file, are locked); a statement that another seat's lock holds for
:data:`NOTICE_AFTER_S` is announced the same way (:func:`watch_postgresql`), and the wait
gives up after the same time (``lock_timeout``) with the same sentence.

The time is stated in one place: ``TRIBUNE_BUSY_TIMEOUT`` (seconds), else 60 s.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from app.errors import StorageError
from app.i18n import translate

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine, ExceptionContext, ExecutionContext
    from sqlalchemy.engine.interfaces import DBAPICursor
    from sqlalchemy.orm import Session

ENV = "TRIBUNE_BUSY_TIMEOUT"
DEFAULT_TIMEOUT_S = 60.0
NOTICE_AFTER_S = 1.0  # a wait shorter than this is not worth a word
LONGEST_YIELD_S = 2.0  # an import waits at most this long between batches for a waiter
BATCH = 500  # rows per transaction in the long imports

log = logging.getLogger(__name__)
_listeners: list[Callable[[bool], None]] = []


class DatabaseBusy(StorageError):
    """Another process kept the database busy for the whole wait; nothing was written."""


def timeout() -> float:
    """How long a writer waits for another one, in seconds (``TRIBUNE_BUSY_TIMEOUT``)."""
    raw = os.environ.get(ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_TIMEOUT_S
    except ValueError:
        value = DEFAULT_TIMEOUT_S
    if value != value:  # NaN
        value = DEFAULT_TIMEOUT_S
    return min(max(value, 0.1), 3600.0)


def message(seconds: float | None = None) -> str:
    seconds = timeout() if seconds is None else seconds
    return translate(
        "Storage",
        "The database stayed busy for {seconds} s (another import?); nothing was written. "
        "Try again.",
    ).format(seconds=f"{seconds:g}")


def waiting_message() -> str:
    return translate(
        "Storage", "Waiting for another Tribune process that is writing to the database…"
    )


# -- listeners ----------------------------------------------------------------------------------
def add_listener(listener: Callable[[bool], None]) -> None:
    """Call ``listener(True)`` when a write starts waiting, ``listener(False)`` when it ends.

    Called on the thread that waits (a worker thread in the app): a listener only relays."""
    _listeners.append(listener)


def remove_listener(listener: Callable[[bool], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _notify(waiting: bool) -> None:
    for listener in list(_listeners):
        try:
            listener(waiting)
        except Exception:  # a listener never breaks a write
            log.exception("busy listener failed")


# -- SQLite -------------------------------------------------------------------------------------
def _ms(seconds: float) -> int:
    return max(int(seconds * 1000), 1)


def _locked(exc: BaseException) -> bool:
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def begin_immediate(conn: Connection) -> None:
    """``BEGIN IMMEDIATE`` on a SQLAlchemy connection, waiting visibly (see the module)."""
    # typed as any DB-API connection: on SQLite it is the sqlite3 module's
    raw = cast(sqlite3.Connection, conn.connection.dbapi_connection)
    total = timeout()
    first = min(NOTICE_AFTER_S, total)
    try:
        raw.execute(f"PRAGMA busy_timeout={_ms(first)}")
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _locked(exc):
                raise
        marker = _announce(conn.engine.url.database)
        _notify(True)
        try:
            raw.execute(f"PRAGMA busy_timeout={_ms(total - first)}")
            try:
                raw.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _locked(exc):
                    raise DatabaseBusy(message(total)) from None
                raise
        finally:
            _withdraw(marker)
            _notify(False)
    finally:
        raw.execute(f"PRAGMA busy_timeout={_ms(total)}")


def _waiters_dir(database: str | None) -> Path | None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database).expanduser()
    return path.with_name(path.name + ".waiting")


def _announce(database: str | None) -> Path | None:
    """A marker file saying "a writer waits": a long import lets it through."""
    folder = _waiters_dir(database)
    if folder is None:
        return None
    try:
        folder.mkdir(exist_ok=True)
        marker = folder / f"{os.getpid()}-{threading.get_ident()}"
        marker.touch()
        return marker
    except OSError:  # a read-only folder: wait anyway, only less fairly
        return None


def _withdraw(marker: Path | None) -> None:
    if marker is not None:
        try:
            marker.unlink()
        except OSError:
            pass


def _alive(marker: Path) -> bool:
    try:
        pid = int(marker.name.split("-", 1)[0])
    except ValueError:
        return False
    if os.name == "nt":  # pragma: no cover - Windows: a marker older than a wait is stale
        try:
            return time.time() - marker.stat().st_mtime < timeout() + 5
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        _withdraw(marker)  # a killed writer's marker
        return False
    except PermissionError:
        return True
    return True


def others_waiting(database: str | None) -> bool:
    folder = _waiters_dir(database)
    if folder is None:
        return False
    try:
        markers = list(folder.iterdir())
    except OSError:
        return False
    return any(_alive(m) for m in markers)


def let_others_write(database: str | None) -> None:
    """Between two batches of a long import: if a writer waits, give it the lock first.

    SQLite's busy handler polls, so an import that takes the lock again at once would starve
    the writers behind it; this pauses (at most :data:`LONGEST_YIELD_S`) until they are in."""
    deadline = time.monotonic() + LONGEST_YIELD_S
    while others_waiting(database) and time.monotonic() < deadline:
        time.sleep(0.02)


def commit_batch(session: Session) -> None:
    """Commit a long import's batch and let a waiting writer through before the next one."""
    session.commit()
    session.info[_KEPT] = session.info.get(_KEPT, 0) + 1
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        let_others_write(bind.engine.url.database)  # an Engine's .engine is itself
        # Take the lock for the next batch here, where a give-up ends the import: the next
        # row's own error handling would take it for a bad row and wait again, row by row.
        session.connection()


# -- PostgreSQL ---------------------------------------------------------------------------------
# Statements under way, by connection: (started, backend pid, announced?). One watchdog thread
# per process looks at them four times a second; a statement older than NOTICE_AFTER_S that
# another session's lock blocks (pg_blocking_pids) is announced like SQLite's wait, and the
# end of that statement (success, lock_timeout or any error) withdraws the notice.
_running: dict[int, list[Any]] = {}
_watch_lock = threading.Lock()
_watchdog: threading.Thread | None = None
WATCH_EVERY_S = 0.25


def watch_postgresql(engine: Engine) -> None:
    """Say so when a statement of ``engine`` waits for another seat's lock (see above)."""
    from sqlalchemy import event

    event.listen(engine, "before_cursor_execute", _started)
    event.listen(engine, "after_cursor_execute", _ended)
    event.listen(engine, "handle_error", _failed)


def _started(
    conn: Connection,
    _cursor: DBAPICursor,
    _statement: str,
    _params: Any,
    _context: ExecutionContext | None,
    _many: bool,
) -> None:
    if conn.get_execution_options().get("tribune_watchdog"):
        return  # the watchdog's own question
    raw = conn.connection.dbapi_connection
    assert raw is not None  # a connection executing a statement is open
    pid = raw.info.backend_pid
    _running[id(conn)] = [time.monotonic(), pid, False, conn.engine, 0.0]
    if _watchdog is None:
        _start_watchdog()


def _ended(conn: Connection, *_args: object) -> None:
    with _watch_lock:  # listeners only relay: called under the lock, in order
        entry = _running.pop(id(conn), None)
        if entry is not None and entry[2]:
            _notify(False)


def _failed(context: ExceptionContext) -> None:
    conn = context.connection
    if conn is not None:
        _ended(conn)


def _start_watchdog() -> None:
    global _watchdog
    with _watch_lock:
        if _watchdog is None:
            _watchdog = threading.Thread(target=_watch, name="tribune-lock-watch", daemon=True)
            _watchdog.start()


def _watch() -> None:
    while True:
        time.sleep(WATCH_EVERY_S)
        now = time.monotonic()
        for key, entry in list(_running.items()):
            started, pid, announced, engine, checked = entry
            if announced or now - started < NOTICE_AFTER_S or now - checked < NOTICE_AFTER_S:
                continue
            entry[4] = now
            try:
                blocked = _blocked(engine, pid)
            except Exception:  # the server is gone: the statement itself will say so
                log.debug("lock watch failed", exc_info=True)
                continue
            with _watch_lock:
                if blocked and _running.get(key) is entry:
                    entry[2] = True
                    _notify(True)


BLOCKED_SQL = "SELECT cardinality(pg_blocking_pids(%s)) > 0"
# url → a function asking on a connection the seat already holds (the app's LISTEN
# connection, ui/live.py): a seat stays at two connections. None: no answer in time.
_askers: dict[str, Callable[[int], bool | None]] = {}


def ask_blocked_with(url: str, asker: Callable[[int], bool | None] | None) -> None:
    """Have lock waits on the database at ``url`` checked by ``asker`` (None: stop)."""
    if asker is None:
        _askers.pop(url, None)
    else:
        _askers[url] = asker


def _blocked(engine: Engine, pid: int) -> bool:
    asker = _askers.get(str(engine.url))
    if asker is not None:
        return bool(asker(pid))
    # No such connection (the CLI): a short-lived one, only for a statement already 1 s long.
    watch = engine.execution_options(tribune_watchdog=True, isolation_level="AUTOCOMMIT")
    with watch.connect() as conn:
        return bool(conn.exec_driver_sql(BLOCKED_SQL, (pid,)).scalar())


# -- errors -------------------------------------------------------------------------------------
def postgresql_connect_args() -> dict[str, Any]:
    """psycopg's connect arguments: a lock wait gives up after :func:`timeout`."""
    return {"connect_timeout": 5, "options": f"-c lock_timeout={_ms(timeout())}"}


def is_busy_error(exc: BaseException) -> bool:
    """A write that gave up waiting: SQLite's "database is locked", PostgreSQL's 55P03."""
    if isinstance(exc, DatabaseBusy):
        return True
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "55P03":
        return True
    return isinstance(orig, sqlite3.OperationalError) and _locked(orig)


_KEPT = "tribune_batches_kept"


def kept_message(seconds: float | None = None) -> str:
    seconds = timeout() if seconds is None else seconds
    return translate(
        "Storage",
        "The database stayed busy for {seconds} s (another import?). What was imported "
        "before that was kept; run the same import again to add the rest.",
    ).format(seconds=f"{seconds:g}")


def raise_if_gave_up_after_batches(session: Session, exc: BaseException) -> None:
    """A long import that gave up after committing some batches says what it kept: "nothing
    was written" would be false."""
    if session.info.get(_KEPT) and is_busy_error(exc):
        raise DatabaseBusy(kept_message()) from None


def raise_if_busy(exc: BaseException) -> None:
    if is_busy_error(exc) and not isinstance(exc, DatabaseBusy):
        raise DatabaseBusy(message()) from None

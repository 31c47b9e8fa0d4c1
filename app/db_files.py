"""What the database layer needs around the engine: the migration's file lock, a PostgreSQL
password from the keyring, refusals said in one line, a verified copy of a SQLite file."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from app import db_busy as busy
from app.db_writes import (  # noqa: F401  (re-exported)
    _insert_ignore,
    _sqlite_plan,
    bulk_insert,
    insert_ignore,
)
from app.i18n import translate


@contextlib.contextmanager
def _file_lock(database: Path | None) -> Iterator[None]:
    """An exclusive lock on ``<database>.lock`` for the time of the block (waits for it)."""
    if database is None:  # in memory: one process only
        yield
        return
    handle = open(database.with_name(database.name + ".lock"), "a+b")  # noqa: SIM115
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows
            import msvcrt
            import time

            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    time.sleep(0.2)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        handle.close()  # closing releases the lock on every system


def _password_from_keyring(parsed: URL) -> URL:
    """A shared database's password lives in the keyring, keyed by server and login."""
    from app import secrets

    try:
        # the caller gives a URL with a login (no login: nothing to look up)
        if not secrets.backend_available() or parsed.username is None:
            return parsed
        password = secrets.database_password(
            f"{parsed.host or 'localhost'}:{parsed.port or 5432}", parsed.username
        )
    except Exception:  # a locked or broken keyring: let the server ask (e.g. ~/.pgpass)
        return parsed
    return parsed.set(password=password) if password else parsed


def _raise_if_refused(exc: SQLAlchemyError) -> None:
    """The server refused (privileges, row security, identity trigger): one clear sentence."""
    orig = getattr(exc, "orig", None)
    busy.raise_if_busy(exc)
    if getattr(orig, "sqlstate", None) == "42501":
        from app.errors import PermissionDenied

        raise PermissionDenied(
            translate(
                "Storage",
                "The database refused this for your login ({reason}). Ask an administrator "
                "for the right role or client.",
            ).format(reason=_short_reason(exc))
        ) from None


def _short_reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def copy_sqlite_file(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (online backup API, WAL-safe)."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()

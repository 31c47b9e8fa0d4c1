"""SQLite's connection set-up (pragmas, BEGIN IMMEDIATE for writers) and URLs safe to show."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError

from app import db_busy as busy
from app.db_writes import (  # noqa: F401  (re-exported)
    _insert_ignore,
    _sqlite_plan,
    bulk_insert,
    insert_ignore,
)


def _redact(url: str) -> str:
    """A URL safe to show: never print a database password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def _sqlite_pragmas(
    dbapi_conn: Any, _record: Any
) -> None:  # pragma: no cover - exercised via engine
    # Let SQLAlchemy emit BEGIN itself so that DDL is transactional too (docs/pitfalls.md).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(busy.timeout() * 1000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:  # pragma: no cover - exercised via engine
    # A unit of work takes the write lock up front (BEGIN IMMEDIATE, waiting up to the busy
    # timeout). A deferred transaction that reads first and writes later fails at once with
    # "database is locked" in WAL mode when another connection committed in between: its
    # snapshot is stale and SQLite cannot upgrade it, whatever the busy timeout.
    if conn.get_execution_options().get("tribune_write"):
        busy.begin_immediate(conn)
    else:  # a read's BEGIN never waits: straight to the driver (a quarter of a read's cost)
        driver = conn.connection.driver_connection
        assert driver is not None  # a connection in use has its DB-API connection
        driver.execute("BEGIN")

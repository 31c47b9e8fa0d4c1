"""A restore that never keeps other writers out for long, and leaves nothing when it gives up.

The backup's rows are first written, batch after batch, into TEMPORARY tables of one
connection: on SQLite they live in that connection's own temporary database (never the
file's write lock), on PostgreSQL in its session (no lock on the agency's tables). Other seats
write as usual meanwhile. Then one short transaction swaps: the live tables are emptied and
filled from the staged ones by ``INSERT … SELECT`` inside the database, the row counts are
checked, sequences reset, and it commits — or rolls back, leaving the data exactly as it was.
On SQLite that transaction waits for the write lock like any writer (visibly, see
:mod:`app.db_busy`) and gives up in one line after the stated time. Temporary tables vanish
with their connection, so a restore killed half way leaves nothing behind either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Column, MetaData, Table, delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import StorageError
from app.i18n import translate

PREFIX = "tribune_restore_"


def _staged(table: Table) -> Table:
    """The temporary twin of ``table``: same columns and types, no constraint."""
    columns = [Column(c.name, c.type) for c in table.columns]
    return Table(PREFIX + table.name, MetaData(), *columns, prefixes=["TEMPORARY"])


def restore_staged(
    db: Database,
    tables: list[Table],
    rows_of: Callable[[Table], Iterable[list[dict[str, Any]]] | None],
    expected: dict[str, int],
    progress: Callable[[str], None] | None = None,
    after_fill: Callable[[Session], None] | None = None,
) -> dict[str, int]:
    """Stage every table's rows (``rows_of(table)`` yields batches, None: not in the backup),
    then swap them in with one transaction checked against ``expected`` row counts."""
    counts: dict[str, int] = {}
    with db.engine.connect() as conn:
        staged = {t.name: _staged(t) for t in tables}
        try:
            for table in tables:
                counts[table.name] = _stage(conn, table, staged[table.name], rows_of, progress)
            _swap(db, conn, tables, staged, expected, after_fill)
        finally:
            _drop(conn, staged.values())
    return counts


def _stage(
    conn: Connection,
    table: Table,
    twin: Table,
    rows_of: Callable[[Table], Iterable[list[dict[str, Any]]] | None],
    progress: Callable[[str], None] | None,
) -> int:
    twin.create(conn)
    conn.commit()
    batches = rows_of(table)
    if batches is None:
        return 0  # a table added after the backup was written: stays empty
    if progress:
        progress(table.name)
    count = 0
    for batch in batches:
        conn.execute(insert(twin), batch)
        conn.commit()  # one short transaction a batch, on a table no one else sees
        count += len(batch)
    return count


def _swap(
    db: Database,
    conn: Connection,
    tables: list[Table],
    staged: dict[str, Table],
    expected: dict[str, int],
    after_fill: Callable[[Session], None] | None,
) -> None:
    if db.dialect == "sqlite":
        conn.execution_options(tribune_write=True)  # BEGIN IMMEDIATE, waiting visibly
    session = db._write_sessions(bind=conn)  # the change feed announces the swap
    try:
        for table in reversed(tables):
            session.execute(delete(table))
        for table in tables:
            twin = staged[table.name]
            names = [c.name for c in table.columns]
            source = select(*(twin.c[n] for n in names))
            session.execute(insert(table).from_select(names, source))
        if after_fill is not None:
            after_fill(session)
        for table in tables:  # what the transaction holds, before it commits
            rows = expected.get(table.name, 0)
            held = session.execute(select(func.count()).select_from(table)).scalar_one()
            if held != rows:
                raise StorageError(
                    translate(
                        "Backup", "Restore stopped: {table} holds {held} rows instead of {rows}."
                    ).format(table=table.name, held=held, rows=rows)
                )
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
        conn.execution_options(tribune_write=False)


def _drop(conn: Connection, twins: Iterable[Table]) -> None:
    try:
        if conn.in_transaction():
            conn.rollback()
        for twin in twins:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {twin.name}")
        conn.commit()
    except Exception:  # the connection is gone: its temporary tables went with it
        conn.invalidate()

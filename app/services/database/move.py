"""Moving an agency between databases: SQLite to a shared PostgreSQL server, or back.

:func:`move_database` copies every row of every table from the current database into an
empty target, in one transaction on the target, then — still inside that transaction —
reads each table back and compares its row count and a SHA-256 of its rows (in primary-key
order, values normalised so that both engines hash the same) with the source's. Anything
different rolls the whole copy back. A target that already holds data is refused: a move
never merges two agencies. Media files stay in the data folder (the rows point at them);
secrets stay in the keyring.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import RowMapping, Table, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db import Database, bulk_insert
from app.errors import Conflict, StorageError, ValidationError
from app.i18n import translate
from app.models import Base, import_all

BATCH = 2000


@dataclass(frozen=True)
class MoveSummary:
    target: str
    tables: dict[str, int]
    checksums: dict[str, str]

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


# Not moved: the change feed's recent log (each database has its own), and the people who may
# connect (on PostgreSQL they are login roles of that server: its first administrator is the
# role that created the schema, and adds the others with `tribune people add`).
NOT_MOVED = frozenset({"change_log", "staff", "client_grants"})


def _tables() -> list[Table]:
    import_all()
    return [
        t
        for t in Base.metadata.sorted_tables
        if not t.name.startswith("alembic") and t.name not in NOT_MOVED
    ]


def _norm(value: object) -> object:
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _row_bytes(table: Table, row: RowMapping) -> bytes:
    values = [_norm(row[c.name]) for c in table.columns]
    return json.dumps(values, sort_keys=True, ensure_ascii=False, default=str).encode() + b"\n"


def _ordered(session: Session, table: Table) -> Iterable[RowMapping]:
    order = list(table.primary_key.columns) or list(table.columns)
    return session.execute(
        select(table).order_by(*order).execution_options(yield_per=BATCH)
    ).mappings()


def table_digest(session: Session, table: Table) -> tuple[int, str]:
    """Row count and SHA-256 of ``table`` as seen by ``session``."""
    digest = hashlib.sha256()
    n = 0
    for row in _ordered(session, table):
        digest.update(_row_bytes(table, row))
        n += 1
    return n, digest.hexdigest()


def _holds_data(db: Database) -> list[str]:
    with db.read() as session:
        return [
            t.name
            for t in _tables()
            if session.execute(select(func.count()).select_from(t)).scalar_one()
        ]


def move_database(
    source: Database, target_url: str, progress: Callable[[str], None] | None = None
) -> MoveSummary:
    """Copy everything from ``source`` into the empty database at ``target_url``, verified."""
    target = Database(target_url)
    try:
        if _same(source, target):
            raise ValidationError(
                translate("DbMove", "The target is the current database: nothing to move.")
            )
        target.upgrade()
        busy = _holds_data(target)
        if busy:
            raise Conflict(
                translate(
                    "DbMove",
                    "The target database already holds data ({tables}); a move only goes into "
                    "an empty database.",
                ).format(tables=", ".join(busy[:3]) + ("…" if len(busy) > 3 else ""))
            )
        return _copy(source, target, progress)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise StorageError(
            translate("DbMove", "Move stopped, the target is unchanged: {reason}").format(
                reason=reason[0] if reason else type(exc).__name__
            )
        ) from None
    finally:
        target.dispose()


def _same(a: Database, b: Database) -> bool:
    if a.sqlite_path is not None and b.sqlite_path is not None:
        return a.sqlite_path.resolve() == b.sqlite_path.resolve()
    return a.engine.url == b.engine.url


def _copy(
    source: Database, target: Database, progress: Callable[[str], None] | None
) -> MoveSummary:
    tables = _tables()
    counts: dict[str, int] = {}
    sums: dict[str, str] = {}
    with source.read() as src, target.session() as dst:
        if source.dialect == "postgresql":  # one snapshot of every table
            src.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        if target.dialect == "postgresql":
            dst.execute(text("SET LOCAL TIME ZONE 'UTC'"))
        for table in tables:
            if progress:
                progress(table.name)
            digest = hashlib.sha256()
            n = 0
            batch: list[dict[str, Any]] = []
            for row in _ordered(src, table):
                digest.update(_row_bytes(table, row))
                batch.append(dict(row))
                n += 1
                if len(batch) >= BATCH:
                    _insert(dst, table, batch)
                    batch = []
            _insert(dst, table, batch)
            counts[table.name], sums[table.name] = n, digest.hexdigest()
        dst.flush()
        for table in tables:  # read back inside the transaction: commit only if identical
            held, held_sum = table_digest(dst, table)
            if (held, held_sum) != (counts[table.name], sums[table.name]):
                raise StorageError(
                    translate(
                        "DbMove",
                        "Move stopped, the target is unchanged: {table} differs after the copy "
                        "({held} rows instead of {rows}).",
                    ).format(table=table.name, held=held, rows=counts[table.name])
                )
        if target.dialect == "postgresql":
            from app.services.database.backup import _reset_sequences

            _reset_sequences(dst, tables)
    return MoveSummary(target.display_url(), counts, sums)


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if session.get_bind().dialect.name == "sqlite":
        bulk_insert(session, table, rows)
    else:
        session.execute(insert(table), rows)


__all__ = ["MoveSummary", "move_database", "table_digest"]

"""Many rows at once: fast bulk inserts and INSERT … ON CONFLICT DO NOTHING on both engines."""

from __future__ import annotations

from collections.abc import Callable, Collection
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Column, ColumnDefault, Dialect, Table, insert
from sqlalchemy.orm import Session

# A row's values for a raw INSERT: the statement, the getter of the given values, the bind
# processors of the given columns (by position), the constant defaults, the callable ones.
_Processor = Callable[[Any], Any]
_SqlitePlan = tuple[
    str,
    Callable[[dict[str, Any]], Any],
    list[tuple[int, _Processor]],
    tuple[Any, ...],
    list[Callable[[], Any]],
]


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in the session's transaction, as Core's ``insert(table)`` would.

    On SQLite the values go through SQLAlchemy's own bind processors and the columns'
    defaults, then one DB-API ``executemany``: Core's per-row bookkeeping was a quarter of
    a 10,000-message sync. Rows with other keys than the first, a table with SQL-side
    defaults, and every other engine (psycopg batches by itself) take Core's path.
    """
    if not rows:
        return
    from app.changes import announce_rows

    announce_rows(session, table.name, rows)  # Core and raw inserts skip the ORM's events
    conn = session.connection()
    dialect = conn.dialect
    keys = rows[0].keys()
    plan = _sqlite_plan(table, dialect, keys) if dialect.name == "sqlite" else None
    if plan is None or any(row.keys() != keys for row in rows):
        conn.execute(insert(table), rows)
        return
    sql, get, processors, constants, computed = plan
    values: list[tuple[Any, ...]] = []
    append = values.append
    for row in rows:
        given = list(get(row))
        for index, process in processors:
            given[index] = process(given[index])
        if computed:
            append((*given, *constants, *(make() for make in computed)))
        else:
            append((*given, *constants))
    conn.exec_driver_sql(sql, values)


def insert_in_batches(
    session: Session, table: Table | type[Any], rows: list[dict[str, Any]]
) -> None:
    """Insert many rows a batch at a time, committing each and letting a writer that waits for
    the database in between (:func:`app.db_busy.commit_batch`): a long load never keeps the
    other seats out for more than a batch. ``table``: a Table or a mapped class."""
    from app.db_busy import BATCH, commit_batch

    target = cast(Table, getattr(table, "__table__", table))
    for start in range(0, len(rows), BATCH):
        if start:
            commit_batch(session)
        bulk_insert(session, target, rows[start : start + BATCH])


def insert_ignore(session: Session, table: Table, rows: list[dict[str, Any]]) -> int:
    """``INSERT … ON CONFLICT DO NOTHING`` of many rows; returns how many went in.

    Two seats writing the same rows (the same new mentions, the same day's numbers) is
    normal: the second finds them there, never an error. SQLite keeps
    :func:`bulk_insert`'s fast path (its ``executemany`` row count is the number
    inserted); PostgreSQL counts the ids ``RETURNING`` gives back (only inserted rows).
    """
    if not rows:
        return 0
    count = _insert_ignore(session, table, rows)
    if count:  # on the change feed like bulk_insert (Core inserts skip the ORM's events)
        from app.changes import announce_rows

        announce_rows(session, table.name, rows)
    return count


def _insert_ignore(session: Session, table: Table, rows: list[dict[str, Any]]) -> int:
    conn = session.connection()
    dialect = conn.dialect
    keys = rows[0].keys()
    if dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        plan = _sqlite_plan(table, dialect, keys)
        if plan is not None and all(row.keys() == keys for row in rows):
            sql, get, processors, constants, computed = plan
            values: list[tuple[Any, ...]] = []
            for row in rows:
                given = list(get(row))
                for index, process in processors:
                    given[index] = process(given[index])
                values.append((*given, *constants, *(make() for make in computed)))
            return conn.exec_driver_sql(sql + " ON CONFLICT DO NOTHING", values).rowcount
        return conn.execute(sqlite_insert(table).on_conflict_do_nothing(), rows).rowcount
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    key = next(iter(table.primary_key.columns))
    stmt = pg_insert(table).on_conflict_do_nothing().returning(key)
    return len(conn.execute(stmt, rows).all())


def _sqlite_plan(table: Table, dialect: Dialect, keys: Collection[str]) -> _SqlitePlan | None:
    """The INSERT statement and how to turn a row into its values; None if Core must do it.

    Values are laid out as the given columns (in table order), then the defaulted ones with
    a constant default, then those with a callable default (called per row, like Core)."""
    if len(keys) == 1 or set(keys) - set(table.columns.keys()):
        return None  # one key (itemgetter returns a scalar) or an unknown one: Core's path
    given = [c for c in table.columns if c.name in keys]
    constant_columns: list[Column[Any]] = []
    computed_columns: list[Column[Any]] = []
    constants: list[Any] = []
    computed: list[Callable[[], Any]] = []

    def processor(column: Column[Any]) -> _Processor | None:
        return column.type.dialect_impl(dialect).bind_processor(dialect)

    for column in table.columns:
        spec = column.default
        if column.name in keys or spec is None:
            continue
        if not isinstance(spec, ColumnDefault):  # a sequence (neither scalar nor callable)
            return None  # let Core render it
        process = processor(column)
        if spec.is_scalar:
            constant_columns.append(column)
            constants.append(process(spec.arg) if process else spec.arg)
        elif spec.is_callable:
            computed_columns.append(column)
            computed.append(_per_row(spec.arg, process))
        else:  # a SQL expression or a sequence: let Core render it
            return None
    processors = [(i, p) for i, c in enumerate(given) if (p := processor(c)) is not None]
    columns = given + constant_columns + computed_columns
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(quote(c.name) for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    return sql, itemgetter(*(c.name for c in given)), processors, tuple(constants), computed


def _per_row(fn: Callable[[Any], Any], process: _Processor | None) -> Callable[[], Any]:
    """A callable default's value for one row, as Core computes it (called without an
    execution context), through the column's bind processor if it has one."""
    return (lambda: process(fn(None))) if process else (lambda: fn(None))

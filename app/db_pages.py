"""Lists' pages on the fast path, shared by the inbox's and the listening's: one SQL string
compiled per filter shape and dialect (cached by the caller), run on the connection's DB-API
cursor, rows returned as the driver gives them for a tight conversion loop.

Through the ORM a page of 100 rows costs a session, a transaction and several hundred
per-value type conversions; here it is one cached string and one ``execute``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql import Select

from app.models import UTCDateTime


class CompiledPage(NamedTuple):
    sql: str
    names: tuple[str, ...] | None  # bind names in positional order, None for named binds
    used: frozenset[str]  # every bind name of the statement
    fixed: dict[str, Any]  # literal values SQLAlchemy bound itself (parameters not named ``p_…``)


def compile_page(query: Select[Any], dialect: Dialect) -> CompiledPage:
    """``query``'s SQL for ``dialect``; its own parameters are named ``p_…``."""
    compiled = query.compile(dialect=dialect)
    names = tuple(compiled.positiontup or ()) if compiled.positional else None
    fixed = {k: v for k, v in compiled.params.items() if not k.startswith("p_")}
    return CompiledPage(compiled.string, names, frozenset(compiled.params), fixed)


def fetch_page(
    conn: Connection, page: CompiledPage, params: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """The rows of ``page`` with ``params`` (plus its literals), straight from the driver."""
    params = {**params, **page.fixed}
    if page.names is not None:
        args: tuple[Any, ...] | dict[str, Any] = tuple(params[n] for n in page.names)
    else:
        args = {n: params[n] for n in page.used}
    driver = conn.connection.driver_connection
    assert driver is not None  # a live connection has its DB-API connection
    cursor = driver.cursor()
    try:
        cursor.execute(page.sql, args)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows
    finally:
        cursor.close()


@functools.lru_cache(maxsize=8)
def when_bind(dialect: Dialect) -> Callable[[Any], Any]:
    """How ``dialect`` stores an aware instant (UTCDateTime's bind processor)."""
    return UTCDateTime().dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)

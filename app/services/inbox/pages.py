"""The list's pages on the fast path: one SQL string compiled per filter shape and dialect,
run on the connection's DB-API cursor, the driver's rows retyped in C as the row class.

Through the ORM a page of 100 rows costs a session, a transaction and about 700 per-value
type conversions; here it is one cached string, one ``execute`` and one C call per row (the
row decodes a date when the screen reads it) — the first page costs about what the raw SQL
costs (``benchmarks/inbox.py``). Same query, same order, same rows as
:func:`app.services.inbox.reading.page` (tested on SQLite and PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Text, bindparam, cast, select, tuple_
from sqlalchemy.engine import Connection, Dialect

from app.db_pages import CompiledPage, compile_page, fetch_page, when_bind
from app.models import StaffMember, UTCDateTime
from app.models.inbox import InboxMessage
from app.services.inbox.search import search_clause, search_params

_M = InboxMessage.__table__.c
_S = StaffMember.__table__.c
_R = TypeVar("_R", bound=tuple[Any, ...])
_IDLE = 0  # psycopg.pq.TransactionStatus.IDLE (not imported: SQLite installs lack psycopg)


@functools.lru_cache(maxsize=256)
def _compiled(
    dialect: Dialect,
    list_columns: tuple[ColumnElement[Any], ...],
    shape: tuple[int, int, int, bool, bool, bool, bool],
    overdue: bool,
    search: bool,
    after: bool,
) -> CompiledPage:
    """The page's SQL for a filter shape (:func:`app.db_pages.compile_page`)."""
    n_statuses, n_networks, n_categories, assignee, unassigned, include_deleted, tag = shape
    query = (
        select(*list_columns)
        .select_from(
            InboxMessage.__table__.outerjoin(StaffMember.__table__, _S.id == _M.assignee_id)
        )
        .where(_M.client_id == bindparam("p_client"), _M.ours.is_(False))
    )
    for column, prefix, n in (
        (_M.status, "p_status", n_statuses),
        (_M.network, "p_network", n_networks),
        (_M.category, "p_category", n_categories),
    ):
        if n:
            query = query.where(column.in_([bindparam(f"{prefix}{i}") for i in range(n)]))
    if unassigned:
        query = query.where(_M.assignee_id.is_(None))
    elif assignee:
        query = query.where(_M.assignee_id == bindparam("p_assignee"))
    if not include_deleted:
        query = query.where(_M.deleted.is_(False))
    if tag:
        query = query.where(tag_condition())
    if search:
        query = query.where(search_clause(dialect.name))
    key = bindparam("p_key", type_=UTCDateTime())
    if overdue:
        query = query.where(_M.due_at < bindparam("p_now", type_=UTCDateTime()))
        if after:
            query = query.where(tuple_(_M.due_at, _M.id) > tuple_(key, bindparam("p_id")))
        query = query.order_by(_M.due_at, _M.id)
    else:
        if after:
            query = query.where(tuple_(_M.received_at, _M.id) < tuple_(key, bindparam("p_id")))
        query = query.order_by(_M.received_at.desc(), _M.id.desc())
    return compile_page(query.limit(bindparam("p_limit")), dialect)


def tag_condition() -> ColumnElement[bool]:
    """Tags are a JSON list stored as text: match the quoted tag (``p_tag`` from tag_like)."""
    return cast(_M.tags, Text).like(bindparam("p_tag"), escape="\\")


def tag_like(tag: str) -> str:
    quoted = json.dumps(tag.strip())  # as SQLAlchemy stores it (\\u escapes)
    return "%" + quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def page_rows(
    conn: Connection,
    client_id: int,
    filt: Any,
    after: Any,
    limit: int,
    now: dt.datetime,
    make: type[_R],
    columns: tuple[ColumnElement[Any], ...],
) -> tuple[_R, ...]:
    """The rows of :func:`app.services.inbox.reading.page`: ``filt`` an ``InboxFilter``,
    ``after`` a ``Cursor`` or None, each row the driver's tuple retyped as ``make`` (a tuple
    subclass, :class:`app.services.inbox.rows.MessageRow`, which decodes its dates and flags
    when read)."""
    compiled, params = statement(conn.dialect, client_id, filt, after, limit, now, columns)
    rows = _fetch_alone(conn, compiled, params)
    # the driver's tuples retyped in C (map, partial, tuple.__new__): no Python per row
    return tuple(map(functools.partial(tuple.__new__, make), rows))


def _fetch_alone(
    conn: Connection, compiled: CompiledPage, params: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """:func:`fetch_page`; on PostgreSQL, when nothing else runs in a transaction on this
    connection (the list's reader checks one out per page), the page's one statement runs in
    autocommit: psycopg would otherwise send BEGIN before it and the pool ROLLBACK after it,
    two round trips for a statement that is consistent on its own (a third of a page's time
    on loopback). A connection in a transaction (a read session's) keeps it."""
    driver = conn.connection.driver_connection
    if (
        conn.dialect.name != "postgresql"
        or conn.in_transaction()
        or getattr(driver, "autocommit", True)
        or driver.info.transaction_status != _IDLE  # type: ignore[union-attr]
    ):
        return fetch_page(conn, compiled, params)
    driver.autocommit = True  # type: ignore[union-attr]
    try:
        return fetch_page(conn, compiled, params)
    finally:
        driver.autocommit = False  # type: ignore[union-attr]


def statement(
    dialect: Dialect,
    client_id: int,
    filt: Any,
    after: Any,
    limit: int,
    now: dt.datetime,
    columns: tuple[ColumnElement[Any], ...],
) -> tuple[CompiledPage, dict[str, Any]]:
    """The page's SQL and its bind values (what :func:`page_rows` sends; the benchmarks send
    the same through the bare DB-API)."""
    search = None
    if filt.search.strip():  # nothing searchable in the text: the page is not filtered
        search = search_params(dialect.name, client_id, filt.search)
    tag = filt.tag.strip()
    shape = (
        len(filt.statuses),
        len(filt.networks),
        len(filt.categories),
        filt.assignee_id is not None,
        filt.unassigned,
        filt.include_deleted,
        bool(tag),
    )
    params: dict[str, Any] = {"p_client": client_id, "p_limit": int(limit)}
    when = when_bind(dialect)
    if filt.overdue:
        params["p_now"] = when(now)
    if after is not None:
        params["p_key"], params["p_id"] = when(after.key), after.id
    if filt.assignee_id is not None:
        params["p_assignee"] = filt.assignee_id
    if tag:
        params["p_tag"] = tag_like(filt.tag)
    for prefix, values in (
        ("p_status", filt.statuses),
        ("p_network", filt.networks),
        ("p_category", filt.categories),
    ):
        for i, value in enumerate(values):
            params[f"{prefix}{i}"] = value
    if search:
        params.update(search)
    compiled = _compiled(
        dialect, columns, shape, filt.overdue, search is not None, after is not None
    )
    return compiled, params

"""The list's pages on the fast path: one SQL string compiled per filter shape and dialect,
run on the connection's DB-API cursor, rows converted by hand.

Through the ORM a page of 100 rows costs a session, a transaction and about 700 per-value
type conversions; here it is one cached string, one ``execute`` and a tight loop — the
first page costs about what the raw SQL costs. Same query, same order, same rows as
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
_UTC = dt.UTC
_R = TypeVar("_R")


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


def _aware_when(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else value.astimezone(_UTC)


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
    ``after`` a ``Cursor`` or None, each row a ``make`` (MessageRow) built here without its
    frozen ``__init__`` — one dict per row, filled from the driver's values in one pass."""
    dialect = conn.dialect
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
    raw = fetch_page(conn, compiled, params)
    new, flag = object.__new__, (False, True)  # flag[x]: bool(x) without a call
    out: list[_R] = []
    append = out.append
    sqlite = dialect.name == "sqlite"  # naive UTC text: parsed with its offset, in C
    iso, z, aware = dt.datetime.fromisoformat, "+00:00", _aware_when
    for i, net, kind, a, h, snip, rec, st, cat, prio, who, due, fresh, hid, dele, sent in raw:
        row: Any = new(make)
        row.__dict__.update({
            "id": i, "network": net, "kind": kind, "author": a, "author_handle": h,
            "snippet": snip, "received_at": iso(rec + z) if sqlite else aware(rec),
            "status": st, "category": cat, "priority": prio, "assignee": who,
            "due_at": (None if due is None else iso(due + z)) if sqlite else aware(due),
            "newcomer": flag[fresh], "hidden": flag[hid], "deleted": flag[dele],
            "sentiment": sent,
        })  # fmt: skip
        append(row)
    return tuple(out)

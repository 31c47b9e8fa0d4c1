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

from sqlalchemy import Text, bindparam, cast, select, tuple_
from sqlalchemy.engine import Connection, Dialect

from app.db_pages import compile_page, fetch_page, when_bind
from app.models import StaffMember, UTCDateTime
from app.models.inbox import InboxMessage
from app.services.inbox.search import search_clause

_M = InboxMessage.__table__.c
_S = StaffMember.__table__.c
_UTC = dt.UTC


@functools.lru_cache(maxsize=256)
def _compiled(dialect: Dialect, list_columns, shape: tuple, overdue: bool, search: bool, after):
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


def tag_condition():
    """Tags are a JSON list stored as text: match the quoted tag (``p_tag`` from tag_like)."""
    return cast(_M.tags, Text).like(bindparam("p_tag"), escape="\\")


def tag_like(tag: str) -> str:
    quoted = json.dumps(tag.strip())  # as SQLAlchemy stores it (\\u escapes)
    return "%" + quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _aware_when(value):
    return None if value is None else value.astimezone(_UTC)


def fetch_rows(conn: Connection, params: dict, shape, overdue, search, after, list_columns):
    """The page's rows as tuples in ``MessageRow`` field order."""
    dialect = conn.dialect
    when = when_bind(dialect)
    params = {k: when(v) if k in ("p_key", "p_now") else v for k, v in params.items()}
    raw = fetch_page(conn, _compiled(dialect, list_columns, shape, overdue, search, after), params)
    if dialect.name == "sqlite":  # naive UTC text: parsed with its offset, in C
        iso, z = dt.datetime.fromisoformat, "+00:00"
        return [
            (i, net, kind, a, h, snip, iso(rec + z), st, cat, prio, who,
             None if due is None else iso(due + z), bool(new), bool(hid), bool(dele), sent)
            for (i, net, kind, a, h, snip, rec, st, cat, prio, who, due, new, hid, dele, sent)
            in raw
        ]  # fmt: skip
    conv = _aware_when
    return [
        (i, net, kind, a, h, snip, conv(rec), st, cat, prio, who, conv(due),
         bool(new), bool(hid), bool(dele), sent)
        for (i, net, kind, a, h, snip, rec, st, cat, prio, who, due, new, hid, dele, sent) in raw
    ]  # fmt: skip

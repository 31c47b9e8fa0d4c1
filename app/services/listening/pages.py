"""Listening pages on the fast path (:mod:`app.db_pages`), as the inbox's: one SQL string per
shape and dialect, the driver's rows as they come (:class:`ItemRow`). Same query, same
order, same rows as the general path of :func:`app.services.listening.items.page` (tested
on SQLite and PostgreSQL); a search still takes the general path (its full-text condition
differs per engine).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlalchemy import bindparam, select, tuple_
from sqlalchemy.engine import Connection, Dialect

from app.db_pages import CompiledPage, compile_page, fetch_page, when_bind
from app.models import UTCDateTime
from app.models.listening import ListeningItem
from app.services.listening.rows import FIELDS, ItemRow

_L = ListeningItem.__table__.c


@functools.lru_cache(maxsize=64)
def _compiled(dialect: Dialect, n_statuses: int, after: bool) -> CompiledPage:
    """The page's SQL for a shape (:func:`app.db_pages.compile_page`)."""
    query = select(*(_L[f] for f in FIELDS)).where(_L.client_id == bindparam("p_client"))
    if n_statuses:
        query = query.where(_L.status.in_([bindparam(f"p_status{i}") for i in range(n_statuses)]))
    if after:
        # a row value: the index (client_id, published_at, id) gives the page's range at once
        # (the same rows as "published_at < key OR (= key AND id < p_id)", which SQLite
        # answers by scanning every newer item: the 500th page read 100,000 rows)
        key = bindparam("p_key", type_=UTCDateTime())
        query = query.where(tuple_(_L.published_at, _L.id) < tuple_(key, bindparam("p_id")))
    query = query.order_by(_L.published_at.desc(), _L.id.desc()).limit(bindparam("p_limit"))
    return compile_page(query, dialect)


def fetch_rows(
    conn: Connection,
    client_id: int,
    statuses: tuple[str, ...],
    after: tuple[dt.datetime, int] | None,
    limit: int,
) -> list[ItemRow]:
    """The page's rows: the driver's tuples retyped as :class:`ItemRow` (no copy, no
    conversion: the instant is parsed when read)."""
    dialect = conn.dialect
    params: dict[str, Any] = {"p_client": client_id, "p_limit": int(limit)}
    for i, value in enumerate(statuses):
        params[f"p_status{i}"] = value
    if after is not None:
        params["p_key"] = when_bind(dialect)(after[0])
        params["p_id"] = after[1]
    raw = fetch_page(conn, _compiled(dialect, len(statuses), after is not None), params)
    new, row = tuple.__new__, ItemRow
    return [new(row, r) for r in raw]

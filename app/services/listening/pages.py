"""Listening pages on the fast path (:mod:`app.db_pages`), as the inbox's: one SQL string per
shape and dialect (a search included: each engine's full-text condition), the driver's rows
as they come (:class:`ItemRow`). Same rows, in the same order, as the ORM query they replace
(tests/app/services/listening/test_listening_pages.py, SQLite and PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlalchemy import ColumnElement, TextClause, bindparam, literal_column, select, text, tuple_
from sqlalchemy.engine import Connection, Dialect

from app.db_pages import CompiledPage, compile_page, fetch_page, when_bind
from app.models import UTCDateTime
from app.models.listening import ListeningItem
from app.services.inbox.search import fts5_query, tsquery
from app.services.listening.rows import FIELDS, ItemRow

_L = ListeningItem.__table__.c


_PG_DOC = (
    "to_tsvector('simple'::regconfig, tribune_fold('tribuneclient' || listening_items.client_id"
    " || ' ' || listening_items.author || ' ' || listening_items.author_handle || ' ' ||"
    " listening_items.text))"
)


def search_value(dialect: str, client_id: int, search: str) -> str | None:
    """What the full-text condition matches for ``search`` (as the inbox's: the client a
    token of the index, accents ignored, each word a prefix), or None if nothing is."""
    return fts5_query(client_id, search) if dialect == "sqlite" else tsquery(client_id, search)


def _search_clause(dialect: str) -> ColumnElement[bool] | TextClause:
    """Each engine's full-text index, matched against the bind parameter ``p_search``."""
    if dialect == "sqlite":
        return literal_column("listening_items.id").in_(
            text("SELECT rowid FROM listening_fts WHERE listening_fts MATCH :p_search")
        )
    return text(f"{_PG_DOC} @@ to_tsquery('simple', :p_search)")


@functools.lru_cache(maxsize=64)
def _compiled(dialect: Dialect, n_statuses: int, after: bool, search: bool = False) -> CompiledPage:
    """The page's SQL for a shape (:func:`app.db_pages.compile_page`)."""
    query = select(*(_L[f] for f in FIELDS)).where(_L.client_id == bindparam("p_client"))
    if n_statuses:
        query = query.where(_L.status.in_([bindparam(f"p_status{i}") for i in range(n_statuses)]))
    if search:
        query = query.where(_search_clause(dialect.name))
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
    search: str | None = None,
) -> list[ItemRow]:
    """The page's rows: the driver's tuples retyped as :class:`ItemRow` (no copy, no
    conversion: the instant is parsed when read). ``search``: a :func:`search_value`."""
    dialect = conn.dialect
    params: dict[str, Any] = {"p_client": client_id, "p_limit": int(limit)}
    for i, value in enumerate(statuses):
        params[f"p_status{i}"] = value
    if after is not None:
        params["p_key"] = when_bind(dialect)(after[0])
        params["p_id"] = after[1]
    if search is not None:
        params["p_search"] = search
    shape = _compiled(dialect, len(statuses), after is not None, search is not None)
    raw = fetch_page(conn, shape, params)
    new, row = tuple.__new__, ItemRow
    return [new(row, r) for r in raw]

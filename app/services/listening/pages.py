"""Listening pages on the fast path (:mod:`app.db_pages`), as the inbox's: one SQL string per
shape and dialect, rows converted by hand. Same query, same order, same rows as the general
path of :func:`app.services.listening.items.page` (tested on SQLite and PostgreSQL); a search
still takes the general path (its full-text condition differs per engine).
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

_L = ListeningItem.__table__.c
_UTC = dt.UTC
FIELDS = (
    "id", "stream_id", "network", "external_id", "author", "author_handle", "author_followers",
    "text", "url", "published_at", "sentiment", "status",
)  # fmt: skip
_WHEN = FIELDS.index("published_at")


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
    make: type | None = None,
) -> list[Any]:
    """The page's rows: tuples in ``ItemRow`` field order, or ``make`` (ItemRow) objects
    built here without their frozen ``__init__`` (one dict per row, in one pass)."""
    dialect = conn.dialect
    params: dict[str, Any] = {"p_client": client_id, "p_limit": int(limit)}
    for i, value in enumerate(statuses):
        params[f"p_status{i}"] = value
    if after is not None:
        params["p_key"] = when_bind(dialect)(after[0])
        params["p_id"] = after[1]
    raw = fetch_page(conn, _compiled(dialect, len(statuses), after is not None), params)
    sqlite = dialect.name == "sqlite"  # naive UTC text: parsed with its offset, in C
    if make is None:
        w = _WHEN
        if sqlite:
            iso = dt.datetime.fromisoformat
            return [(*r[:w], iso(r[w] + "+00:00"), *r[w + 1 :]) for r in raw]
        return [(*r[:w], r[w].astimezone(_UTC), *r[w + 1 :]) for r in raw]
    new = object.__new__
    out: list[Any] = []
    append = out.append
    iso, z = dt.datetime.fromisoformat, "+00:00"
    for i, stream, net, ext, a, h, followers, text, url, when, sent, status in raw:
        row: Any = new(make)
        row.__dict__.update({
            "id": i, "stream_id": stream, "network": net, "external_id": ext, "author": a,
            "author_handle": h, "author_followers": followers, "text": text, "url": url,
            "published_at": iso(when + z) if sqlite else when.astimezone(_UTC),
            "sentiment": sent, "status": status,
        })  # fmt: skip
        append(row)
    return out

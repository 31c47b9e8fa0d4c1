"""Listening pages on the fast path, as the inbox's (:mod:`app.services.inbox.pages`): one SQL
string compiled per shape and dialect, run on the connection's DB-API cursor, rows converted
by hand.

Through the ORM a page of 100 items costs about 1,200 per-value type conversions and the
statement's compilation checks; here it is one cached string, one ``execute`` and a tight
loop. Same query, same order, same rows as the general path of
:func:`app.services.listening.items.page` (tested on SQLite and PostgreSQL); a search still
takes the general path (its full-text condition differs per engine).
"""

from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.engine import Connection, Dialect

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
def _compiled(dialect: Dialect, n_statuses: int, after: bool):
    """(sql, names in positional order or None, names used, literal values) for a shape."""
    query = select(*(_L[f] for f in FIELDS)).where(_L.client_id == bindparam("p_client"))
    if n_statuses:
        query = query.where(_L.status.in_([bindparam(f"p_status{i}") for i in range(n_statuses)]))
    if after:
        key = bindparam("p_key", type_=UTCDateTime())
        query = query.where(
            or_(_L.published_at < key, and_(_L.published_at == key, _L.id < bindparam("p_id")))
        )
    query = query.order_by(_L.published_at.desc(), _L.id.desc()).limit(bindparam("p_limit"))
    compiled = query.compile(dialect=dialect)
    names = tuple(compiled.positiontup or ()) if compiled.positional else None
    fixed = {k: v for k, v in compiled.params.items() if not k.startswith("p_")}  # literals
    return compiled.string, names, frozenset(compiled.params), fixed


@functools.lru_cache(maxsize=8)
def _when_bind(dialect: Dialect):
    return UTCDateTime().dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)


def fetch_rows(
    conn: Connection,
    client_id: int,
    statuses: tuple[str, ...],
    after: tuple[dt.datetime, int] | None,
    limit: int,
) -> list[tuple]:
    """The page's rows as tuples in ``ItemRow`` field order."""
    dialect = conn.dialect
    sql, names, used, fixed = _compiled(dialect, len(statuses), after is not None)
    params: dict = {"p_client": client_id, "p_limit": int(limit), **fixed}
    params.update({f"p_status{i}": v for i, v in enumerate(statuses)})
    if after is not None:
        params["p_key"] = _when_bind(dialect)(after[0])
        params["p_id"] = after[1]
    args = tuple(params[n] for n in names) if names is not None else {n: params[n] for n in used}
    driver = conn.connection.driver_connection
    assert driver is not None  # a live connection has its DB-API connection
    cursor = driver.cursor()
    try:
        cursor.execute(sql, args)
        raw = cursor.fetchall()
    finally:
        cursor.close()
    w = _WHEN
    if dialect.name == "sqlite":  # naive UTC text: parsed with its offset, in C
        iso = dt.datetime.fromisoformat
        return [(*r[:w], iso(r[w] + "+00:00"), *r[w + 1 :]) for r in raw]
    return [(*r[:w], r[w].astimezone(_UTC), *r[w + 1 :]) for r in raw]

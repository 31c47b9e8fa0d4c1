"""Writing what the searches found: items once (INSERT … ON CONFLICT DO NOTHING on both
engines, so two seats syncing the same stream store each item once), authors' audience
(upserted, refreshed at most daily)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.connectors.search.base import Found
from app.limits import INT_MAX
from app.models.listening import ListeningAuthor, ListeningItem
from app.services.listening.sentiment import sentiment
from app.textsafe import storable, storable_body

if TYPE_CHECKING:  # each engine's INSERT is imported when used (the CLI starts faster)
    from sqlalchemy.dialects import postgresql, sqlite

AUDIENCE_MAX_AGE = dt.timedelta(days=1)
_CHUNK = 400


def _insert_for(session: Session) -> Callable[[Any], postgresql.Insert | sqlite.Insert]:
    """The engine's INSERT (for ON CONFLICT), taking a table as the dialect's insert() does."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def fresh_authors(
    session: Session, client_id: int, network: str, handles: Iterable[str], now: dt.datetime
) -> dict[str, int]:
    """handle → followers for the authors whose audience is less than a day old."""
    handles = sorted({h for h in handles if h})
    out: dict[str, int] = {}
    for i in range(0, len(handles), _CHUNK):
        rows = session.execute(
            select(ListeningAuthor.handle, ListeningAuthor.followers).where(
                ListeningAuthor.client_id == client_id,
                ListeningAuthor.network == network,
                ListeningAuthor.handle.in_(handles[i : i + _CHUNK]),
                ListeningAuthor.refreshed_at > now - AUDIENCE_MAX_AGE,
            )
        )
        out.update({h: int(f) for h, f in rows})
    return out


def save_authors(
    session: Session,
    client_id: int,
    network: str,
    audience: dict[str, tuple[str, int]],
    now: dt.datetime,
) -> None:
    """Upsert handle → (name, followers)."""
    if not audience:
        return
    insert = _insert_for(session)
    by_handle = {  # a network's text: no NUL, within the columns (one row per stored handle)
        storable(h, 200): {"client_id": client_id, "network": network,
         "handle": storable(h, 200), "name": storable(n, 200),
         "followers": min(max(int(f), 0), INT_MAX), "refreshed_at": now}
        for h, (n, f) in sorted(audience.items())
    }  # fmt: skip
    rows = list(by_handle.values())
    stmt = insert(ListeningAuthor.__table__)
    stmt = stmt.on_conflict_do_update(
        index_elements=["client_id", "network", "handle"],
        set_={
            "name": stmt.excluded.name,
            "followers": stmt.excluded.followers,
            "refreshed_at": stmt.excluded.refreshed_at,
        },
    )
    session.connection().execute(stmt, rows)


def save_items(
    session: Session,
    client_id: int,
    stream_id: int | None,
    network: str,
    found: Iterable[Found],
    followers: dict[str, int],
) -> int:
    """Insert what is not stored yet; returns how many rows this call added."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for f in found:
        if f.external_id in seen:
            continue
        seen.add(f.external_id)
        audience = followers.get(f.author_handle, f.author_followers)
        if audience is not None:  # a network's number: within the column
            audience = min(max(int(audience), 0), INT_MAX)
        rows.append(
            {
                "client_id": client_id,
                "stream_id": stream_id,
                "network": network,
                "external_id": storable(f.external_id, 200),  # a network's text: no NUL
                "author": storable(f.author, 200),
                "author_handle": storable(f.author_handle, 200),
                "author_followers": audience,
                "text": storable_body(f.text),
                "url": storable(f.url, 500),
                "published_at": f.published_at,
                "sentiment": sentiment(f.text),
                "status": "new",
            }
        )
    if not rows:
        return 0
    insert = _insert_for(session)
    stmt = (
        insert(ListeningItem.__table__)
        .on_conflict_do_nothing(index_elements=["client_id", "network", "external_id"])
        .returning(ListeningItem.__table__.c.id)
    )
    added = 0
    conn = session.connection()
    for i in range(0, len(rows), 500):
        added += len(conn.execute(stmt, rows[i : i + 500]).all())
    return added

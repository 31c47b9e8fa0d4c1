"""Browsing what the streams found (newest first, keyset pages), search, the view's figures,
and the two decisions on an item: send it to the inbox, or dismiss it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (
    and_,
    func,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.connectors.contract import IncomingMessage
from app.errors import Conflict, NotFound
from app.i18n import translate
from app.models import utcnow
from app.models.listening import ITEM_STATUSES, ListeningItem
from app.services.inbox.ingest import ingest_messages
from app.services.listening.pages import fetch_rows, search_value
from app.services.listening.rows import ItemRow as ItemRow  # the list's row, for its callers

DEFAULT_INFLUENCE = 50_000  # followers, when the charter says nothing


def page(
    session: Session | Connection,
    client_id: int,
    *,
    search: str = "",
    statuses: tuple[str, ...] = (),
    after: tuple[dt.datetime, int] | None = None,
    limit: int = 100,
) -> list[ItemRow]:
    """Newest first; ``after`` is the (published_at, id) of the last row of the previous
    page. ``search`` matches the text, the author or the handle (full-text index, accents
    and case ignored, each word as a prefix). One cached SQL string per shape, the raw
    cursor (:mod:`app.services.listening.pages`), browsing or searching."""
    conn = session.connection() if isinstance(session, Session) else session
    match = None
    if search.strip():
        match = search_value(conn.dialect.name, client_id, search)
        if match is None:
            return []  # nothing searchable in it (only operators or punctuation)
    return fetch_rows(conn, client_id, statuses, after, limit, match)


def _item(session: Session, client_id: int, item_id: int) -> ListeningItem:
    item = session.get(ListeningItem, item_id)
    if item is None or item.client_id != client_id:
        raise NotFound(translate("Listening", "No such listening item for this client."))
    return item


def dismiss(session: Session, client_id: int, item_id: int) -> None:
    item = _item(session, client_id, item_id)
    if item.status == "sent_to_inbox":
        raise Conflict(translate("Listening", "This item is already in the inbox."))
    item.status = "dismissed"


def send_to_inbox(session: Session, client_id: int, item_id: int) -> bool:
    """Make the item an inbox mention (through the inbox's own ingestion: category, due time,
    newcomer flag). Returns False when the inbox already had it (another seat sent it)."""
    item = _item(session, client_id, item_id)
    result = ingest_messages(
        session,
        client_id,
        [
            IncomingMessage(
                network=item.network, external_id=item.external_id, kind="mention",
                author=item.author, author_handle=item.author_handle, text=item.text,
                received_at=item.published_at, url=item.url,
            )
        ],
    )  # fmt: skip
    session.execute(
        update(ListeningItem).where(ListeningItem.id == item.id).values(status="sent_to_inbox")
    )
    return result.added == 1


@dataclass(frozen=True)
class Figures:
    """What the Listening view draws: items per day, the share of negatives, top authors."""

    per_day: list[tuple[dt.date, int, int]]  # (day, items, negatives)
    total: int
    negative: int
    top_authors: list[tuple[str, str, int]]  # (network, handle or name, followers)

    @property
    def negative_share(self) -> float:
        return self.negative / self.total if self.total else 0.0


def figures(
    session: Session,
    client_id: int,
    *,
    days: int = 30,
    now: dt.datetime | None = None,
    top: int = 10,
) -> Figures:
    now = now or utcnow()
    since = now - dt.timedelta(days=days)
    base = and_(ListeningItem.client_id == client_id, ListeningItem.published_at >= since,
                ListeningItem.published_at <= now)  # fmt: skip
    per_day: dict[dt.date, list[int]] = {}
    rows = session.execute(select(ListeningItem.published_at, ListeningItem.sentiment).where(base))
    for when, feeling in rows:
        counts = per_day.setdefault(when.date(), [0, 0])
        counts[0] += 1
        counts[1] += feeling == "negative"
    total = sum(c[0] for c in per_day.values())
    negative = sum(c[1] for c in per_day.values())
    authors = session.execute(
        select(
            ListeningItem.network,
            func.max(ListeningItem.author_handle),
            func.max(ListeningItem.author_followers),
        )
        .where(base, ListeningItem.author_followers.is_not(None))
        .group_by(ListeningItem.network, ListeningItem.author_handle)
        .order_by(func.max(ListeningItem.author_followers).desc())
        .limit(top)
    )
    return Figures(
        sorted((d, c[0], c[1]) for d, c in per_day.items()),
        total,
        negative,
        # the followers are never None here (the query keeps only known ones)
        [(n, h, int(f or 0)) for n, h, f in authors],
    )


__all__ = ["ITEM_STATUSES", "Figures", "ItemRow", "dismiss", "figures", "page", "send_to_inbox"]

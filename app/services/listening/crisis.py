"""Crisis signals, with the charter's thresholds (see :mod:`.thresholds`).

Over the last hour (``now`` − 1 h … ``now``):

* ``complaints`` — inbox complaints and negative messages: at least the charter's number per
  hour AND ``factor`` × their usual hourly rate over the previous 28 days;
* ``negative_spike`` — negative listening items, same rule;
* ``influencer`` — a complaint in the inbox or a negative listening item from an author whose
  audience (as the networks told it) is above the charter's threshold;
* ``watch_words`` — new inbox messages or listening items naming one of the charter's watch
  words.

:func:`detect` returns the signals that fired, each with a sentence saying why; a calm hour
returns nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select, text
from sqlalchemy.orm import Session

from app.i18n import translate
from app.models import utcnow
from app.models.inbox import NEGATIVE_SQL, InboxMessage
from app.models.listening import ListeningAuthor, ListeningItem
from app.services.listening.thresholds import Thresholds, thresholds_for

WINDOW = dt.timedelta(hours=1)
BASELINE = dt.timedelta(days=28)


@dataclass(frozen=True)
class Signal:
    key: str  # complaints, negative_spike, influencer, watch_words
    reason: str  # one sentence for the people told


def _rate_fires(recent: int, total: int, t: Thresholds) -> tuple[bool, float]:
    usual = max(0, total - recent) / (BASELINE / WINDOW)
    return recent >= t.complaints_per_hour and recent >= t.factor * max(usual, 0.1), usual


def _counts(
    session: Session, column: Any, where: ColumnElement[bool], now: dt.datetime
) -> tuple[int, int]:
    recent_from, since = now - WINDOW, now - WINDOW - BASELINE
    row = session.execute(
        select(
            func.coalesce(func.sum(case((column >= recent_from, 1), else_=0)), 0),
            func.count(),
        ).where(where, column >= since, column <= now)
    ).one()
    return int(row[0]), int(row[1])


def detect(
    session: Session, client_id: int, now: dt.datetime | None = None, t: Thresholds | None = None
) -> list[Signal]:
    now = now or utcnow()
    t = t or thresholds_for(session, client_id, now)
    recent_from = now - WINDOW
    out: list[Signal] = []

    negative_inbox = and_(InboxMessage.client_id == client_id, text(NEGATIVE_SQL))
    recent, total = _counts(session, InboxMessage.received_at, negative_inbox, now)
    fires, usual = _rate_fires(recent, total, t)
    if fires:
        out.append(Signal("complaints", translate(
            "Listening", "{n} complaints or negative messages in the last hour, against "
            "{usual:.1f} an hour usually (the charter's threshold: {limit} an hour).",
        ).format(n=recent, usual=usual, limit=t.complaints_per_hour)))  # fmt: skip

    negative_items = and_(
        ListeningItem.client_id == client_id, ListeningItem.sentiment == "negative"
    )
    recent, total = _counts(session, ListeningItem.published_at, negative_items, now)
    fires, usual = _rate_fires(recent, total, t)
    if fires:
        out.append(Signal("negative_spike", translate(
            "Listening", "{n} negative posts about the client found by listening in the last "
            "hour, against {usual:.1f} an hour usually.",
        ).format(n=recent, usual=usual)))  # fmt: skip

    influencer = _influencer(session, client_id, recent_from, now, t)
    if influencer:
        name, followers, network = influencer
        out.append(Signal("influencer", translate(
            "Listening", "{name} ({followers} followers on {network}, above the charter's "
            "{limit}) complains publicly.",
        ).format(name=name, followers=f"{followers:,}".replace(",", "\u202f"), network=network,
                 limit=f"{t.influencer_followers:,}".replace(",", "\u202f"))))  # fmt: skip

    words = _watch_words(session, client_id, recent_from, now, t.watch_words)
    if words:
        out.append(Signal("watch_words", translate(
            "Listening", "{n} messages in the last hour name a watch word of the charter: {words}.",
        ).format(n=sum(words.values()), words=", ".join(f"« {w} »" for w in words))))  # fmt: skip
    return out


def _influencer(
    session: Session, client_id: int, since: dt.datetime, now: dt.datetime, t: Thresholds
) -> tuple[str, int, str] | None:
    item = session.execute(
        select(ListeningItem.author_handle, ListeningItem.author, ListeningItem.author_followers,
               ListeningItem.network)
        .where(ListeningItem.client_id == client_id, ListeningItem.sentiment == "negative",
               ListeningItem.published_at >= since, ListeningItem.published_at <= now,
               ListeningItem.author_followers >= t.influencer_followers)
        .order_by(ListeningItem.author_followers.desc()).limit(1)
    ).first()  # fmt: skip
    if item is not None:
        return (item.author or item.author_handle, int(item.author_followers), item.network)
    message = session.execute(
        select(InboxMessage.author, InboxMessage.author_handle, ListeningAuthor.followers,
               InboxMessage.network)
        .join(ListeningAuthor, and_(ListeningAuthor.client_id == InboxMessage.client_id,
                                    ListeningAuthor.network == InboxMessage.network,
                                    ListeningAuthor.handle == InboxMessage.author_handle))
        .where(InboxMessage.client_id == client_id, text(NEGATIVE_SQL),
               InboxMessage.received_at >= since, InboxMessage.received_at <= now,
               ListeningAuthor.followers >= t.influencer_followers)
        .order_by(ListeningAuthor.followers.desc()).limit(1)
    ).first()  # fmt: skip
    if message is not None:
        return (message.author or message.author_handle, int(message.followers), message.network)
    return None


def _watch_words(
    session: Session,
    client_id: int,
    since: dt.datetime,
    now: dt.datetime,
    words: Iterable[str],
) -> dict[str, int]:
    found: dict[str, int] = {}
    for word in words:
        pattern = (
            "%" + word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        n = (session.scalar(
            select(func.count()).select_from(InboxMessage).where(
                InboxMessage.client_id == client_id, InboxMessage.ours.is_(False),
                InboxMessage.received_at >= since, InboxMessage.received_at <= now,
                func.lower(InboxMessage.text).like(pattern, escape="\\"))
        ) or 0) + (session.scalar(
            select(func.count()).select_from(ListeningItem).where(
                ListeningItem.client_id == client_id,
                ListeningItem.published_at >= since, ListeningItem.published_at <= now,
                or_(func.lower(ListeningItem.text).like(pattern, escape="\\")))
        ) or 0)  # fmt: skip
        if n:
            found[word] = int(n)
    return found

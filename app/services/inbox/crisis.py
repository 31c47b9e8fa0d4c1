"""Counts for the sidebar badges and the crisis alert, for all clients in one query each.

A crisis is when complaints and negative messages in the last hours rise well above the
client's usual level: at least ``MIN_RECENT`` of them and ``FACTOR`` times the usual count
for a window of the same length over the previous four weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Result, case, func, select, text
from sqlalchemy.orm import Session

from app.models import Client, utcnow
from app.models.inbox import NEGATIVE_SQL, InboxMessage

WINDOW_HOURS = 6
BASELINE_DAYS = 28
MIN_RECENT = 6
FACTOR = 3.0


@dataclass(frozen=True)
class CrisisLevel:
    recent: int  # complaints and negatives in the last WINDOW_HOURS
    usual: float  # their usual number for a window of that length
    alert: bool
    window_hours: int = WINDOW_HOURS


def _client_ids(session: Session, client_ids: Iterable[int] | None = None) -> list[int]:
    if client_ids is not None:
        return list(client_ids)
    return list(session.scalars(select(Client.id).where(Client.archived.is_(False))))


def unread_counts(session: Session, client_ids: Iterable[int] | None = None) -> dict[int, int]:
    ids = _client_ids(session, client_ids)
    rows = session.execute(
        select(InboxMessage.client_id, func.count())
        .where(InboxMessage.client_id.in_(ids), InboxMessage.status == "new")
        .group_by(InboxMessage.client_id)
    )
    return {cid: int(n) for cid, n in rows}


def overdue_counts(
    session: Session, now: dt.datetime | None = None, client_ids: Iterable[int] | None = None
) -> dict[int, int]:
    ids = _client_ids(session, client_ids)
    rows = session.execute(
        select(InboxMessage.client_id, func.count())
        .where(InboxMessage.client_id.in_(ids), InboxMessage.due_at < (now or utcnow()))
        .group_by(InboxMessage.client_id)
    )
    return {cid: int(n) for cid, n in rows}


def crisis_levels(
    session: Session, now: dt.datetime | None = None, client_ids: Iterable[int] | None = None
) -> dict[int, CrisisLevel]:
    now = now or utcnow()
    ids = _client_ids(session, client_ids)
    recent_from = now - dt.timedelta(hours=WINDOW_HOURS)
    since = now - dt.timedelta(days=BASELINE_DAYS)
    rows: Result[int, int | None, int] = session.execute(  # (client id, SUM(CASE), COUNT)
        select(
            InboxMessage.client_id,
            func.sum(case((InboxMessage.received_at >= recent_from, 1), else_=0)),
            func.count(),
        )
        .where(InboxMessage.client_id.in_(ids))
        .where(InboxMessage.received_at >= since, InboxMessage.received_at <= now)
        .where(text(NEGATIVE_SQL))  # the partial index's own predicate
        .group_by(InboxMessage.client_id)
    )
    windows = BASELINE_DAYS * 24 / WINDOW_HOURS - 1
    out: dict[int, CrisisLevel] = {}
    for cid, recent_sum, total in rows:
        recent = int(recent_sum or 0)
        usual = (int(total) - recent) / windows
        alert = recent >= MIN_RECENT and recent >= FACTOR * max(usual, 1.0)
        out[cid] = CrisisLevel(recent, round(usual, 2), alert)
    return out


def crisis_for(session: Session, client_id: int, now: dt.datetime | None = None) -> CrisisLevel:
    return crisis_levels(session, now, [client_id]).get(client_id, CrisisLevel(0, 0.0, False))

"""The best times to post for a client: the calendar's hint, shown in the Charts area too.

Average engagements of the posts published in each (weekday, local hour) slot over the last
twelve months; a slot needs :data:`MIN_POSTS_PER_SLOT` posts to count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Client
from app.models.base import table_of
from app.models.metrics import PostMetricDay

MIN_POSTS_PER_SLOT = 4  # fewer posts in a slot say nothing about it


ENGAGEMENT_FIELDS = ("reactions", "comments", "shares", "clicks")  # PostTotals.engagements


def slot_posts(
    session: Session, client_id: int, start: dt.date, end: dt.date
) -> list[tuple[dt.datetime, int]]:
    """(publication time, engagements over [start, end]) of each post with a publication time.

    Summed by the database, one row per post (a year of daily samples is seven to thirty
    rows a post): the slots need nothing else, and this is what keeps the hint within 2× of
    a raw query of the rows (benchmarks/slots.py).
    """
    t = table_of(PostMetricDay)
    engagements = sum(
        (func.coalesce(t.c[f], 0) for f in ENGAGEMENT_FIELDS[1:]),
        func.coalesce(t.c[ENGAGEMENT_FIELDS[0]], 0),
    )
    rows = session.execute(
        select(func.min(t.c.published_at), func.sum(engagements))
        .where(t.c.client_id == client_id, t.c.day >= start, t.c.day <= end)
        .group_by(t.c.network, t.c.external_post_id)
    )
    out: list[tuple[dt.datetime, int]] = []
    for published, total in cast("list[tuple[dt.datetime | None, int | None]]", rows.all()):
        if published is not None:
            out.append((published, int(total or 0)))
    return out


def slot_stats(
    posts: list[tuple[dt.datetime, int]], timezone: str
) -> tuple[list[list[float]], list[list[int]]]:
    """Engagements summed and posts counted per (weekday, local hour), from
    :func:`slot_posts`."""
    tz = ZoneInfo(timezone)
    total = [[0.0] * 24 for _ in range(7)]
    count = [[0] * 24 for _ in range(7)]
    for published, engagements in posts:
        local = published.astimezone(tz)
        total[local.weekday()][local.hour] += engagements
        count[local.weekday()][local.hour] += 1
    return total, count


def best_slots(
    total: Sequence[Sequence[float]], count: Sequence[Sequence[int]], n: int = 3
) -> list[tuple[float, int, int]]:
    ranked = sorted(
        (
            (total[d][h] / count[d][h], d, h)
            for d in range(7)
            for h in range(24)
            if count[d][h] >= MIN_POSTS_PER_SLOT
        ),
        reverse=True,
    )
    return ranked[:n]


@dataclass(frozen=True)
class PostingSlot:
    weekday: int  # 0 = Monday
    hour: int  # local hour of the client's time zone
    average_engagements: float
    posts: int


@dataclass(frozen=True)
class PostingHint:
    """The best times to post, as the calendar suggests them, and what they rest on."""

    slots: tuple[PostingSlot, ...]  # best first; empty when no slot has enough posts
    posts: int  # posts with metrics over the window
    start: dt.date
    end: dt.date
    min_posts_per_slot: int = MIN_POSTS_PER_SLOT


def posting_hint(session: Session, client_id: int, today: dt.date | None = None) -> PostingHint:
    """The three best (weekday, local hour) slots over the last year, with their averages."""
    timezone = session.scalar(select(Client.timezone).where(Client.id == client_id))
    if timezone is None:
        from app.services.clients.workspaces import get_client

        get_client(session, client_id)  # the usual NotFound
    today = today or dt.date.today()
    start = today - dt.timedelta(days=365)
    posts = slot_posts(session, client_id, start, today)
    total, count = slot_stats(posts, timezone or "UTC")
    slots = tuple(
        PostingSlot(d, h, average, count[d][h]) for average, d, h in best_slots(total, count)
    )
    return PostingHint(slots, len(posts), start, today)

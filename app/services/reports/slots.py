"""The best times to post for a client: the calendar's hint, shown in the Charts area too.

Average engagements of the posts published in each (weekday, local hour) slot over the last
twelve months; a slot needs :data:`MIN_POSTS_PER_SLOT` posts to count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.services.clients.workspaces import get_client
from app.services.reports.metrics import PostTotals, post_totals

MIN_POSTS_PER_SLOT = 4  # fewer posts in a slot say nothing about it


def slot_stats(posts: list[PostTotals], timezone: str):
    """Engagements summed and posts counted per (weekday, local hour)."""
    tz = ZoneInfo(timezone)
    total = [[0.0] * 24 for _ in range(7)]
    count = [[0] * 24 for _ in range(7)]
    for post in posts:
        if post.published_at is None:
            continue
        local = post.published_at.astimezone(tz)
        total[local.weekday()][local.hour] += post.engagements
        count[local.weekday()][local.hour] += 1
    return total, count


def best_slots(total, count, n: int = 3) -> list[tuple[float, int, int]]:
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
    client = get_client(session, client_id)
    today = today or dt.date.today()
    start = today - dt.timedelta(days=365)
    posts = post_totals(session, client_id, start, today)
    total, count = slot_stats(posts, client.timezone)
    slots = tuple(
        PostingSlot(d, h, average, count[d][h]) for average, d, h in best_slots(total, count)
    )
    considered = sum(1 for p in posts if p.published_at is not None)
    return PostingHint(slots, considered, start, today)

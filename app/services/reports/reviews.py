"""Google reviews in numbers, for the Charts area and the monthly report.

Read from the inbox (the reviews the sync stored, ``kind == "review"``, their stars at the
head of the text: see :func:`app.connectors.google_business.stars_text`) over a period in
the client's time zone:

- the average rating and how many reviews of each star;
- reviews per month over the twelve months that end with the period (with each month's
  average), so a month is seen against the year;
- the answer rate (reviews answered from Tribune, or marked answered) and the median delay of
  the first answer, and how many answers came within the charter's delay for the review's
  category (counted in the client's business hours, as the inbox counts it).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.inbox import InboxMessage
from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import CharterRules
from app.services.inbox.delays import BusinessCalendar
from app.services.reports.sources import utc_bounds

_STARS = re.compile(r"^[★☆]{5} ([1-5])/5")
MONTHS = 12


def rating_of(text: str) -> int | None:
    """The stars a stored review gave (1–5), None when the text has none."""
    found = _STARS.match(text or "")
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class ReviewMonth:
    month: dt.date  # its first day
    reviews: int
    average: float | None


@dataclass(frozen=True)
class DelayShare:
    """The period's reviews counted against one charter delay (their category's)."""

    minutes: int
    reviews: int
    within: int

    @property
    def share(self) -> float:
        return self.within / self.reviews if self.reviews else 0.0


@dataclass(frozen=True)
class ReviewStats:
    reviews: int  # received in the period
    average: float | None
    by_stars: tuple[int, int, int, int, int]  # one star … five stars
    answered: int
    within_delay: int
    median_answer_minutes: float | None
    delay_minutes: int  # the charter's delay for a review of no particular category
    months: tuple[ReviewMonth, ...]  # oldest first, the period's month last
    # each delay the period's reviews were counted against, shortest first: a complaint's
    # delay is not a question's, and a label names the one its reviews were held to
    by_delay: tuple[DelayShare, ...] = ()

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.reviews if self.reviews else None

    @property
    def share_within(self) -> float | None:
        return self.within_delay / self.reviews if self.reviews else None

    @property
    def has_reviews(self) -> bool:
        return any(m.reviews for m in self.months)


def _month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def review_stats(
    session: Session,
    client_id: int,
    start: dt.date,
    end: dt.date,
    *,
    rules: CharterRules | None = None,
) -> ReviewStats:
    """The client's Google reviews between ``start`` and ``end`` (inclusive, local days)."""
    rules = rules or rules_in_force(session, client_id)
    zone = rules.business_hours.timezone
    first_month = _month_start(end, MONTHS - 1)
    lo, _ = utc_bounds(min(first_month, start), end, zone)
    _, hi = utc_bounds(start, end, zone)
    period_lo, _ = utc_bounds(start, end, zone)
    rows = session.execute(
        select(
            InboxMessage.received_at,
            InboxMessage.text,
            InboxMessage.category,
            InboxMessage.first_answer_at,
        ).where(
            InboxMessage.client_id == client_id,
            InboxMessage.kind == "review",
            InboxMessage.ours.is_(False),
            InboxMessage.deleted.is_(False),
            InboxMessage.received_at >= lo,
            InboxMessage.received_at < hi,
        )
    ).all()
    tz = ZoneInfo(zone)
    calendar = BusinessCalendar(rules.business_hours)
    per_month: dict[dt.date, list[int | None]] = {
        _month_start(end, back): [] for back in range(MONTHS)
    }
    ratings: list[int] = []
    answers: list[float] = []
    within = answered = count = 0
    delays: dict[int, list[int]] = {}  # minutes → [reviews, within]
    for received, text, category, first in rows:
        received = _utc(received)
        rating = rating_of(text)
        month = _month_start(received.astimezone(tz).date())
        if month in per_month:
            per_month[month].append(rating)
        if received < period_lo:
            continue
        count += 1
        if rating is not None:
            ratings.append(rating)
        delay = rules.delay_for(category or "other")
        tally = delays.setdefault(delay.first_answer_minutes, [0, 0])
        tally[0] += 1
        if first is not None:
            first = _utc(first)
            answered += 1
            answers.append((first - received).total_seconds() / 60)
            in_time = first <= calendar.due(received, delay)
            within += in_time
            tally[1] += in_time
    months = tuple(
        ReviewMonth(
            month,
            len(values),
            statistics.fmean(known) if (known := [v for v in values if v]) else None,
        )
        for month, values in sorted(per_month.items())
    )
    return ReviewStats(
        reviews=count,
        average=statistics.fmean(ratings) if ratings else None,
        by_stars=(
            ratings.count(1),
            ratings.count(2),
            ratings.count(3),
            ratings.count(4),
            ratings.count(5),
        ),
        answered=answered,
        within_delay=within,
        median_answer_minutes=statistics.median(answers) if answers else None,
        delay_minutes=rules.delay_for("other").first_answer_minutes,
        months=months,
        by_delay=tuple(DelayShare(m, n, w) for m, (n, w) in sorted(delays.items())),
    )


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


__all__ = ["ReviewMonth", "ReviewStats", "rating_of", "review_stats"]

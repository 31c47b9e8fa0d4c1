"""Healthy communities: spot follower jumps that engagement does not follow.

Bought or fake followers show as a one-day gain far above the account's usual daily gain
while engagements stay flat (seed 000, #7). The test is robust to growth and seasonality:
the gain is compared with the median and the median absolute deviation of the previous
four weeks, and the engagements of the jump day and the two days after with their median.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.reports.metrics import AccountDay, AccountRef, account_days, client_accounts

WINDOW_DAYS = 28
MIN_ROBUST_Z = 8.0  # gain this many robust deviations above the usual gain
MIN_SHARE = 0.004  # and at least 0.4 % of the audience in a day
MAX_ENGAGEMENT_LIFT = 2.0  # engagements of the jump day and the next two below 2 × usual


@dataclass(frozen=True)
class FollowerJump:
    account_id: int
    network: str
    handle: str
    day: dt.date
    gain: int
    usual_gain: float
    followers: int
    engagement_lift: float  # engagements around the jump ÷ usual engagements


def detect_follower_jumps(
    session: Session, client_id: int, start: dt.date, end: dt.date
) -> list[FollowerJump]:
    """Jumps between ``start`` and ``end`` (the four weeks before are read for the baseline)."""
    first, last = jump_window(start, end)
    rows = account_days(session, client_id, first, last)
    return follower_jumps(client_accounts(session, client_id), rows, start, end)


def jump_window(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The days :func:`follower_jumps` reads for jumps between ``start`` and ``end``."""
    return start - dt.timedelta(days=WINDOW_DAYS + 1), end + dt.timedelta(days=2)


def follower_jumps(
    accounts: Iterable[AccountRef], rows: Iterable[AccountDay], start: dt.date, end: dt.date
) -> list[FollowerJump]:
    """Jumps between ``start`` and ``end`` in ``rows``: the accounts' stored days over
    :func:`jump_window`, by account and day (as :func:`account_days` gives them) — the
    dashboard reads them with the period's own rows, once."""
    by_id = {a.id: a for a in accounts}
    by_account: dict[int, list[AccountDay]] = {}
    for row in rows:
        by_account.setdefault(row.account_id, []).append(row)
    found: list[FollowerJump] = []
    for account_id, days in by_account.items():
        found.extend(_jumps(by_id.get(account_id), days, start, end))
    return sorted(found, key=lambda j: (j.day, j.account_id))


def _jumps(
    account: AccountRef | None, days: list[AccountDay], start: dt.date, end: dt.date
) -> list[FollowerJump]:
    series = [(d.day, d.followers, d.engagements or 0) for d in days if d.followers is not None]
    out = []
    for i in range(WINDOW_DAYS + 1, len(series)):
        day, followers, _ = series[i]
        if day < start or day > end:
            continue
        gain = followers - series[i - 1][1]
        if gain < MIN_SHARE * max(followers, 1):
            continue  # cheap test first: most days are far from a jump
        previous = series[i - WINDOW_DAYS : i]
        gains = [b[1] - a[1] for a, b in itertools.pairwise(previous)]
        usual = statistics.median(gains)
        mad = statistics.median(abs(g - usual) for g in gains) * 1.4826
        z = (gain - usual) / max(mad, 1.0)
        if z < MIN_ROBUST_Z or gain < MIN_SHARE * max(followers, 1):
            continue
        usual_eng = statistics.median(e for _, _, e in previous) or 1
        around = [e for _, _, e in series[i : i + 3]]
        lift = (sum(around) / len(around)) / usual_eng
        if lift < MAX_ENGAGEMENT_LIFT:
            out.append(
                FollowerJump(
                    account_id=account.id if account else days[0].account_id,
                    network=account.network if account else "",
                    handle=account.handle if account else "",
                    day=day,
                    gain=gain,
                    usual_gain=usual,
                    followers=followers,
                    engagement_lift=round(lift, 2),
                )
            )
    return out

"""Everything the Charts area and the monthly report show for a client and a period.

:func:`dashboard_data` reads once (metrics, Tribune's own data, the charter's rules) and
returns one frozen :class:`DashboardData` that can cross threads: the widgets and the PDF
only draw it. Figures are compared with the previous period of the same kind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import CharterRules
from app.services.clients.workspaces import get_client
from app.services.reports import sources
from app.services.reports.metrics import (
    AccountDay,
    AccountRef,
    PostTotals,
    account_days,
    client_accounts,
    post_totals,
)
from app.services.reports.metrics_health import FollowerJump, follower_jumps, jump_window
from app.services.reports.periods import Period
from app.services.reports.slots import best_slots as _best
from app.services.reports.slots import slot_posts
from app.services.reports.slots import slot_stats as _slot_stats

KEY_FIGURES = (
    "followers",
    "follower_growth",
    "impressions",
    "engagements",
    "engagement_rate",
    "clicks",
    "posts",
    "messages",
    "answered_within_delay",
)


@dataclass(frozen=True)
class KeyFigure:
    key: str  # one of KEY_FIGURES
    value: float | None
    previous: float | None

    @property
    def change(self) -> float | None:
        """Relative change (0.12 = +12 %); None when there is nothing to compare with."""
        if self.value is None or not self.previous:
            return None
        return (self.value - self.previous) / abs(self.previous)


@dataclass(frozen=True)
class ObjectiveStatus:
    kpi: str
    label: str
    target: float
    actual: float | None
    unit: str
    period: str

    lower_is_better: bool = False  # a delay in minutes, say

    @property
    def met(self) -> bool | None:
        if self.actual is None:
            return None
        return self.actual <= self.target if self.lower_is_better else self.actual >= self.target


@dataclass(frozen=True)
class DashboardData:
    client_id: int
    client_name: str
    timezone: str
    language: str
    period: Period
    previous: Period
    accounts: tuple[AccountRef, ...]
    dates: tuple[dt.date, ...]
    followers: dict[int, tuple[int | None, ...]]  # account id -> per day
    engagements: dict[int, tuple[int | None, ...]]
    impressions: dict[int, tuple[int | None, ...]]
    previous_impressions: tuple[int, ...]  # all accounts, per day of the previous period
    previous_engagements: tuple[int, ...]
    key_figures: tuple[KeyFigure, ...]
    posts_per_week: dict[str, dict[dt.date, int]]  # network -> Monday -> posts
    posts_source: str  # "calendar" or "metrics"
    charter_ranges: dict[str, tuple[int, int]]  # network -> (min, max) posts per week
    delays: tuple[sources.CategoryDelay, ...] | None
    inbox: sources.InboxVolume | None
    escalations: sources.EscalationSummary | None
    moderation: dict[str, int] | None
    message_heatmap: tuple[tuple[int, ...], ...] | None
    engagement_heatmap: tuple[tuple[float, ...], ...]
    best_slots: tuple[tuple[int, int], ...]  # (weekday, hour), best first
    top_posts: tuple[PostTotals, ...]
    bottom_posts: tuple[PostTotals, ...]
    objectives: tuple[ObjectiveStatus, ...]
    jumps: tuple[FollowerJump, ...]
    charter_status: str
    # competitors beside the client's own accounts (listening.competitors.comparison), filled
    # by the Charts area; empty when no competitor is sampled
    competitors: tuple[Any, ...] = ()
    # the Google reviews' numbers (reports.reviews.review_stats), filled by the Charts area and
    # the report; None when not read
    reviews: Any = None
    # a channel's lifetime views (YouTube's views_total), per account and day, drawn beside
    # its subscribers on the audience chart; empty without any
    views_total: dict[int, tuple[int | None, ...]] = dataclasses.field(default_factory=dict)

    @property
    def has_metrics(self) -> bool:
        return any(v is not None for series in self.followers.values() for v in series)

    def figure(self, key: str) -> KeyFigure:
        return next(f for f in self.key_figures if f.key == key)


def _series(
    rows: Iterable[AccountDay], accounts: Iterable[AccountRef], dates: Sequence[dt.date], field: str
) -> dict[int, tuple[int | None, ...]]:
    index = {d: i for i, d in enumerate(dates)}
    out: dict[int, list[int | None]] = {a.id: [None] * len(dates) for a in accounts}
    for row in rows:
        i = index.get(row.day)
        if i is not None and row.account_id in out:
            out[row.account_id][i] = getattr(row, field)
    return {k: tuple(v) for k, v in out.items()}


def _totals(rows: Iterable[AccountDay]) -> dict[str, float | None]:
    last_followers: dict[int, int] = {}
    first_followers: dict[int, int] = {}
    sums: defaultdict[str, int] = defaultdict(int)
    seen = False
    for row in rows:
        seen = True
        if row.followers is not None:
            first_followers.setdefault(row.account_id, row.followers)
            last_followers[row.account_id] = row.followers
        for name in ("impressions", "reach", "engagements", "clicks", "posts"):
            sums[name] += getattr(row, name) or 0
    if not seen:
        return dict.fromkeys(
            (
                "reach",
                "followers",
                "follower_growth",
                "impressions",
                "engagements",
                "engagement_rate",
                "clicks",
                "posts",
            )
        )
    followers = sum(last_followers.values()) if last_followers else None
    growth = (followers - sum(first_followers.values())) if followers is not None else None
    rate = sums["engagements"] / sums["impressions"] if sums["impressions"] else None
    return {
        "followers": followers,
        "follower_growth": growth,
        "impressions": sums["impressions"],
        "reach": sums["reach"],
        "engagements": sums["engagements"],
        "engagement_rate": rate,
        "clicks": sums["clicks"],
        "posts": sums["posts"],
    }


def _inbox_figures(
    delays: Sequence[sources.CategoryDelay] | None, inbox: sources.InboxVolume | None
) -> dict[str, float | None]:
    if delays is None or inbox is None:
        return {"messages": None, "answered_within_delay": None}
    total = sum(d.messages for d in delays)
    within = sum(d.within_delay for d in delays)
    return {"messages": inbox.total, "answered_within_delay": within / total if total else None}


def _posts_per_week_from_metrics(
    rows: Iterable[AccountDay], accounts: Iterable[AccountRef]
) -> dict[str, dict[dt.date, int]]:
    network_of = {a.id: a.network for a in accounts}
    out: dict[str, dict[dt.date, int]] = {}
    for row in rows:
        if row.posts is None:
            continue
        monday = row.day - dt.timedelta(days=row.day.weekday())
        weeks = out.setdefault(network_of.get(row.account_id, "?"), {})
        weeks[monday] = weeks.get(monday, 0) + row.posts
    return out


def _engagement_heatmap(
    posts: list[tuple[dt.datetime, int]], timezone: str
) -> tuple[tuple[tuple[float, ...], ...], tuple[tuple[int, int], ...]]:
    total, count = _slot_stats(posts, timezone)
    grid = tuple(
        tuple(total[d][h] / count[d][h] if count[d][h] else 0.0 for h in range(24))
        for d in range(7)
    )
    return grid, tuple((d, h) for _, d, h in _best(total, count))


PERIOD_DAYS = {"week": 7, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25}
SUMMED_KPIS = ("reach", "posts_published")  # a monthly target is scaled to a week or quarter


LABEL_NETWORKS = ("facebook", "instagram", "linkedin", "mastodon", "bluesky")


def _network_of(label: str) -> str | None:
    """ "Abonnés Instagram" is about Instagram only: the figure is taken for that network."""
    lowered = label.casefold()
    return next((n for n in LABEL_NETWORKS if n in lowered), None)


def _objectives(
    rules: CharterRules,
    figures: dict[str, float | None],
    per_week: dict[str, dict[dt.date, int]],
    delays: Sequence[sources.CategoryDelay] | None,
    period: Period,
    rows: Sequence[AccountDay] = (),
    accounts: Sequence[AccountRef] = (),
) -> tuple[ObjectiveStatus, ...]:
    """The charter's objectives (KPIs of charter_schema.KPIS) against this period's figures."""
    actual_of = dict(figures)
    network_of_account = {a.id: a.network for a in accounts}
    actual_of["posts_published"] = sum(n for w in per_week.values() for n in w.values()) or None
    firsts = [
        (d.median_first_answer_minutes, d.answered)
        for d in delays or ()
        if d.median_first_answer_minutes is not None
    ]
    answered = sum(n for _, n in firsts)
    actual_of["first_response_minutes"] = (
        sum(m * n for m, n in firsts) / answered if answered else None
    )
    out = []
    for objective in rules.objectives:
        actual = actual_of.get(objective.kpi)
        network = _network_of(objective.label)
        if network and objective.kpi in ("followers", "engagement_rate", "reach"):
            mine = [r for r in rows if network_of_account.get(r.account_id) == network]
            actual = _totals(mine).get(objective.kpi) if mine else None
        elif network and objective.kpi == "posts_published":
            actual = sum(per_week.get(network, {}).values()) or None
        if actual is not None and objective.kpi in ("engagement_rate", "answered_within_delay"):
            actual = actual * 100  # targets are written in percent
        target = objective.target
        if objective.kpi in SUMMED_KPIS and objective.period in PERIOD_DAYS:
            target = round(target * period.days / PERIOD_DAYS[objective.period], 1)
        out.append(
            ObjectiveStatus(
                objective.kpi,
                objective.label,
                target,
                actual,
                objective.unit,
                objective.period,
                lower_is_better=objective.kpi == "first_response_minutes",
            )
        )
    return tuple(out)


def dashboard_data(
    session: Session,
    client_id: int,
    period: Period,
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> DashboardData:
    """Read everything shown for ``client_id`` over ``period`` (and the previous one).

    A period still running (it ends after ``today``) is compared with the same number of
    days at the start of the previous period, so a half month is not set against a whole one.
    ``now`` (default the clock's) is the instant the charter in force and the escalations
    still open are judged at; ``today`` defaults to its date.
    """
    today = today or (now.date() if now is not None else dt.date.today())
    client = get_client(session, client_id)
    tz = client.timezone
    rules = rules_in_force(session, client_id, now)
    every_account = client_accounts(session, client_id)
    accounts = [a for a in every_account if a.network != "rss"]
    previous = period.previous()
    # the accounts' days read once (period, previous period, follower jumps' baseline), split
    jumps_from, jumps_to = jump_window(period.start, period.end)
    read = account_days(session, client_id, min(previous.start, jumps_from), jumps_to)
    rows = [r for r in read if period.start <= r.day <= period.end]
    prev_rows = [r for r in read if previous.start <= r.day <= previous.end]
    jump_rows = [r for r in read if jumps_from <= r.day <= jumps_to]
    dates = period.dates()
    prev_index = {d: i for i, d in enumerate(previous.dates())}
    prev_imp = [0] * previous.days
    prev_eng = [0] * previous.days
    for row in prev_rows:
        prev_imp[prev_index[row.day]] += row.impressions or 0
        prev_eng[prev_index[row.day]] += row.engagements or 0

    delays = sources.response_delays(session, client_id, period.start, period.end, rules)
    inbox = sources.inbox_volume(session, client_id, period.start, period.end, tz)
    # the comparison window: the whole previous period, or as many days as have elapsed
    cmp_end = previous.end
    if period.start <= today < period.end:
        cmp_end = min(previous.end, previous.start + (today - period.start))
        rows_now = [r for r in rows if r.day <= today]
    else:
        rows_now = rows
    prev_cmp = [r for r in prev_rows if r.day <= cmp_end]
    prev_delays = sources.response_delays(session, client_id, previous.start, cmp_end, rules)
    prev_inbox = sources.inbox_volume(session, client_id, previous.start, cmp_end, tz)
    now_figs = {**_totals(rows_now), **_inbox_figures(delays, inbox)}
    prev_figs = {**_totals(prev_cmp), **_inbox_figures(prev_delays, prev_inbox)}
    figures = tuple(KeyFigure(k, now_figs.get(k), prev_figs.get(k)) for k in KEY_FIGURES)

    per_week = sources.published_by_week(session, client_id, period.start, period.end, tz)
    posts_source = "calendar"
    from_metrics = _posts_per_week_from_metrics(rows, accounts)
    if not per_week:
        per_week, posts_source = from_metrics, "metrics"
    else:  # weeks before the calendar was used: the networks' own counts
        first = min(w for weeks in per_week.values() for w in weeks)
        for network, weeks in from_metrics.items():
            early = {w: n for w, n in weeks.items() if w < first}
            if early:
                per_week[network] = {**early, **per_week.get(network, {})}
    ranges = {n.network: (n.posts_per_week_min, n.posts_per_week_max) for n in rules.networks}

    posts = post_totals(session, client_id, period.start, period.end)
    ranked = sorted(posts, key=lambda p: (p.engagements, p.impressions), reverse=True)
    year_posts = slot_posts(session, client_id, period.end - dt.timedelta(days=365), period.end)
    heat, slots = _engagement_heatmap(year_posts, tz)
    messages = sources.message_heatmap(session, client_id, period.start, period.end, tz)

    return DashboardData(
        client_id=client_id,
        client_name=client.name,
        timezone=tz,
        language=client.language,
        period=period,
        previous=previous,
        accounts=tuple(accounts),
        dates=tuple(dates),
        followers=_series(rows, accounts, dates, "followers"),
        engagements=_series(rows, accounts, dates, "engagements"),
        impressions=_series(rows, accounts, dates, "impressions"),
        views_total=_series(rows, accounts, dates, "views_total"),
        previous_impressions=tuple(prev_imp),
        previous_engagements=tuple(prev_eng),
        key_figures=figures,
        posts_per_week=per_week,
        posts_source=posts_source,
        charter_ranges=ranges,
        delays=tuple(delays) if delays is not None else None,
        inbox=inbox,
        escalations=sources.escalation_summary(
            session, client_id, period.start, period.end, tz, now=now
        ),
        moderation=sources.moderation_by_rule(session, client_id, period.start, period.end, rules),
        message_heatmap=tuple(tuple(r) for r in messages) if messages is not None else None,
        engagement_heatmap=heat,
        best_slots=slots,
        top_posts=tuple(ranked[:5]),
        bottom_posts=tuple(reversed(ranked[-3:])) if len(ranked) > 5 else (),
        objectives=_objectives(rules, now_figs, per_week, delays, period, rows_now, accounts),
        jumps=tuple(follower_jumps(every_account, jump_rows, period.start, period.end)),
        charter_status=rules.status,
    )


def best_posting_slots(
    session: Session, client_id: int, today: dt.date | None = None
) -> tuple[tuple[int, int], ...]:
    """The three best (weekday, local hour) slots over the last year, for the calendar's hint.

    :func:`app.services.reports.slots.posting_hint` gives the same slots with their figures.
    """
    from app.services.reports.slots import posting_hint

    return tuple((s.weekday, s.hour) for s in posting_hint(session, client_id, today).slots)

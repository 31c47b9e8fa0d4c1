"""Tribune's own data for the charts and the report: posts, inbox, escalations, moderation.

Those tables belong to other features (calendar, inbox). They are read here through small
functions that reflect the table once per engine; a table (or a column) that does not exist
in this database yet gives ``None``, which the dashboard and the report show as "no data"
rather than failing. Every query is scoped by client and by the period (UTC bounds).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, overload
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Executable, MetaData, Table, func, inspect, select
from sqlalchemy.exc import NoSuchTableError, SQLAlchemyError
from sqlalchemy.orm import Session

from app.services.charter.rules import CharterRules

_tables: dict[tuple[int, str], Table | None] = {}


def _table(session: Session, name: str, *columns: str) -> Table | None:
    """The reflected table, or None when it (or one of ``columns``) is missing."""
    engine = session.get_bind()
    key = (id(engine), name)
    if key not in _tables:
        try:
            if not inspect(engine).has_table(name):
                return None  # not cached: the table may come with a later migration
            _tables[key] = Table(name, MetaData(), autoload_with=engine)
        except (NoSuchTableError, SQLAlchemyError):
            return None
    table = _tables[key]
    if table is None or any(c not in table.c for c in columns):
        return None
    return table


def _rows(session: Session, query: Executable) -> Sequence[Sequence[Any]]:
    """A reflected table's rows: untyped, their values are whatever its columns hold."""
    return session.execute(query).all()


def utc_bounds(start: dt.date, end: dt.date, timezone: str) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, end+1 00:00) in the client's time zone, as aware UTC datetimes."""
    tz = ZoneInfo(timezone)
    lo = dt.datetime.combine(start, dt.time(0), tz).astimezone(dt.UTC)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tz).astimezone(dt.UTC)
    return lo, hi


@overload
def _aware(value: dt.datetime) -> dt.datetime: ...
@overload
def _aware(value: dt.datetime | None) -> dt.datetime | None: ...
def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# -- inbox -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class InboxVolume:
    total: int
    by_category: dict[str, int]
    by_network: dict[str, int]
    by_week: dict[dt.date, int]  # Monday of the week -> messages


@dataclass(frozen=True)
class CategoryDelay:
    category: str
    messages: int
    answered: int
    within_delay: int
    median_first_answer_minutes: float | None
    median_resolution_minutes: float | None
    delay_minutes: int

    @property
    def share_within(self) -> float | None:
        return self.within_delay / self.messages if self.messages else None


def _messages(
    session: Session, client_id: int, lo: dt.datetime, hi: dt.datetime
) -> list[tuple[Any, ...]] | None:
    """(received, category, network, first answer, resolved, due) per message, times aware
    (a reflected table: the values are whatever its columns hold)."""
    t = _table(session, "inbox_messages", "client_id", "received_at", "category", "network")
    if t is None:
        return None
    cols: list[ColumnElement[Any]] = [t.c.received_at, t.c.category, t.c.network]
    for name in ("first_answer_at", "resolved_at", "due_at"):
        cols.append(t.c[name] if name in t.c else func.null())
    query = select(*cols).where(
        t.c.client_id == client_id,
        t.c.received_at >= _utc_param(session, lo),
        t.c.received_at < _utc_param(session, hi),
    )
    if "ours" in t.c:
        query = query.where(t.c.ours.is_(False))
    if "kind" in t.c:
        query = query.where(t.c.kind != "post")
    return [
        tuple(_aware(v) if isinstance(v, dt.datetime) else v for v in row)
        for row in session.execute(query)
    ]


def inbox_volume(
    session: Session, client_id: int, start: dt.date, end: dt.date, timezone: str
) -> InboxVolume | None:
    rows = _messages(session, client_id, *utc_bounds(start, end, timezone))
    if rows is None:
        return None
    tz = ZoneInfo(timezone)
    weeks: Counter[dt.date] = Counter()
    for received, *_ in rows:
        local = received.astimezone(tz).date()
        weeks[local - dt.timedelta(days=local.weekday())] += 1
    return InboxVolume(
        total=len(rows),
        by_category=dict(Counter(r[1] or "other" for r in rows).most_common()),
        by_network=dict(Counter(r[2] for r in rows).most_common()),
        by_week=dict(sorted(weeks.items())),
    )


def response_delays(
    session: Session, client_id: int, start: dt.date, end: dt.date, rules: CharterRules
) -> list[CategoryDelay] | None:
    """Per category: messages, answered, answered within the charter's delay, medians."""
    timezone = rules.business_hours.timezone
    rows = _messages(session, client_id, *utc_bounds(start, end, timezone))
    if rows is None:
        return None
    groups: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        groups.setdefault(row[1] or "other", []).append(row)
    out = []
    for category, items in sorted(groups.items()):
        delay = rules.delay_for(category).first_answer_minutes
        firsts: list[float] = []
        resolutions: list[float] = []
        within = answered = 0
        for received, _cat, _net, first, resolved, due in items:
            due = due or received + dt.timedelta(minutes=delay)
            if first is not None:
                answered += 1
                firsts.append((first - received).total_seconds() / 60)
                within += first <= due
            if resolved is not None:
                resolutions.append((resolved - received).total_seconds() / 60)
        out.append(
            CategoryDelay(
                category=category,
                messages=len(items),
                answered=answered,
                within_delay=within,
                median_first_answer_minutes=statistics.median(firsts) if firsts else None,
                median_resolution_minutes=statistics.median(resolutions) if resolutions else None,
                delay_minutes=delay,
            )
        )
    return out


def message_heatmap(
    session: Session, client_id: int, start: dt.date, end: dt.date, timezone: str
) -> list[list[int]] | None:
    """7 × 24 counts of the community's messages (weekday Monday=0 × local hour)."""
    rows = _messages(session, client_id, *utc_bounds(start, end, timezone))
    if rows is None:
        return None
    tz = ZoneInfo(timezone)
    grid = [[0] * 24 for _ in range(7)]
    for received, *_ in rows:
        local = received.astimezone(tz)
        grid[local.weekday()][local.hour] += 1
    return grid


# -- escalations and moderation --------------------------------------------------------------
@dataclass(frozen=True)
class EscalationSummary:
    opened: int
    answered: int
    answered_within_delay: int
    overdue_open: int
    opened_by_week: dict[dt.date, int]
    answered_by_week: dict[dt.date, int]


def _utc_param(session: Session, value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=None) if session.get_bind().dialect.name == "sqlite" else value


def escalation_summary(
    session: Session,
    client_id: int,
    start: dt.date,
    end: dt.date,
    timezone: str,
    *,
    now: dt.datetime | None = None,
) -> EscalationSummary | None:
    """Escalations asked over the period: answered, within their delay, still open past it
    at ``now`` (default the clock's)."""
    t = _table(session, "inbox_escalations", "client_id", "asked_at", "due_at", "answered_at")
    if t is None:
        return None
    lo, hi = utc_bounds(start, end, timezone)
    rows = _rows(
        session,
        select(t.c.asked_at, t.c.due_at, t.c.answered_at).where(
            t.c.client_id == client_id,
            t.c.asked_at >= _utc_param(session, lo),
            t.c.asked_at < _utc_param(session, hi),
        ),
    )
    tz, now = ZoneInfo(timezone), now or dt.datetime.now(dt.UTC)
    opened_w: Counter[dt.date] = Counter()
    answered_w: Counter[dt.date] = Counter()
    answered = within = overdue = 0
    for asked, due, done in rows:
        asked, due, done = _aware(asked), _aware(due), _aware(done)
        day = asked.astimezone(tz).date()
        opened_w[day - dt.timedelta(days=day.weekday())] += 1
        if done is not None:
            answered += 1
            within += done <= due
            dday = done.astimezone(tz).date()
            answered_w[dday - dt.timedelta(days=dday.weekday())] += 1
        elif due < now:
            overdue += 1
    return EscalationSummary(
        len(rows),
        answered,
        within,
        overdue,
        dict(sorted(opened_w.items())),
        dict(sorted(answered_w.items())),
    )


def moderation_by_rule(
    session: Session, client_id: int, start: dt.date, end: dt.date, rules: CharterRules
) -> dict[str, int] | None:
    """Applied moderation actions counted by the charter rule invoked (rule label → count)."""
    t = _table(session, "inbox_moderation", "client_id", "rule_key", "requested_at")
    if t is None:
        return None
    lo, hi = utc_bounds(start, end, rules.business_hours.timezone)
    query = select(t.c.rule_key, func.count()).where(
        t.c.client_id == client_id,
        t.c.requested_at >= _utc_param(session, lo),
        t.c.requested_at < _utc_param(session, hi),
    )
    if "state" in t.c:
        query = query.where(t.c.state == "applied")
    counts: dict[str, int] = {}
    for key, n in _rows(session, query.group_by(t.c.rule_key)):
        rule = rules.moderation_rule(key)
        counts[rule.label if rule else key] = n
    return counts


# -- calendar --------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlannedPost:
    planned_at: dt.datetime  # aware UTC
    network: str
    title: str
    status: str


def published_by_week(
    session: Session, client_id: int, start: dt.date, end: dt.date, timezone: str
) -> dict[str, dict[dt.date, int]] | None:
    """Posts the calendar published, per network and week (Monday); None without calendar."""
    v = _table(session, "post_variants", "client_id", "network", "published_at")
    if v is None:
        return None
    lo, hi = utc_bounds(start, end, timezone)
    rows = _rows(
        session,
        select(v.c.network, v.c.published_at).where(
            v.c.client_id == client_id,
            v.c.published_at >= _utc_param(session, lo),
            v.c.published_at < _utc_param(session, hi),
        ),
    )
    tz = ZoneInfo(timezone)
    out: dict[str, dict[dt.date, int]] = {}
    for network, when in rows:
        day = _aware(when).astimezone(tz).date()
        monday = day - dt.timedelta(days=day.weekday())
        weeks = out.setdefault(network, {})
        weeks[monday] = weeks.get(monday, 0) + 1
    return {n: dict(sorted(w.items())) for n, w in sorted(out.items())}


def planned_posts(
    session: Session, client_id: int, start: dt.date, end: dt.date, timezone: str
) -> list[PlannedPost] | None:
    """Posts planned in the calendar between ``start`` and ``end``; None without calendar."""
    p = _table(session, "posts", "client_id", "planned_at", "title", "status")
    v = _table(session, "post_variants", "post_id", "network")
    if p is None or v is None:
        return None
    lo, hi = utc_bounds(start, end, timezone)
    rows = _rows(
        session,
        select(p.c.id, p.c.planned_at, p.c.title, p.c.status, v.c.network)
        .join(v, v.c.post_id == p.c.id, isouter=True)
        .where(
            p.c.client_id == client_id,
            p.c.planned_at >= _utc_param(session, lo),
            p.c.planned_at < _utc_param(session, hi),
            p.c.status != "idea",
        )
        .order_by(p.c.planned_at, p.c.id),
    )
    posts: dict[int, list[Any]] = {}
    for pid, when, title, status, network in rows:
        entry = posts.setdefault(pid, [_aware(when), title, status, []])
        if network:
            entry[3].append(network)
    return [
        PlannedPost(when, ", ".join(sorted(nets)), title, status)
        for when, title, status, nets in posts.values()
    ]

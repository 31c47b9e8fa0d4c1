"""Who did what for a client over a period: the team page of the monthly report.

Read from the audit trail (each entry carries the person's login, see
:mod:`app.services.people.audit`) and the tables it points to, so it needs nothing more than what
the reader may see: on PostgreSQL row security limits it to the clients they are granted,
and names come from the trail itself (someone who is not an administrator sees only their
own ``staff`` row).

- replies sent: replies that left or were queued to leave — written and sent by the person,
  or written by them and released by a lead (counted for the writer, when released);
- released for others: a junior's replies this person (a lead) released;
- posts approved: the client's approval recorded by this person;
- posts published: posts whose publication ended in the period, for the person who created
  them (or, for an imported post, whose author's name is theirs);
- escalations handled: escalations sent, answers recorded and reminders sent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Result, func, select
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.models.posts import Post, PostVariant

ACTIONS = (
    "inbox.reply",
    "inbox.reply.release",
    "post.create",
    "post.approved",
    "post.rejected",
    "inbox.escalate",
    "inbox.escalation.answer",
    "inbox.escalation.remind",
)


@dataclass(frozen=True)
class PersonActivity:
    login: str
    name: str
    replies_sent: int = 0
    replies_released: int = 0  # a junior's replies this person released (four eyes)
    posts_approved: int = 0
    posts_published: int = 0
    escalations_handled: int = 0

    @property
    def total(self) -> int:
        return (
            self.replies_sent
            + self.replies_released
            + self.posts_approved
            + self.posts_published
            + self.escalations_handled
        )


def _utc(moment: dt.date | dt.datetime, zone: str) -> dt.datetime:
    if isinstance(moment, dt.datetime):
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(moment, dt.time(0), tzinfo=ZoneInfo(zone)).astimezone(dt.UTC)


def period_bounds(start: dt.date, end: dt.date, zone: str) -> tuple[dt.datetime, dt.datetime]:
    """[start, end] as days of the client's calendar → a UTC half-open interval."""
    return _utc(start, zone), _utc(end + dt.timedelta(days=1), zone)


def team_activity(
    session: Session,
    client_id: int,
    start: dt.date | dt.datetime,
    end: dt.date | dt.datetime,
    *,
    zone: str = "UTC",
) -> list[PersonActivity]:
    """Each person's work for ``client_id`` in ``[start, end)`` (datetimes; dates are days of
    ``zone``, ``end`` exclusive), busiest first; people who did nothing are left out."""
    lo, hi = _utc(start, zone), _utc(end, zone)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, str] = {}
    creators: dict[str, str] = {}  # post id -> login
    entries: Result[str, str, str, dict[str, Any] | None, str, dt.datetime | None]
    entries = session.execute(
        select(
            AuditEvent.actor_login,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.details,
            AuditEvent.target_id,
            AuditEvent.at,
        )
        .where(AuditEvent.client_id == client_id, AuditEvent.action.in_(ACTIONS))
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    for login, actor, action, details, target, at in entries:
        login = login or actor
        details = details or {}
        if action == "post.create":
            creators[str(target)] = login
        if at is None or not (lo <= at < hi):
            if action == "post.create":
                names.setdefault(login, actor)
            continue
        names[login] = actor or names.get(login, login)
        if action == "inbox.reply" and not details.get("held"):
            counts[login]["replies_sent"] += 1
        elif action == "inbox.reply.release":
            writer = details.get("written_login") or ""
            if writer:
                counts[writer]["replies_sent"] += 1
                names.setdefault(writer, details.get("written_by") or writer)
            counts[login]["replies_released"] += 1
        elif action == "post.approved":
            counts[login]["posts_approved"] += 1
        elif action.startswith("inbox.escalat"):
            counts[login]["escalations_handled"] += 1
    by_name = {name: login for login, name in names.items()}
    published = session.execute(
        select(Post.id, Post.author)
        .join(PostVariant, PostVariant.post_id == Post.id)
        .where(Post.client_id == client_id, Post.status == "published")
        .group_by(Post.id, Post.author)
        .having(func.max(PostVariant.published_at) >= lo)
        .having(func.max(PostVariant.published_at) < hi)
    )
    for post_id, author in published:
        who = creators.get(str(post_id)) or by_name.get(author or "")
        if who is None and author:
            who = author  # imported, by someone Tribune does not know: their name
            names.setdefault(who, author)
        if who:
            counts[who]["posts_published"] += 1
    out = [
        PersonActivity(login, names.get(login, login), **dict(values))
        for login, values in counts.items()
    ]
    out = [p for p in out if p.total]
    return sorted(out, key=lambda p: (-p.total, p.name.casefold(), p.login))

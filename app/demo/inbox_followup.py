"""Demo step helpers: a year of moderation by charter rule and of escalations per client, so
the monthly reports have "moderation by rule" and "escalations against their delays".

Called by :mod:`app.demo.inbox` inside the client's transaction, after its messages are in.
Bulk Core inserts and one UPDATE per kind of change: the demo stays fast.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, TypeVar, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from app.models import Contact
from app.models.inbox import Escalation, InboxMessage, ModerationAction
from app.services.charter.rules import CharterRules, ModerationRule
from app.services.inbox.delays import add_business_minutes

SPAM_PER_MONTH = 2
INSULTS_PER_MONTH = 1
INSULTS = {
    "fr": (
        "Bande d'incapables, vous êtes des clowns. Fermez boutique !!!",
        "Franchement des abrutis finis, allez vous faire voir.",
        "Espèce de nuls, vous me dégoûtez, bande de minables.",
    ),
    "en": (
        "You bunch of clowns, useless idiots. Shut it down!!!",
        "Absolute morons, go to hell.",
    ),
}
DEFAULT_ANSWER_MINUTES = 240
_R = TypeVar("_R", bound=tuple[Any, ...])  # a message row: (id, received at, …)


def _pick_rule(rules: CharterRules, keys: tuple[str, ...], action: str) -> ModerationRule | None:
    """The first charter rule among ``keys`` that allows ``action``, else any that does."""
    for key in keys:
        rule = rules.moderation_rule(key)
        if rule is not None and action in rule.actions:
            return rule
    return next((r for r in rules.moderation if action in r.actions), None)


def _by_month(rows: list[_R], anchor: dt.datetime, per_month: int, rng: random.Random) -> list[_R]:
    """At most ``per_month`` of ``rows`` ((id, received_at, ...) tuples) per month."""
    months: dict[tuple[int, int], list[_R]] = {}
    for row in rows:
        at = row[1]
        months.setdefault((at.year, at.month), []).append(row)
    picked: list[_R] = []
    for key in sorted(months):
        bucket = months[key]
        picked += rng.sample(bucket, min(per_month, len(bucket)))
    return sorted(picked, key=lambda r: r[1])


def _insults(s: Session, cid: int, anchor: dt.datetime, rng: random.Random, language: str) -> None:
    """Some "other" messages become insults (the demo texts have none), about one a month."""
    stored = s.execute(
        select(InboxMessage.id, InboxMessage.received_at).where(
            InboxMessage.client_id == cid,
            InboxMessage.ours.is_(False),
            InboxMessage.category == "other",
            InboxMessage.received_at < anchor - dt.timedelta(days=1),
        )
    ).all()
    found = [(i, at if at.tzinfo else at.replace(tzinfo=dt.UTC)) for i, at in stored]
    texts = INSULTS.get(language, INSULTS["fr"])
    for mid, _at in _by_month(found, anchor, INSULTS_PER_MONTH, rng):
        s.execute(
            update(InboxMessage)
            .where(InboxMessage.id == mid)
            .values(category="abuse", sentiment=-1, text=rng.choice(texts), status="closed")
        )


def moderation(
    s: Session,
    cid: int,
    rules: CharterRules,
    anchor: dt.datetime,
    rng: random.Random,
    staff: list[str],
    language: str = "fr",
) -> int:
    """Spam deleted and insults hidden by rule over the year; the latest abuse waits for a
    second person's approval (a ban when the charter asks for one)."""
    if not rules.moderation:
        return 0
    _insults(s, cid, anchor, rng, language)
    picked: list[tuple[int, dt.datetime, str]] = []
    for category, per_month in (("spam", SPAM_PER_MONTH), ("abuse", INSULTS_PER_MONTH)):
        stored = s.execute(
            select(InboxMessage.id, InboxMessage.received_at, InboxMessage.category).where(
                InboxMessage.client_id == cid,
                InboxMessage.ours.is_(False),
                InboxMessage.category == category,
                InboxMessage.received_at < anchor - dt.timedelta(days=1),
            )
        ).all()
        found = [(i, at if at.tzinfo else at.replace(tzinfo=dt.UTC), c) for i, at, c in stored]
        picked += _by_month(found, anchor, per_month, rng)
    picked.sort(key=lambda r: (r[2] == "abuse", r[1]))  # the latest insult comes last
    if not picked:
        return 0
    rows: list[dict[str, Any]] = []
    hide: list[int] = []
    delete: list[int] = []
    who = staff or ["Camille Martin"]
    for n, (mid, at, category) in enumerate(picked):
        last = n == len(picked) - 1
        if category == "spam":
            action, rule = "delete", _pick_rule(rules, ("spam", "advertising"), "delete")
        else:
            action, rule = "hide", _pick_rule(rules, ("insult", "insults", "hate"), "hide")
        if last:  # one waiting for a second approval
            pending = next((r for r in rules.moderation if r.requires_second_approval), None)
            if pending is not None:
                rule = pending
                action = "ban" if "ban" in pending.actions else pending.actions[0]
        if rule is None:
            continue
        state = "pending" if last and rule.requires_second_approval else "applied"
        requested = at + dt.timedelta(minutes=rng.randint(5, 90))
        requester = rng.choice(who)
        second = next((w for w in who if w != requester), "Direction")
        rows.append(
            {
                "client_id": cid,
                "message_id": mid,
                "action": action,
                "rule_key": rule.key,
                "rule_label": rule.label,
                "note": "",
                "state": state,
                "requested_by": requester,
                "requested_at": requested,
                "decided_by": "" if state == "pending" else requester,
                "decided_at": None if state == "pending" else requested,
            }
        )
        if state == "applied" and rule.requires_second_approval:
            rows[-1]["decided_by"] = second
            rows[-1]["decided_at"] = requested + dt.timedelta(hours=1)
        if state == "applied":
            (delete if action == "delete" else hide).append(mid)
    if rows:
        s.execute(insert(cast(Table, ModerationAction.__table__)), rows)
    if hide:
        s.execute(update(InboxMessage).where(InboxMessage.id.in_(hide)).values(hidden=True))
    if delete:
        s.execute(update(InboxMessage).where(InboxMessage.id.in_(delete)).values(deleted=True))
    return len(rows)


def escalations(
    s: Session,
    cid: int,
    rules: CharterRules,
    anchor: dt.datetime,
    rng: random.Random,
    client_name: str,
    waiting: bool,
) -> int:
    """About one complaint a month escalated to the charter's contact: most answered within
    the delay, some late, and (``waiting``) the latest still without an answer."""
    contacts = list(s.scalars(select(Contact).where(Contact.client_id == cid)))
    if not contacts:
        return 0
    stored = s.execute(
        select(InboxMessage.id, InboxMessage.received_at, InboxMessage.text).where(
            InboxMessage.client_id == cid,
            InboxMessage.ours.is_(False),
            InboxMessage.category == "complaint",
            InboxMessage.status.in_(("closed", "answered")),
            InboxMessage.received_at < anchor - dt.timedelta(days=5),
        )
    ).all()
    found = [(i, at if at.tzinfo else at.replace(tzinfo=dt.UTC), t) for i, at, t in stored]
    picked = _by_month(found, anchor, 1, rng)
    if not picked:
        return 0
    hours = rules.business_hours
    rows: list[dict[str, Any]] = []
    waiting_id: int | None = None
    for n, (mid, at, text) in enumerate(picked):
        rule = rules.escalation_for("complaint", text)
        contact = next((c for c in contacts if rule and c.id == rule.contact_id), None)
        contact = contact or contacts[n % len(contacts)]
        minutes = rule.answer_within_minutes if rule else DEFAULT_ANSWER_MINUTES
        asked = at + dt.timedelta(minutes=rng.randint(20, 120))
        due = add_business_minutes(asked, minutes, hours)
        still_waiting = waiting and n == len(picked) - 1
        if still_waiting:  # asked recently, overdue now
            asked = anchor - dt.timedelta(days=3)
            due = add_business_minutes(asked, minutes, hours)
            answered = None
            waiting_id = mid
        elif n % 4 == 3:  # late: the day after the due time
            answered = due + dt.timedelta(hours=rng.randint(5, 30))
        else:
            answered = add_business_minutes(asked, int(minutes * rng.uniform(0.2, 0.9)), hours)
        rows.append(
            {
                "client_id": cid,
                "message_id": mid,
                "contact_id": contact.id,
                "contact_name": contact.name,
                "contact_email": contact.email,
                "channel": rng.choice(("mailto", "mailto", "eml", "smtp")),
                "asked_by": "Camille Martin",
                "asked_at": asked,
                "due_at": due,
                "delay_minutes": minutes,
                "reminded_at": None,
                "answered_at": answered,
                "answer": "" if answered is None else "Vu avec le service : geste commercial.",
                "subject": f"[{client_name}] Réclamation à traiter",
                "body": text,
            }
        )
    s.execute(insert(cast(Table, Escalation.__table__)), rows)
    for row in rows:  # answered: the complaint was then resolved, and says how
        if row["answered_at"] is not None:
            s.execute(
                update(InboxMessage)
                .where(InboxMessage.id == row["message_id"])
                .values(
                    status="closed",
                    resolved_at=row["answered_at"] + dt.timedelta(hours=2),
                    resolution="Geste commercial accordé après l'avis du service concerné.",
                )
            )
    if waiting_id is not None:
        s.execute(
            update(InboxMessage)
            .where(InboxMessage.id == waiting_id)
            .values(status="waiting", resolved_at=None, resolution="")
        )
    return len(rows)

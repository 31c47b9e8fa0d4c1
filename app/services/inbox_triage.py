"""Triage: status, category, assignee, priority, tags and internal notes — one or many.

Each change is audited. Ignoring or closing needs a reason; a complaint is closed (resolved)
only with a recorded resolution; recategorising recomputes the due time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import StaffMember, utcnow
from app.models.inbox import MESSAGE_STATUSES, OPEN_STATUSES, InboxMessage, InboxNote
from app.services import audit
from app.services.actor import current_actor
from app.services.charter_rules import MESSAGE_CATEGORIES, CharterRules, rules_in_force
from app.services.inbox_delays import business_minutes_between, due_time


def _messages(session: Session, client_id: int, ids: Iterable[int]) -> list[InboxMessage]:
    ids = sorted(set(int(i) for i in ids))
    if not ids:
        raise ValidationError(translate("Inbox", "Select at least one message."))
    found = list(
        session.scalars(
            select(InboxMessage).where(
                InboxMessage.client_id == client_id, InboxMessage.id.in_(ids)
            )
        )
    )
    if len(found) != len(ids):
        raise NotFound(translate("Inbox", "Some messages do not belong to this client."))
    return found


def _recompute_due(msg: InboxMessage, rules: CharterRules) -> None:
    if msg.status in OPEN_STATUSES and not msg.ours:
        msg.due_at = due_time(msg.received_at, rules.delay_for(msg.category), rules.business_hours)
    else:
        msg.due_at = None


def status_label(status: str) -> str:
    return {
        "new": translate("Inbox", "New"),
        "in_progress": translate("Inbox", "In progress"),
        "waiting": translate("Inbox", "Waiting on the client"),
        "answered": translate("Inbox", "Answered"),
        "closed": translate("Inbox", "Closed"),
        "ignored": translate("Inbox", "Ignored"),
    }.get(status, status)


def kind_label(kind: str) -> str:
    return {
        "comment": translate("Inbox", "comment"),
        "mention": translate("Inbox", "mention"),
        "message": translate("Inbox", "private message"),
        "review": translate("Inbox", "review"),
    }.get(kind, kind)


def category_label(category: str) -> str:
    return {
        "question": translate("Inbox", "Question"),
        "complaint": translate("Inbox", "Complaint"),
        "praise": translate("Inbox", "Praise"),
        "suggestion": translate("Inbox", "Suggestion"),
        "request": translate("Inbox", "Request"),
        "spam": translate("Inbox", "Spam"),
        "abuse": translate("Inbox", "Abuse"),
        "other": translate("Inbox", "Other"),
    }.get(category, category)


def set_status(
    session: Session,
    client_id: int,
    ids: Iterable[int],
    status: str,
    reason: str = "",
    resolution: str = "",
    now: dt.datetime | None = None,
) -> int:
    """Move messages to ``status``; returns how many changed."""
    if status not in MESSAGE_STATUSES:
        raise ValidationError(translate("Inbox", "Unknown status {status}.").format(status=status))
    reason, resolution = reason.strip(), resolution.strip()
    if status in ("closed", "ignored") and not reason and not resolution:
        raise ValidationError(
            translate("Inbox", "Say why: closing or ignoring a message needs a reason."), "reason"
        )
    now = now or utcnow()
    rules = rules_in_force(session, client_id, now)
    changed = 0
    for msg in _messages(session, client_id, ids):
        if (
            status == "closed"
            and msg.category == "complaint"
            and not (resolution or msg.resolution)
        ):
            raise ValidationError(
                translate(
                    "Inbox",
                    "A complaint is closed only once its resolution is recorded: say how it was "
                    "actually resolved.",
                ),
                "resolution",
            )
        if msg.status == status and not resolution:
            continue
        before = msg.status
        msg.status = status
        msg.status_reason = reason
        if resolution:
            msg.resolution = resolution
        if status == "closed":
            msg.resolved_at = now
        if status == "answered" and msg.first_answer_at is None:
            msg.first_answer_at = now
        _recompute_due(msg, rules)
        audit.record(
            session,
            "inbox.status",
            client_id=client_id,
            target_type="message",
            target_id=msg.id,
            details={"from": before, "to": status, "reason": reason, "resolution": resolution},
        )
        changed += 1
    return changed


def set_category(session: Session, client_id: int, ids: Iterable[int], category: str) -> int:
    if category not in MESSAGE_CATEGORIES:
        raise ValidationError(translate("Inbox", "Unknown category {c}.").format(c=category))
    rules = rules_in_force(session, client_id)
    changed = 0
    for msg in _messages(session, client_id, ids):
        if msg.category == category:
            continue
        before, msg.category = msg.category, category
        _recompute_due(msg, rules)
        audit.record(
            session,
            "inbox.category",
            client_id=client_id,
            target_type="message",
            target_id=msg.id,
            details={"from": before, "to": category},
        )
        changed += 1
    return changed


def assign(session: Session, client_id: int, ids: Iterable[int], staff_id: int | None) -> int:
    name = ""
    if staff_id is not None:
        staff = session.get(StaffMember, staff_id)
        if staff is None:
            raise NotFound(translate("Inbox", "No such team member."))
        name = staff.name
    changed = 0
    for msg in _messages(session, client_id, ids):
        if msg.assignee_id == staff_id:
            continue
        before, msg.assignee_id = msg.assignee_id, staff_id
        if msg.status == "new" and staff_id is not None:
            msg.status = "in_progress"
        audit.record(
            session,
            "inbox.assign",
            client_id=client_id,
            target_type="message",
            target_id=msg.id,
            details={"from": before, "to": staff_id, "name": name},
        )
        changed += 1
    return changed


def set_priority(session: Session, client_id: int, ids: Iterable[int], priority: int) -> int:
    if priority not in (0, 1, 2):
        raise ValidationError(translate("Inbox", "Priority is 0, 1 or 2."))
    msgs = _messages(session, client_id, ids)
    for msg in msgs:
        if msg.priority != priority:
            audit.record(
                session, "inbox.priority", client_id=client_id, target_type="message",
                target_id=msg.id, details={"from": msg.priority, "to": priority},
            )  # fmt: skip
            msg.priority = priority
    return len(msgs)


def set_tags(session: Session, client_id: int, message_id: int, tags: Iterable[str]) -> None:
    (msg,) = _messages(session, client_id, [message_id])
    msg.tags = sorted({t.strip() for t in tags if t.strip()})


def add_note(session: Session, client_id: int, message_id: int, text: str) -> int:
    text = (text or "").strip()
    if not text:
        raise ValidationError(translate("Inbox", "A note cannot be empty."), "note")
    _messages(session, client_id, [message_id])
    note = InboxNote(client_id=client_id, message_id=message_id, author=current_actor(), text=text)
    session.add(note)
    session.flush()
    return note.id


def response_minutes(msg: InboxMessage, rules: CharterRules) -> tuple[int | None, int | None]:
    """Business minutes to the first answer and to the resolution (None: not yet)."""
    hours = rules.business_hours
    first = (
        business_minutes_between(msg.received_at, msg.first_answer_at, hours)
        if msg.first_answer_at
        else None
    )
    resolved = (
        business_minutes_between(msg.received_at, msg.resolved_at, hours)
        if msg.resolved_at
        else None
    )
    return first, resolved

"""Triage: status, category, assignee, priority, tags and internal notes — one or many.

Each change is audited. Ignoring or closing needs a reason; a complaint is closed (resolved)
only with a recorded resolution; recategorising recomputes the due time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models import StaffMember, utcnow
from app.models.inbox import MESSAGE_STATUSES, OPEN_STATUSES, InboxMessage, InboxNote
from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import MESSAGE_CATEGORIES, CharterRules
from app.services.inbox.delays import business_minutes_between, due_time
from app.services.people import audit
from app.services.people.actor import current_actor
from app.services.versions import stale, stamp

_MISSING = object()


def _check_seen(
    session: Session,
    msg: InboxMessage,
    field: str,
    seen: Mapping[int, Any] | None,
    mine: Any,
    label: Callable[[Any], str] = str,
) -> None:
    """A stale triage change — the field moved since this person read it — is a conflict."""
    if seen is None:
        return
    expected = seen.get(msg.id, _MISSING)
    current = getattr(msg, field)
    if expected is _MISSING or expected == current:
        return
    raise _conflict(session, msg, field, label(mine), label(current))


def _conflict(session: Session, msg: InboxMessage, field: str, mine: str, theirs: str) -> Conflict:
    from app.models import Client

    title = translate("Inbox", "{author}'s message").format(author=msg.author or msg.author_handle)
    return stale(
        "message",
        title,
        target_id=msg.id,
        mine=mine,
        theirs=theirs,
        by=msg.updated_by,
        at=msg.updated_at,
        version=msg.version,
        field=field,
        zone=session.get_one(Client, msg.client_id).timezone,
    )


def current_values(
    session: Session, client_id: int, ids: Iterable[int], field: str
) -> dict[int, Any]:
    """id → the field as stored now (to apply a change knowingly over a colleague's)."""
    return {m.id: getattr(m, field) for m in _messages(session, client_id, ids)}


def _staff_name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return translate("Inbox", "nobody")
    staff = session.get(StaffMember, staff_id)
    return staff.name if staff else str(staff_id)


def _messages(session: Session, client_id: int, ids: Iterable[int]) -> list[InboxMessage]:
    ids = sorted(set(int(i) for i in ids))
    if not ids:
        raise ValidationError(translate("Inbox", "Select at least one message."))
    found = list(
        session.scalars(
            select(InboxMessage)
            .where(InboxMessage.client_id == client_id, InboxMessage.id.in_(ids))
            .order_by(InboxMessage.id)
            # PostgreSQL: a colleague writing them now is waited for, then read as saved,
            # so a clash is reported with their change (SQLite's writers queue anyway)
            .with_for_update()
            .execution_options(populate_existing=True)
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
    return status_labels().get(status, status)


def status_labels() -> dict[str, str]:
    """Every status in words, in the current language (one pass: lists label every row)."""
    return {
        "new": translate("Inbox", "New"),
        "in_progress": translate("Inbox", "In progress"),
        "waiting": translate("Inbox", "Waiting on the client"),
        "answered": translate("Inbox", "Answered"),
        "closed": translate("Inbox", "Closed"),
        "ignored": translate("Inbox", "Ignored"),
    }


def kind_label(kind: str) -> str:
    return {
        "comment": translate("Inbox", "comment"),
        "mention": translate("Inbox", "mention"),
        "message": translate("Inbox", "private message"),
        "review": translate("Inbox", "review"),
    }.get(kind, kind)


def category_label(category: str) -> str:
    return category_labels().get(category, category)


def category_labels() -> dict[str, str]:
    """Every category in words, in the current language."""
    return {
        "question": translate("Inbox", "Question"),
        "complaint": translate("Inbox", "Complaint"),
        "praise": translate("Inbox", "Praise"),
        "suggestion": translate("Inbox", "Suggestion"),
        "request": translate("Inbox", "Request"),
        "spam": translate("Inbox", "Spam"),
        "abuse": translate("Inbox", "Abuse"),
        "other": translate("Inbox", "Other"),
    }


def set_status(
    session: Session,
    client_id: int,
    ids: Iterable[int],
    status: str,
    reason: str = "",
    resolution: str = "",
    now: dt.datetime | None = None,
    *,
    seen: Mapping[int, str] | None = None,
) -> int:
    """Move messages to ``status``; returns how many changed.

    ``seen``: the status each message had when the person chose (id → status). When one
    moved since — a colleague closed it meanwhile — :class:`Conflict` and nothing changes:
    a stale change never reopens a closed message."""
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
    msgs = _messages(session, client_id, ids)
    for msg in msgs:
        _check_seen(session, msg, "status", seen, status, status_label)
    for msg in msgs:
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
        stamp(msg, now)
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


def set_category(
    session: Session,
    client_id: int,
    ids: Iterable[int],
    category: str,
    *,
    seen: Mapping[int, str] | None = None,
) -> int:
    """Recategorise; ``seen`` (id → category as read): a stale change is a conflict."""
    if category not in MESSAGE_CATEGORIES:
        raise ValidationError(translate("Inbox", "Unknown category {c}.").format(c=category))
    rules = rules_in_force(session, client_id)
    changed = 0
    msgs = _messages(session, client_id, ids)
    for msg in msgs:
        _check_seen(session, msg, "category", seen, category, category_label)
    for msg in msgs:
        if msg.category == category:
            continue
        before, msg.category = msg.category, category
        _recompute_due(msg, rules)
        stamp(msg)
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


def assign(
    session: Session,
    client_id: int,
    ids: Iterable[int],
    staff_id: int | None,
    *,
    seen: Mapping[int, int | None] | None = None,
) -> int:
    """Give messages to ``staff_id`` (None: unassign).

    ``seen``: the assignee each message had when the person chose (id → staff id or None).
    Without it, the change is a claim: a message already claimed by someone else is a
    :class:`Conflict`, never silently reassigned."""
    name = ""
    if staff_id is not None:
        staff = session.get(StaffMember, staff_id)
        if staff is None:
            raise NotFound(translate("Inbox", "No such team member."))
        name = staff.name
    changed = 0
    msgs = _messages(session, client_id, ids)

    def label(sid: int | None) -> str:
        return _staff_name(session, sid)

    for msg in msgs:
        if seen is not None:
            _check_seen(session, msg, "assignee_id", seen, staff_id, label)
        elif msg.assignee_id is not None and msg.assignee_id != staff_id:
            raise _conflict(session, msg, "assignee_id", label(staff_id), label(msg.assignee_id))
    for msg in msgs:
        if msg.assignee_id == staff_id:
            continue
        before, msg.assignee_id = msg.assignee_id, staff_id
        stamp(msg)
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
            stamp(msg)
    return len(msgs)


def set_tags(
    session: Session,
    client_id: int,
    message_id: int,
    tags: Iterable[str],
    *,
    seen: Iterable[str] | None = None,
) -> tuple[str, ...]:
    """The message's tags as this person edited them from ``seen`` (the tags they read).

    Applied as operations — what they added, what they removed — on the tags stored now, so
    a tag a colleague added meanwhile is kept. Without ``seen`` the list replaces the tags.
    Returns the tags stored."""
    wanted = {t.strip() for t in tags if t.strip()}
    if seen is None:
        (msg,) = _messages(session, client_id, [message_id])
        return change_tags(session, client_id, message_id, wanted - set(msg.tags or ()),
                           set(msg.tags or ()) - wanted)  # fmt: skip
    before = {t.strip() for t in seen if t.strip()}
    return change_tags(session, client_id, message_id, wanted - before, before - wanted)


def change_tags(
    session: Session,
    client_id: int,
    message_id: int,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
) -> tuple[str, ...]:
    """Add and remove tags (merge, never replace); returns the tags stored."""
    (msg,) = _messages(session, client_id, [message_id])
    add = {t.strip() for t in add if t.strip()}
    remove = {t.strip() for t in remove if t.strip()}
    tags = (set(msg.tags or ()) | add) - remove
    if tags != set(msg.tags or ()):
        msg.tags = sorted(tags)
        stamp(msg)
        audit.record(
            session,
            "inbox.tags",
            client_id=client_id,
            target_type="message",
            target_id=msg.id,
            details={"added": sorted(add), "removed": sorted(remove)},
        )
        session.flush()
    return tuple(msg.tags or ())


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


def mark_answered(msg: InboxMessage, now: dt.datetime) -> None:
    """A reply left (or was released) for ``msg``: answered, its delay met at ``now``."""
    if msg.status in OPEN_STATUSES or msg.status == "waiting":
        msg.status = "answered"
        msg.due_at = None
    if msg.first_answer_at is None:
        msg.first_answer_at = now

"""Moderation by the charter's rules, and the Aquarelle guard.

Hide, delete, ban or report need a reason that is one of the charter's moderation rules and
an action that rule allows; when the rule says so a second person approves before anything
happens. A complaint is never hidden or deleted — criticism is answered, not silenced
(Aquarelle, August 2012) — and neither is a message that was a complaint before someone
recategorised it. Nothing is erased: deletion is a flag, the original text stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models import AuditEvent, utcnow
from app.models.inbox import InboxMessage, ModerationAction
from app.services.charter.in_force import rules_in_force
from app.services.inbox.held import HELD_RULE, shown_held
from app.services.inbox.reading import get_message
from app.services.people import Person, audit, require

ACTIONS = ("hide", "delete", "ban", "report")
SILENCING = ("hide", "delete")


@dataclass(frozen=True)
class ModerationInfo:
    id: int
    message_id: int
    action: str
    rule_key: str
    rule_label: str
    state: str  # pending, applied, rejected
    requested_by: str
    requested_at: dt.datetime
    decided_by: str
    decided_at: dt.datetime | None
    note: str
    network_state: str = ""  # "", pending, done, unsupported, failed, unhide, restored, rejected
    network_message: str = ""


def _info(a: ModerationAction) -> ModerationInfo:
    return ModerationInfo(
        a.id,
        a.message_id,
        a.action,
        a.rule_key,
        shown_held(a.requested_by) if a.rule_key == HELD_RULE else a.rule_label,
        a.state,
        a.requested_by,
        a.requested_at,
        a.decided_by,
        a.decided_at,
        a.note,
        a.network_state,
        a.network_message,
    )


def was_ever_complaint(session: Session, msg: InboxMessage) -> bool:
    if msg.category == "complaint":
        return True
    changes: Iterable[dict[str, Any] | None] = session.scalars(
        select(AuditEvent.details).where(
            AuditEvent.client_id == msg.client_id,
            AuditEvent.action == "inbox.category",
            AuditEvent.target_type == "message",
            AuditEvent.target_id == str(msg.id),
        )
    )
    return any((d or {}).get("from") == "complaint" for d in changes)


def check_guard(session: Session, msg: InboxMessage, action: str, rule_key: str = "") -> None:
    """Raise when ``action`` would silence a complaint or criticism (the Aquarelle guard)."""
    if action in SILENCING and (rule_key == "criticism" or was_ever_complaint(session, msg)):
        raise ValidationError(
            translate(
                "Moderation",
                "A complaint cannot be hidden or deleted: criticism is answered, not silenced. "
                "Answer it, escalate it, and record how it was resolved.",
            ),
            "action",
        )


def request(
    session: Session,
    client_id: int,
    message_id: int,
    action: str,
    rule_key: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> ModerationInfo:
    """Ask for a moderation action; applied at once unless the rule wants a second approval."""
    person = require(session, "moderate", client_id)
    if action not in ACTIONS:
        raise ValidationError(
            translate("Moderation", "Unknown moderation action {a}.").format(a=action)
        )
    msg = get_message(session, client_id, message_id)
    rules = rules_in_force(session, client_id, now)
    rule = rules.moderation_rule(rule_key or "")
    if rule is None:
        raise ValidationError(
            translate("Moderation", "Choose the reason among the charter's moderation rules."),
            "rule",
        )
    if action not in rule.actions:
        raise ValidationError(
            translate("Moderation", "The rule « {rule} » does not allow this action.").format(
                rule=rule.label
            ),
            "action",
        )
    check_guard(session, msg, action, rule.key)
    now = now or utcnow()
    row = ModerationAction(
        client_id=client_id,
        message_id=msg.id,
        action=action,
        rule_key=rule.key,
        rule_label=rule.label,
        note=note.strip(),
        state="pending",
        requested_by=person.name,
        requested_login=person.login,
        requested_at=now,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        "inbox.moderation.request",
        client_id=client_id,
        target_type="message",
        target_id=msg.id,
        details={"action": action, "rule": rule.key, "moderation_id": row.id},
    )
    if not rule.requires_second_approval:
        _apply(session, row, msg, person, now)
    return _info(row)


def _apply(
    session: Session, row: ModerationAction, msg: InboxMessage, who: Person, now: dt.datetime
) -> None:
    check_guard(session, msg, row.action, row.rule_key)  # the category may have changed
    if row.action == "hide":
        msg.hidden = True
    elif row.action == "delete":
        msg.deleted = True
    elif row.action == "ban":
        msg.author_banned = True
    row.state = "applied"
    row.network_state = "pending"  # the next sync of the account carries it out
    row.decided_by = who.name
    row.decided_login = who.login
    row.decided_at = now
    audit.record(
        session,
        "inbox.moderation",
        client_id=row.client_id,
        target_type="message",
        target_id=msg.id,
        details={
            "action": row.action,
            "rule": row.rule_key,
            "requested_by": row.requested_by,
            "requested_login": row.requested_login,
            "approved_by": who.name,
            "approved_login": who.login,
        },
    )


def _pending(session: Session, client_id: int, action_id: int) -> ModerationAction:
    # Locked: two people deciding at once get one decision and one clear refusal.
    row = session.get(ModerationAction, action_id, with_for_update=True)
    if row is None or row.client_id != client_id:
        raise NotFound(translate("Moderation", "No such moderation request."))
    if row.state != "pending":
        raise Conflict(translate("Moderation", "This request was already decided."))
    return row


def approve(
    session: Session, client_id: int, action_id: int, now: dt.datetime | None = None
) -> ModerationInfo:
    """The second person approves: the action is applied. The requester cannot approve.

    "Second person" is a different identity (the database login), never a different name,
    and a lead (or an administrator)."""
    who = require(session, "approve", client_id)
    row = _pending(session, client_id, action_id)
    if _same_person(row, who):
        raise ValidationError(
            translate("Moderation", "A second person must approve: you asked for this action.")
        )
    _apply(session, row, get_message(session, client_id, row.message_id), who, now or utcnow())
    return _info(row)


def _same_person(row: ModerationAction, who: Person) -> bool:
    if row.requested_login:
        return row.requested_login == who.login
    # Requests made before identities existed carry a name only: compare it loosely.
    return row.requested_by.strip().casefold() in (who.name.casefold(), who.login.casefold())


def reject(
    session: Session,
    client_id: int,
    action_id: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> ModerationInfo:
    """A lead turns the request down (or its requester withdraws it)."""
    who = require(session, "moderate", client_id)
    row = _pending(session, client_id, action_id)
    if not who.can("approve") and not _same_person(row, who):
        require(session, "approve", client_id)  # raises: only a lead decides someone else's
    row.state = "rejected"
    row.decided_by = who.name
    row.decided_login = who.login
    row.decided_at = now or utcnow()
    row.note = (row.note + "\n" + note.strip()).strip()
    audit.record(
        session,
        "inbox.moderation.reject",
        client_id=client_id,
        target_type="message",
        target_id=row.message_id,
        details={"moderation_id": row.id},
    )
    return _info(row)


def restore(session: Session, client_id: int, message_id: int, reason: str) -> None:
    """Undo a hide or a delete (the original was kept)."""
    require(session, "moderate", client_id)
    if not reason.strip():
        raise ValidationError(translate("Moderation", "Say why the message is restored."))
    msg = get_message(session, client_id, message_id)
    msg.hidden = msg.deleted = False
    for row in session.scalars(
        select(ModerationAction).where(
            ModerationAction.message_id == msg.id,
            ModerationAction.action.in_(SILENCING),
            ModerationAction.state == "applied",
        )
    ):
        if row.network_state == "pending":  # never sent: nothing to undo on the network
            row.network_state = ""
        elif row.network_state == "done" and row.action == "hide":
            row.network_state = "unhide"  # the next sync shows it again on the network
    audit.record(
        session,
        "inbox.moderation.restore",
        client_id=client_id,
        target_type="message",
        target_id=msg.id,
        details={"reason": reason.strip()},
    )


def history(
    session: Session, client_id: int, message_id: int | None = None
) -> list[ModerationInfo]:
    query = select(ModerationAction).where(ModerationAction.client_id == client_id)
    if message_id is not None:
        query = query.where(ModerationAction.message_id == message_id)
    return [_info(a) for a in session.scalars(query.order_by(ModerationAction.id))]

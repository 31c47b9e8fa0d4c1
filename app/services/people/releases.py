"""A junior's replies wait for a lead: held, then released (queued for the sender) or sent
back. Both people are recorded — on the release row and in the audit trail — by login."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models import utcnow
from app.models.inbox import InboxMessage
from app.models.people import ReleaseApproval
from app.services.inbox.triage import mark_answered
from app.services.people import Person, audit, require


@dataclass(frozen=True)
class ReleaseInfo:
    id: int
    client_id: int
    target_type: str
    target_id: int
    state: str
    requested_login: str
    requested_name: str
    requested_at: dt.datetime
    decided_login: str
    decided_name: str
    decided_at: dt.datetime | None
    note: str
    text: str = ""


def _info(row: ReleaseApproval, text: str = "") -> ReleaseInfo:
    return ReleaseInfo(
        row.id,
        row.client_id,
        row.target_type,
        row.target_id,
        row.state,
        row.requested_login,
        row.requested_name,
        row.requested_at,
        row.decided_login,
        row.decided_name,
        row.decided_at,
        row.note,
        text,
    )


def hold(
    session: Session,
    client_id: int,
    target_type: str,
    target_id: int,
    person: Person,
    now: dt.datetime | None = None,
) -> ReleaseApproval:
    row = ReleaseApproval(
        client_id=client_id,
        target_type=target_type,
        target_id=target_id,
        state="pending",
        requested_login=person.login,
        requested_name=person.name,
        requested_at=now or utcnow(),
        decided_login="",
        decided_name="",
        note="",
    )
    session.add(row)
    session.flush()
    return row


def pending(session: Session, client_id: int) -> list[ReleaseInfo]:
    rows = session.execute(
        select(ReleaseApproval, InboxMessage.text)
        .outerjoin(
            InboxMessage,
            (ReleaseApproval.target_type == "reply")
            & (InboxMessage.id == ReleaseApproval.target_id),
        )
        .where(ReleaseApproval.client_id == client_id, ReleaseApproval.state == "pending")
        .order_by(ReleaseApproval.requested_at, ReleaseApproval.id)
    ).all()
    return [_info(r, text or "") for r, text in rows]


def _load(session: Session, client_id: int, release_id: int) -> ReleaseApproval:
    # Locked: two leads deciding at once get one decision and one clear refusal.
    row = session.get(ReleaseApproval, release_id, with_for_update=True)
    if row is None or row.client_id != client_id:
        raise NotFound(translate("People", "No such reply waiting for approval."))
    if row.state != "pending":
        raise Conflict(translate("People", "This reply was already decided."))
    return row


def _reply(session: Session, row: ReleaseApproval) -> InboxMessage:
    reply = session.get(InboxMessage, row.target_id)
    if reply is None or reply.client_id != row.client_id or reply.reply_state != "held":
        raise Conflict(translate("People", "This reply is no longer waiting."))
    return reply


def approve(
    session: Session, client_id: int, release_id: int, now: dt.datetime | None = None
) -> ReleaseInfo:
    """A lead (not the author) releases the reply: the next sync sends it."""
    who = require(session, "approve", client_id)
    row = _load(session, client_id, release_id)
    if row.requested_login == who.login:
        raise ValidationError(translate("People", "Another person must approve your reply."))
    reply = _reply(session, row)
    reply.reply_state = "queued"
    row.state, row.decided_login, row.decided_name = "approved", who.login, who.name
    row.decided_at = now or utcnow()
    parent = session.get(InboxMessage, reply.parent_id) if reply.parent_id else None
    if parent is not None:
        mark_answered(parent, row.decided_at)  # answered when it leaves, not when drafted
    audit.record(
        session,
        "inbox.reply.release",
        client_id=client_id,
        target_type="message",
        target_id=reply.parent_id or reply.id,
        details={
            "reply_id": reply.id,
            "written_by": row.requested_name,
            "written_login": row.requested_login,
            "approved_by": who.name,
            "approved_login": who.login,
        },
    )
    session.flush()
    return _info(row, reply.text)


def reject(
    session: Session, client_id: int, release_id: int, note: str, now: dt.datetime | None = None
) -> ReleaseInfo:
    """The lead sends the reply back with a note; it is never sent."""
    who = require(session, "approve", client_id)
    if not note.strip():
        raise ValidationError(translate("People", "Say what to change (a note is needed)."))
    row = _load(session, client_id, release_id)
    reply = _reply(session, row)
    reply.reply_state = "draft"
    reply.reply_error = note.strip()
    row.state, row.decided_login, row.decided_name = "rejected", who.login, who.name
    row.decided_at, row.note = now or utcnow(), note.strip()
    audit.record(
        session,
        "inbox.reply.sent_back",
        client_id=client_id,
        target_type="message",
        target_id=reply.parent_id or reply.id,
        details={"reply_id": reply.id, "written_login": row.requested_login, "note": row.note},
    )
    session.flush()
    return _info(row, reply.text)


@dataclass(frozen=True)
class Returned:
    """A reply a lead sent back to its writer, with what to change."""

    release_id: int
    client_id: int
    client_name: str
    message_id: int  # the message it answers
    reply_id: int
    text: str
    note: str
    decided_name: str
    decided_at: dt.datetime | None


def sent_back_replies(login: str) -> tuple[ColumnElement[bool], ...]:
    """Conditions on (ReleaseApproval, InboxMessage) joined: ``login``'s replies a lead sent
    back, still drafts, and not answered again since (resubmitted, or by anyone)."""
    later = aliased(InboxMessage)
    return (
        ReleaseApproval.target_type == "reply",
        ReleaseApproval.state == "rejected",
        ReleaseApproval.requested_login == login,
        InboxMessage.reply_state == "draft",
        ~select(later.id)
        .where(later.parent_id == InboxMessage.parent_id, later.ours, later.id > InboxMessage.id)
        .exists(),
    )


def returned_to(session: Session, login: str | None = None) -> list[Returned]:
    """The replies sent back to ``login`` (default: the connected person) and not sent again
    since, newest first — what a junior has to rework."""
    from app.models import Client
    from app.services.people import whoami

    login = login or whoami(session).login
    rows = session.execute(
        select(ReleaseApproval, InboxMessage, Client.name)
        .join(InboxMessage, InboxMessage.id == ReleaseApproval.target_id)
        .join(Client, Client.id == ReleaseApproval.client_id)
        .where(*sent_back_replies(login))
        .order_by(ReleaseApproval.decided_at.desc(), ReleaseApproval.id.desc())
    ).all()
    return [
        Returned(
            r.id,
            r.client_id,
            name,
            m.parent_id or m.id,
            m.id,
            m.text,
            r.note,
            r.decided_name,
            r.decided_at,
        )
        for r, m, name in rows
    ]

"""A junior's reply sent back by a lead, reworked and resubmitted by its writer.

A lead who sends a held reply back (:func:`app.services.people.releases.reject`) leaves it
as a ``draft`` with a note. Its writer sees it again in the inbox with that note
(:func:`sent_back_for`), edits the text and resubmits (:func:`resubmit`): a new reply,
held again for a lead, with a new pending release. Both rounds stay: the first reply and its
rejected release (who sent it back, why), the second and its release, and an audit entry
``inbox.reply.resubmit`` that links them; the conversation shows both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound, PermissionDenied
from app.i18n import translate
from app.models.inbox import InboxMessage
from app.models.people import ReleaseApproval
from app.services.people import audit, require, whoami
from app.services.people.releases import sent_back_replies


@dataclass(frozen=True)
class SentBack:
    """The connected person's reply to a message, sent back by a lead and not redone yet."""

    release_id: int
    message_id: int  # the message it answers
    reply_id: int
    text: str
    private: bool
    note: str  # what the lead asked to change
    decided_name: str
    decided_at: dt.datetime | None
    round: int  # 1: the first version was sent back; 2: the second one was too...


def _sent_back_query(client_id: int, login: str) -> Select[ReleaseApproval, InboxMessage]:
    return (
        select(ReleaseApproval, InboxMessage)
        .join(InboxMessage, InboxMessage.id == ReleaseApproval.target_id)
        .where(ReleaseApproval.client_id == client_id, *sent_back_replies(login))
    )


def _round(session: Session, client_id: int, parent_id: int | None, login: str) -> int:
    """How many of ``login``'s replies to this message leads have sent back."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(ReleaseApproval)
            .join(InboxMessage, InboxMessage.id == ReleaseApproval.target_id)
            .where(
                ReleaseApproval.client_id == client_id,
                ReleaseApproval.target_type == "reply",
                ReleaseApproval.state == "rejected",
                ReleaseApproval.requested_login == login,
                InboxMessage.parent_id == parent_id,
            )
        )
        or 0
    )


def sent_back_for(session: Session, client_id: int, message_id: int) -> SentBack | None:
    """The connected person's reply to ``message_id`` that a lead sent back, if any."""
    login = whoami(session).login
    row = session.execute(
        _sent_back_query(client_id, login)
        .where(InboxMessage.parent_id == message_id)
        .order_by(ReleaseApproval.decided_at.desc(), ReleaseApproval.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    release, reply = row
    return SentBack(
        release.id,
        message_id,
        reply.id,
        reply.text,
        reply.reply_private,
        release.note,
        release.decided_name,
        release.decided_at,
        _round(session, client_id, message_id, login),
    )


def resubmit(
    session: Session,
    client_id: int,
    release_id: int,
    text: str,
    *,
    now: dt.datetime | None = None,
    also_if_queued: bool = False,
) -> int:
    """The writer's reworked reply goes back to waiting for a lead; the new reply's id.

    Only the person the reply was sent back to resubmits it, once: a second resubmission
    (another window, another seat) or an answer given meanwhile is a :class:`Conflict`."""
    from app.services.inbox.replies import create_reply

    person = require(session, "write", client_id)
    release = session.get(ReleaseApproval, release_id)
    if release is None or release.client_id != client_id or release.target_type != "reply":
        raise NotFound(translate("Inbox", "No such reply sent back for this client."))
    if release.requested_login != person.login:
        raise PermissionDenied(
            translate("Inbox", "Only {name}, who wrote this reply, can resubmit it.").format(
                name=release.requested_name or release.requested_login
            )
        )
    previous = session.get(InboxMessage, release.target_id)
    pending = session.execute(
        _sent_back_query(client_id, person.login).where(ReleaseApproval.id == release_id)
    ).first()
    if release.state != "rejected" or previous is None or pending is None:
        raise Conflict(
            translate(
                "Inbox",
                "This reply was already resubmitted or answered meanwhile: the conversation "
                "shows what happened.",
            )
        )
    parent_id = previous.parent_id or previous.id
    reply_id = create_reply(
        session,
        client_id,
        parent_id,
        text,
        private=previous.reply_private,
        now=now,
        also_if_queued=also_if_queued,
    )
    audit.record(
        session,
        "inbox.reply.resubmit",
        client_id=client_id,
        target_type="message",
        target_id=parent_id,
        details={
            "reply_id": reply_id,
            "previous_reply_id": previous.id,
            "previous_release_id": release.id,
            "sent_back_by": release.decided_name,
            "sent_back_login": release.decided_login,
            "note": release.note,
            "round": _round(session, client_id, parent_id, person.login) + 1,
            "by": person.name,
            "held": person.held,
        },
    )
    return reply_id


__all__ = ["SentBack", "resubmit", "sent_back_for"]

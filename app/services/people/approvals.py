"""What waits for a lead, across the clients the person sees: a junior's held replies and
moderation requests that need a second person. One list, one way to decide."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Client
from app.models.inbox import InboxMessage, ModerationAction
from app.models.people import ReleaseApproval


@dataclass(frozen=True)
class Waiting:
    kind: str  # reply, moderation
    id: int
    client_id: int
    client_name: str
    requested_by: str
    requested_login: str
    requested_at: dt.datetime
    summary: str  # the reply's text, or the action, its rule and the message


def waiting(session: Session, client_id: int | None = None) -> list[Waiting]:
    """Pending releases and moderation requests, oldest first (row security limits them to
    the clients the person sees on PostgreSQL)."""
    replies = (
        select(ReleaseApproval, InboxMessage.text, Client.name)
        .join(Client, Client.id == ReleaseApproval.client_id)
        .outerjoin(InboxMessage, InboxMessage.id == ReleaseApproval.target_id)
        .where(ReleaseApproval.state == "pending", ReleaseApproval.target_type == "reply")
    )
    moderation = (
        select(ModerationAction, InboxMessage.text, Client.name)
        .join(Client, Client.id == ModerationAction.client_id)
        .join(InboxMessage, InboxMessage.id == ModerationAction.message_id)
        .where(ModerationAction.state == "pending")
    )
    if client_id is not None:
        replies = replies.where(ReleaseApproval.client_id == client_id)
        moderation = moderation.where(ModerationAction.client_id == client_id)
    out = [
        Waiting(
            "reply",
            r.id,
            r.client_id,
            name,
            r.requested_name,
            r.requested_login,
            r.requested_at,
            text or "",
        )
        for r, text, name in session.execute(replies)
    ]
    out += [
        Waiting(
            "moderation",
            m.id,
            m.client_id,
            name,
            m.requested_by,
            m.requested_login,
            m.requested_at,
            f"{m.action} · {m.rule_label or m.rule_key} · {text}",
        )
        for m, text, name in session.execute(moderation)
    ]
    return sorted(out, key=lambda w: (w.requested_at, w.kind, w.id))


def decide(session: Session, item: Waiting, approve: bool, note: str = "") -> None:
    """Approve (release / apply) or send back (reject) one waiting item."""
    from app.services.inbox import moderation
    from app.services.people import releases

    if item.kind == "reply":
        if approve:
            releases.approve(session, item.client_id, item.id)
        else:
            releases.reject(session, item.client_id, item.id, note)
    elif approve:
        moderation.approve(session, item.client_id, item.id)
    else:
        moderation.reject(session, item.client_id, item.id, note)

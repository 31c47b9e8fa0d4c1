"""Our replies: saved replies with placeholders, style warnings, queueing for the connectors."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models import Client, utcnow
from app.models.inbox import InboxMessage, SavedReply
from app.networks import network_label, with_capability
from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import Style
from app.services.inbox.reading import get_message
from app.services.inbox.triage import mark_answered
from app.services.people import audit, require
from app.services.people.actor import current_actor
from app.services.versions import check_no_reply_queued, stale, stamp

# Longest reply each network accepts (characters).
NETWORK_LIMITS = {
    "x": 280,
    "bluesky": 300,
    "mastodon": 500,
    "linkedin": 1250,
    "instagram": 2200,
    "facebook": 8000,
}
# Networks whose API lets Tribune answer privately (a direct message, or Meta's private reply
# to a comment); elsewhere a private answer could never be sent.
PRIVATE_REPLY_NETWORKS = with_capability("private_reply")
_TU = re.compile(r"\b(tu|te|toi|ton|ta|tes|t'|t’)(?=\W|$)", re.IGNORECASE)
_VOUS = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)
_PRIVATE_HINT = re.compile(
    r"commande|order|n°|numéro|adresse|téléphone|rembours|\b\d{5,}\b|@\w+\.\w+", re.IGNORECASE
)


@dataclass(frozen=True)
class SavedReplyInfo:
    id: int
    title: str
    body: str
    category: str
    version: int = 1


@dataclass(frozen=True)
class StyleWarning:
    code: str  # register, avoid, length, private
    message: str


def saved_replies(session: Session, client_id: int) -> list[SavedReplyInfo]:
    rows = session.scalars(
        select(SavedReply).where(SavedReply.client_id == client_id).order_by(SavedReply.title)
    )
    return [SavedReplyInfo(r.id, r.title, r.body, r.category, r.version) for r in rows]


def save_reply_template(
    session: Session, client_id: int, title: str, body: str, category: str = ""
) -> int:
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ValidationError(translate("Inbox", "A saved reply needs a title and a text."))
    clash = session.scalar(
        select(SavedReply).where(SavedReply.client_id == client_id, SavedReply.title == title)
    )
    if clash is not None:
        raise Conflict(translate("Inbox", "A saved reply is already called {t}.").format(t=title))
    row = SavedReply(client_id=client_id, title=title, body=body, category=category)
    stamp(row)
    session.add(row)
    session.flush()
    return row.id


def _saved(session: Session, client_id: int, reply_id: int, lock: bool = False) -> SavedReply:
    # lock: PostgreSQL waits for a colleague saving it now, then reads what they saved
    row = session.get(SavedReply, reply_id, with_for_update=lock or None, populate_existing=lock)
    if row is None or row.client_id != client_id:
        raise NotFound(translate("Inbox", "This saved reply no longer exists."))
    return row


def update_saved_reply(
    session: Session,
    client_id: int,
    reply_id: int,
    title: str,
    body: str,
    *,
    expected_version: int | None = None,
) -> SavedReplyInfo:
    """Rename or rewrite a saved reply of the client; a stale ``expected_version`` (someone
    rewrote it meanwhile) raises :class:`Conflict` with both texts."""
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ValidationError(translate("Inbox", "A saved reply needs a title and a text."))
    row = _saved(session, client_id, reply_id, lock=True)
    _check_saved_version(session, row, expected_version, body)
    clash = session.scalar(
        select(SavedReply.id).where(
            SavedReply.client_id == client_id, SavedReply.title == title, SavedReply.id != reply_id
        )
    )
    if clash is not None:
        raise Conflict(translate("Inbox", "A saved reply is already called {t}.").format(t=title))
    row.title, row.body = title, body
    stamp(row)
    session.flush()
    return SavedReplyInfo(row.id, row.title, row.body, row.category, row.version)


def delete_saved_reply(
    session: Session, client_id: int, reply_id: int, *, expected_version: int | None = None
) -> None:
    """Delete a saved reply; not one someone rewrote since it was read (``expected_version``)."""
    row = _saved(session, client_id, reply_id, lock=True)
    _check_saved_version(session, row, expected_version, "")
    session.delete(row)
    session.flush()


def _check_saved_version(
    session: Session, row: SavedReply, expected: int | None, mine: str
) -> None:
    if expected is not None and row.version != expected:
        client = session.get(Client, row.client_id)
        raise stale(
            "saved_reply",
            row.title,
            target_id=row.id,
            mine=mine,
            theirs=row.body,
            by=row.updated_by,
            at=row.updated_at,
            version=row.version,
            zone=client.timezone if client else None,
        )


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:  # unknown placeholders stay visible for the CM to fill
        return "{" + key + "}"


def render_template(body: str, values: dict[str, str]) -> str:
    try:
        return body.format_map(_Keep(values))
    except (ValueError, IndexError):
        return body


def placeholders_for(session: Session, client_id: int, message_id: int) -> dict[str, str]:
    msg = get_message(session, client_id, message_id)
    client = session.get(Client, client_id)
    rules = rules_in_force(session, client_id)
    first = (msg.author or "").split(" ")[0]
    order = re.search(r"\b(?:n°|commande|order)\s*#?\s*([A-Z0-9-]{4,})", msg.text, re.IGNORECASE)
    return {
        "author": msg.author,
        "first_name": first,
        "handle": msg.author_handle,
        "client": client.name if client else "",
        "signature": rules.style.signature,
        "order": order.group(1) if order else "{order}",
    }


def style_warnings(
    text: str, style: Style, network: str = "", category: str = ""
) -> list[StyleWarning]:
    """What breaks the charter's style in ``text`` (empty list: fine)."""
    warnings: list[StyleWarning] = []
    if style.register == "vous" and _TU.search(text):
        warnings.append(
            StyleWarning(
                "register", translate("Inbox", "The charter says « vous »: this reply says « tu ».")
            )
        )
    elif style.register == "tu" and _VOUS.search(text):
        warnings.append(
            StyleWarning(
                "register", translate("Inbox", "The charter says « tu »: this reply says « vous ».")
            )
        )
    lowered = text.casefold()
    for word in style.words_to_avoid:
        if word and word.casefold() in lowered:
            warnings.append(
                StyleWarning("avoid", translate("Inbox", "Word to avoid: {word}").format(word=word))
            )
    limit = NETWORK_LIMITS.get(network)
    if limit and len(text) > limit:
        warnings.append(
            StyleWarning(
                "length",
                translate("Inbox", "{n} characters: {network} allows {limit}.").format(
                    n=len(text), network=network, limit=limit
                ),
            )
        )
    if category == "complaint" or _PRIVATE_HINT.search(text):
        warnings.append(
            StyleWarning(
                "private",
                translate(
                    "Inbox",
                    "Take it private: answer publicly that you are on it, and ask for the "
                    "order details in a private message.",
                ),
            )
        )
    return warnings


def create_reply(
    session: Session,
    client_id: int,
    message_id: int,
    text: str,
    *,
    private: bool = False,
    now: dt.datetime | None = None,
    also_if_queued: bool = False,
) -> int:
    """Queue our reply to a message (the connectors send it); the message becomes answered.

    A junior's reply is held (``reply_state="held"``, which the sender never takes) until a
    lead releases it: see :mod:`app.services.people.releases`. When a colleague already
    queued a reply to it, :class:`Conflict` (kind ``reply_queued``) asks first —
    ``also_if_queued=True`` queues this one too."""
    person = require(session, "write", client_id)
    text = (text or "").strip()
    if not text:
        raise ValidationError(translate("Inbox", "The reply is empty."), "reply")
    msg = get_message(session, client_id, message_id, lock=True)
    if not also_if_queued:
        check_no_reply_queued(session, msg, text)
    if msg.kind == "message":
        private = True  # a private message is never answered in public
    if private and msg.network not in PRIVATE_REPLY_NETWORKS:
        raise ValidationError(
            translate(
                "Inbox", "{network} has no private answer through its API: reply in public."
            ).format(network=network_label(msg.network)),
            "reply",
        )
    limit = NETWORK_LIMITS.get(msg.network)
    if limit and len(text) > limit and not private:
        raise ValidationError(
            translate("Inbox", "{n} characters: {network} allows {limit}.").format(
                n=len(text), network=msg.network, limit=limit
            ),
            "reply",
        )
    now = now or utcnow()
    client = session.get(Client, client_id)
    reply = InboxMessage(
        client_id=client_id,
        account_id=msg.account_id,
        network=msg.network,
        external_id=f"local-{uuid.uuid4().hex}",
        kind="message" if private else "comment",
        author=client.name if client else person.name,
        author_handle="",
        text=text,
        received_at=now,
        parent_id=msg.id,
        in_reply_to=msg.external_id,
        status="answered",
        category=msg.category,
        ours=True,
        reply_state="held" if person.held else "queued",
        reply_private=private,
        tags=[],
        updated_by=current_actor(),
        updated_at=now,
    )
    session.add(reply)
    stamp(msg, now)  # the message's version moves: a second seat queueing at once conflicts
    if person.held:  # nothing has left yet: the message is in progress, its delay runs on
        if msg.status == "new":
            msg.status = "in_progress"
    else:
        mark_answered(msg, now)
    session.flush()
    audit.record(
        session,
        "inbox.reply",
        client_id=client_id,
        target_type="message",
        target_id=msg.id,
        details={
            "reply_id": reply.id,
            "private": private,
            "by": person.name,
            "held": person.held,
        },
    )
    if person.held:
        from app.services.people.releases import hold

        hold(session, client_id, "reply", reply.id, person, now)
    from app.services.inbox.drafts import discard_draft

    discard_draft(session, client_id, msg.id)  # sent: the draft has done its job
    return reply.id

"""Optimistic locking helpers: who changed a row last, and the conflict a stale save meets.

Every save path that a person drives checks the version the person read (``expected_version``)
and, when someone else has saved since, raises :class:`app.errors.Conflict` with
:class:`app.errors.ConflictDetails` (mine, theirs, by whom, when, the current version) rather
than writing over the other person's work. The row's ``version_id_col`` (or an explicit
version bump) also catches two saves racing between read and write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from app.errors import Conflict, ConflictDetails
from app.i18n import translate
from app.models.base import utcnow
from app.services.people.actor import current_actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.models.inbox import InboxMessage
    from app.models.posts import PostVariant


class Stamped(Protocol):
    """A row that records who changed it last (and usually when: ``updated_at``)."""

    updated_by: str


def stamp(row: Stamped, now: dt.datetime | None = None) -> None:
    """Record who changed ``row`` and when (also makes the row dirty: its version moves)."""
    row.updated_by = current_actor()
    if hasattr(row, "updated_at"):
        row.updated_at = now or utcnow()


def hhmm(at: dt.datetime | None, zone: str | ZoneInfo | None = None) -> str:
    """``at`` as HH:MM in ``zone`` (the client's), else UTC; "" when unknown."""
    if at is None:
        return ""
    try:
        tz = ZoneInfo(zone) if isinstance(zone, str) else (zone or dt.UTC)
    except (ValueError, KeyError):
        tz = dt.UTC
    return at.astimezone(tz).strftime("%H:%M")


def stale(
    kind: str,
    title: str,
    *,
    target_id: int | None = None,
    mine: str = "",
    theirs: str = "",
    by: str = "",
    at: dt.datetime | None = None,
    version: int | None = None,
    field: str = "",
    zone: str | None = None,
) -> Conflict:
    """The conflict of a stale save of ``title``, in one line naming who and when."""
    who = by or translate("Versions", "someone else")
    when = hhmm(at, zone)
    if when:
        message = translate(
            "Versions", "{who} changed « {title} » at {time}: your change was not saved."
        ).format(who=who, title=title, time=when)
    else:
        message = translate(
            "Versions", "{who} changed « {title} » meanwhile: your change was not saved."
        ).format(who=who, title=title)
    details = ConflictDetails(
        kind=kind,
        target_id=target_id,
        title=title,
        mine=mine,
        theirs=theirs,
        by=by,
        at=at,
        version=version,
        field=field,
    )
    return Conflict(message, details)


def check_no_reply_queued(session: Session, msg: InboxMessage, text: str) -> None:
    """Two CMs answering one message: the second is asked first ("X already queued a reply
    at HH:MM — queue yours too?"), as a :class:`Conflict` of kind ``reply_queued``.

    Asked when a reply still waits to go (queued, sending) or a colleague's went out; a
    person's own follow-up to their sent reply is not asked about."""
    from sqlalchemy import select

    from app.models import Client
    from app.models.inbox import InboxMessage

    earlier = session.scalar(
        select(InboxMessage)
        .where(
            InboxMessage.client_id == msg.client_id,
            InboxMessage.parent_id == msg.id,
            InboxMessage.ours.is_(True),
            InboxMessage.reply_state.in_(("queued", "sending"))
            | (
                (InboxMessage.reply_state == "sent")
                & (InboxMessage.updated_by.notin_(("", current_actor())))
            ),
        )
        .order_by(InboxMessage.received_at.desc(), InboxMessage.id.desc())
        .limit(1)
    )
    if earlier is None:
        return
    who = earlier.updated_by or translate("Versions", "Someone")
    client = session.get(Client, msg.client_id)
    when = hhmm(earlier.updated_at or earlier.received_at, client.timezone if client else None)
    raise Conflict(
        translate("Versions", "{who} already queued a reply at {time} — queue yours too?").format(
            who=who, time=when
        ),
        ConflictDetails(
            kind="reply_queued",
            target_id=msg.id,
            title=msg.author or msg.author_handle,
            mine=text,
            theirs=earlier.text,
            by=earlier.updated_by,
            at=earlier.updated_at or earlier.received_at,
            version=msg.version,
        ),
    )


def content_hash(variants: Iterable[PostVariant]) -> str:
    """SHA-256 of what a post says on each network (text, link, first comment, media)."""
    payload = sorted(
        [v.network, v.text or "", v.link or "", v.first_comment or "", list(v.media or ())]
        for v in variants
    )
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()

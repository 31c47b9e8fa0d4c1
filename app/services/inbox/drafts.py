"""Reply drafts: what a CM is writing to a message, kept until it is sent.

One draft per message and person (the current actor), saved by the reply box as it is typed.
Switching messages shows each message's own draft, so a reply never follows the CM to
another author; switching clients, quitting or a crash loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models.inbox import ReplyDraft
from app.services.inbox.reading import get_message
from app.services.people.actor import current_actor


@dataclass(frozen=True)
class Draft:
    message_id: int
    text: str
    private: bool = False


def get_draft(session: Session, client_id: int, message_id: int) -> Draft:
    """The current person's draft for the message (empty text when there is none)."""
    row = session.scalar(
        select(ReplyDraft).where(
            ReplyDraft.client_id == client_id,
            ReplyDraft.message_id == message_id,
            ReplyDraft.author == current_actor(),
        )
    )
    return Draft(message_id, row.text, row.private) if row else Draft(message_id, "")


def save_draft(
    session: Session, client_id: int, message_id: int, text: str, *, private: bool = False
) -> Draft:
    """Keep ``text`` as the draft (blank text discards it)."""
    get_message(session, client_id, message_id)  # scoped: refuses another client's message
    if not (text or "").strip():
        discard_draft(session, client_id, message_id)
        return Draft(message_id, "")
    author = current_actor()
    row = session.scalar(
        select(ReplyDraft).where(ReplyDraft.message_id == message_id, ReplyDraft.author == author)
    )
    if row is None:
        row = ReplyDraft(client_id=client_id, message_id=message_id, author=author, text=text)
        session.add(row)
    row.text, row.private = text, private
    session.flush()
    return Draft(message_id, text, private)


def discard_draft(session: Session, client_id: int, message_id: int) -> None:
    session.execute(
        delete(ReplyDraft).where(
            ReplyDraft.client_id == client_id,
            ReplyDraft.message_id == message_id,
            ReplyDraft.author == current_actor(),
        )
    )

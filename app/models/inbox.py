"""The inbox aggregate: messages (theirs and our replies), notes, escalations, moderation,
saved replies. Every row carries its client_id; searches go through the full-text index
created by the 0004_inbox migration (FTS5 on SQLite, a tsvector expression on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow

MESSAGE_STATUSES = ("new", "in_progress", "waiting", "answered", "closed", "ignored")
OPEN_STATUSES = ("new", "in_progress")
# The crisis alert counts these (the partial index below has exactly this predicate).
NEGATIVE_SQL = (
    "ours = false AND (category = 'complaint' OR sentiment < 0)"  # the ones that have a due time
)
# "held": a junior's reply waiting for a lead's approval (the sender only takes "queued").
REPLY_STATES = ("draft", "held", "queued", "sending", "sent", "failed")


class InboxMessage(Base):
    """A comment, mention, direct message or review — or one of our replies (``ours``)."""

    __tablename__ = "inbox_messages"
    __table_args__ = (
        UniqueConstraint("client_id", "network", "external_id"),
        Index("ix_inbox_messages_client_received", "client_id", "received_at", "id"),
        Index("ix_inbox_messages_client_status", "client_id", "status"),
        Index("ix_inbox_messages_client_due", "client_id", "due_at"),
        Index("ix_inbox_messages_client_author", "client_id", "network", "author_handle"),
        Index("ix_inbox_messages_parent", "parent_id"),
        Index("ix_inbox_messages_reply_state", "client_id", "reply_state"),
        # The list's own predicate (0019_seats_index): the first page and its count.
        Index(
            "ix_inbox_messages_listed",
            "client_id",
            "received_at",
            "id",
            sqlite_where=text("ours IS 0 AND deleted IS 0"),
            postgresql_where=text("ours IS false AND deleted IS false"),
        ),
        # Complaints and negative messages only: the crisis count for all clients reads this.
        Index(
            "ix_inbox_messages_negative",
            "client_id",
            "received_at",
            sqlite_where=text(NEGATIVE_SQL),
            postgresql_where=text(NEGATIVE_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("network_accounts.id", ondelete="SET NULL"), nullable=True
    )
    network: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="comment")
    author: Mapped[str] = mapped_column(String(200), default="")
    author_handle: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbox_messages.id", ondelete="SET NULL"), nullable=True
    )
    in_reply_to: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(12), default="new")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(12), default="other")
    sentiment: Mapped[int] = mapped_column(Integer, default=0)  # -1 negative, 0, +1
    priority: Mapped[int] = mapped_column(Integer, default=0)  # 0 normal, 1 high, 2 urgent
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), nullable=True
    )
    tags: Mapped[list[str]] = mapped_column(JSONType, default=list)
    newcomer: Mapped[bool] = mapped_column(Boolean, default=False)
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    first_answer_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(Text, default="")
    # our replies
    ours: Mapped[bool] = mapped_column(Boolean, default=False)
    reply_state: Mapped[str] = mapped_column(String(10), default="")
    reply_private: Mapped[bool] = mapped_column(Boolean, default=False)
    reply_error: Mapped[str] = mapped_column(Text, default="")
    # moderation (the original text is never removed: soft delete)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    author_banned: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # who changed the triage last (for one of our replies: who queued it), and when
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __mapper_args__ = {"version_id_col": version}


class InboxNote(Base):
    """An internal note on a message: never sent, visible to the agency only."""

    __tablename__ = "inbox_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(
        ForeignKey("inbox_messages.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Escalation(Base):
    """A message passed to a client contact, who owes an answer by ``due_at``."""

    __tablename__ = "inbox_escalations"
    __table_args__ = (Index("ix_inbox_escalations_client_asked", "client_id", "asked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(
        ForeignKey("inbox_messages.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True
    )
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    channel: Mapped[str] = mapped_column(String(10), default="mailto")  # mailto, eml, smtp
    asked_by: Mapped[str] = mapped_column(String(200))
    asked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    delay_minutes: Mapped[int] = mapped_column(Integer, default=0)
    reminded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __mapper_args__ = {"version_id_col": version}


class ModerationAction(Base):
    """Hide, delete, ban or report, by a charter rule; may wait for a second approval."""

    __tablename__ = "inbox_moderation"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(
        ForeignKey("inbox_messages.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(10))
    rule_key: Mapped[str] = mapped_column(String(60))
    rule_label: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending applied rejected
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    # Who asked and who decided, by identity (login), not by the name they go by.
    requested_login: Mapped[str] = mapped_column(String(63), default="", server_default="")
    decided_login: Mapped[str] = mapped_column(String(63), default="", server_default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # On the network: "" (local only), "pending" (the next sync sends it), "done",
    # "unsupported" (the network's API does not allow it), "failed" (refused: see message).
    network_state: Mapped[str] = mapped_column(String(12), default="", server_default="")
    network_message: Mapped[str] = mapped_column(Text, default="", server_default="")


class SavedReply(Base):
    """A reply template of a client, with {placeholders}."""

    __tablename__ = "inbox_saved_replies"
    __table_args__ = (UniqueConstraint("client_id", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(12), default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __mapper_args__ = {"version_id_col": version}


class EscalationSmtp(Base):
    """A client's SMTP server for escalation e-mails; the password is in the keyring only."""

    __tablename__ = "inbox_escalation_smtp"

    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    host: Mapped[str] = mapped_column(String(253), default="")
    port: Mapped[int] = mapped_column(Integer, default=587)
    username: Mapped[str] = mapped_column(String(254), default="")
    sender: Mapped[str] = mapped_column(String(254), default="")
    starttls: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ReplyDraft(Base):
    """A reply being written, kept per message and per person until it is sent.

    The reply box autosaves here, so switching messages, switching clients or a crash
    never loses what was typed, and a draft never follows the CM to another message.
    """

    __tablename__ = "inbox_reply_drafts"
    __table_args__ = (UniqueConstraint("message_id", "author"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("inbox_messages.id", ondelete="CASCADE"))
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

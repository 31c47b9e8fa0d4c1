"""What the sync keeps: cursors per account and stream, runs, health history, send attempts.

Cursors belong to the account row, not to its token: reconnecting an account (a new token)
keeps them, and with them the messages and numbers already fetched.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class SyncCursor(Base):
    __tablename__ = "sync_cursors"
    __table_args__ = (UniqueConstraint("account_id", "stream"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("network_accounts.id", ondelete="CASCADE"))
    stream: Mapped[str] = mapped_column(String(40), default="inbox")
    value: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncRun(Base):
    """One sync of one account: what it fetched, added, published, and how it ended."""

    __tablename__ = "sync_runs"
    __table_args__ = (Index("ix_sync_runs_account_started", "account_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("network_accounts.id", ondelete="CASCADE"))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    outcome: Mapped[str] = mapped_column(String(20), default="running")
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    published: Mapped[int] = mapped_column(Integer, default=0)
    replies: Mapped[int] = mapped_column(Integer, default=0)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")


class AccountHealthEvent(Base):
    """Each change of an account's status, with the reason (the history behind the badge)."""

    __tablename__ = "account_health_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("network_accounts.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")


class PublishAttempt(Base):
    """A send written BEFORE the HTTP call and closed after it.

    ``state``: sending → sent | failed. A row still "sending" belongs to ``seat`` until
    ``lease_until``; once that has passed (the seat stopped renewing it), another sync looks
    the post up on the network and records it, or sends it with the same idempotency key
    only when the network does not have it, so nothing goes out twice.
    """

    __tablename__ = "publish_attempts"
    __table_args__ = (
        Index("ix_publish_attempts_state", "state"),
        Index("ix_publish_attempts_ref", "kind", "ref_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("network_accounts.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(10))  # post | reply
    ref_id: Mapped[int] = mapped_column(Integer)  # variant_id or reply_id
    network: Mapped[str] = mapped_column(String(20))
    idempotency_key: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(10), default="sending")
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    external_id: Mapped[str] = mapped_column(String(500), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # the seat that owns the send while it is "sending", and until when; only an expired
    # lease may be recovered by another seat (NULL: written before leases, expired)
    seat: Mapped[str] = mapped_column(String(200), default="")
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SyncLock(Base):
    """Which seat syncs an account, since and until when (renewed while it works).

    On SQLite the row IS the lock (claimed by a conditional UPDATE or an INSERT … ON
    CONFLICT DO NOTHING, taken over once ``until`` has passed). On PostgreSQL the lock is an
    advisory lock and the row only says who holds it.
    """

    __tablename__ = "sync_locks"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("network_accounts.id", ondelete="CASCADE"), primary_key=True
    )
    seat: Mapped[str] = mapped_column(String(200))
    since: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    until: Mapped[dt.datetime] = mapped_column(UTCDateTime)

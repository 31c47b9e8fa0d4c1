"""The change feed's log: one row per (kind, client) a committed transaction touched.

Written in the same transaction as the change itself (see :mod:`app.changes`), read by every
seat's watcher after the (xid, id) it saw last. Rows older than a day are pruned: a seat that
was away longer reloads what it shows anyway.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class ChangeLog(Base):
    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_at", "at"),
        Index("ix_change_log_xid_id", "xid", "id"),
    )

    # BIGINT on PostgreSQL (a busy agency writes many), INTEGER (the rowid) on SQLite.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    # The writing transaction (PostgreSQL's pg_current_xact_id(); 0 on SQLite): readers
    # read in (xid, id) order, only below the oldest transaction still running.
    xid: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    seat: Mapped[str] = mapped_column(String(40), default="")
    actor: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(20))
    client_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The changed rows' ids (for child rows, their subject's: a note → its message); null
    # when unknown or too many to list: "anything of this kind for this client".
    ids: Mapped[list[int] | None] = mapped_column(JSONType, nullable=True)

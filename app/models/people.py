"""People and rights: the agency's staff, their role and the clients granted to them.

On PostgreSQL a staff member *is* a login role of the server (``login`` is the role name, so
``current_user`` names the person); the server enforces the rights with group roles and
row-level security (migration 0016_people_rights). On SQLite the person is the OS user and
nothing is enforced: anyone who can open the file can change it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow

ROLES = ("admin", "lead", "cm", "junior", "readonly")
# The server-side group role each Tribune role is granted (PostgreSQL).
GROUP_ROLES = {role: f"tribune_{role}" for role in ROLES}


class Staff(Base):
    """A person of the agency, known by their database login."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(10), default="cm")
    all_clients: Mapped[bool] = mapped_column(Boolean, default=False)
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ClientGrant(Base):
    """One client a person may see and work on."""

    __tablename__ = "client_grants"
    __table_args__ = (UniqueConstraint("staff_id", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    granted_by: Mapped[str] = mapped_column(String(63), default="")
    granted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReleaseApproval(Base):
    """A junior's reply or post held until a lead releases it (both logins are kept)."""

    __tablename__ = "release_approvals"
    __table_args__ = (
        Index("ix_release_approvals_client_state", "client_id", "state"),
        UniqueConstraint("target_type", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    target_type: Mapped[str] = mapped_column(String(10))  # reply, post
    target_id: Mapped[int]
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending approved rejected
    requested_login: Mapped[str] = mapped_column(String(63))
    requested_name: Mapped[str] = mapped_column(String(200), default="")
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_login: Mapped[str] = mapped_column(String(63), default="")
    decided_name: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    note: Mapped[str] = mapped_column(String(1000), default="")

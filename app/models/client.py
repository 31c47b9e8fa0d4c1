"""The client workspace aggregate: clients, their people and network accounts, the agency."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, UTCDateTime, new_uid, utcnow
from app.networks import NETWORK_KEYS
from app.networks import network_label as network_label  # re-exported (the reports, the sync)

# The networks and their names come from the one table of network facts.
NETWORKS = NETWORK_KEYS


ACCOUNT_STATUSES = ("unknown", "connected", "reconnect_needed", "error")


class Client(Base):
    """A brand the agency manages: the scope of every other row."""

    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Paris")
    language: Mapped[str] = mapped_column(String(2), default="fr")
    colour: Mapped[str] = mapped_column(String(7), default="#3b6fd8")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sector: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    archived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # who changed it last: the latest "client.update" audit entry (no column, see versions)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="Contact.name"
    )
    accounts: Mapped[list[NetworkAccount]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="NetworkAccount.network"
    )

    __mapper_args__ = {"version_id_col": version}


class Contact(Base):
    """A person inside the client who answers for some departments (escalations go here)."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    departments: Mapped[list[str]] = mapped_column(JSONType, default=list)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    client: Mapped[Client] = relationship(back_populates="contacts")

    __mapper_args__ = {"version_id_col": version}


class StaffMember(Base):
    """Someone at the agency (a CM, an account manager): authors, assignees, signatories."""

    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class NetworkAccount(Base):
    """A client's account on a network. The token lives in the OS keyring, never here."""

    __tablename__ = "network_accounts"
    __table_args__ = (UniqueConstraint("client_id", "network", "handle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    network: Mapped[str] = mapped_column(String(20))
    handle: Mapped[str] = mapped_column(String(200))
    base_url: Mapped[str] = mapped_column(String(500), default="")
    display_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="unknown")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    token_expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Explicit (not version_id_col): the sync writes status and last_sync_at on its own.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    client: Mapped[Client] = relationship(back_populates="accounts")


class AgencyProfile(Base):
    """The agency itself (one row): its name and logo go on charters and reports."""

    __tablename__ = "agency_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    address: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    # the accent of every document (headings, rules, table headers); "" = Tribune's blue
    colour: Mapped[str] = mapped_column(String(9), default="", server_default="")


class AuditEvent(Base):
    """Who did what, when, to which client. Survives the deletion of the client."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_client_at", "client_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    # The authenticated person (the database login on PostgreSQL, the OS user on SQLite).
    actor_login: Mapped[str] = mapped_column(String(63), default="", server_default="")
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="SET NULL"), nullable=True
    )
    client_name: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(80))
    target_type: Mapped[str] = mapped_column(String(80), default="")
    target_id: Mapped[str] = mapped_column(String(80), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)

"""The charter aggregate: versions of a client's charter, their sections and signatories.

A version moves draft → sent_for_signature → signed → superseded. Only a draft is edited;
a signed version is frozen and a change starts a new draft copied from it. Each section is
rich text (``html``) and, for the structured ones, typed values (``data``, JSON validated by
:mod:`app.services.charter.schema`). The scanned signed PDF is kept as a BLOB with its
SHA-256, so a backup carries it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, UTCDateTime, utcnow

CHARTER_STATUSES = ("draft", "sent_for_signature", "signed", "superseded")
SIGNATORY_SIDES = ("agency", "client")


class CharterVersion(Base):
    __tablename__ = "charter_versions"
    __table_args__ = (UniqueConstraint("client_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(24), default="draft")
    language: Mapped[str] = mapped_column(String(2), default="fr")
    title: Mapped[str] = mapped_column(String(300), default="")
    based_on_id: Mapped[int | None] = mapped_column(
        ForeignKey("charter_versions.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    scan: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    scan_filename: Mapped[str] = mapped_column(String(300), default="")
    scan_sha256: Mapped[str] = mapped_column(String(64), default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)

    sections: Mapped[list[CharterSection]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="CharterSection.position"
    )
    signatories: Mapped[list[CharterSignatory]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="CharterSignatory.id"
    )

    __mapper_args__ = {"version_id_col": revision}


class CharterSection(Base):
    __tablename__ = "charter_sections"
    __table_args__ = (UniqueConstraint("version_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("charter_versions.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20), default="rich")
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300), default="")
    guidance: Mapped[str] = mapped_column(Text, default="")
    html: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)

    version: Mapped[CharterVersion] = relationship(back_populates="sections")

    __mapper_args__ = {"version_id_col": revision}


class CharterSignatory(Base):
    __tablename__ = "charter_signatories"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("charter_versions.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    signed_on: Mapped[dt.date | None] = mapped_column(nullable=True)

    version: Mapped[CharterVersion] = relationship(back_populates="signatories")

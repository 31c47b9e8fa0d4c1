"""The content calendar aggregate: posts, their per-network variants, media and history.

A :class:`Post` is one idea planned at one time for one client; each target network gets a
:class:`PostVariant` (its own text, link, first comment and media) which is what the
publishing queue sends. Media files are stored once by SHA-256 (:class:`MediaAsset`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, JSONType, UTCDateTime, new_uid, utcnow

POST_STATUSES = ("idea", "draft", "in_review", "approved", "scheduled", "published", "failed")
PUBLISH_STATES = ("", "sending", "published", "failed")


class Post(Base):
    """A planned publication for one client (one or more networks)."""

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("client_id", "uid"),
        Index("ix_posts_client_planned", "client_id", "planned_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    uid: Mapped[str] = mapped_column(String(255), default=new_uid)  # iCalendar UID
    title: Mapped[str] = mapped_column(String(300), default="")
    planned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[str] = mapped_column(String(80), default="")
    tags: Mapped[list[str]] = mapped_column(JSONType, default=list)
    campaign: Mapped[str] = mapped_column(String(200), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    approval_comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # SHA-256 of the variants' content the client approved ("" when not approved)
    approved_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")

    variants: Mapped[list[PostVariant]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostVariant.network"
    )

    __mapper_args__ = {"version_id_col": version}


class PostVariant(Base):
    """What one network receives; its publish state protects against double sends."""

    __tablename__ = "post_variants"
    __table_args__ = (
        UniqueConstraint("post_id", "network"),
        Index("ix_post_variants_client_state", "client_id", "publish_state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    network: Mapped[str] = mapped_column(String(20))
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("network_accounts.id", ondelete="SET NULL"), nullable=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(2000), default="")
    first_comment: Mapped[str] = mapped_column(Text, default="")
    media: Mapped[list[int]] = mapped_column(JSONType, default=list)  # MediaAsset ids
    idempotency_key: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    publish_state: Mapped[str] = mapped_column(String(20), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sending_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    external_id: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    retryable: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped by an edit of its content (text, link, first comment, media), not by publishing.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    post: Mapped[Post] = relationship(back_populates="variants")


class MediaAsset(Base):
    """A file attached to posts, stored once per client by its SHA-256, with its description."""

    __tablename__ = "media_assets"
    __table_args__ = (UniqueConstraint("client_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(300))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The description read aloud by screen readers (alt text), one per picture: every post
    # and network using it sends the same. ``version`` moves with each change of it, checked
    # by the save (two seats describing one picture: a conflict, never an overwrite).
    alt_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PostEvent(Base):
    """The history of a post: created, edited, moved, status changes, approvals."""

    __tablename__ = "post_events"
    __table_args__ = (Index("ix_post_events_post_at", "post_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)

"""Listening (veille): searches a client runs on the networks, what they found, the audience
of the authors found, and the crisis alerts sent. Every row carries its client_id.

Items are written with INSERT … ON CONFLICT DO NOTHING on (client_id, network, external_id):
two seats syncing the same stream at once store each item once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models import posts as _posts  # noqa: F401  (holding_drafts.post_id refers to posts)
from app.models.base import Base, JSONType, UTCDateTime, utcnow

STREAM_KINDS = ("keyword", "hashtag", "feed", "competitor")
ITEM_STATUSES = ("new", "sent_to_inbox", "dismissed")
SENTIMENTS = ("negative", "neutral", "positive")


class ListeningStream(Base):
    """A search a client runs on one network (or an RSS/Atom alert feed)."""

    __tablename__ = "listening_streams"
    __table_args__ = (UniqueConstraint("client_id", "network", "kind", "query"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    query: Mapped[str] = mapped_column(String(500))
    network: Mapped[str] = mapped_column(String(20))
    cursor: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ListeningItem(Base):
    """A post a stream found."""

    __tablename__ = "listening_items"
    __table_args__ = (
        UniqueConstraint("client_id", "network", "external_id"),
        Index("ix_listening_items_client_published", "client_id", "published_at", "id"),
        Index("ix_listening_items_stream", "stream_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    stream_id: Mapped[int | None] = mapped_column(
        ForeignKey("listening_streams.id", ondelete="SET NULL"), nullable=True
    )
    network: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(200), default="")
    author_handle: Mapped[str] = mapped_column(String(200), default="")
    author_followers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sentiment: Mapped[str] = mapped_column(String(8), default="neutral")
    status: Mapped[str] = mapped_column(String(14), default="new")


class ListeningAuthor(Base):
    """An author's audience as a network last told it (refreshed at most daily)."""

    __tablename__ = "listening_authors"
    __table_args__ = (UniqueConstraint("client_id", "network", "handle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    network: Mapped[str] = mapped_column(String(20))
    handle: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="")
    followers: Mapped[int] = mapped_column(Integer, default=0)
    refreshed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class CrisisAlert(Base):
    """A crisis signal that fired, and who was told."""

    __tablename__ = "crisis_alerts"
    __table_args__ = (
        # one alert per signal and hour, whichever seat saw it first (INSERT … ON CONFLICT)
        UniqueConstraint("client_id", "key"),
        Index("ix_crisis_alerts_client_at", "client_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    signal: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(String(80))  # signal:hour
    reason: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[list[str]] = mapped_column(JSONType, default=list)
    delivery: Mapped[str] = mapped_column(Text, default="")  # "sent", or why not


class CompetitorSample(Base):
    """A competitor's public numbers on one day (one row per day, whichever seat took it)."""

    __tablename__ = "competitor_samples"
    __table_args__ = (
        UniqueConstraint("client_id", "network", "handle", "day"),
        Index("ix_competitor_samples_client_day", "client_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    network: Mapped[str] = mapped_column(String(20))
    handle: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="")
    day: Mapped[dt.date] = mapped_column(Date)
    followers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    posts_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    posts_7d: Mapped[int] = mapped_column(Integer, default=0)
    engagements_7d: Mapped[int] = mapped_column(Integer, default=0)
    sampled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class CrisisEpisode(Base):
    """One crisis of a client, from its first signal until a seat says it is over or it lapses
    (no signal for :data:`app.services.listening.episodes.QUIET`). At most one is open per
    client: the partial unique index below, claimed with INSERT … ON CONFLICT DO NOTHING."""

    __tablename__ = "crisis_episodes"
    __table_args__ = (
        Index(
            "uq_crisis_episodes_open",
            "client_id",
            unique=True,
            sqlite_where=text("closed_at IS NULL"),
            postgresql_where=text("closed_at IS NULL"),
        ),
        Index("ix_crisis_episodes_client_opened", "client_id", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_signal_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # who said it was over ("" when it lapsed by itself)
    closed_by: Mapped[str] = mapped_column(String(200), default="")


class HoldingDraft(Base):
    """The holding message drafted for a client's crisis episode: one post, whichever seat
    clicked first (the claim goes in with INSERT … ON CONFLICT DO NOTHING; the other seats
    get the same post). Deleting the post frees the episode for a new draft."""

    __tablename__ = "holding_drafts"
    __table_args__ = (UniqueConstraint("episode_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    episode_id: Mapped[int] = mapped_column(ForeignKey("crisis_episodes.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), nullable=True
    )
    created: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

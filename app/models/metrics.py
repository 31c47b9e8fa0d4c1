"""Metrics aggregate: daily numbers per network account and per post, and report commentary.

One row per (account, day) and per (client, network, post, day): the connectors, the CSV
import and the demo all upsert into the same rows, so importing twice changes nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow

METRIC_SOURCES = ("connector", "csv", "demo", "manual")


class AccountMetricDay(Base):
    """One day of a network account's numbers (None: the network does not give it)."""

    __tablename__ = "metric_account_days"
    __table_args__ = (
        UniqueConstraint("account_id", "day"),
        Index("ix_metric_account_days_client_day", "client_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("network_accounts.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    followers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    impressions: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reach: Mapped[int | None] = mapped_column(Integer, nullable=True)
    engagements: Mapped[int | None] = mapped_column(Integer, nullable=True)
    clicks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    profile_visits: Mapped[int | None] = mapped_column(Integer, nullable=True)
    posts: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # a lifetime total as the network gives it (YouTube's channel views), not a day's count
    views_total: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    source: Mapped[str] = mapped_column(String(20), default="connector")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class PostMetricDay(Base):
    """One day of a published post's numbers, identified by the network's post id."""

    __tablename__ = "metric_post_days"
    __table_args__ = (
        UniqueConstraint("client_id", "network", "external_post_id", "day"),
        Index("ix_metric_post_days_client_day", "client_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    network: Mapped[str] = mapped_column(String(20))
    external_post_id: Mapped[str] = mapped_column(String(200))
    day: Mapped[dt.date] = mapped_column(Date)
    variant_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    impressions: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reactions: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comments: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shares: Mapped[int | None] = mapped_column(Integer, nullable=True)
    clicks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(20), default="connector")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportCommentary(Base):
    """The community manager's words for a client's monthly report: successes, failures."""

    __tablename__ = "report_commentaries"
    __table_args__ = (UniqueConstraint("client_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # "YYYY-MM"
    successes: Mapped[str] = mapped_column(Text, default="")
    failures: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

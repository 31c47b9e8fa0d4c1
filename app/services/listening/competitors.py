"""Competitors: their public profiles sampled once a day, and the comparison with the client.

A competitor is a listening stream of kind ``competitor`` whose query is the account's handle
on a network that shows public profiles without the competitor's consent (Mastodon, Bluesky,
X, YouTube; read with the client's own account there). Each day its followers, posts and the
engagement of its last week's posts are recorded once (``INSERT … ON CONFLICT DO NOTHING``:
two seats sampling the same day write one row). :func:`comparison` sets them beside the
client's own accounts for the Charts area and the monthly report.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import secrets
from app.connectors.errors import ConnectorError
from app.connectors.http import Http
from app.connectors.search import searcher_for
from app.db import insert_ignore
from app.models import Client, NetworkAccount, utcnow
from app.models.base import table_of
from app.models.listening import CompetitorSample, ListeningStream
from app.models.metrics import AccountMetricDay
from app.services.clients.info import find_client
from app.services.listening.streams import account_for
from app.services.listening.sync import keep_token

if TYPE_CHECKING:
    from app.db import Database

PROFILE_NETWORKS = ("mastodon", "bluesky", "x", "youtube", "facebook")
WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class SampleReport:
    network: str
    handle: str
    sampled: bool  # False: already sampled today (by this seat or another) or not found
    error: str = ""


@dataclass(frozen=True)
class CompetitorRow:
    """One line of the comparison: a competitor or the client itself (``ours``)."""

    name: str
    network: str
    handle: str
    ours: bool
    followers: int | None
    follower_change: int | None  # over the period
    posts_per_week: float | None
    engagement_per_post: float | None


def _targets(db: Database, client_id: int) -> list[tuple[str, str, str, str, str, str]]:
    """(network, handle, base_url, account uid, account handle, client uid) of each
    competitor to sample, with the client's own account on that network."""
    with db.read() as s:
        client_uid = find_client(s, client_id).uid
        out = []
        rows = s.execute(
            select(ListeningStream.network, ListeningStream.query).where(
                ListeningStream.client_id == client_id,
                ListeningStream.kind == "competitor",
                ListeningStream.network.in_(PROFILE_NETWORKS),
            )
        ).all()
        for network, handle in rows:
            account = account_for(s, client_id, network)
            if account is not None:
                out.append(
                    (network, handle, account.base_url, account.uid, account.handle, client_uid)
                )
        return out


def sample_competitors(
    db: Database,
    client_id: int,
    *,
    http: Http | None = None,
    token_of: Callable[[str, str], str | None] = secrets.account_token,
    now: dt.datetime | None = None,
) -> list[SampleReport]:
    """Today's sample of each competitor not sampled yet today (the network is called
    outside any database session)."""
    now = now or utcnow()
    today = now.date()
    reports = []
    own = http is None
    http = http or Http()
    try:
        for network, handle, base_url, account_uid, own_handle, client_uid in _targets(
            db, client_id
        ):
            with db.read() as s:
                done = s.scalar(
                    select(CompetitorSample.id).where(
                        CompetitorSample.client_id == client_id,
                        CompetitorSample.network == network,
                        CompetitorSample.handle == handle,
                        CompetitorSample.day == today,
                    )
                )
            if done is not None:
                reports.append(SampleReport(network, handle, False))
                continue
            token = token_of(client_uid, account_uid) or ""
            cls = searcher_for(network)
            if cls is None:  # PROFILE_NETWORKS are all searchable; kept for the type checker
                continue
            searcher = cls(http, base_url, token, own_handle)
            searcher.clock = now
            searcher.save_token = functools.partial(keep_token, client_uid, account_uid)
            try:
                profile = searcher.profile(handle)
            except ConnectorError as exc:
                reports.append(SampleReport(network, handle, False, exc.message))
                continue
            if profile is None:
                reports.append(SampleReport(network, handle, False, "not found"))
                continue
            week = [e for when, e in profile.recent if now - WEEK <= when <= now]
            with db.session() as s:
                written = insert_ignore(
                    s,
                    table_of(CompetitorSample),
                    [
                        {
                            "client_id": client_id,
                            "network": network,
                            "handle": handle,
                            "name": profile.name[:200],
                            "day": today,
                            "followers": profile.followers,
                            "posts_total": profile.posts_total,
                            "posts_7d": len(week),
                            "engagements_7d": sum(week),
                            "sampled_at": now,
                        }
                    ],
                )
            reports.append(SampleReport(network, handle, bool(written)))
    finally:
        if own:
            http.close()
    return reports


def comparison(
    session: Session, client_id: int, start: dt.date, end: dt.date
) -> list[CompetitorRow]:
    """Each competitor's numbers for [start, end] (inclusive days) beside the client's own
    accounts: followers at the end, their change, posts per week, engagement per post."""
    rows: list[CompetitorRow] = []
    handles = session.execute(
        select(CompetitorSample.network, CompetitorSample.handle, func.max(CompetitorSample.name))
        .where(CompetitorSample.client_id == client_id)
        .group_by(CompetitorSample.network, CompetitorSample.handle)
        .order_by(CompetitorSample.handle)
    ).all()
    for network, handle, name in handles:
        samples = session.execute(
            select(
                CompetitorSample.day,
                CompetitorSample.followers,
                CompetitorSample.posts_7d,
                CompetitorSample.engagements_7d,
            )
            .where(
                CompetitorSample.client_id == client_id,
                CompetitorSample.network == network,
                CompetitorSample.handle == handle,
                CompetitorSample.day >= start,
                CompetitorSample.day <= end,
            )
            .order_by(CompetitorSample.day)
        ).all()
        if not samples:
            continue
        first, last = samples[0], samples[-1]
        change = _change(first.followers, last.followers)
        rows.append(
            CompetitorRow(
                name or handle,
                network,
                handle,
                False,
                last.followers,
                change,
                float(last.posts_7d),
                (last.engagements_7d / last.posts_7d) if last.posts_7d else None,
            )
        )
    rows.extend(_ours(session, client_id, start, end))
    return rows


def _ours(session: Session, client_id: int, start: dt.date, end: dt.date) -> list[CompetitorRow]:
    """The client's own accounts from its daily metrics, for the same comparison."""
    out = []
    client = session.get(Client, client_id)
    accounts = session.execute(
        select(NetworkAccount.id, NetworkAccount.network, NetworkAccount.handle).where(
            NetworkAccount.client_id == client_id,
            NetworkAccount.network.in_(PROFILE_NETWORKS),
        )
    ).all()
    days = max(1, (end - start).days + 1)
    for account_id, network, handle in accounts:
        samples = session.execute(
            select(
                AccountMetricDay.day,
                AccountMetricDay.followers,
                AccountMetricDay.posts,
                AccountMetricDay.engagements,
            )
            .where(
                AccountMetricDay.account_id == account_id,
                AccountMetricDay.day >= start,
                AccountMetricDay.day <= end,
            )
            .order_by(AccountMetricDay.day)
        ).all()
        if not samples:
            continue
        first, last = samples[0], samples[-1]
        change = _change(first.followers, last.followers)
        posts = sum(r.posts or 0 for r in samples)
        engagements = sum(r.engagements or 0 for r in samples)
        out.append(
            CompetitorRow(
                client.name if client else handle,
                network,
                handle,
                True,
                last.followers,
                change,
                posts * 7 / days,
                engagements / posts if posts else None,
            )
        )
    return out


def _change(first: int | None, last: int | None) -> int | None:
    return last - first if first is not None and last is not None else None

"""Competitors' public profiles sampled once a day against local Mastodon and Bluesky
servers speaking their documented APIs, and the comparison with the client's own accounts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.models.listening import CompetitorSample
from app.models.metrics import AccountMetricDay
from app.services.clients import workspaces as clients
from app.services.listening.competitors import comparison, sample_competitors
from app.services.listening.streams import add_stream
from tests.servers.search_bluesky import BlueskySearchServer
from tests.servers.search_mastodon import MastodonSearchServer

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)


def _iso(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
def masto():
    with MastodonSearchServer(token="tok") as srv:
        srv.accounts["rival"] = {
            "display_name": "Fleurs de Lys",
            "followers_count": 1200,
            "statuses_count": 300,
            "statuses": [
                {"id": "a1", "created_at": _iso(NOW - dt.timedelta(days=1)),
                 "favourites_count": 10, "reblogs_count": 2, "replies_count": 1},
                {"id": "a2", "created_at": _iso(NOW - dt.timedelta(days=3)),
                 "favourites_count": 4, "reblogs_count": 0, "replies_count": 0},
                {"id": "a0", "created_at": _iso(NOW - dt.timedelta(days=12)),
                 "favourites_count": 99, "reblogs_count": 9, "replies_count": 9},
            ],
        }  # fmt: skip
        yield srv


def _client(db, masto_url: str) -> int:
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        clients.add_account(s, cid, "mastodon", "@aquarelle", base_url=masto_url)
        add_stream(s, cid, "competitor", "rival", "mastodon")
        add_stream(s, cid, "competitor", "ghost", "mastodon")
    return cid


def _samples(db):
    with db.read() as s:
        return s.execute(
            select(CompetitorSample.handle, CompetitorSample.day, CompetitorSample.followers,
                   CompetitorSample.posts_7d, CompetitorSample.engagements_7d)
        ).all()  # fmt: skip


def test_a_competitor_is_sampled_once_a_day_with_its_last_weeks_engagement(db, masto):
    cid = _client(db, masto.base_url)
    reports = sample_competitors(db, cid, token_of=lambda *_: "tok", now=NOW)
    assert {(r.handle, r.sampled, r.error) for r in reports} == {
        ("rival", True, ""),
        ("ghost", False, "not found"),  # an unknown handle is said, not stored
    }
    assert _samples(db) == [("rival", NOW.date(), 1200, 2, 17)]  # the 12-day-old post is out
    again = sample_competitors(db, cid, token_of=lambda *_: "tok", now=NOW + dt.timedelta(hours=2))
    assert [r.sampled for r in again if r.handle == "rival"] == [False]
    assert len(_samples(db)) == 1
    tomorrow = sample_competitors(
        db, cid, token_of=lambda *_: "tok", now=NOW + dt.timedelta(days=1)
    )
    assert [r.sampled for r in tomorrow if r.handle == "rival"] == [True]


def test_a_bluesky_competitor_through_the_clients_own_session(db):
    with BlueskySearchServer() as bsky:
        bsky.profiles["rival.bsky.social"] = {
            "did": "did:plc:rival", "handle": "rival.bsky.social", "displayName": "Rival",
            "followersCount": 800, "postsCount": 90,
        }  # fmt: skip
        bsky.author_feeds["rival.bsky.social"] = [
            {"post": {"record": {"createdAt": _iso(NOW - dt.timedelta(days=2))},
                      "likeCount": 5, "repostCount": 1, "replyCount": 0}}
        ]  # fmt: skip
        with db.session() as s:
            cid = clients.create_client(s, "Aquarelle").id
            clients.add_account(s, cid, "bluesky", "marque.bsky.social", base_url=bsky.base_url)
            add_stream(s, cid, "competitor", "rival.bsky.social", "bluesky")
        reports = sample_competitors(db, cid, token_of=lambda *_: "app-pass-1", now=NOW)
    assert [(r.sampled, r.error) for r in reports] == [(True, "")]
    assert _samples(db) == [("rival.bsky.social", NOW.date(), 800, 1, 6)]


def test_the_comparison_sets_competitors_beside_the_client(db, masto):
    cid = _client(db, masto.base_url)
    sample_competitors(db, cid, token_of=lambda *_: "tok", now=NOW - dt.timedelta(days=7))
    masto.accounts["rival"]["followers_count"] = 1260
    sample_competitors(db, cid, token_of=lambda *_: "tok", now=NOW)
    with db.session() as s:
        account = clients.list_accounts(s, cid)[0].id
        for d in range(14):
            s.add(AccountMetricDay(client_id=cid, account_id=account,
                                   day=NOW.date() - dt.timedelta(days=d), followers=500 + d,
                                   posts=1, engagements=8))  # fmt: skip
    with db.read() as s:
        rows = comparison(s, cid, NOW.date() - dt.timedelta(days=13), NOW.date())
    rival = next(r for r in rows if not r.ours)
    ours = next(r for r in rows if r.ours)
    assert (rival.name, rival.followers, rival.follower_change) == ("Fleurs de Lys", 1260, 60)
    assert rival.posts_per_week == 2 and rival.engagement_per_post == 8.5
    assert (ours.name, ours.followers, ours.follower_change) == ("Aquarelle", 500, -13)
    assert ours.posts_per_week == 7 and ours.engagement_per_post == 8

"""Competitors' Facebook Pages: their public numbers sampled once a day with the client's own
Page token, against a loopback Graph API speaking Meta's documented answers — by name, @name
or the Page's address; an unknown Page said, not stored; without "Page Public Content
Access" the followers still sampled; a Facebook stream is a competitor only."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import NetworkAccount
from app.models.listening import CompetitorSample
from app.services.clients import workspaces as clients
from app.services.listening.competitors import comparison, sample_competitors
from app.services.listening.streams import add_stream
from tests.servers.facebook_pages import FacebookPagesServer

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)


def _samples(db):
    with db.read() as s:
        return sorted(
            s.execute(
                select(CompetitorSample.handle, CompetitorSample.name, CompetitorSample.day,
                       CompetitorSample.followers, CompetitorSample.posts_7d,
                       CompetitorSample.engagements_7d)
                .where(CompetitorSample.network == "facebook")
            ).all()
        )  # fmt: skip


@pytest.fixture
def graph():
    with FacebookPagesServer(token="page-tok") as fb:
        fb.page("RivalFleurs", name="Rival Fleurs", followers=12_400, fans=11_900)
        fb.posted("RivalFleurs", NOW - dt.timedelta(days=1), reactions=40, comments=6, shares=2)
        fb.posted("RivalFleurs", NOW - dt.timedelta(days=3), reactions=10)
        fb.posted("RivalFleurs", NOW - dt.timedelta(days=12), reactions=500)  # not this week
        fb.page("FleursDuCoin", name="Fleurs du Coin", followers=800)
        yield fb


def _client(db, fb):
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        s.add(NetworkAccount(client_id=cid, network="facebook", handle="AquarelleEtPetales",
                             base_url=fb.graph_url))  # fmt: skip
        s.flush()
    return cid


def test_a_facebook_page_is_sampled_daily_from_its_public_numbers(db, graph):
    cid = _client(db, graph)
    with db.session() as s:
        add_stream(s, cid, "competitor", "@RivalFleurs", "facebook")
        add_stream(s, cid, "competitor", "https://www.facebook.com/FleursDuCoin/", "facebook")
        add_stream(s, cid, "competitor", "PageFantome", "facebook")
    reports = sample_competitors(db, cid, token_of=lambda *_: "page-tok", now=NOW)
    assert {(r.handle, r.sampled, r.error) for r in reports} == {
        ("@RivalFleurs", True, ""),
        ("https://www.facebook.com/FleursDuCoin/", True, ""),
        ("PageFantome", False, "not found"),  # Meta's 803: said, nothing stored
    }
    assert _samples(db) == [
        ("@RivalFleurs", "Rival Fleurs", NOW.date(), 12_400, 2, 58),
        ("https://www.facebook.com/FleursDuCoin/", "Fleurs du Coin", NOW.date(), 800, 0, 0),
    ]
    again = sample_competitors(db, cid, token_of=lambda *_: "page-tok", now=NOW)
    assert not any(r.sampled for r in again)  # once a day
    paths = [p for _, p, _, _ in graph.log]
    assert paths.count("/v21.0/RivalFleurs") == 1
    assert all(h.get("authorization") == "Bearer page-tok" for _, _, h, _ in graph.log)
    with db.read() as s:
        rows = {r.handle: r for r in comparison(s, cid, NOW.date(), NOW.date())}
    assert rows["@RivalFleurs"].network == "facebook"
    assert rows["@RivalFleurs"].engagement_per_post == 29


def test_without_public_content_access_the_followers_are_still_sampled(db, graph):
    graph.content_access = False
    cid = _client(db, graph)
    with db.session() as s:
        add_stream(s, cid, "competitor", "RivalFleurs", "facebook")
    reports = sample_competitors(db, cid, token_of=lambda *_: "page-tok", now=NOW)
    assert [(r.sampled, r.error) for r in reports] == [(True, "")]
    assert _samples(db) == [("RivalFleurs", "Rival Fleurs", NOW.date(), 12_400, 0, 0)]


def test_a_refused_token_is_one_line_and_nothing_is_stored(db, graph):
    cid = _client(db, graph)
    with db.session() as s:
        add_stream(s, cid, "competitor", "RivalFleurs", "facebook")
    reports = sample_competitors(db, cid, token_of=lambda *_: "stale", now=NOW)
    assert len(reports) == 1 and not reports[0].sampled
    assert reports[0].error and "\n" not in reports[0].error
    assert _samples(db) == []


def test_facebook_is_a_competitor_only_never_a_search(db, graph):
    cid = _client(db, graph)
    with db.session() as s, pytest.raises(ValidationError, match="cannot be searched"):
        add_stream(s, cid, "keyword", "bouquet", "facebook")
    with db.session() as s:
        added = add_stream(s, cid, "competitor", "RivalFleurs")  # every network it can reach
    assert [a.network for a in added] == ["facebook"]

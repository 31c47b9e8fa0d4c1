"""Competitors on X and YouTube: their public profiles sampled once a day (followers, posts,
last week's engagement) against local servers speaking the documented APIs
(``/2/users/by/username/:username?user.fields=public_metrics`` and ``/2/users/:id/tweets``;
``channels.list part=snippet,statistics`` by ``forHandle`` or ``id``, the uploads playlist and
``videos.list``), and the comparison the Charts area draws from them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.models import NetworkAccount
from app.models.listening import CompetitorSample
from app.services.clients import workspaces as clients
from app.services.listening.competitors import comparison, sample_competitors
from app.services.listening.streams import add_stream
from tests.servers.search_x_profiles import XProfilesServer
from tests.servers.youtube_search import YouTubeSearchServer

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)


def _samples(db, network):
    with db.read() as s:
        return s.execute(
            select(CompetitorSample.handle, CompetitorSample.name, CompetitorSample.day,
                   CompetitorSample.followers, CompetitorSample.posts_total,
                   CompetitorSample.posts_7d, CompetitorSample.engagements_7d)
            .where(CompetitorSample.network == network).order_by(CompetitorSample.day)
        ).all()  # fmt: skip


def test_an_x_competitor_is_sampled_daily_from_its_public_metrics(db):
    with XProfilesServer(token="x-tok") as x:
        x.profile_of("RivalFleurs", name="Rival Fleurs", followers=48_000, tweet_count=5_100)
        x.tweeted("RivalFleurs", NOW - dt.timedelta(days=1), likes=30, retweets=4, replies=2)
        x.tweeted("RivalFleurs", NOW - dt.timedelta(days=2), likes=10)
        x.tweeted("RivalFleurs", NOW - dt.timedelta(days=20), likes=900)  # not this week
        with db.session() as s:
            cid = clients.create_client(s, "Aquarelle").id
            s.add(NetworkAccount(client_id=cid, network="x", handle="aquarelle",
                                 base_url=x.base_url))  # fmt: skip
            s.flush()
            add_stream(s, cid, "competitor", "@RivalFleurs", "x")
            add_stream(s, cid, "competitor", "nobody_here", "x")
        reports = sample_competitors(db, cid, token_of=lambda *_: "x-tok", now=NOW)
        assert {(r.handle, r.sampled, r.error) for r in reports} == {
            ("@RivalFleurs", True, ""),
            ("nobody_here", False, "not found"),  # X's 200 with "errors": said, not stored
        }
        again = sample_competitors(db, cid, token_of=lambda *_: "x-tok", now=NOW)
        assert [r.sampled for r in again if r.handle == "@RivalFleurs"] == [False]
        x.profiles["rivalfleurs"]["public_metrics"]["followers_count"] = 48_900
        tomorrow = NOW + dt.timedelta(days=1)
        sample_competitors(db, cid, token_of=lambda *_: "x-tok", now=tomorrow)
        paths = [p for _, p, _, _ in x.log]
    assert _samples(db, "x") == [
        ("@RivalFleurs", "Rival Fleurs", NOW.date(), 48_000, 5_100, 2, 46),
        ("@RivalFleurs", "Rival Fleurs", tomorrow.date(), 48_900, 5_100, 2, 46),
    ]
    assert "/2/users/by/username/RivalFleurs" in paths and "/2/users/9000/tweets" in paths
    assert paths.count("/2/users/by/username/RivalFleurs") == 2  # once a day, not per call
    with db.read() as s:
        rows = comparison(s, cid, NOW.date(), tomorrow.date())
    rival = next(r for r in rows if r.network == "x")
    assert (rival.name, rival.followers, rival.follower_change) == ("Rival Fleurs", 48_900, 900)
    assert rival.posts_per_week == 2 and rival.engagement_per_post == 23


def test_a_youtube_competitor_by_handle_or_channel_id(db):
    with YouTubeSearchServer(token="yt-tok") as yt:
        yt.channel("UCrival", "Rival TV", 120_000, handle="@rivaltv", videos=340)
        yt.channel("UCother", "Autre Chaîne", 9_000, videos=12)
        # the server dates videos from T0 = 2026-11-01 08:00 UTC: 19 days before NOW ...
        days = (NOW - dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC)).total_seconds() / 60
        yt.video("Nouveau", channel="UCrival", minutes=int(days) - 60 * 24, likes=50, comments=5)
        yt.video("Ancien", channel="UCrival", minutes=0, likes=999)  # ... so out of the week
        with db.session() as s:
            cid = clients.create_client(s, "Aquarelle").id
            s.add(NetworkAccount(client_id=cid, network="youtube", handle="UCours",
                                 base_url=yt.api))  # fmt: skip
            s.flush()
            add_stream(s, cid, "competitor", "@RivalTV", "youtube")
            add_stream(s, cid, "competitor", "UCother", "youtube")
            add_stream(s, cid, "competitor", "@ghost", "youtube")
        reports = sample_competitors(db, cid, token_of=lambda *_: "yt-tok", now=NOW)
        queries = [q for _, p, _, q in yt.log if p.endswith("/channels")]
    assert {(r.handle, r.sampled, r.error) for r in reports} == {
        ("@RivalTV", True, ""),
        ("UCother", True, ""),
        ("@ghost", False, "not found"),
    }
    assert any("forHandle=%40RivalTV" in q for q in queries)
    assert any("id=UCother" in q for q in queries)
    assert sorted(_samples(db, "youtube")) == [
        ("@RivalTV", "Rival TV", NOW.date(), 120_000, 340, 1, 55),
        ("UCother", "Autre Chaîne", NOW.date(), 9_000, 12, 0, 0),
    ]
    with db.read() as s:
        rows = {r.handle: r for r in comparison(s, cid, NOW.date(), NOW.date())}
    assert rows["@RivalTV"].followers == 120_000 and rows["@RivalTV"].network == "youtube"
    assert rows["@RivalTV"].engagement_per_post == 55
    assert rows["UCother"].engagement_per_post is None  # no video this week

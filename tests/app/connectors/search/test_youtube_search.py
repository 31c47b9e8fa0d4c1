"""YouTube search as a listening source, against a local server speaking the Data API v3:
incremental by ``publishedAfter`` without duplicates, channels' subscribers as the authors'
audience, and a spent daily quota (403 quotaExceeded) waiting for the next Pacific midnight
instead of hammering. Also ``tribune listening add … --network youtube`` end to end."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from app.connectors.http import Http
from app.connectors.search.youtube import next_quota_reset
from app.models import NetworkAccount
from app.models.listening import ListeningAuthor, ListeningItem, ListeningStream
from app.services.clients import workspaces as clients
from app.services.listening.streams import add_stream
from app.services.listening.sync import sync_client
from tests.conftest import db_url_of
from tests.servers.youtube_search import YouTubeSearchServer

NOW = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)
TOKEN = "yt-token"
# what Google's OAuth leaves in the keyring for a YouTube channel (the access token is used)
SECRET = json.dumps(
    {"access_token": TOKEN, "refresh_token": "yt-refresh", "client_id": "c", "client_secret": "s"}
)


@pytest.fixture
def yt():
    with YouTubeSearchServer(token=TOKEN) as srv:
        yield srv


def _client(db, yt) -> int:
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs de Lyon").id
        s.add(NetworkAccount(client_id=cid, network="youtube", handle="UCours", base_url=yt.api))
        s.flush()
        add_stream(s, cid, "keyword", "bouquet lyon", "youtube")
    return cid


def _items(db, cid) -> list[tuple[str, str, int | None]]:
    with db.read() as s:
        rows = s.execute(
            select(ListeningItem.external_id, ListeningItem.author_handle,
                   ListeningItem.author_followers)
            .where(ListeningItem.client_id == cid).order_by(ListeningItem.external_id)
        ).all()  # fmt: skip
    return [tuple(r) for r in rows]


def _sync(db, cid, now):
    with Http() as http:
        return sync_client(db, cid, http=http, token_of=lambda *_: SECRET, now=now)


def test_youtube_search_fills_incrementally_with_the_channels_audience(db, yt):
    cid = _client(db, yt)
    yt.channel("UCstar", "Star Déco", 250_000)
    first = [yt.video(f"Mon bouquet Lyon {i}", channel="UCfan", minutes=i) for i in range(3)]
    star = yt.video("Bouquet Lyon raté, déçue", channel="UCstar", minutes=5)
    yt.video("Rien à voir", minutes=6)
    report = _sync(db, cid, NOW)
    assert [(r.network, r.added, r.error) for r in report.streams] == [("youtube", 4, "")]
    items = _items(db, cid)
    assert [i[0] for i in items] == sorted([*first, star])
    assert dict((i[0], i[2]) for i in items)[star] == 250_000  # channels.list subscriberCount
    with db.read() as s:
        cursor = s.scalar(select(ListeningStream.cursor).where(ListeningStream.client_id == cid))
        authors = dict(s.execute(select(ListeningAuthor.handle, ListeningAuthor.followers)).all())
    assert cursor["published_after"] == "2026-11-01T08:05:00Z"
    assert authors["UCstar"] == 250_000 and authors["UCfan"] == 10

    searches_before = [q for _, p, _, q in yt.log if p.endswith("/search")]
    late = yt.video("Un autre bouquet à Lyon", minutes=30)
    report = _sync(db, cid, NOW + dt.timedelta(hours=1))
    assert report.streams[0].added == 1 and report.streams[0].error == ""
    assert [i[0] for i in _items(db, cid)] == sorted([*first, star, late])
    searches = [q for _, p, _, q in yt.log if p.endswith("/search")][len(searches_before) :]
    assert "publishedAfter=2026-11-01T08%3A05%3A00Z" in searches[0]  # incremental
    assert "type=video" in searches[0] and "q=bouquet+lyon" in searches[0]
    assert all(h["authorization"] == f"Bearer {TOKEN}" for _, _, h, _ in yt.log)


def test_an_expired_access_token_is_renewed_once_and_kept(db, yt):
    cid = _client(db, yt)
    yt.video("bouquet lyon du soir")
    yt.expire_token()  # an hour later: Google refuses the access token in the keyring
    kept: list[tuple[str, str, str]] = []
    with Http() as http:
        report = sync_client(
            db, cid, http=http, token_of=lambda *_: SECRET, now=NOW,
            token_saver=lambda client, account, secret: kept.append((client, account, secret)),
        )  # fmt: skip
    assert report.streams[0].error == "" and report.streams[0].added == 1
    assert yt.renewed == 1 and len(kept) == 1
    saved = json.loads(kept[0][2])
    assert saved["access_token"] == "yt-renewed-0" and saved["refresh_token"] == "yt-refresh"
    assert "yt-renewed-0" not in repr(report)  # the token never reaches a report


def test_a_spent_quota_waits_for_the_next_pacific_midnight(db, yt):
    cid = _client(db, yt)
    yt.video("bouquet lyon du matin")
    yt.quota = 50  # less than one search (100 units)
    report = _sync(db, cid, NOW)
    assert "quota" in report.streams[0].error and report.streams[0].added == 0
    reset = next_quota_reset(NOW)
    assert reset == dt.datetime(2026, 11, 3, 8, tzinfo=dt.UTC)  # midnight PST
    with db.read() as s:
        cursor = s.scalar(select(ListeningStream.cursor).where(ListeningStream.client_id == cid))
    assert cursor["quota_until"] == reset.isoformat()
    calls = len(yt.log)
    for hours in (1, 6, 19):  # the background sync keeps running: nothing is asked today
        report = _sync(db, cid, NOW + dt.timedelta(hours=hours))
        assert report.streams[0].requests == 0 and "quota" in report.streams[0].error
    assert len(yt.log) == calls
    yt.quota = 10_000  # Google reset it at midnight Pacific time
    report = _sync(db, cid, reset + dt.timedelta(minutes=1))
    assert report.streams[0].error == "" and report.streams[0].added == 1
    with db.read() as s:
        cursor = s.scalar(select(ListeningStream.cursor).where(ListeningStream.client_id == cid))
    assert "quota_until" not in cursor


def test_quota_reset_follows_pacific_daylight_time():
    summer = dt.datetime(2026, 7, 1, 20, tzinfo=dt.UTC)  # 13:00 PDT
    assert next_quota_reset(summer) == dt.datetime(2026, 7, 2, 7, tzinfo=dt.UTC)


def test_cli_adds_a_youtube_stream_and_syncs_it(cli, db, real_keyring, yt):
    url = db_url_of(db)
    assert cli("client", "add", "Fleurs de Lyon", db_url=url).returncode == 0
    res = cli(
        "account", "add", "fleurs-de-lyon", "youtube", "--base-url", yt.api,
        "--handle", "UCours", input=SECRET + "\n", db_url=url,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    res = cli(
        "listening", "add", "fleurs-de-lyon", "--keyword", "bouquet", "--network", "youtube",
        "--json", db_url=url,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [
        {"id": 1, "kind": "keyword", "query": "bouquet", "network": "youtube"}
    ]
    yt.video("Un bouquet pour maman", channel="UCfan")
    res = cli("listening", "sync", "fleurs-de-lyon", "--json", db_url=url)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["added"] == 1
    yt.quota = 0
    yt.video("Encore un bouquet", channel="UCfan", minutes=3)
    res = cli("listening", "sync", "fleurs-de-lyon", db_url=url)
    assert res.returncode == 1
    assert res.stderr.count("\n") == 1 and "quota" in res.stderr  # one clear line
    assert "Traceback" not in res.stderr and TOKEN not in res.stdout + res.stderr

"""A comment whose time the network sends in a form nobody reads still reaches the inbox,
received at the time of the fetch (not refused for having no time, not skipped): Facebook,
Instagram and Bluesky over loopback HTTP against the local servers, through the sync into a
real database; the next sync counts it as already there and the cursor is not moved by it."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import select

from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.sync.engine import SyncReport, sync_client
from app.services.sync.sinks import real_sinks
from tests.servers.bluesky import BlueskyServer
from tests.servers.graph import IG, PAGE, GraphServer

NOW = dt.datetime(2026, 11, 23, 10, 17, 42, tzinfo=dt.UTC)
UNREADABLE = "hier soir vers 22 h"


def _sync(db, client_id: int, network: str, token: str) -> SyncReport:
    return sync_client(
        db,
        client_id,
        network=network,
        http=Http(httpx.Client(timeout=3), base_delay=0.01),
        sinks=real_sinks(),
        now=NOW,
        samples=False,
        publish=False,
        token_of=lambda cu, au: token,
    )


def _client_with(db, network: str, handle: str, base_url: str) -> int:
    with db.session() as s:
        c = clients.create_client(s, "Fleurs de Lyon")
        clients.add_account(s, c.id, network, handle, base_url=base_url)
        return c.id


def _received(db, external_id: str) -> dt.datetime:
    with db.read() as s:
        when = s.scalars(
            select(InboxMessage.received_at).where(InboxMessage.external_id == external_id)
        ).one()
    return when.astimezone(dt.UTC)


def test_facebook_comment_with_an_unreadable_time(db, time_machine):
    time_machine.move_to(NOW, tick=False)
    with GraphServer() as graph:
        cid = _client_with(db, "facebook", PAGE, graph.base_url + "/v21.0")
        graph.add_comment(1, "Livrez-vous le dimanche ?")
        graph.add_comment(2, "Merci pour le bouquet")
        graph.posts["1001_1"][0]["created_time"] = UNREADABLE
        report = _sync(db, cid, "facebook", "page-token-xyz")
        assert report.ok, report
        assert report.accounts[0].skipped == 0
        assert _received(db, "1001_1_c1") == NOW  # the fetch's time
        assert _received(db, "1001_1_c2") == dt.datetime(2026, 11, 1, 0, 2, tzinfo=dt.UTC)


def test_instagram_comment_with_an_unreadable_time(db, time_machine):
    time_machine.move_to(NOW, tick=False)
    with GraphServer() as graph:
        cid = _client_with(db, "instagram", IG, graph.base_url + "/v21.0")
        graph.ig_comments = [
            {"id": "ig_c1", "text": "Trop beau", "username": "lea", "timestamp": UNREADABLE},
            {
                "id": "ig_c2",
                "text": "Et en rouge ?",
                "username": "marc",
                "timestamp": "2026-11-02T10:00:00+0000",
            },
        ]
        first = _sync(db, cid, "instagram", "page-token-xyz")
        assert first.ok and first.accounts[0].added == 2, first
        assert _received(db, "ig_c1") == NOW
        time_machine.move_to(NOW + dt.timedelta(hours=1), tick=False)
        second = _sync(db, cid, "instagram", "page-token-xyz")
        # read again (its time says nothing of whether it is new), known, never an error;
        # the cursor stayed on the readable time, so nothing else is lost or doubled
        assert second.ok and second.accounts[0].added == 0, second
        assert second.accounts[0].duplicates == 1 and second.accounts[0].skipped == 0
        assert _received(db, "ig_c1") == NOW


def test_bluesky_mention_with_an_unreadable_time(db, time_machine):
    time_machine.move_to(NOW, tick=False)
    with BlueskyServer() as bsky:
        cid = _client_with(db, "bluesky", "marque.bsky.social", bsky.base_url)
        bsky.add_mention(1, "@marque.bsky.social vos pivoines ?")
        bsky.add_mention(2, "@marque.bsky.social livraison demain ?")
        newest = bsky.notifications[0]
        newest["record"]["createdAt"] = newest["indexedAt"] = UNREADABLE
        report = _sync(db, cid, "bluesky", "app-pass-1234")
        assert report.ok and report.accounts[0].added == 2, report
        assert _received(db, "at://did:plc:fan/app.bsky.feed.post/n2") == NOW
        assert _received(db, "at://did:plc:fan/app.bsky.feed.post/n1") == dt.datetime(
            2026, 11, 1, 0, 1, tzinfo=dt.UTC
        )

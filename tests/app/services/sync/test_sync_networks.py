"""Bluesky, Facebook, Instagram and RSS through the sync engine into the real inbox:
mentions in, a due post out once, and a second sync that asks only for what is new."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import select

from app.connectors.contract import DueVariant
from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from app.services.sync.sinks import real_sinks
from tests.servers.bluesky import BlueskyServer
from tests.servers.graph import IG, PAGE, GraphServer
from tests.servers.rss import FeedServer

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Presse</title>
<item><guid>p1</guid><title>La boulangerie Dupré primée</title><link>https://n.test/1</link>
<pubDate>Mon, 02 Nov 2026 08:00:00 +0000</pubDate></item></channel></rss>"""


class Queue:
    def __init__(self, variants):
        self.variants, self.state = variants, {}

    def due(self, session, client_id, now):
        return [v for v in self.variants if v.variant_id not in self.state]

    def sending(self, session, vid):
        if vid in self.state:
            return False
        self.state[vid] = "sending"
        return True

    def published(self, session, vid, external_id, url, at):
        self.state[vid] = external_id

    def failed(self, session, vid, reason, retryable=True):
        self.state[vid] = "failed: " + reason


def test_every_network_into_the_inbox_and_posts_out(db):
    with BlueskyServer() as bsky, GraphServer() as graph, FeedServer(FEED) as feed:
        with db.session() as s:
            c = clients.create_client(s, "Boulangeries Dupré")
            ids = {
                "bluesky": clients.add_account(
                    s, c.id, "bluesky", "marque.bsky.social", base_url=bsky.base_url
                ).id,
                "facebook": clients.add_account(
                    s, c.id, "facebook", PAGE, base_url=graph.base_url + "/v21.0"
                ).id,
                "instagram": clients.add_account(
                    s, c.id, "instagram", IG, base_url=graph.base_url + "/v21.0"
                ).id,
                "rss": clients.add_account(s, c.id, "rss", "presse", base_url=feed.base_url).id,
            }
        tokens = {
            "bluesky": "app-pass-1234",
            "facebook": "page-token-xyz",
            "instagram": "page-token-xyz",
        }
        by_uid = {}
        with db.read() as s:
            for a in clients.list_accounts(s, c.id):
                by_uid[a.uid] = tokens.get(a.network)
        bsky.add_mention(1, "@marque.bsky.social vos éclairs 😍")
        graph.add_comment(1, "Pain rassis ce matin…")
        graph.ig_comments = [
            {
                "id": "ig_c1",
                "text": "Miam",
                "username": "lea",
                "timestamp": "2026-11-02T10:00:00+0000",
            }
        ]
        queue = Queue(
            [
                DueVariant(
                    1, 1, c.id, "bluesky", ids["bluesky"], "Galette des rois 👑", NOW, "tribune-v1"
                ),
                DueVariant(
                    2,
                    1,
                    c.id,
                    "facebook",
                    ids["facebook"],
                    "Galette des rois 👑",
                    NOW,
                    "tribune-v2",
                ),
            ]
        )
        sinks = real_sinks(
            due_variants=queue.due,
            mark_sending=queue.sending,
            mark_published=queue.published,
            mark_failed=queue.failed,
        )

        def run():
            return sync_client(
                db,
                c.id,
                http=Http(httpx.Client(timeout=3), base_delay=0.01),
                sinks=sinks,
                now=NOW,
                samples=False,
                token_of=lambda cu, au: by_uid.get(au),
            )

        report = run()
        assert report.ok, report
        with db.read() as s:
            rows = s.execute(
                select(InboxMessage.network, InboxMessage.text).where(
                    InboxMessage.client_id == c.id
                )
            ).all()
        assert sorted(rows) == [
            ("bluesky", "@marque.bsky.social vos éclairs 😍"),
            ("facebook", "Bonjour, ma commande ?"),
            ("facebook", "Pain rassis ce matin…"),
            ("instagram", "Miam"),
            ("rss", "La boulangerie Dupré primée"),
        ]
        assert len(bsky.records) == 1 and graph.published[0]["message"] == "Galette des rois 👑"
        from app.services.sync.health import account_health

        with db.read() as s:
            health = {h.network: h for h in account_health(s, c.id, now=NOW)}
        assert health["facebook"].token_expires_at == dt.datetime(2027, 1, 15, tzinfo=dt.UTC)
        assert health["facebook"].expires_in_days == 52 and health["facebook"].status == "connected"
        assert queue.state[1].startswith("at://") and queue.state[2] == "1001_100"
        bsky_calls = len(bsky.requests_to("listNotifications"))
        bsky.add_mention(2, "encore !")
        report = run()
        assert {a.network: a.added for a in report.accounts} == {
            "bluesky": 1,
            "facebook": 0,
            "instagram": 0,
            "rss": 0,
        }
        assert len(bsky.requests_to("listNotifications")) == bsky_calls + 1
        assert feed.log[-1][2].get("if-none-match") == '"v1"'  # answered 304
        last_comments = [r for r in graph.log if r[1].endswith("1001_1/comments")][-1]
        assert "since=" in last_comments[3]  # only comments newer than the last sync
        assert len(bsky.records) == 1 and len(graph.published) == 1  # nothing twice

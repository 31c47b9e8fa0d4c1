"""Moderation carried out on the networks by the sync, over real HTTP on loopback:
Facebook hides, deletes and blocks; Mastodon (mastodon-mock) and Bluesky block and report;
what an API cannot do is said, not pretended; an outage leaves the action pending."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.base import NotSupported
from app.connectors.contract import ModerationToSend
from app.connectors.http import Http
from app.services.clients import workspaces as clients
from app.services.inbox import moderation
from app.services.inbox import reading as inbox
from app.services.people import actor
from app.services.sync.engine import sync_client
from tests.servers.bluesky import BlueskyServer
from tests.servers.graph import PAGE, GraphServer
from tests.servers.mastodon_mock_server import MockServer

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


def http() -> Http:
    return Http(httpx.Client(timeout=5), base_delay=0.01)


def sync(db, cid, token):
    return sync_client(db, cid, token_of=lambda cu, au: token, http=http(), now=NOW, samples=False)


def by_external_id(db, cid) -> dict[str, int]:
    with db.read() as s:
        rows = inbox.page(s, cid, inbox.InboxFilter(include_deleted=True)).rows
        return {inbox.detail(s, cid, r.id).external_id: r.id for r in rows}


def network_state(db, cid, mid) -> list[tuple[str, str, str]]:
    with db.read() as s:
        return [
            (m.action, m.network_state, m.network_message) for m in moderation.history(s, cid, mid)
        ]


def second_person(db, cid, action_id):
    previous = actor.current_actor()
    actor.set_current_actor("Nadia Chérif")
    try:
        with db.session() as s:
            moderation.approve(s, cid, action_id)
    finally:
        actor.set_current_actor(previous)


def test_facebook_hide_delete_block_then_restore_through_the_sync(db):
    with GraphServer() as graph:
        with db.session() as s:
            cid = clients.create_client(s, "Boulangeries Dupré").id
            clients.add_account(s, cid, "facebook", PAGE, base_url=graph.base_url + "/v21.0")
        graph.add_comment(1, "Bande d'abrutis")  # insult → hide
        graph.add_comment(2, "Gagnez un iPhone, cliquez ici")  # spam → delete
        graph.add_comment(3, "Propos haineux")  # hate → ban, second approval
        assert sync(db, cid, "page-token-xyz").ok
        ids = by_external_id(db, cid)
        insult, spam, hate = ids["1001_1_c1"], ids["1001_1_c2"], ids["1001_1_c3"]
        with db.session() as s:
            moderation.request(s, cid, insult, "hide", "insult")
            moderation.request(s, cid, spam, "delete", "spam")
            ban = moderation.request(s, cid, hate, "ban", "hate", note="récidive")
        second_person(db, cid, ban.id)
        assert network_state(db, cid, insult) == [("hide", "pending", "")]

        report = sync(db, cid, "page-token-xyz")
        assert report.ok and report.accounts[0].moderated == 3
        assert graph.moderation == [
            ("is_hidden", "1001_1_c1", "true"),
            ("delete", "1001_1_c2", ""),
            ("block", PAGE, "u3"),
        ]
        assert network_state(db, cid, spam) == [("delete", "done", "")]
        assert sync(db, cid, "page-token-xyz").accounts[0].moderated == 0  # never twice

        with db.session() as s:  # restored in Tribune: shown again on Facebook
            moderation.restore(s, cid, insult, "Mal compris, c'était de l'humour")
        sync(db, cid, "page-token-xyz")
        assert graph.moderation[-1] == ("is_hidden", "1001_1_c1", "false")
        assert network_state(db, cid, insult) == [("hide", "restored", "")]


def test_an_outage_leaves_the_action_pending_for_the_next_sync(db):
    with GraphServer() as graph:
        with db.session() as s:
            cid = clients.create_client(s, "Aquarelle").id
            clients.add_account(s, cid, "facebook", PAGE, base_url=graph.base_url + "/v21.0")
        graph.add_comment(1, "Bande d'abrutis")
        sync(db, cid, "page-token-xyz")
        mid = by_external_id(db, cid)["1001_1_c1"]
        with db.session() as s:
            moderation.request(s, cid, mid, "hide", "insult")
        graph.fail_next(503, path="/v21.0/1001_1_c1", times=10)
        report = sync(db, cid, "page-token-xyz")
        assert report.accounts[0].moderated == 0
        assert network_state(db, cid, mid) == [("hide", "pending", "")]
        assert [r[0] for r in graph.moderation] == []
        graph.faults.clear()
        assert sync(db, cid, "page-token-xyz").accounts[0].moderated == 1
        assert network_state(db, cid, mid) == [("hide", "done", "")]


def test_what_a_network_cannot_do_is_said_and_stays_in_tribune(db):
    with GraphServer() as graph:
        with db.session() as s:
            cid = clients.create_client(s, "Aquarelle").id
            clients.add_account(s, cid, "instagram", "17841400000000000", base_url=graph.base_url)
        c = connector_for(
            AccountRef(
                1,
                cid,
                "instagram",
                "17841400000000000",
                graph.base_url + "/v21.0",
                "page-token-xyz",
            ),
            http(),
        )
        item = ModerationToSend(1, cid, "instagram", 1, "ban", "ig_c1", "lea", "Haine")
        with pytest.raises(
            NotSupported, match="Instagram does not allow this through its API: blocking an author"
        ):
            c.moderate(item)


@pytest.fixture(scope="module")
def mastodon_server():
    with MockServer() as srv:
        yield srv


def test_mastodon_blocks_and_reports_the_author_but_cannot_hide(mastodon_server):
    srv = mastodon_server
    httpx.post(srv.base_url + "/api/v1/_mock/reset").raise_for_status()
    bob = httpx.Client(base_url=srv.base_url, headers={"Authorization": "Bearer bob_token"})
    alice = httpx.Client(base_url=srv.base_url, headers={"Authorization": "Bearer alice_token"})
    bob.post("/api/v1/statuses", json={"status": "@alice achetez mes cryptos"})
    c = connector_for(AccountRef(7, 1, "mastodon", "alice", srv.base_url, "alice_token"), http())
    (mention,) = c.fetch({}).items

    def item(action, rule="spam"):
        return ModerationToSend(
            1, 1, "mastodon", 7, action, mention.external_id, mention.author_handle,
            "Spam — liens douteux", rule,
        )  # fmt: skip

    c.moderate(item("report"))
    (filed,) = alice.get("/api/v1/admin/reports").json()
    assert filed["category"] == "spam" and filed["comment"] == "Spam — liens douteux"
    assert [s["id"] for s in filed["statuses"]] == [mention.external_id]
    c.moderate(item("ban"))
    assert [a["acct"] for a in alice.get("/api/v1/blocks").json()] == ["bob"]
    for action in ("hide", "delete"):
        with pytest.raises(NotSupported, match="Mastodon does not allow"):
            c.moderate(item(action))


def test_bluesky_blocks_and_reports_the_author():
    with BlueskyServer() as bsky:
        bsky.add_mention(1, "@marque.bsky.social contenu haineux")
        c = connector_for(
            AccountRef(1, 1, "bluesky", "marque.bsky.social", bsky.base_url, "app-pass-1234"),
            http(),
        )
        (mention,) = c.fetch({}).items
        base = dict(
            moderation_id=1, client_id=1, network="bluesky", account_id=1,
            external_id=mention.external_id, author_handle=mention.author_handle,
            reason="Propos haineux — capture faite", rule_key="hate",
        )  # fmt: skip
        c.moderate(ModerationToSend(action="report", **base))
        c.moderate(ModerationToSend(action="ban", **base))
        assert bsky.blocks == ["did:plc:fan"]
        (report,) = bsky.reports
        assert report["subject"] == {
            "$type": "com.atproto.admin.defs#repoRef",
            "did": "did:plc:fan",
        }
        assert report["reasonType"] == "com.atproto.moderation.defs#reasonViolation"
        with pytest.raises(NotSupported):
            c.moderate(ModerationToSend(action="delete", **base))

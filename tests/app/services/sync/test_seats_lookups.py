"""Recovery looks a reply up on the network before any resend, on real local servers:
Mastodon (mastodon-mock: our status answering the same status, public or direct), X (our
tweet answering the same tweet), Bluesky (a record key every seat derives alike)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.contract import ReplyToSend
from app.connectors.http import Http
from tests.servers.bluesky import BlueskyServer
from tests.servers.mastodon_mock_server import MockServer
from tests.servers.x import XServer


def _http():
    return Http(httpx.Client(timeout=5), base_delay=0.01)


def _reply(network, in_reply_to, text, key="tribune-reply-1-9", private=False):
    return ReplyToSend(9, 1, network, 1, in_reply_to, text, key, private)


@pytest.fixture
def mastodon():
    with MockServer() as srv:
        yield srv


@pytest.mark.parametrize("private", [False, True])
def test_mastodon_finds_our_answer_to_that_status_only(mastodon, private):
    with httpx.Client(
        base_url=mastodon.base_url, headers={"Authorization": "Bearer bob_token"}
    ) as bob:
        asked = bob.post("/api/v1/statuses", json={"status": "@alice une question ?"}).json()
        other = bob.post("/api/v1/statuses", json={"status": "@alice une autre ?"}).json()
    c = connector_for(
        AccountRef(7, 1, "mastodon", "alice", mastodon.base_url, "alice_token"), _http()
    )
    start = dt.datetime.now(dt.UTC)
    answer = _reply("mastodon", asked["id"], "Merci, on regarde 🌷", private=private)
    assert c.find_reply(answer, start) is None  # nothing sent yet: a recovery would send
    sent = c.reply(answer)
    found = c.find_reply(answer, start)
    assert found is not None and found.external_id == sent.external_id
    assert c.find_reply(_reply("mastodon", other["id"], "Merci, on regarde 🌷"), start) is None
    assert c.find_reply(_reply("mastodon", asked["id"], "Autre texte"), start) is None


def test_x_finds_our_public_answer_to_that_tweet_only():
    with XServer() as server:
        server.add_mention(1, "@nuagelogiciel une question ?")
        server.add_mention(2, "@nuagelogiciel une autre ?")
        c = connector_for(
            AccountRef(1, 1, "x", "nuagelogiciel", server.base_url, "x-user-token"), _http()
        )
        start = dt.datetime.now(dt.UTC)
        answer = _reply("x", "1000001", "Merci, on regarde.")
        assert c.find_reply(answer, start) is None
        sent = c.reply(answer)
        assert c.find_reply(answer, start).external_id == sent.external_id
        assert c.find_reply(_reply("x", "1000002", "Merci, on regarde."), start) is None
        assert len(server.tweets) == 1


def test_bluesky_reply_record_key_is_the_same_for_every_seat_so_it_goes_once():
    parent = "at://did:plc:fan/app.bsky.feed.post/n1"
    with BlueskyServer() as server:

        def seat():  # a fresh connector each time: another process, another login
            return connector_for(
                AccountRef(1, 1, "bluesky", "marque.bsky.social", server.base_url, "app-pass-1234"),
                _http(),
            )

        answer = _reply("bluesky", parent, "Avec plaisir !")
        since = dt.datetime.now(dt.UTC)
        assert seat().find_reply(answer, since) is None
        first = seat().reply(answer)
        assert seat().find_reply(answer, since).external_id == first.external_id
        again = seat().reply(answer)  # a resend after a crash: the same record, not a second
        assert again.external_id == first.external_id
        assert len(server.records) == 1

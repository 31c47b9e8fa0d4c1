"""The Mastodon connector against the real mastodon-mock server over loopback HTTP."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.base import AuthError, BadResponse, Rejected, Unavailable
from app.connectors.contract import DueVariant, MediaRef, ReplyToSend
from app.connectors.http import Http
from tests.servers.mastodon_mock_server import MockServer


@pytest.fixture(scope="module")
def mock_server():
    with MockServer() as srv:
        yield srv


@pytest.fixture
def mastodon(mock_server):
    # MockServer.reset()/fault() need the httpx2 package: speak to its control plane directly.
    httpx.post(mock_server.base_url + "/api/v1/_mock/reset").raise_for_status()
    httpx.delete(mock_server.base_url + "/api/v1/_mock/faults")
    return mock_server


def fault(srv, path, effect, count=None):
    rule = {"match": {"path": path}, "effect": effect, "count": count}
    httpx.post(srv.base_url + "/api/v1/_mock/faults", json=rule).raise_for_status()


def as_user(srv, token):
    return httpx.Client(base_url=srv.base_url, headers={"Authorization": f"Bearer {token}"})


def connector(srv, token="alice_token", http=None):
    http = http or Http(httpx.Client(timeout=5), base_delay=0.01)
    return connector_for(AccountRef(7, 1, "mastodon", "alice", srv.base_url, token), http)


def variant(text="Nouvelle collection 🌷", key="variant-1", media=()):
    return DueVariant(
        variant_id=1,
        post_id=1,
        client_id=1,
        network="mastodon",
        account_id=7,
        text=text,
        planned_at=dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC),
        idempotency_key=key,
        media=media,
    )


def alice_statuses(srv) -> list[dict]:
    with as_user(srv, "alice_token") as c:
        me = c.get("/api/v1/accounts/verify_credentials").json()
        return c.get(f"/api/v1/accounts/{me['id']}/statuses", params={"limit": 40}).json()


def test_mentions_and_direct_messages_as_plain_text(mastodon):
    with as_user(mastodon, "bob_token") as bob:
        bob.post("/api/v1/statuses", json={"status": "@alice Où est ma commande <b>n°42</b> ? 🌸"})
        bob.post("/api/v1/statuses", json={"status": "@alice en privé", "visibility": "direct"})
        bob.post("/api/v1/statuses", json={"status": "sans mention"})
    result = connector(mastodon).fetch({})
    texts = {i.kind: i.text for i in result.items}
    assert texts == {
        "mention": "@alice Où est ma commande <b>n°42</b> ? 🌸",
        "message": "@alice en privé",
    }
    assert all(i.author_handle == "@bob" and i.received_at.tzinfo for i in result.items)
    assert len({i.external_id for i in result.items}) == 2  # the DM is not counted twice
    assert set(result.cursor) == {"notifications", "conversations_seen"}


def test_pagination_then_incremental_fetch_asks_only_for_new(mastodon):
    with as_user(mastodon, "bob_token") as bob:
        for n in range(85):
            bob.post("/api/v1/statuses", json={"status": f"@alice message {n}"})
    c = connector(mastodon)
    first = c.fetch({})
    assert len(first.items) == 85  # two pages of notifications (limit 80, Link header)
    assert first.requests >= 3
    with as_user(mastodon, "carol_token") as carol:
        carol.post("/api/v1/statuses", json={"status": "@alice du nouveau"})
    second = c.fetch(first.cursor)
    assert [i.text for i in second.items] == ["@alice du nouveau"]
    third = c.fetch(second.cursor)
    assert third.items == ()


def test_publish_with_idempotency_key_never_posts_twice(mastodon):
    c = connector(mastodon)
    one = c.publish(variant())
    two = c.publish(variant())  # a retry after a crash sends the same key
    assert one.external_id == two.external_id
    texts = [s["content"] for s in alice_statuses(mastodon)]
    assert len(texts) == 1 and "Nouvelle collection" in texts[0]


def test_publish_with_media_and_reply(mastodon, tmp_path):
    image = tmp_path / "bouquet.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    c = connector(mastodon)
    pub = c.publish(variant(media=(MediaRef(str(image), "image/png", "x", "Un bouquet"),)))
    with as_user(mastodon, "alice_token") as alice:
        status = alice.get(f"/api/v1/statuses/{pub.external_id}").json()
    assert status["media_attachments"][0]["description"] == "Un bouquet"
    reply = c.reply(
        ReplyToSend(
            reply_id=1,
            client_id=1,
            network="mastodon",
            account_id=7,
            in_reply_to=pub.external_id,
            text="@alice merci !",
            idempotency_key="reply-1",
        )
    )
    with as_user(mastodon, "alice_token") as alice:
        got = alice.get(f"/api/v1/statuses/{reply.external_id}").json()
    assert got["in_reply_to_id"] == pub.external_id


def test_instance_character_limit_refuses_before_sending(mastodon):
    c = connector(mastodon)
    assert c.check().char_limit == 500
    with pytest.raises(Rejected) as err:
        c.publish(variant(text="x" * 501))
    assert "500" in err.value.message
    assert alice_statuses(mastodon) == []


def test_expired_token_is_auth_error(mastodon):
    with pytest.raises(AuthError):
        connector(mastodon, token="revoked").fetch({})


def test_5xx_fault_is_retried_and_503_forever_is_unavailable(mastodon):
    fault(mastodon, "/api/v1/notifications", {"type": "status", "status": 503}, count=1)
    assert connector(mastodon).fetch({}).items == ()
    fault(mastodon, "/api/v1/notifications", {"type": "status", "status": 500})
    with pytest.raises(Unavailable):
        connector(mastodon, http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1)).fetch(
            {}
        )


def test_malformed_json_is_reported(mastodon):
    fault(mastodon, "/api/v1/notifications", {"type": "malformed"}, count=1)
    with pytest.raises(BadResponse):
        connector(mastodon).fetch({})


def test_find_published_matches_our_own_recent_status_only(mastodon):
    c = connector(mastodon)
    start = dt.datetime.now(dt.UTC)
    sent = c.publish(variant(text="Soldes d’hiver — « tout » à -30 % 🎉", key="k-1"))
    with as_user(mastodon, "bob_token") as bob:  # someone else's status with the same words
        bob.post("/api/v1/statuses", json={"status": "Autre chose"}).raise_for_status()
    found = c.find_published(variant(text="Soldes d’hiver — « tout » à -30 % 🎉", key="k-2"), start)
    assert found is not None and found.external_id == sent.external_id
    assert c.find_published(variant(text="Soldes d’hiver", key="k-3"), start) is None
    later = start + dt.timedelta(hours=2)  # sent before this attempt began: not ours to reuse
    assert c.find_published(variant(text="Soldes d’hiver — « tout » à -30 % 🎉"), later) is None

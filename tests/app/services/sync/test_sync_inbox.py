"""End to end with the real inbox and metrics services: mentions in, replies out, numbers."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox.replies import create_reply
from app.services.sync.engine import sync_client
from tests.servers.mastodon_mock_server import MockServer


@pytest.fixture(scope="module")
def mastodon_server():
    with MockServer() as srv:
        yield srv


@pytest.fixture
def mastodon(mastodon_server):
    httpx.post(mastodon_server.base_url + "/api/v1/_mock/reset").raise_for_status()
    return mastodon_server


def sync(db, cid):
    return sync_client(
        db,
        cid,
        http=Http(httpx.Client(timeout=5), base_delay=0.01),
        token_of=lambda cu, au: "alice_token",
    )


def test_mentions_land_in_the_inbox_and_a_reply_goes_out_once(db, mastodon):
    with db.session() as s:
        c = clients.create_client(s, "Boulangerie Dupré")
        clients.add_account(s, c.id, "mastodon", "alice", base_url=mastodon.base_url)
    bob = {"Authorization": "Bearer bob_token"}
    httpx.post(
        mastodon.base_url + "/api/v1/statuses",
        headers=bob,
        json={"status": "@alice Vos croissants sont <i>froids</i> 😡"},
    ).raise_for_status()
    report = sync(db, c.id)
    assert report.ok, report
    assert report.accounts[0].added == 1
    with db.read() as s:
        msg = s.scalars(select(InboxMessage).where(InboxMessage.client_id == c.id)).one()
        assert msg.text == "@alice Vos croissants sont <i>froids</i> 😡"
        assert msg.kind == "mention" and msg.author_handle == "@bob"
        msg_id, msg_external = msg.id, msg.external_id
    again = sync(db, c.id)
    assert again.accounts[0].fetched == 0  # only what is new was asked for
    with db.session() as s:
        reply_id = create_reply(s, c.id, msg_id, "@bob Désolés ! On vous en offre deux.")
    report = sync(db, c.id)
    assert report.accounts[0].replies == 1
    with db.read() as s:
        reply = s.get(InboxMessage, reply_id)
        assert reply.reply_state == "sent" and reply.external_id.isdigit()
        status = httpx.get(
            f"{mastodon.base_url}/api/v1/statuses/{reply.external_id}", headers=bob
        ).json()
        assert status["in_reply_to_id"] == msg_external
        # the reply is not fetched back as a new message, and nothing went twice
        assert s.scalar(select(func.count()).select_from(InboxMessage)) == 2
    assert sync(db, c.id).accounts[0].replies == 0
    from app.models.metrics import AccountMetricDay

    with db.read() as s:  # the account's numbers, once a day, into the metrics
        days = s.scalars(select(AccountMetricDay).where(AccountMetricDay.client_id == c.id)).all()
        assert len(days) == 1 and days[0].followers == 0


@pytest.mark.keyring
def test_reconnect_stores_the_new_token_and_keeps_history(db, mastodon, real_keyring):
    from app import secrets
    from app.services.sync.health import account_health, reconnect_account

    with db.session() as s:
        c = clients.create_client(s, "Nuage Logiciel")
        acc = clients.add_account(s, c.id, "mastodon", "alice", base_url=mastodon.base_url)
    report = sync_client(
        db,
        c.id,
        http=Http(httpx.Client(timeout=5), base_delay=0.01),
        token_of=lambda cu, au: "expired",
    )
    assert report.accounts[0].outcome == "auth"
    health = reconnect_account(db, c.id, acc.id, "alice_token", http=Http(httpx.Client(timeout=5)))
    assert health.status == "connected" and health.label == "Connected"
    assert secrets.account_token(c.uid, acc.uid) == "alice_token"
    report = sync_client(db, c.id, http=Http(httpx.Client(timeout=5), base_delay=0.01))
    assert report.ok
    with db.read() as s:
        assert account_health(s, c.id)[0].account_id == acc.id  # same row, same history

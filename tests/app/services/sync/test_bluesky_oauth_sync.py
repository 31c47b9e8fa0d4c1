"""A Bluesky account connected with OAuth through the sync engine: mentions into the real
inbox, a due post out once, an answer to a mention, and an expired access renewed on the way
with the rotated tokens back in the real keyring — every PDS call DPoP-bound."""

from __future__ import annotations

import datetime as dt
import json

import httpx
from sqlalchemy import select

from app import secrets
from app.connectors.base import AccountRef
from app.connectors.bluesky import BlueskyConnector
from app.connectors.contract import DueVariant, ReplyToSend
from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.clients.connect import connect_account
from app.services.sync.engine import sync_client
from app.services.sync.sinks import real_sinks
from tests.app.services.sync.test_sync_networks import Queue
from tests.servers.bluesky import DID
from tests.servers.bluesky_oauth import AtprotoAuthServer, AtprotoBrowser, OAuthPds
from tests.servers.business import IdentityServer

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
HANDLE = "marque.example"


def test_sync_publishes_fetches_answers_and_renews_with_an_oauth_account(db, real_keyring):
    with (
        AtprotoAuthServer() as auth,
        OAuthPds(auth, handle=HANDLE) as pds,
        IdentityServer() as ident,
    ):
        ident.add(HANDLE, DID, pds.base_url)
        with db.session() as s:
            c = clients.create_client(s, "Boulangeries Dupré")
        info = connect_account(
            db,
            c.id,
            "bluesky",
            base_url="",
            open_browser=AtprotoBrowser(),
            handle=HANDLE,
            resolver=ident.base_url,
            plc=ident.base_url,
            http=Http(retries=0),
            timeout=10,
        )
        pds.add_mention(1, "@marque.example vos éclairs 😍")
        queue = Queue([DueVariant(1, 1, c.id, "bluesky", info.id, "Galette 👑", NOW, "tv-1")])
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
                http=Http(httpx.Client(timeout=5), base_delay=0.01),
                sinks=sinks,
                now=NOW,
                samples=False,
            )

        report = run()
        assert report.ok, report
        with db.read() as s:
            texts = s.scalars(select(InboxMessage.text).where(InboxMessage.client_id == c.id)).all()
        assert texts == ["@marque.example vos éclairs 😍"]
        assert [r["text"] for r in pds.records.values()] == ["Galette 👑"]
        assert queue.state[1].startswith(f"at://{DID}/")
        assert not pds.requests_to("createSession")
        # the access expires: the next sync renews it, stays connected, keeps the new tokens
        before = json.loads(secrets.account_token(c.uid, info.uid))
        auth.expire_all()
        pds.add_mention(2, "encore !")
        report = run()
        assert report.ok, report
        assert {a.network: a.added for a in report.accounts} == {"bluesky": 1}
        after = json.loads(secrets.account_token(c.uid, info.uid))
        assert auth.renewals == 1 and after["refresh_token"] != before["refresh_token"]
        assert after["access_token"] in auth.tokens
        assert len(pds.records) == 1  # the post went out once
        # an answer to the mention, DPoP-bound too
        with Http(retries=0) as http:
            ref = AccountRef(info.id, c.id, "bluesky", HANDLE, pds.base_url, json.dumps(after))
            answer = BlueskyConnector(ref, http).reply(
                ReplyToSend(
                    1,
                    c.id,
                    "bluesky",
                    info.id,
                    "at://did:plc:fan/app.bsky.feed.post/n1",
                    "Merci ! 🥐",
                    "reply-1",
                )
            )
        assert answer.external_id.startswith(f"at://{DID}/app.bsky.feed.post/")
        reply = [r for r in pds.records.values() if r["text"] == "Merci ! 🥐"]
        assert reply and reply[0]["reply"]["parent"]["uri"].endswith("/n1")


def test_the_health_check_renews_an_oauth_account_and_a_dead_refresh_asks_to_reconnect(
    sqlite_db, real_keyring
):
    from app.services.sync.health import check_account
    from tests.servers.bluesky_oauth import atproto_servers, connect_with_oauth

    with atproto_servers() as (auth, _pds, ident):
        with sqlite_db.session() as s:
            c = clients.create_client(s, "Aquarelle")
        info = connect_with_oauth(sqlite_db, c, ident, AtprotoBrowser())
        auth.expire_all()
        health = check_account(sqlite_db, c.id, info.id, http=Http(retries=0))
        assert health.status == "connected"
        assert auth.renewals == 1
        kept = json.loads(secrets.account_token(c.uid, info.uid))
        assert kept["access_token"] in auth.tokens
        # the server forgets every refresh token (revoked): one sentence, reconnect needed
        auth.expire_all()
        auth.refresh.clear()
        health = check_account(sqlite_db, c.id, info.id, http=Http(retries=0))
        assert health.status == "reconnect_needed"
        assert "reconnect the account" in health.reason

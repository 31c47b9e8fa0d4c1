"""A Bluesky account connected with OAuth at work: DPoP-bound calls (publish, fetch, listening),
the PDS's nonces, renewals with single-use refresh tokens kept in the real keyring, and two
seat processes renewing at the same moment without a false disconnection."""

from __future__ import annotations

import json

import pytest

from app import secrets
from app.connectors.base import AccountRef, AuthError
from app.connectors.bluesky import BlueskyConnector
from app.connectors.http import Http
from app.services.clients import workspaces as clients
from tests.harness import popen as forked
from tests.servers.bluesky import DID
from tests.servers.bluesky_oauth import (
    HANDLE,
    AtprotoBrowser,
    accounts_of,
    atproto_servers,
    connect_with_oauth,
)

_connect, _accounts = connect_with_oauth, accounts_of


@pytest.fixture
def client(sqlite_db):
    with sqlite_db.session() as s:
        return clients.create_client(s, "Aquarelle")


@pytest.fixture
def servers():
    with atproto_servers() as found:
        yield found


def _oauth_account(real_keyring, sqlite_db, client, servers):
    _auth, _pds, ident = servers
    info = _connect(sqlite_db, client, ident, AtprotoBrowser())
    return info, secrets.account_token(client.uid, info.uid)


def test_publishes_and_fetches_with_dpop_bound_calls(real_keyring, sqlite_db, client, servers):
    import datetime as dt

    from app.connectors.contract import DueVariant

    _auth, pds, _ident = servers
    _info, secret = _oauth_account(real_keyring, sqlite_db, client, servers)
    pds.add_mention(1, "@marque.example bonjour")
    with Http(retries=0) as http:
        connector = BlueskyConnector(
            AccountRef(1, client.id, "bluesky", HANDLE, pds.base_url, secret), http
        )
        assert connector.check().display_name == "La Marque"
        result = connector.fetch({})
        assert [m.text for m in result.items] == ["@marque.example bonjour"]
        when = dt.datetime(2026, 12, 5, 10, tzinfo=dt.UTC)
        variant = DueVariant(
            variant_id=1,
            post_id=1,
            client_id=client.id,
            account_id=1,
            network="bluesky",
            text="Nouveau bouquet",
            planned_at=when,
            idempotency_key="k-1",
        )
        published = connector.publish(variant)
    assert published.external_id.startswith(f"at://{DID}/app.bsky.feed.post/")
    assert [r["text"] for r in pds.records.values()] == ["Nouveau bouquet"]
    assert not pds.requests_to("createSession")  # no app-password session
    assert pds.dpop_calls >= 4


def _seat_ref(client_uid, account_uid, base_url, *, keep=True):
    token = secrets.account_token(client_uid, account_uid) or ""
    return AccountRef(
        1,
        1,
        "bluesky",
        HANDLE,
        base_url,
        token,
        save_token=(lambda t: secrets.store_account_token(client_uid, account_uid, t))
        if keep
        else None,
        load_token=lambda: secrets.account_token(client_uid, account_uid),
    )


def test_an_expired_access_renews_itself_and_the_keyring_keeps_the_rotated_tokens(
    real_keyring, sqlite_db, client, servers
):
    auth, pds, _ident = servers
    info, secret = _oauth_account(real_keyring, sqlite_db, client, servers)
    auth.expire_all()
    with Http(retries=0) as http:
        connector = BlueskyConnector(_seat_ref(client.uid, info.uid, pds.base_url), http)
        assert connector.check().display_name == "La Marque"
    renewed = json.loads(secrets.account_token(client.uid, info.uid))
    before = json.loads(secret)
    assert auth.renewals == 1
    assert renewed["refresh_token"] != before["refresh_token"]
    assert renewed["access_token"] in auth.tokens
    assert renewed["dpop_key"] == before["dpop_key"]  # the same key: the tokens are bound to it
    # the used refresh token is dead: without the keyring's new one, renewing again fails
    auth.expire_all()
    stale = AccountRef(1, 1, "bluesky", HANDLE, pds.base_url, secret)
    with Http(retries=0) as http, pytest.raises(AuthError, match="reconnect the account"):
        BlueskyConnector(stale, http).check()


SEAT = """
import sys
from app import secrets
from app.connectors.base import AccountRef, ConnectorError
from app.connectors.bluesky import BlueskyConnector
from app.connectors.http import Http

cuid, auid, base = sys.argv[1:4]
ref = AccountRef(
    1, 1, "bluesky", "marque.example", base, secrets.account_token(cuid, auid),
    save_token=lambda t: secrets.store_account_token(cuid, auid, t),
    load_token=lambda: secrets.account_token(cuid, auid),
)
try:
    with Http(retries=0) as http:
        print(BlueskyConnector(ref, http).check().display_name)
except ConnectorError as exc:
    print("refused:", exc)
"""


def test_two_seats_renewing_at_once_both_stay_connected(real_keyring, sqlite_db, client, servers):
    """Two processes (seats) find the access expired at the same moment; the refresh token is
    single-use: one renews, the other reads the winner's tokens from the keyring."""
    import subprocess
    import sys

    auth, pds, _ident = servers
    info, _secret = _oauth_account(real_keyring, sqlite_db, client, servers)
    auth.expire_all()
    auth.refresh_delay = 1.0  # both seats' renewals are in flight together
    seats = [
        forked.popen(
            [sys.executable, "-c", SEAT, client.uid, info.uid, pds.base_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [seat.communicate(timeout=60) for seat in seats]
    assert [out.strip() for out, _err in outputs] == ["La Marque", "La Marque"], outputs
    assert auth.renewals == 1 and auth.refused_refreshes == 1
    final = json.loads(secrets.account_token(client.uid, info.uid))
    assert final["access_token"] in auth.tokens


def test_a_new_nonce_from_the_pds_is_used_once_and_a_stubborn_one_is_refused(
    real_keyring, sqlite_db, client, servers
):
    auth, pds, _ident = servers
    _info, secret = _oauth_account(real_keyring, sqlite_db, client, servers)
    with Http(retries=0) as http:
        connector = BlueskyConnector(
            AccountRef(1, client.id, "bluesky", HANDLE, pds.base_url, secret), http
        )
        connector.check()
        pds.nonce = "p-rotated"  # the PDS moves on to a new nonce
        refused = len([r for r in pds.log if r[1].endswith("getProfile")])
        assert connector.check().display_name == "La Marque"
        calls = [r for r in pds.log if r[1].endswith("getProfile")][refused:]
        assert len(calls) == 2  # asked, told the new nonce, asked again with it
        assert auth.renewals == 0  # a nonce is not an expired access
        # a PDS that wants yet another nonce each time: refused, no endless loop
        pds.fail_next(
            401,
            path="getProfile",
            headers={"WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": "again"},
            times=10,
        )
        with pytest.raises(AuthError):
            connector.check()
    assert pds.faults[0]["times"] == 8  # asked twice, then given up
    assert auth.renewals == 0  # the refresh token was not spent on it


def test_one_connector_renews_then_keeps_its_renewed_tokens(
    real_keyring, sqlite_db, client, servers
):
    auth, pds, _ident = servers
    info, _secret = _oauth_account(real_keyring, sqlite_db, client, servers)
    with Http(retries=0) as http:
        connector = BlueskyConnector(_seat_ref(client.uid, info.uid, pds.base_url), http)
        auth.expire_all()
        connector.check()
        auth.expire_all()
        assert connector.check().display_name == "La Marque"  # renewed again, not reloaded
    assert auth.renewals == 2 and auth.refused_refreshes == 0


def test_listening_searches_with_the_oauth_account(real_keyring, sqlite_db, client, servers):
    from app.connectors.search.bluesky import BlueskySearch
    from tests.servers.bluesky_oauth import OAuthSearchPds

    auth, _pds, _ident = servers
    _info, secret = _oauth_account(real_keyring, sqlite_db, client, servers)
    with OAuthSearchPds(auth) as search, Http(retries=0) as http:
        search.post("Les éclairs de la marque", handle="fan.bsky.social", followers=42)
        searcher = BlueskySearch(http, search.base_url, secret, HANDLE)
        found = searcher.search("keyword", "éclairs", {})
        assert [f.text for f in found.items] == ["Les éclairs de la marque"]
        assert searcher.followers(["fan.bsky.social"]) == {"fan.bsky.social": ("Fan", 42)}
        assert search.dpop_calls == 2 and not search.requests_to("createSession")


def test_a_proof_re_sent_after_a_503_is_signed_again(real_keyring, sqlite_db, client, servers):
    """The PDS saw the proof, then failed; the HTTP layer's retry re-sends the same proof,
    which the PDS refuses as a replay: the call is signed afresh once and goes through."""
    auth, pds, _ident = servers
    _info, secret = _oauth_account(real_keyring, sqlite_db, client, servers)
    with Http(retries=1, base_delay=0.01) as http:
        connector = BlueskyConnector(
            AccountRef(1, client.id, "bluesky", HANDLE, pds.base_url, secret), http
        )
        connector.check()
        pds.unavailable_after_proof = 1
        assert connector.check().display_name == "La Marque"
    assert auth.renewals == 0

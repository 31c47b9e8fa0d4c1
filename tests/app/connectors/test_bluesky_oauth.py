"""Connecting Bluesky with the AT Protocol's OAuth profile, end to end over loopback HTTP:
handle → DID → PDS → its authorisation server, PAR + PKCE + DPoP, the test playing the browser;
the tokens and the DPoP key end in the real Secret Service, and a failure changes nothing."""

from __future__ import annotations

import json

import pytest

from app import secrets
from app.connectors.bluesky_oauth import NoOAuth, localhost_client_id
from app.connectors.oauth_flow import AuthorizationError
from app.services.clients import workspaces as clients
from app.services.people import agency
from tests.servers.bluesky import DID, BlueskyServer
from tests.servers.bluesky_oauth import (
    HANDLE,
    AtprotoBrowser,
    accounts_of,
    atproto_servers,
    connect_with_oauth,
)
from tests.servers.business import IdentityServer

_connect, _accounts = connect_with_oauth, accounts_of


@pytest.fixture
def client(sqlite_db):
    with sqlite_db.session() as s:
        return clients.create_client(s, "Aquarelle")


@pytest.fixture
def servers():
    with atproto_servers() as found:
        yield found


def test_connected_in_the_browser_with_dpop_tokens_in_the_keyring(
    real_keyring, sqlite_db, client, servers
):
    auth, pds, ident = servers
    browser = AtprotoBrowser()
    info = _connect(sqlite_db, client, ident, browser)
    assert (info.network, info.handle, info.base_url) == ("bluesky", HANDLE, pds.base_url)
    # the PAR carried PKCE, the state, the handle as login hint, atproto's scope, the
    # localhost development client (no agency client metadata set)
    (par,) = auth.par_forms  # the first PAR, without a nonce, was refused and asked again
    assert par["login_hint"] == HANDLE
    assert par["scope"] == "atproto transition:generic"
    assert par["code_challenge_method"] == "S256"
    assert par["client_id"] == localhost_client_id()
    assert par["redirect_uri"].startswith("http://127.0.0.1:")
    assert f"for {HANDLE}" in browser.pages[0]
    assert len(auth.requests_to("/oauth/par")) == 2  # use_dpop_nonce, then with the nonce
    stored = json.loads(secrets.account_token(client.uid, info.uid))
    assert stored["oauth"] == "atproto" and stored["did"] == DID
    assert stored["access_token"] in auth.tokens
    assert stored["dpop_key"]["d"]  # the private key: only in the keyring
    assert stored["issuer"] == auth.issuer
    raw = sqlite_db.sqlite_path.read_bytes()
    for value in (stored["access_token"], stored["refresh_token"], stored["dpop_key"]["d"]):
        assert raw.find(value.encode()) == -1
    # a second connection makes a fresh DPoP key
    with sqlite_db.session() as s:
        other = clients.create_client(s, "Autre")
    again = _connect(sqlite_db, other, ident, AtprotoBrowser())
    second = json.loads(secrets.account_token(other.uid, again.uid))
    assert second["dpop_key"] != stored["dpop_key"]


def test_the_agency_client_metadata_address_is_the_client_id(
    real_keyring, sqlite_db, client, servers
):
    auth, _pds, ident = servers
    with sqlite_db.session() as s:
        agency.set_app_id(s, "bluesky", "https://agence.example/tribune.json")
    _connect(sqlite_db, client, ident, AtprotoBrowser())
    assert auth.par_forms[-1]["client_id"] == "https://agence.example/tribune.json"


@pytest.mark.parametrize(
    ("browser", "reason"),
    [
        (AtprotoBrowser(tamper_state=True), "did not belong to this connection"),
        (AtprotoBrowser(approve=False), "refused on the network's page"),
        (lambda url: None, "did not come back to Tribune in time"),
    ],
    ids=["wrong-state", "denied", "timeout"],
)
def test_failures_change_nothing(real_keyring, sqlite_db, client, servers, browser, reason):
    auth, _pds, ident = servers
    with pytest.raises(AuthorizationError, match=reason):
        _connect(sqlite_db, client, ident, browser, timeout=1)
    assert _accounts(sqlite_db, client.id) == []
    assert not auth.requests_to("/oauth/token")  # no code was ever exchanged
    assert not auth.tokens


def test_a_replayed_code_is_refused(real_keyring, sqlite_db, client, servers):
    _auth, _pds, ident = servers
    first = AtprotoBrowser()
    _connect(sqlite_db, client, ident, first)
    with sqlite_db.session() as s:
        other = clients.create_client(s, "Autre")
    with pytest.raises(AuthorizationError, match="refused the authorisation code"):
        _connect(sqlite_db, other, ident, AtprotoBrowser(code=first.last_code))
    assert _accounts(sqlite_db, other.id) == []


def test_a_token_for_another_did_is_refused(real_keyring, sqlite_db, client, servers):
    auth, _pds, ident = servers
    auth.sub_override = "did:plc:someoneelse"
    with pytest.raises(AuthorizationError, match=r"another account than marque\.example"):
        _connect(sqlite_db, client, ident, AtprotoBrowser())
    assert _accounts(sqlite_db, client.id) == []


def test_a_server_without_oauth_keeps_the_app_password(real_keyring, sqlite_db, client):
    with BlueskyServer(handle=HANDLE) as pds, IdentityServer() as ident:
        ident.add(HANDLE, DID, pds.base_url)
        with pytest.raises(NoOAuth, match="app password"):
            _connect(sqlite_db, client, ident, lambda url: pytest.fail("no browser"))
        info = _connect(sqlite_db, client, ident, print, password="app-pass-1234")
    assert secrets.account_token(client.uid, info.uid) == "app-pass-1234"


def test_another_issuer_in_the_metadata_or_the_redirect_is_refused(
    real_keyring, sqlite_db, client, servers
):
    auth, _pds, ident = servers
    with pytest.raises(AuthorizationError, match="describes itself wrongly"):
        auth.claimed_issuer = "https://evil.example"
        _connect(sqlite_db, client, ident, lambda url: pytest.fail("no browser"))
    auth.claimed_issuer = ""
    with pytest.raises(AuthorizationError, match="another server than"):
        _connect(sqlite_db, client, ident, AtprotoBrowser(iss="https://evil.example"))
    assert _accounts(sqlite_db, client.id) == [] and not auth.tokens


def test_bearer_tokens_instead_of_dpop_bound_ones_are_refused(
    real_keyring, sqlite_db, client, servers, monkeypatch
):
    auth, _pds, ident = servers
    issue = auth._issue
    monkeypatch.setattr(
        auth, "_issue", lambda jkt, sub: {**issue(jkt, sub), "token_type": "Bearer"}
    )
    with pytest.raises(AuthorizationError, match="not those Tribune asked for"):
        _connect(sqlite_db, client, ident, AtprotoBrowser())
    assert _accounts(sqlite_db, client.id) == []

"""Bluesky with the AT Protocol's OAuth profile, end to end over loopback HTTP: handle → DID →
PDS → its authorisation server, PAR + PKCE + DPoP, the test playing the browser; the tokens and
the DPoP key end in the real Secret Service, and a failure changes nothing."""

from __future__ import annotations

import json

import pytest

from app import secrets
from app.connectors.base import AccountRef, AuthError
from app.connectors.bluesky import BlueskyConnector
from app.connectors.bluesky_oauth import NoOAuth, localhost_client_id
from app.connectors.http import Http
from app.connectors.oauth_flow import AuthorizationError
from app.services.clients import workspaces as clients
from app.services.clients.connect import connect_account
from app.services.people import agency
from tests.servers.bluesky import DID, BlueskyServer
from tests.servers.bluesky_oauth import AtprotoAuthServer, AtprotoBrowser, OAuthPds
from tests.servers.business import IdentityServer

HANDLE = "marque.example"


@pytest.fixture
def client(sqlite_db):
    with sqlite_db.session() as s:
        return clients.create_client(s, "Aquarelle")


@pytest.fixture
def servers():
    with (
        AtprotoAuthServer() as auth,
        OAuthPds(auth, handle=HANDLE) as pds,
        IdentityServer() as ident,
    ):
        ident.add(HANDLE, DID, pds.base_url)
        yield auth, pds, ident


def _connect(db, client, ident, browser, **kw):
    return connect_account(
        db,
        client.id,
        "bluesky",
        base_url="",
        open_browser=browser,
        handle=HANDLE,
        resolver=ident.base_url,
        plc=ident.base_url,
        http=Http(retries=0),
        timeout=kw.pop("timeout", 10),
        **kw,
    )


def _accounts(db, cid):
    with db.read() as s:
        return clients.list_accounts(s, cid)


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


# -- the connector with an OAuth account ----------------------------------------------------
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
        subprocess.Popen(
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


# -- the command line ------------------------------------------------------------------------
def _cli(sqlite_db, tribune_home, *args, **kw):
    import os
    import subprocess

    from tests.conftest import db_url_of, tribune_exe

    env = {**os.environ, "TRIBUNE_HOME": str(tribune_home)}
    command = [tribune_exe(), "--db", db_url_of(sqlite_db), *args]
    if kw.pop("popen", False):
        return subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, **kw)


def test_cli_connects_with_oauth_without_a_browser(
    real_keyring, sqlite_db, client, servers, tribune_home
):
    auth, pds, ident = servers
    places = ["--resolver", ident.base_url, "--plc", ident.base_url]
    proc = _cli(
        sqlite_db,
        tribune_home,
        "account",
        "connect",
        client.slug,
        "bluesky",
        "--handle",
        HANDLE,
        *places,
        "--no-browser",
        "--json",
        popen=True,
    )
    url = ""
    while not url.startswith("http"):
        url = proc.stderr.readline().strip()
        assert url or proc.poll() is None, proc.stderr.read()
    AtprotoBrowser()(url)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    data = json.loads(out)
    try:
        assert (data["handle"], data["base_url"]) == (HANDLE, pds.base_url)
        stored = json.loads(secrets.account_token(client.uid, data["uid"]))
        assert stored["access_token"] in auth.tokens and stored["did"] == DID
    finally:
        secrets.delete_account_token(client.uid, data["uid"])  # written by the child
    # a denied consent: one line on stderr, exit 1, nothing added
    proc = _cli(
        sqlite_db,
        tribune_home,
        "account",
        "connect",
        client.slug,
        "bluesky",
        "--handle",
        HANDLE,
        *places,
        "--no-browser",
        popen=True,
    )
    url = ""
    while not url.startswith("http"):
        url = proc.stderr.readline().strip()
    AtprotoBrowser(approve=False)(url)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and err.count("\n") == 1, err
    assert "refused" in err and "Traceback" not in err
    assert len(_accounts(sqlite_db, client.id)) == 1


def test_cli_falls_back_to_the_app_password_where_there_is_no_oauth(
    real_keyring, sqlite_db, client, tribune_home
):
    with BlueskyServer(handle=HANDLE) as pds, IdentityServer() as ident:
        ident.add(HANDLE, DID, pds.base_url)
        args = ["account", "connect", client.slug, "bluesky", "--handle", HANDLE, "--json"]
        args += ["--resolver", ident.base_url, "--plc", ident.base_url]
        done = _cli(sqlite_db, tribune_home, *args, input="app-pass-1234\n")
        assert done.returncode == 0, done.stderr
        assert "does not offer OAuth" in done.stderr
        data = json.loads(done.stdout)
        try:
            assert secrets.account_token(client.uid, data["uid"]) == "app-pass-1234"
        finally:
            secrets.delete_account_token(client.uid, data["uid"])
        # no password on stdin: one line, exit 1
        done = _cli(sqlite_db, tribune_home, *args, input="")
        assert done.returncode == 1 and done.stderr.strip().endswith(
            "No app password on standard input."
        ), done.stderr


def test_cli_prints_the_client_metadata_the_agency_hosts(sqlite_db, tribune_home):
    address = "https://agence.example/tribune-bluesky.json"
    done = _cli(sqlite_db, tribune_home, "account", "app", "bluesky", "--app-id", address)
    assert done.returncode == 0, done.stderr
    with sqlite_db.read() as s:
        assert agency.app_ids(s)["bluesky"] == address
    done = _cli(sqlite_db, tribune_home, "account", "bluesky-metadata")
    assert done.returncode == 0, done.stderr
    metadata = json.loads(done.stdout)
    assert metadata["client_id"] == address
    assert metadata["dpop_bound_access_tokens"] is True
    assert metadata["redirect_uris"] == ["http://127.0.0.1/callback"]
    assert metadata["scope"] == "atproto transition:generic"
    bad = _cli(sqlite_db, tribune_home, "account", "app", "bluesky", "--app-id", "http://x.fr")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "https" in bad.stderr


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

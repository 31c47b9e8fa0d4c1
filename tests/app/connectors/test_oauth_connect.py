"""Connecting an account in the browser (RFC 8252 loopback, PKCE, state), end to end against a
local authorisation server; the test plays the browser. Tokens land in the real keyring."""

from __future__ import annotations

import json

import pytest

from app import secrets
from app.connectors.http import Http
from app.connectors.oauth_flow import AuthorizationError, pkce_pair
from app.services.clients import workspaces as clients
from app.services.clients.connect import connect_account
from tests.servers.oauth import AuthServer, Browser


@pytest.fixture(autouse=True)
def any_loopback_port(monkeypatch):
    """X, Meta and LinkedIn listen on the port registered with the agency's app; here any
    free port, so that two runs on one machine never meet."""
    monkeypatch.setenv("TRIBUNE_OAUTH_PORT", "0")


@pytest.fixture
def client(sqlite_db):
    with sqlite_db.session() as s:
        return clients.create_client(s, "Aquarelle")


def _accounts(db, cid):
    with db.read() as s:
        return clients.list_accounts(s, cid)


def test_pkce_challenge_is_the_s256_of_the_verifier():
    import base64
    import hashlib

    verifier, challenge = pkce_pair()
    assert 43 <= len(verifier) <= 128
    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    assert challenge == digest.decode()


def test_mastodon_connects_in_the_browser_and_the_token_goes_to_the_keyring(
    real_keyring, sqlite_db, client
):
    with AuthServer(acct="aquarelle") as srv:
        browser = Browser()
        info = connect_account(
            sqlite_db,
            client.id,
            "mastodon",
            base_url=srv.base_url,
            open_browser=browser,
            http=Http(retries=0),
            timeout=10,
        )
        assert (info.network, info.handle) == ("mastodon", "aquarelle")
        token = secrets.account_token(client.uid, info.uid)
        assert token in srv.tokens
        # the app registered once on this instance, its secret in the keyring
        assert len(srv.apps) == 1
        # a second connection reuses the registration (same loopback port)
        connect_account(
            sqlite_db,
            client.id,
            "mastodon",
            base_url=srv.base_url,
            open_browser=Browser(),
            http=Http(retries=0),
            timeout=10,
            handle="aquarelle-bis",
        )
        assert len(srv.apps) == 1
    assert sqlite_db.sqlite_path.read_bytes().find(token.encode()) == -1


def test_x_connects_as_a_public_client_and_keeps_what_renewal_needs(
    real_keyring, sqlite_db, client
):
    with AuthServer(acct="AquarelleEtPetales") as srv:
        info = connect_account(
            sqlite_db,
            client.id,
            "x",
            base_url=srv.base_url,
            open_browser=Browser(),
            client_id="agency-app",
            http=Http(retries=0),
            timeout=10,
        )
        stored = json.loads(secrets.account_token(client.uid, info.uid))
        assert stored["access_token"] in srv.tokens
        assert stored["refresh_token"].startswith("r-") and stored["client_id"] == "agency-app"
        assert info.handle == "AquarelleEtPetales"
        authorise = next(q for m, p, h, q in srv.log if p == "/i/oauth2/authorize")
        assert "offline.access" in authorise and "code_challenge_method=S256" in authorise


@pytest.mark.parametrize(
    ("browser", "reason"),
    [
        (Browser(approve=False), "refused"),
        (Browser(tamper_state=True), "state"),
        (lambda url: None, "in time"),  # the person closed the browser
    ],
    ids=["denied", "wrong-state", "closed-browser"],
)
def test_a_failed_authorisation_changes_nothing(real_keyring, sqlite_db, client, browser, reason):
    with AuthServer() as srv:
        with pytest.raises(AuthorizationError, match=reason):
            connect_account(
                sqlite_db,
                client.id,
                "mastodon",
                base_url=srv.base_url,
                open_browser=browser,
                http=Http(retries=0),
                timeout=1.5,
            )
        assert _accounts(sqlite_db, client.id) == [] and not srv.tokens


def test_a_replayed_code_is_refused(real_keyring, sqlite_db, client):
    with AuthServer() as srv:
        first = Browser()
        connect_account(
            sqlite_db,
            client.id,
            "mastodon",
            base_url=srv.base_url,
            open_browser=first,
            http=Http(retries=0),
            timeout=10,
            handle="one",
        )
        with pytest.raises(AuthorizationError, match="refused the authorisation code"):
            connect_account(
                sqlite_db,
                client.id,
                "mastodon",
                base_url=srv.base_url,
                open_browser=Browser(code=first.last_code),
                http=Http(retries=0),
                timeout=10,
                handle="two",
            )
        assert [a.handle for a in _accounts(sqlite_db, client.id)] == ["one"]


def test_cli_account_connect_without_a_browser(real_keyring, sqlite_db, client, tribune_home):
    """`tribune account connect … --no-browser` prints the address; the person opens it."""
    import os
    import subprocess

    from tests.conftest import db_url_of, tribune_exe

    with AuthServer(acct="nuage") as srv:
        env = {**os.environ, "TRIBUNE_HOME": str(tribune_home)}
        proc = subprocess.Popen(
            [
                tribune_exe(),
                "--db",
                db_url_of(sqlite_db),
                "account",
                "connect",
                client.slug,
                "mastodon",
                "--base-url",
                srv.base_url,
                "--no-browser",
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        url = ""
        while not url.startswith("http"):
            url = proc.stderr.readline().strip()
            assert url or proc.poll() is None, proc.stderr.read()
        Browser()(url)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        data = json.loads(out)
        assert data["handle"] == "nuage"
        assert secrets.account_token(client.uid, data["uid"]) in srv.tokens
        # and a closed browser is one line, exit 1
        late = subprocess.run(
            [
                tribune_exe(),
                "--db",
                db_url_of(sqlite_db),
                "account",
                "connect",
                client.slug,
                "mastodon",
                "--base-url",
                srv.base_url,
                "--no-browser",
                "--timeout",
                "1",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert late.returncode == 1
        assert late.stderr.strip().splitlines()[-1].startswith("tribune: The browser did not")


def test_x_comes_back_to_the_registered_port_or_says_it_is_taken(
    real_keyring, sqlite_db, client, monkeypatch
):
    """X accepts only the callback registered with the agency's app, port included."""
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    monkeypatch.setenv("TRIBUNE_OAUTH_PORT", str(port))
    with AuthServer(acct="nuage") as srv:
        connect_account(
            sqlite_db,
            client.id,
            "x",
            base_url=srv.base_url,
            open_browser=Browser(),
            client_id="agency-app",
            http=Http(retries=0),
            timeout=10,
        )
        authorise = next(q for m, p, h, q in srv.log if p == "/i/oauth2/authorize")
        assert f"127.0.0.1%3A{port}%2Fcallback" in authorise
        with socket.socket() as taken:  # another program holds the port
            taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            taken.bind(("127.0.0.1", port))
            taken.listen()
            with pytest.raises(AuthorizationError, match=f"Port {port} of this computer is taken"):
                connect_account(
                    sqlite_db,
                    client.id,
                    "x",
                    base_url=srv.base_url,
                    open_browser=Browser(),
                    client_id="agency-app",
                    http=Http(retries=0),
                    timeout=10,
                    handle="second",
                )
    assert [a.handle for a in _accounts(sqlite_db, client.id)] == ["nuage"]

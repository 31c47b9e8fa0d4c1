"""``tribune account connect CLIENT bluesky`` with OAuth (``--no-browser``: the test opens the
printed address), its fall-back to the app password, and the agency's client metadata."""

from __future__ import annotations

import json

import pytest

from app import secrets
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

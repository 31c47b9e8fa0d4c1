"""Connecting Bluesky (handle → DID → PDS → app password), and Meta and LinkedIn through the
agency's own app (authorise in the browser, list what the person manages, keep the ticked
ones), against local servers; tokens land in the real keyring, nothing else on a failure."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from app import secrets
from app.connectors import bluesky_identity
from app.connectors.http import Http
from app.connectors.oauth_flow import AuthorizationError
from app.errors import ValidationError
from app.services.clients import workspaces as clients
from app.services.clients.connect import add_candidates, business_candidates, connect_account
from app.services.people import agency
from tests.conftest import db_url_of, tribune_exe
from tests.servers.bluesky import DID, BlueskyServer
from tests.servers.business import AnyBrowser, BusinessAuthServer, IdentityServer

PAGES = [
    {"id": "101", "name": "Aquarelle Fleurs", "instagram": {"id": "1784", "username": "aquarelle"}},
    {"id": "202", "name": "Autre marque"},
]


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


def _agency_app(db, network, app_id="agency-app", secret="agency-secret"):
    with db.session() as s:
        agency.set_app_id(s, network, app_id)
    agency.set_app_secret(network, secret)


# -- Bluesky ----------------------------------------------------------------------------------
def test_bluesky_self_hosted_found_from_the_handle(real_keyring, sqlite_db, client):
    with BlueskyServer(handle="marque.example") as pds, IdentityServer() as ident:
        ident.add("marque.example", DID, pds.base_url)
        info = connect_account(
            sqlite_db,
            client.id,
            "bluesky",
            base_url="",
            open_browser=lambda url: pytest.fail("no browser for Bluesky"),
            handle="@marque.example",
            password="app-pass-1234",
            resolver=ident.base_url,
            plc=ident.base_url,
            http=Http(retries=0),
        )
        assert (info.handle, info.base_url) == ("marque.example", pds.base_url)
        assert secrets.account_token(client.uid, info.uid) == "app-pass-1234"
        assert [p for m, p, h, q in ident.log] == [
            "/xrpc/com.atproto.identity.resolveHandle",
            f"/{DID}",
        ]
        assert pds.requests_to("createSession")


@pytest.mark.parametrize(
    ("setup", "password", "reason"),
    [
        (
            lambda ident, pds: ident.add("marque.example", DID, pds),
            "wrong",
            "^The server refused this handle and app password.$",
        ),
        (lambda ident, pds: None, "app-pass-1234", "No Bluesky account answers"),
        (
            lambda ident, pds: ident.add("marque.example", DID, pds, names=["other.example"]),
            "app-pass-1234",
            "does not name that handle back",
        ),
    ],
    ids=["wrong-password", "unknown-handle", "identity-of-someone-else"],
)
def test_bluesky_failures_change_nothing(real_keyring, sqlite_db, client, setup, password, reason):
    with BlueskyServer(handle="marque.example") as pds, IdentityServer() as ident:
        setup(ident, pds.base_url)
        with pytest.raises(AuthorizationError, match=reason):
            connect_account(
                sqlite_db,
                client.id,
                "bluesky",
                base_url="",
                open_browser=print,
                handle="marque.example",
                password=password,
                resolver=ident.base_url,
                plc=ident.base_url,
                http=Http(retries=0),
            )
    assert _accounts(sqlite_db, client.id) == []


def test_bluesky_did_web_names_its_pds():
    with IdentityServer() as ident:
        ident.add("moi.example", ident.web_did, "https://pds.moi.example/")
        with Http(retries=0) as http:
            did = bluesky_identity.resolve_handle(http, "moi.example", resolver=ident.base_url)
            doc = bluesky_identity.did_document(http, did, scheme="http")
        assert did.startswith("did:web:127.0.0.1%3A")
        assert bluesky_identity.pds_of(doc) == "https://pds.moi.example"


# -- Meta ---------------------------------------------------------------------------------------
def test_meta_lists_pages_and_instagram_then_keeps_the_ticked_ones(real_keyring, sqlite_db, client):
    with BusinessAuthServer(pages=PAGES) as srv:
        srv.register("agency-app", "agency-secret")
        _agency_app(sqlite_db, "meta")
        browser = AnyBrowser()
        found = business_candidates(
            sqlite_db,
            "facebook",
            open_browser=browser,
            base_url=srv.base_url + "/v21.0",
            http=Http(retries=0),
            timeout=10,
        )
        assert [(c.network, c.id, c.name) for c in found] == [
            ("facebook", "101", "Aquarelle Fleurs"),
            ("instagram", "1784", "aquarelle"),
            ("facebook", "202", "Autre marque"),
        ]
        assert "/v21.0/dialog/oauth?" in browser.opened[0]
        assert "instagram_content_publish" in browser.opened[0]
        # the short token was exchanged for a long-lived one before listing (page tokens
        # derived from it do not expire)
        assert srv.requests_to("/me/accounts")[0][2]["authorization"].startswith("Bearer long-")
        assert _accounts(sqlite_db, client.id) == []  # nothing written before the choice
        infos = add_candidates(sqlite_db, client.id, found[:2])
        assert [(i.network, i.handle, i.display_name) for i in infos] == [
            ("facebook", "101", "Aquarelle Fleurs"),
            ("instagram", "1784", "aquarelle"),
        ]
        for info in infos:
            assert secrets.account_token(client.uid, info.uid) == srv.page_tokens["101"]
            assert info.base_url == srv.base_url + "/v21.0"
    raw = sqlite_db.sqlite_path.read_bytes()
    assert srv.page_tokens["101"].encode() not in raw


def test_meta_without_the_agency_app_says_so(real_keyring, sqlite_db, client):
    with pytest.raises(ValidationError, match="tribune account app"):
        business_candidates(sqlite_db, "instagram", open_browser=print)


def test_meta_refuses_a_wrong_app_secret_and_changes_nothing(real_keyring, sqlite_db, client):
    with BusinessAuthServer(pages=PAGES) as srv:
        srv.register("agency-app", "the-real-secret")
        _agency_app(sqlite_db, "meta", secret="a-stale-secret")
        with pytest.raises(AuthorizationError, match="refused the authorisation code"):
            business_candidates(
                sqlite_db,
                "facebook",
                open_browser=AnyBrowser(),
                base_url=srv.base_url + "/v21.0",
                http=Http(retries=0),
                timeout=10,
            )
        assert not srv.long_lived and not srv.page_tokens
    assert _accounts(sqlite_db, client.id) == []


def test_meta_denied_consent(real_keyring, sqlite_db, client):
    with BusinessAuthServer(pages=PAGES) as srv:
        srv.register("agency-app", "agency-secret")
        _agency_app(sqlite_db, "meta")
        with pytest.raises(AuthorizationError, match="refused on the network's page"):
            business_candidates(
                sqlite_db,
                "facebook",
                open_browser=AnyBrowser(approve=False),
                base_url=srv.base_url + "/v21.0",
                http=Http(retries=0),
                timeout=10,
            )
        assert not srv.tokens


# -- LinkedIn -----------------------------------------------------------------------------------
def test_linkedin_lists_the_organisations_and_keeps_what_renewal_needs(
    real_keyring, sqlite_db, client
):
    with BusinessAuthServer(orgs={"123": "Aquarelle", "456": "Autre"}) as srv:
        srv.register("li-app", "li-secret")
        _agency_app(sqlite_db, "linkedin", "li-app", "li-secret")
        found = business_candidates(
            sqlite_db,
            "linkedin",
            open_browser=AnyBrowser(),
            base_url=srv.base_url,
            http=Http(retries=0),
            timeout=10,
        )
        assert [(c.id, c.name) for c in found] == [
            ("urn:li:organization:123", "Aquarelle"),
            ("urn:li:organization:456", "Autre"),
        ]
        (info,) = add_candidates(sqlite_db, client.id, found[:1])
        stored = json.loads(secrets.account_token(client.uid, info.uid))
        assert stored["access_token"] in srv.tokens
        assert stored["refresh_token"] == "r-" + stored["access_token"]
        assert (stored["client_id"], stored["client_secret"]) == ("li-app", "li-secret")
        assert info.handle == "urn:li:organization:123"


# -- the command line ------------------------------------------------------------------------
def test_cli_sets_the_agency_app_then_connects_the_picked_page(
    real_keyring, sqlite_db, client, tribune_home
):
    env = {**os.environ, "TRIBUNE_HOME": str(tribune_home)}
    base = [tribune_exe(), "--db", db_url_of(sqlite_db)]
    done = subprocess.run(
        [*base, "account", "app", "meta", "--app-id", "agency-app"],
        input="agency-secret\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    real_keyring_keys = ["agency-app:meta"]  # written by the child: removed here
    try:
        with BusinessAuthServer(pages=PAGES) as srv:
            srv.register("agency-app", "agency-secret")
            proc = subprocess.Popen(
                [
                    *base,
                    "account",
                    "connect",
                    client.slug,
                    "facebook",
                    "--base-url",
                    srv.base_url + "/v21.0",
                    "--no-browser",
                    "--pick",
                    "1784",
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
            AnyBrowser()(url)
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            (data,) = json.loads(out)
            assert (data["network"], data["handle"]) == ("instagram", "1784")
            assert secrets.account_token(client.uid, data["uid"]) == srv.page_tokens["101"]
            # a page the person does not manage: one line, exit 1, nothing added
            proc = subprocess.Popen(
                [
                    *base,
                    "account",
                    "connect",
                    client.slug,
                    "facebook",
                    "--base-url",
                    srv.base_url + "/v21.0",
                    "--no-browser",
                    "--pick",
                    "999",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            url = ""
            while not url.startswith("http"):
                url = proc.stderr.readline().strip()
            AnyBrowser()(url)
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 1
            assert err.strip().splitlines()[-1].startswith("tribune: Not among the accounts")
        assert len(_accounts(sqlite_db, client.id)) == 1
    finally:
        for key in real_keyring_keys:
            secrets.delete_secret(key)


def test_cli_connects_bluesky_with_the_app_password_on_stdin(
    real_keyring, sqlite_db, client, tribune_home
):
    env = {**os.environ, "TRIBUNE_HOME": str(tribune_home)}
    base = [tribune_exe(), "--db", db_url_of(sqlite_db), "account", "connect", client.slug]
    with BlueskyServer(handle="marque.example") as pds, IdentityServer() as ident:
        ident.add("marque.example", DID, pds.base_url)
        hidden = ["--resolver", ident.base_url, "--plc", ident.base_url]
        wrong = subprocess.run(
            [*base, "bluesky", "--handle", "marque.example", *hidden],
            input="not-it\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert wrong.returncode == 1
        assert wrong.stderr.strip().splitlines()[-1] == (
            "tribune: The server refused this handle and app password."
        )
        done = subprocess.run(
            [*base, "bluesky", "--handle", "marque.example", "--json", *hidden],
            input="app-pass-1234\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert (data["handle"], data["base_url"]) == ("marque.example", pds.base_url)
        assert secrets.account_token(client.uid, data["uid"]) == "app-pass-1234"
    try:
        assert len(_accounts(sqlite_db, client.id)) == 1
    finally:
        secrets.delete_account_token(client.uid, data["uid"])

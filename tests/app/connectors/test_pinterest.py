"""Pinterest: connected with the agency's app in the browser (Basic authentication at the
token endpoint), one board picked per account, pins published once from the calendar with
their image, title, description and link, the access renewed, analytics as metrics, and no
inbox — said, not silent — against a local Pinterest API v5 over loopback HTTP."""

from __future__ import annotations

import base64
import datetime as dt
import json

import httpx
import pytest
from sqlalchemy import select

from app import secrets
from app.connectors.base import AccountRef, NotSupported, Rejected
from app.connectors.contract import DueVariant, MediaRef, ReplyToSend
from app.connectors.http import Http
from app.connectors.oauth_flow import AuthorizationError
from app.connectors.pinterest import PinterestConnector
from app.models.sync import PublishAttempt
from app.networks import NETWORKS
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.clients.connect import add_candidates, business_candidates
from app.services.people import agency
from app.services.sync.engine import sync_client
from app.services.sync.publish_comments import first_comment_note
from tests.servers.business import AnyBrowser
from tests.servers.pinterest import BOARDS, USERNAME, PinterestServer
from ui.account_help import account_help

DAY = dt.date(2026, 11, 20)
BOARD = BOARDS[0]["id"]
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture(autouse=True)
def any_loopback_port(monkeypatch):
    monkeypatch.setenv("TRIBUNE_OAUTH_PORT", "0")


def _secret(srv, access="", refresh=""):
    if not access:
        access, refresh = srv._tokens()["access_token"], ""
    if not refresh:
        refresh = "pinr_fixed"
        srv.refresh.add(refresh)
    return json.dumps(
        {
            "access_token": access,
            "refresh_token": refresh,
            "client_id": "pin-app",
            "client_secret": "pin-secret",
        }
    )


def _connector(srv, secret, saved=None):
    account = AccountRef(1, 1, "pinterest", BOARD, srv.base_url + "/v5", secret, save_token=saved)
    return PinterestConnector(account, Http(httpx.Client(timeout=5), retries=0))


def _variant(text, media=(), link=""):
    when = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
    return DueVariant(1, 1, 1, "pinterest", 1, text, when, "k1", tuple(media), link)


def _image(tmp_path) -> MediaRef:
    path = tmp_path / "fougasse.png"
    path.write_bytes(PNG)
    return MediaRef(str(path), "image/png", "0" * 64, "Une fougasse dorée")


# -- connecting -------------------------------------------------------------------------------
def test_connect_lists_the_boards_and_keeps_what_renewal_needs(real_keyring, sqlite_db):
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Dupré")
        agency.set_app_id(s, "pinterest", "pin-app")
    agency.set_app_secret("pinterest", "pin-secret")
    with PinterestServer() as srv:
        srv.register("pin-app", "pin-secret")
        browser = AnyBrowser()
        found = business_candidates(
            sqlite_db,
            "pinterest",
            open_browser=browser,
            base_url=srv.base_url + "/v5",
            http=Http(retries=0),
            timeout=10,
        )
        # every board, across the pages of the listing
        assert [(c.id, c.name) for c in found] == [
            (BOARDS[0]["id"], f"{USERNAME} › Nos pains"),
            (BOARDS[1]["id"], f"{USERNAME} › Recettes"),
        ]
        assert browser.opened[0].startswith(srv.base_url + "/oauth/?")
        assert "pins%3Awrite" in browser.opened[0]
        (account,) = add_candidates(sqlite_db, client.id, found[:1])
        stored = json.loads(secrets.account_token(client.uid, account.uid))
        assert stored["access_token"] in srv.access and stored["refresh_token"] in srv.refresh
        # the refresh token's year is kept: the account health forecasts the reconnection
        ends = dt.datetime.fromisoformat(stored["refresh_expires_at"]) - dt.datetime.now(dt.UTC)
        assert dt.timedelta(days=364) < ends <= dt.timedelta(days=365)
        account_ref = AccountRef(1, 1, "pinterest", BOARD, srv.base_url + "/v5", json.dumps(stored))
        health = PinterestConnector(account_ref, Http(retries=0)).check()
        assert health.token_expires_at == dt.datetime.fromisoformat(stored["refresh_expires_at"])
        assert (stored["client_id"], stored["client_secret"]) == ("pin-app", "pin-secret")
        assert account.handle == BOARDS[0]["id"]
        token_call = srv.requests_to("/v5/oauth/token")[0]
        assert token_call[2]["authorization"].startswith("Basic ")


def test_a_denied_consent_changes_nothing(real_keyring, sqlite_db):
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Dupré")
        agency.set_app_id(s, "pinterest", "pin-app")
    agency.set_app_secret("pinterest", "pin-secret")
    with PinterestServer() as srv:
        srv.register("pin-app", "pin-secret")
        with pytest.raises(AuthorizationError, match="access_denied"):
            business_candidates(
                sqlite_db,
                "pinterest",
                open_browser=AnyBrowser(approve=False),
                base_url=srv.base_url + "/v5",
                http=Http(retries=0),
                timeout=10,
            )
        assert not srv.access
    with sqlite_db.read() as s:
        assert clients.list_accounts(s, client.id) == []


# -- pins -------------------------------------------------------------------------------------
def test_a_pin_goes_up_with_its_image_title_description_and_link(tmp_path):
    with PinterestServer() as srv:
        pins = _connector(srv, _secret(srv))
        text = "Fougasse aux olives\nCuite au feu de bois chaque matin."
        sent = pins.publish(_variant(text, [_image(tmp_path)], "https://dupre.example/fougasse"))
        (pin,) = srv.pins
        assert (pin["board_id"], pin["title"], pin["description"]) == (
            BOARD,
            "Fougasse aux olives",
            text,
        )
        assert pin["link"] == "https://dupre.example/fougasse"
        assert pin["alt_text"] == "Une fougasse dorée"
        assert srv.images[pin["id"]] == PNG  # the file's bytes, base64 on the wire
        assert sent.url == f"https://www.pinterest.com/pin/{pin['id']}/"
        remote = MediaRef("https://cdn.dupre.example/f.jpg", "image/jpeg", "0" * 64)
        pins.publish(_variant("Pain de seigle", [remote]))
        assert srv.pins[0]["title"] == "Pain de seigle"


def test_what_pinterest_would_refuse_is_refused_before_sending(tmp_path):
    with PinterestServer() as srv:
        pins = _connector(srv, _secret(srv))
        with pytest.raises(Rejected, match="501"):
            pins.publish(_variant("é" * 501, [_image(tmp_path)]))
        with pytest.raises(Rejected, match="one image"):
            pins.publish(_variant("Sans image"))
        video = MediaRef(str(tmp_path / "v.mp4"), "video/mp4", "0" * 64)
        with pytest.raises(Rejected, match="one image"):
            pins.publish(_variant("Vidéo", [video]))
        assert not srv.pins and not srv.requests_to("/v5/pins")


def test_after_a_crash_the_pin_is_found_not_published_again(tmp_path):
    with PinterestServer() as srv:
        pins = _connector(srv, _secret(srv))
        variant = _variant("Pain de campagne", [_image(tmp_path)])
        since = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
        assert pins.find_published(variant, since) is None
        sent = pins.publish(variant)
        assert pins.find_published(variant, since).external_id == sent.external_id
        later = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
        assert pins.find_published(variant, later) is None  # an older pin, not this send's


def test_the_calendar_publishes_a_pin_once(db, tmp_path):
    from app.services.calendar.media import store_media

    with PinterestServer() as srv:
        with db.session() as s:
            c = clients.create_client(s, "Boulangeries Dupré")
            clients.add_account(s, c.id, "pinterest", BOARD, base_url=srv.base_url + "/v5")
            media = store_media(s, c.id, _image(tmp_path).path).id
            p = posts.create_post(
                s,
                c.id,
                planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
                variants=[VariantInput("pinterest", "Fougasse du jour", "", "", (media,))],
                title="Fougasse",
                category="produit",
                status="approved",
            )
        with db.session() as s:
            posts.set_status(s, c.id, p.id, "scheduled")
        secret = _secret(srv)
        for _ in range(2):
            report = sync_client(
                db,
                c.id,
                http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
                token_of=lambda cu, au: secret,
                token_saver=lambda cu, au, t: None,
                samples=False,
            )
            assert report.ok, report
        assert [p["description"] for p in srv.pins] == ["Fougasse du jour"]
        with db.read() as s:
            assert [a.state for a in s.scalars(select(PublishAttempt))] == ["sent"]


# -- the token --------------------------------------------------------------------------------
def test_a_refused_access_is_renewed_with_basic_auth_and_kept():
    with PinterestServer() as srv:
        srv.register("pin-app", "pin-secret")
        old = srv._tokens()["access_token"]
        srv.expired.add(old)
        saved = []
        pins = _connector(srv, _secret(srv, old), saved.append)
        assert pins.check().display_name == "Nos pains"
        assert srv.refreshed == 1
        kept = json.loads(saved[-1])
        assert kept["access_token"] in srv.access and kept["access_token"] != old
        assert kept["refresh_token"] == "pinr_fixed" and kept["client_secret"] == "pin-secret"
        renew = srv.requests_to("/v5/oauth/token")[-1]
        assert renew[2]["authorization"].startswith("Basic ")


# -- numbers, and no inbox --------------------------------------------------------------------
def test_pin_and_account_analytics_become_samples(tmp_path):
    with PinterestServer() as srv:
        pins = _connector(srv, _secret(srv))
        sent = pins.publish(_variant("Brioche", [_image(tmp_path)]))
        (post,) = pins.post_samples([sent.external_id], DAY)
        assert (post.impressions, post.shares, post.clicks) == (900, 31, 52)
        (acc,) = pins.account_samples(DAY)
        assert (acc.followers, acc.impressions, acc.engagements, acc.clicks) == (
            812,
            5400,
            260,
            115,
        )
        query = srv.requests_to("/analytics")[0][3]
        assert "start_date=2026-11-20" in query and "end_date=2026-11-20" in query


def test_pinterest_says_it_has_no_inbox_and_no_first_comment():
    with PinterestServer() as srv:
        pins = _connector(srv, _secret(srv))
        assert pins.fetch({}).items == () and pins.has_inbox is False
        with pytest.raises(NotSupported):
            pins.reply(ReplyToSend(1, 1, "pinterest", 1, "x", "Merci", "k"))
        assert not [r for r in srv.log if "comment" in r[1]]
    assert "no comments" in account_help("pinterest")[0]
    assert first_comment_note("pinterest")
    assert NETWORKS["pinterest"].first_comment is None
    assert NETWORKS["threads"].first_comment == "reply"


# -- the command line -------------------------------------------------------------------------
def test_cli_sets_the_app_then_connects_the_picked_board(real_keyring, sqlite_db, tribune_home):
    import os
    import subprocess

    from tests.conftest import db_url_of, tribune_exe

    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Dupré")
    env = {**os.environ, "TRIBUNE_HOME": str(tribune_home), "TRIBUNE_OAUTH_PORT": "0"}
    base = [tribune_exe(), "--db", db_url_of(sqlite_db)]
    done = subprocess.run(
        [*base, "account", "app", "pinterest", "--app-id", "pin-app"],
        input="pin-secret\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    try:
        with PinterestServer() as srv:
            srv.register("pin-app", "pin-secret")

            def connect(pick: str):
                proc = subprocess.Popen(
                    [
                        *base,
                        *("account", "connect", client.slug, "pinterest"),
                        *("--base-url", srv.base_url + "/v5", "--no-browser"),
                        *("--pick", pick, "--json"),
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
                return proc.returncode, out, err

            code, out, err = connect(BOARDS[1]["id"])
            assert code == 0, err
            (data,) = json.loads(out)
            assert (data["network"], data["handle"]) == ("pinterest", BOARDS[1]["id"])
            stored = json.loads(secrets.account_token(client.uid, data["uid"]))
            assert stored["refresh_token"] in srv.refresh
            code, out, err = connect("999")  # not one of this person's boards
            assert code == 1
            assert err.strip().splitlines()[-1].startswith("tribune: Not among the accounts")
        with sqlite_db.read() as s:
            assert len(clients.list_accounts(s, client.id)) == 1
    finally:
        secrets.delete_secret("agency-app:pinterest")

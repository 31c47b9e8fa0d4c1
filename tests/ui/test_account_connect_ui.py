""" "Connect…" in the client dialog: the system browser (patched: the test plays it against a
local authorisation server), "Waiting for the browser…" with Cancel, and the account back in
the dialog with its token in the real keyring — or one sentence and nothing changed."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from app import secrets
from app.services.clients import workspaces as clients
from app.services.people import agency
from tests.servers.bluesky import DID, BlueskyServer
from tests.servers.business import AnyBrowser, BusinessAuthServer, IdentityServer
from tests.servers.oauth import AuthServer, Browser

pytestmark = pytest.mark.keyring


@pytest.fixture(autouse=True)
def any_loopback_port(monkeypatch):
    """X, Meta and LinkedIn listen on the port registered with the agency's app; here any
    free port, so that two runs on one machine never meet."""
    monkeypatch.setenv("TRIBUNE_OAUTH_PORT", "0")


class FakeDesktop:
    """Stands for QDesktopServices: 'opening the browser' runs ``browser`` on a thread, as a
    person clicking in another window would."""

    opened: list[str] = []
    browser = None

    @classmethod
    def openUrl(cls, url) -> bool:
        cls.opened.append(url.toString())
        if cls.browser is not None:
            threading.Thread(target=cls.browser, args=(url.toString(),), daemon=True).start()
        return True


@pytest.fixture
def desktop(monkeypatch):
    FakeDesktop.opened, FakeDesktop.browser = [], None
    monkeypatch.setattr("ui.account_connect_dialog.QDesktopServices", FakeDesktop)
    return FakeDesktop


def _connect_dialog(qtbot, dialog, network: str):
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.connect_account_button, Qt.MouseButton.LeftButton)
    connect = dialog.connect_dialog
    connect.network_combo.setCurrentIndex(connect.network_combo.findData(network))
    return connect


def _accounts(db, name):
    with db.read() as s:
        info = clients.get_client(s, clients.find_client(s, name).id)
    return info, list(info.accounts)


def test_connect_mastodon_in_the_browser_from_the_client_dialog(
    qtbot, sqlite_db, real_keyring, open_client_dialog, desktop
):
    dialog = open_client_dialog("Aquarelle")
    with AuthServer(acct="aquarelle") as srv:
        connect = _connect_dialog(qtbot, dialog, "mastodon")
        assert connect.server_edit.isVisibleTo(connect)
        assert not connect.password_edit.isVisibleTo(connect)
        connect.server_edit.setText(srv.base_url)
        started = threading.Event()
        desktop.browser = lambda url: (started.wait(10), Browser()(url))
        heard = []  # what the window's areas hear on the change feed
        dialog.services.feed.changed.connect(heard.append)
        with qtbot.waitSignal(connect.connected, timeout=20000) as signal:
            qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: bool(desktop.opened), timeout=10000)
            # while the person is in the browser, the dialog waits and offers Cancel
            assert connect.pages.currentIndex() == 1
            assert connect.wait_label.text() == "Waiting for the browser…"
            assert connect.cancel_button.isVisible()
            started.set()
        (info,) = signal.args[0]
        assert desktop.opened[0].startswith(srv.base_url + "/oauth/authorize?")
    assert (info.network, info.handle) == ("mastodon", "aquarelle")
    client, stored = _accounts(sqlite_db, "Aquarelle")
    # the new account is announced by the operation itself, for this seat's other areas
    assert any(c.kind == "accounts" and c.client_id == client.id for s in heard for c in s.changes)
    assert [a.handle for a in stored] == ["aquarelle"]
    assert secrets.account_token(client.uid, info.uid) in srv.tokens
    # the dialog shows it as a stored account; saving the client keeps it
    t = dialog.accounts_table
    assert [t.item(r, dialog.A_HANDLE).text() for r in range(t.rowCount())] == ["aquarelle"]
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert [a.handle for a in _accounts(sqlite_db, "Aquarelle")[1]] == ["aquarelle"]


@pytest.mark.parametrize(
    ("browser", "press_cancel", "reason"),
    [
        (Browser(approve=False), False, "The connection was refused on the network's page"),
        (Browser(tamper_state=True), False, "its state did not match"),
        (None, True, "The connection was cancelled; nothing was changed."),
    ],
    ids=["denied", "wrong-state", "cancelled"],
)
def test_a_failed_connection_says_why_and_changes_nothing(
    qtbot, sqlite_db, real_keyring, open_client_dialog, desktop, browser, press_cancel, reason
):
    dialog = open_client_dialog("Aquarelle")
    with AuthServer() as srv:
        connect = _connect_dialog(qtbot, dialog, "mastodon")
        connect.server_edit.setText(srv.base_url)
        desktop.browser = browser
        qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(desktop.opened), timeout=10000)
        if press_cancel:
            qtbot.mouseClick(connect.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: connect.error_label.isVisible(), timeout=15000)
        assert reason in connect.error_label.text()
        assert "\n" not in connect.error_label.text()
        assert connect.pages.currentIndex() == 0 and connect.connect_button.isVisible()
        assert not srv.tokens
    assert _accounts(sqlite_db, "Aquarelle")[1] == []
    assert dialog.accounts_table.rowCount() == 0


def test_meta_pages_are_listed_and_the_ticked_ones_connected(
    qtbot, sqlite_db, real_keyring, open_client_dialog, desktop
):
    dialog = open_client_dialog("Aquarelle")
    pages = [
        {"id": "101", "name": "Aquarelle Fleurs", "instagram": {"id": "17", "username": "aq"}},
        {"id": "202", "name": "Autre marque"},
    ]
    with BusinessAuthServer(pages=pages) as srv:
        srv.register("agency-app", "agency-secret")
        desktop.browser = AnyBrowser()
        connect = _connect_dialog(qtbot, dialog, "facebook")
        # the agency's Meta app, typed once in the dialog: id to the database, secret to
        # the keyring
        assert connect.app_secret_edit.isVisibleTo(connect)
        connect.app_id_edit.setText("agency-app")
        connect.app_secret_edit.setText("agency-secret")
        # the Graph root of the local server (the real one is graph.facebook.com)
        import app.connectors.oauth_business as business

        original = business.GRAPH
        business.GRAPH = srv.base_url + "/v21.0"
        try:
            qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: connect.pick_list.count() == 3, timeout=20000)
        finally:
            business.GRAPH = original
        assert _accounts(sqlite_db, "Aquarelle")[1] == []  # nothing before the choice
        labels = [connect.pick_list.item(r).text() for r in range(3)]
        assert labels[0] == "Aquarelle Fleurs — Facebook 101"
        qtbot.mouseClick(connect.add_button, Qt.MouseButton.LeftButton)
        assert "Tick at least one" in connect.error_label.text()
        connect.pick_list.item(0).setCheckState(Qt.CheckState.Checked)
        connect.pick_list.item(1).setCheckState(Qt.CheckState.Checked)
        with qtbot.waitSignal(connect.connected, timeout=10000):
            qtbot.mouseClick(connect.add_button, Qt.MouseButton.LeftButton)
    with sqlite_db.read() as s:
        assert agency.app_ids(s) == {"meta": "agency-app"}
    assert agency.app_secret("meta") == "agency-secret"
    client, stored = _accounts(sqlite_db, "Aquarelle")
    assert sorted((a.network, a.handle) for a in stored) == [
        ("facebook", "101"),
        ("instagram", "17"),
    ]
    for account in stored:
        assert secrets.account_token(client.uid, account.uid) == srv.page_tokens["101"]
    assert dialog.accounts_table.rowCount() == 2


def test_bluesky_with_handle_and_app_password(
    qtbot, sqlite_db, real_keyring, open_client_dialog, desktop, monkeypatch
):
    import app.connectors.bluesky_identity as ident_module

    dialog = open_client_dialog("Aquarelle")
    with BlueskyServer(handle="marque.example") as pds, IdentityServer() as ident:
        ident.add("marque.example", DID, pds.base_url)
        monkeypatch.setattr(ident_module, "RESOLVER", ident.base_url)
        monkeypatch.setattr(ident_module, "PLC", ident.base_url)
        connect = _connect_dialog(qtbot, dialog, "bluesky")
        assert connect.password_edit.isVisibleTo(connect)
        assert not connect.server_edit.isVisibleTo(connect)
        connect.handle_edit.setText("marque.example")
        connect.password_edit.setText("wrong")
        qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: connect.error_label.isVisible(), timeout=10000)
        assert connect.error_label.text() == "The server refused this handle and app password."
        connect.password_edit.setText("app-pass-1234")
        with qtbot.waitSignal(connect.connected, timeout=10000) as signal:
            qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
    (info,) = signal.args[0]
    client, stored = _accounts(sqlite_db, "Aquarelle")
    assert [(a.handle, a.base_url) for a in stored] == [("marque.example", pds.base_url)]
    assert secrets.account_token(client.uid, info.uid) == "app-pass-1234"
    assert not desktop.opened


def test_bluesky_with_oauth_in_the_browser_when_no_app_password_is_given(
    qtbot, sqlite_db, real_keyring, open_client_dialog, desktop, monkeypatch
):
    import json

    import app.connectors.bluesky_identity as ident_module
    from tests.servers.bluesky_oauth import AtprotoAuthServer, AtprotoBrowser, OAuthPds

    dialog = open_client_dialog("Aquarelle")
    with (
        AtprotoAuthServer() as auth,
        OAuthPds(auth, handle="marque.example") as pds,
        IdentityServer() as ident,
    ):
        ident.add("marque.example", DID, pds.base_url)
        monkeypatch.setattr(ident_module, "RESOLVER", ident.base_url)
        monkeypatch.setattr(ident_module, "PLC", ident.base_url)
        connect = _connect_dialog(qtbot, dialog, "bluesky")
        connect.handle_edit.setText("marque.example")
        # a denied consent: one sentence, nothing added, the form back
        desktop.browser = AtprotoBrowser(approve=False)
        qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
        assert connect.wait_label.text() == "Waiting for the browser…"
        qtbot.waitUntil(lambda: connect.error_label.isVisible(), timeout=15000)
        assert "refused" in connect.error_label.text()
        assert _accounts(sqlite_db, "Aquarelle")[1] == []
        desktop.browser = AtprotoBrowser()
        with qtbot.waitSignal(connect.connected, timeout=15000) as signal:
            qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
    (info,) = signal.args[0]
    client, stored = _accounts(sqlite_db, "Aquarelle")
    assert [(a.handle, a.base_url) for a in stored] == [("marque.example", pds.base_url)]
    secret = json.loads(secrets.account_token(client.uid, info.uid))
    assert secret["did"] == DID and secret["access_token"] in auth.tokens
    assert len(desktop.opened) == 2 and desktop.opened[-1].startswith(auth.issuer)


def test_bluesky_server_without_oauth_asks_for_the_app_password(
    qtbot, sqlite_db, real_keyring, open_client_dialog, desktop, monkeypatch
):
    import app.connectors.bluesky_identity as ident_module

    dialog = open_client_dialog("Aquarelle")
    with BlueskyServer(handle="marque.example") as pds, IdentityServer() as ident:
        ident.add("marque.example", DID, pds.base_url)
        monkeypatch.setattr(ident_module, "RESOLVER", ident.base_url)
        monkeypatch.setattr(ident_module, "PLC", ident.base_url)
        connect = _connect_dialog(qtbot, dialog, "bluesky")
        connect.handle_edit.setText("marque.example")
        qtbot.mouseClick(connect.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: connect.error_label.isVisible(), timeout=10000)
        assert connect.error_label.text() == (
            "This Bluesky server does not offer OAuth: connect with an app password."
        )
        assert connect.pages.currentIndex() == 0 and connect.password_edit.isVisibleTo(connect)
        assert not desktop.opened
    assert _accounts(sqlite_db, "Aquarelle")[1] == []

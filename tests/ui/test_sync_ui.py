"""Sync from the app: an account added in the client dialog (token to the keyring), then
"Sync now" in the main window fetches its mentions with progress, and health shows up."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import Client, NetworkAccount
from app.services.clients import workspaces as clients
from tests.conftest import new_account_row
from tests.servers.mastodon_mock_server import MockServer


@pytest.fixture
def mastodon():
    with MockServer() as srv:
        yield srv


@pytest.mark.keyring
def test_account_from_dialog_then_sync_now_fills_the_inbox(
    qtbot, main_window, sqlite_db, real_keyring, mastodon, open_client_dialog
):
    dialog = open_client_dialog("Fleuriste Rosa")
    row = new_account_row(qtbot, dialog, "mastodon")
    a = dialog.accounts_table
    a.item(row, dialog.A_HANDLE).setText("alice")
    a.item(row, dialog.A_URL).setText(mastodon.base_url)
    a.cellWidget(row, dialog.A_TOKEN).setText("alice_token")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    httpx.post(
        mastodon.base_url + "/api/v1/statuses",
        headers={"Authorization": "Bearer bob_token"},
        json={"status": "@alice Des pivoines ? 🌸"},
    )
    from app.services.calendar import posts
    from app.services.calendar.posts import VariantInput

    with sqlite_db.session() as s:
        cid = clients.find_client(s, "fleuriste-rosa").id
        p = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1),
            variants=[VariantInput("mastodon", "Pivoines arrivées 🌸")],
            title="Pivoines",
            category="produit",
            status="approved",
        )
    with sqlite_db.session() as s:
        posts.set_status(s, cid, p.id, "scheduled")
    main_window.show_area("inbox")
    inbox_area = main_window.current_area()
    bar = main_window.sync_bar
    qtbot.waitUntil(lambda: bar.sync_button.isEnabled())
    with qtbot.waitSignal(bar.synced, timeout=20000) as blocker:
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
        assert bar.cancel_button.isVisible() and bar.progress.isVisible()
    report = blocker.args[0]
    assert report.ok and report.accounts[0].added == 1 and report.accounts[0].published == 1
    assert bar.status.text() == "Synced: 1 new, 1 published."
    assert "1 new" in bar.status.text() and not bar.progress.isVisible()
    qtbot.waitUntil(lambda: inbox_area.model.rowCount() == 1, timeout=5000)  # refreshed
    from app.models.inbox import InboxMessage

    with sqlite_db.read() as s:
        assert s.scalar(select(InboxMessage.text)) == "@alice Des pivoines ? 🌸"
        account_id, status = s.execute(select(NetworkAccount.id, NetworkAccount.status)).one()
        assert status == "connected"
    # The dialog shows the health of the account, with the token expiry forecast.
    with sqlite_db.session() as s:
        s.get(NetworkAccount, account_id).token_expires_at = dt.datetime.now(dt.UTC) + dt.timedelta(
            days=5, hours=1
        )
    main_window.edit_client()
    from ui.client_dialog import ClientDialog

    dialog = [d for d in main_window.findChildren(ClientDialog) if d.isVisible()][-1]
    qtbot.waitUntil(lambda: dialog.health_view.table.rowCount() == 1, timeout=5000)
    health = dialog.health_view.table.item(0, 1).text()
    assert health == "Connected — token expires in 5 days"
    assert "(in 5 days)" in dialog.health_view.table.item(0, 2).text()
    dialog.tabs.setCurrentIndex(2)
    dialog.resize(900, 600)
    dialog.grab().save("/tmp/connectors-dialog.png")
    main_window.grab().save("/tmp/connectors-main.png")
    dialog.reject()


def test_cancel_button_cancels(qtbot, main_window, sqlite_db):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Banque du Lac")
        clients.add_account(s, c.id, "rss", "veille", base_url="http://127.0.0.1:9/feed")
    bar = main_window.sync_bar
    bar.set_client(c.id)
    with qtbot.waitSignal(bar.synced, timeout=20000) as blocker:
        bar.sync_now()
        qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].cancelled
    assert bar.status.text() == "Sync cancelled."


@pytest.mark.keyring
def test_new_token_typed_in_dialog_reconnects_at_once_keeping_cursor(
    qtbot, main_window, sqlite_db, real_keyring, mastodon
):
    from app import secrets
    from app.services.sync import cursors as sync_cursors
    from app.services.sync import health as sync_health
    from ui.client_dialog import ClientDialog

    with sqlite_db.session() as s:
        c = clients.create_client(s, "Fleuriste Rosa")
        a = clients.add_account(s, c.id, "mastodon", "alice", base_url=mastodon.base_url)
        sync_health.set_status(s, a.id, "reconnect_needed", "HTTP 401: The access token is invalid")
        sync_cursors.save_cursor(s, c.id, a.id, {"mentions": "42"})
        cuid, auid = s.get(Client, c.id).uid, s.get(NetworkAccount, a.id).uid
    secrets.store_account_token(cuid, auid, "revoked-token")
    with qtbot.waitSignal(main_window.clients_loaded):
        main_window.reload_clients()
    main_window.edit_client()
    dialog = main_window.findChild(ClientDialog)
    qtbot.waitUntil(lambda: dialog.accounts_table.rowCount() == 1)
    dialog.tabs.setCurrentIndex(2)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)

    dialog.accounts_table.cellWidget(0, dialog.A_TOKEN).setText("still-wrong")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert dialog.isVisible()  # stays open and says why
    assert dialog.error_label.text().startswith("Saved, but Mastodon alice is not connected")
    assert dialog.accounts_table.item(0, dialog.A_STATUS).text() == "Reconnect needed"

    dialog.accounts_table.cellWidget(0, dialog.A_TOKEN).setText("alice_token")
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    with sqlite_db.read() as s:
        assert s.get(NetworkAccount, a.id).status == "connected"
    assert sync_cursors.load_cursor(sqlite_db, a.id) == {"mentions": "42"}
    assert secrets.account_token(cuid, auid) == "alice_token"

"""The client dialog: contacts and accounts saved in one go, the token straight to the keyring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import secrets
from app.services.clients import workspaces as clients
from tests.conftest import new_account_row

TOKEN = "dialog-token-" + "51b7e0a9"


@pytest.mark.keyring
def test_add_contact_and_account_with_token_through_the_dialog(
    qtbot, main_window, sqlite_db, real_keyring, open_client_dialog
):
    dialog = open_client_dialog("Hôtel Les Embruns")
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_contact_button, Qt.MouseButton.LeftButton)
    t = dialog.contacts_table
    t.item(t.rowCount() - 1, dialog.C_NAME).setText("Léa Martin")
    t.item(t.rowCount() - 1, dialog.C_EMAIL).setText("lea@embruns.example")
    t.item(t.rowCount() - 1, dialog.C_DEPTS).setText("réservations, réclamations")
    row = new_account_row(qtbot, dialog, "mastodon")
    a = dialog.accounts_table
    a.item(row, dialog.A_HANDLE).setText("@embruns")
    a.item(row, dialog.A_URL).setText("https://mastodon.example")
    qtbot.keyClicks(a.cellWidget(row, dialog.A_TOKEN), TOKEN)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    with sqlite_db.read() as s:
        info = clients.get_client(s, "hotel-les-embruns")
    assert [c.name for c in info.contacts] == ["Léa Martin"]
    assert info.contacts[0].departments == ("réservations", "réclamations")
    (account,) = info.accounts
    assert (account.network, account.handle) == ("mastodon", "@embruns")
    try:
        assert secrets.account_token(info.uid, account.uid) == TOKEN
        assert TOKEN.encode() not in sqlite_db.sqlite_path.read_bytes()
    finally:
        secrets.delete_account_token(info.uid, account.uid)


def test_each_network_says_what_to_type(qtbot, open_client_dialog):
    """A CM adding a LinkedIn page or an X account is told what the handle, the server and
    the token are for that network."""
    dialog = open_client_dialog("Banque Solidaire")
    row = new_account_row(qtbot, dialog, "linkedin")
    a = dialog.accounts_table
    combo = a.cellWidget(row, dialog.A_NETWORK)
    assert "urn:li:organization" in a.item(row, dialog.A_HANDLE).toolTip()
    assert (
        a.cellWidget(row, dialog.A_TOKEN).placeholderText().startswith("a page admin's OAuth token")
    )
    combo.setCurrentIndex(combo.findData("x"))
    assert a.item(row, dialog.A_URL).toolTip() == "Empty for api.x.com"
    assert a.cellWidget(row, dialog.A_TOKEN).placeholderText().startswith("an OAuth 2.0 user token")
    assert "refresh_token" in a.cellWidget(row, dialog.A_TOKEN).toolTip()  # renews itself

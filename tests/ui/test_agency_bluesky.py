"""File › Agency…: the address of the agency's Bluesky client metadata, beside its identity —
https only (anything else said in one line, nothing written), read back by
``tribune account bluesky-metadata`` in another process, and an administrator's on
PostgreSQL as the rest of the dialog."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from PySide6.QtCore import Qt

from app.services.people import admin
from app.services.people import agency as agency_service
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from tests.conftest import db_url_of, tribune_exe

agency = people_fixtures.agency
ADDRESS = "https://agence.example/tribune-bluesky.json"


def _open(qtbot, window):
    window.act_agency.trigger()
    dialog = window.agency_dialog
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    return dialog


def _bluesky(db) -> str:
    with db.read() as s:
        return agency_service.app_ids(s).get("bluesky", "")


def test_the_bluesky_client_metadata_address_is_set_in_the_dialog(
    qtbot, main_window, sqlite_db, tribune_home
):
    dialog = _open(qtbot, main_window)
    assert dialog.bluesky_edit.text() == ""
    dialog.name_edit.setText("Social & Co")
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    for bad in ("http://agence.example/tribune.json", "agence.example/tribune.json", "https://"):
        dialog.bluesky_edit.setText(bad)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.error_label.isVisible()
        text = dialog.error_label.text()
        assert "https address" in text and "\n" not in text
    qtbot.wait(100)
    assert _bluesky(sqlite_db) == ""  # nothing written
    with sqlite_db.read() as s:
        assert agency_service.agency(s).name == ""

    dialog.bluesky_edit.setText(f"  {ADDRESS} ")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert _bluesky(sqlite_db) == ADDRESS

    # the CLI of another process prints the metadata to host at that address
    env = {**os.environ, "TRIBUNE_HOME": str(tribune_home)}
    done = subprocess.run(
        [tribune_exe(), "--db", db_url_of(sqlite_db), "account", "bluesky-metadata"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["client_id"] == ADDRESS

    # shown again when reopened; emptied, Tribune goes back to its development client
    dialog = _open(qtbot, main_window)
    assert dialog.bluesky_edit.text() == ADDRESS
    dialog.bluesky_edit.clear()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert _bluesky(sqlite_db) == ""


@pytest.mark.postgres
def test_an_administrator_sets_it_on_the_agencys_server(qtbot, agency, ui_settings):
    """Each person is their own PostgreSQL login: a community manager's window disables the
    entry; an administrator's writes the address."""
    from ui.main_window import MainWindow

    boss = agency.db()
    with boss.session() as s:
        admin.add_person(s, agency.login("cam"), "Cam", "cm", PASSWORD)
        admin.add_person(s, agency.login("ada"), "Ada", "admin", PASSWORD)
        agency_service.save_agency(s, name="Social & Co")
    boss.dispose()
    for who, allowed in (("cam", False), ("ada", True)):
        db = agency.db(who)
        window = MainWindow(ui_settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.clients_loaded, timeout=10000):
            window.set_database(db)
        qtbot.waitUntil(
            lambda w=window: getattr(w, "capabilities", None) is not None, timeout=10000
        )
        assert window.act_agency.isEnabled() is allowed
        if allowed:
            dialog = _open(qtbot, window)
            dialog.bluesky_edit.setText(ADDRESS)
            dialog.save()
            qtbot.waitUntil(
                lambda d=dialog: not d.isVisible() or d.error_label.isVisible(), timeout=10000
            )
            assert not dialog.isVisible(), dialog.error_label.text()
        window.tasks.wait(10000)
        window.close()
        db.dispose()
    boss = agency.db()
    assert _bluesky(boss) == ADDRESS
    boss.dispose()

"""Settings: test a database connection (real PostgreSQL, a bad URL), pick the language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import db_url_of


def _open_settings(main_window):
    from ui.settings_dialog import SettingsDialog

    main_window.open_settings()
    dialog = main_window.findChild(SettingsDialog)
    assert dialog is not None
    return dialog


def _test(qtbot, dialog, url: str) -> str:
    dialog.db_edit.clear()
    qtbot.keyClicks(dialog.db_edit, url)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=15000)
    return dialog.test_result.text()


def test_bad_urls_are_explained_not_crashed(qtbot, main_window, tmp_path):
    dialog = _open_settings(main_window)
    assert "Unsupported database" in _test(qtbot, dialog, "mysql://x@y/z")
    missing = tmp_path / "nowhere" / "t.sqlite3"
    assert "does not exist" in _test(qtbot, dialog, f"sqlite:///{missing}")
    text = _test(qtbot, dialog, "postgresql://nobody:secret-pw@127.0.0.1:1/x")
    assert "Cannot open the database" in text
    assert "secret-pw" not in text  # a password is never shown


@pytest.mark.postgres
def test_real_postgresql_connects_and_choices_are_remembered(qtbot, main_window, pg_db):
    dialog = _open_settings(main_window)
    assert _test(qtbot, dialog, db_url_of(pg_db)) == "Connected. The database is up to date."
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert main_window.settings.language == "fr"
    assert main_window.settings.database_url == db_url_of(pg_db)

"""Settings: who I am is shown, not typed; a shared database's password goes to the keyring,
never into the settings file or the stored address."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_password_goes_to_the_keyring_and_the_name_cannot_be_typed(
    qtbot, main_window, real_keyring, tmp_path
):
    from app import secrets
    from ui.settings_dialog import SettingsDialog

    main_window.open_settings()
    dialog = main_window.findChild(SettingsDialog)
    assert not hasattr(dialog, "user_edit")  # no free-text name any more
    assert dialog.identity_label.text().startswith("Camille Test")
    dialog.db_edit.setText("postgresql://lea.martin:s3cret-pw@db.agence.example:5433/tribune")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = main_window.settings.database_url
    assert stored == "postgresql://lea.martin@db.agence.example:5433/tribune"
    assert secrets.database_password("db.agence.example:5433", "lea.martin") == "s3cret-pw"
    main_window.settings.sync()
    settings_file = next(tmp_path.rglob("settings.ini"))
    assert "s3cret-pw" not in settings_file.read_text(encoding="utf-8")


def test_the_password_field_is_stored_for_the_login_of_the_address(
    qtbot, main_window, real_keyring
):
    from app import secrets
    from ui.settings_dialog import SettingsDialog

    main_window.open_settings()
    dialog = main_window.findChild(SettingsDialog)
    dialog.db_edit.setText("postgresql://sam@10.0.0.5/tribune")
    dialog.password_edit.setText("another-pw")
    dialog.accept()
    assert main_window.settings.database_url == "postgresql://sam@10.0.0.5/tribune"
    assert secrets.database_password("10.0.0.5:5432", "sam") == "another-pw"

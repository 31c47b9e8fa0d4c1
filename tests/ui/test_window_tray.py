"""Keep listening in the tray (Settings): closing the window hides it, the background sync
timer keeps running, and the tray icon's menu opens the window, syncs and quits."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.services.clients import workspaces as clients


@pytest.fixture
def tray_desktop(monkeypatch):
    """A desktop with a system tray (the test display has none)."""
    monkeypatch.setattr("ui.window_tray.tray_available", lambda: True)
    yield
    QApplication.setQuitOnLastWindowClosed(True)


def _set_option(qtbot, window, on: bool) -> None:
    from ui.settings_dialog import SettingsDialog

    window.open_settings()
    dialog = window.findChildren(SettingsDialog)[-1]
    assert dialog.tray_check.isChecked() is window.settings.keep_in_tray
    dialog.tray_check.setChecked(on)
    dialog.accept()
    assert window.settings.keep_in_tray is on


def test_off_by_default_closing_closes(qtbot, main_window, tray_desktop):
    assert main_window.settings.keep_in_tray is False
    # a crisis alert shown while the window is open: its tray icon has the menu too
    main_window.sync_bar.tray.shown.emit("Crisis alert: Aquarelle", "6 complaints")
    assert main_window.sync_bar.tray.icon().contextMenu() is main_window.tray_part.menu
    main_window.close()
    assert not main_window.isVisible()
    assert not main_window.tray_part.hidden_in_tray
    assert QApplication.quitOnLastWindowClosed()


def test_closed_window_keeps_syncing_in_the_tray(
    qtbot, main_window, sqlite_db, tray_desktop, monkeypatch
):
    with sqlite_db.session() as s:
        clients.create_client(s, "Aquarelle")
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients()
    _set_option(qtbot, main_window, True)
    bar = main_window.sync_bar
    bar.set_interval(1)
    main_window.close()
    assert not main_window.isVisible()  # hidden, not closed
    assert main_window.tray_part.hidden_in_tray
    assert not QApplication.quitOnLastWindowClosed()
    icon = main_window.tray_part.icon()
    assert icon.isVisible() and icon.contextMenu() is main_window.tray_part.menu
    texts = [a.text().replace("&", "") for a in icon.contextMenu().actions() if a.text()]
    assert texts == ["Open Tribune", "Sync now", "Quit"]
    assert bar.timer.isActive()  # the background sync still runs
    assert main_window.live is not None  # other seats' changes still arrive

    # the timer's run happens while hidden (sped up here: the timer fires now)
    with qtbot.waitSignal(bar.synced, timeout=30000):
        bar.timer.timeout.emit()
    # Sync now from the tray menu: the same run for every client
    with qtbot.waitSignal(bar.synced, timeout=30000):
        main_window.tray_part.sync_action.trigger()

    # a click on the icon opens the window again
    main_window.tray_part._activated(QSystemTrayIcon.ActivationReason.Trigger)
    qtbot.waitUntil(main_window.isVisible, timeout=5000)
    assert not main_window.tray_part.hidden_in_tray

    # Quit really closes (the areas flushed, the geometry saved), even with the option on
    quits = []
    monkeypatch.setattr(main_window.tray_part, "leave_app", lambda: quits.append(True))
    main_window.close()  # hidden again
    assert main_window.tray_part.hidden_in_tray
    main_window.tray_part.quit_action.trigger()
    assert quits == [True]
    assert not main_window.isVisible() and not icon.isVisible()
    assert main_window.settings.geometry() is not None

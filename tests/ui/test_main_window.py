"""The main window driven like a user: create a client, switch by sidebar, Ctrl+K, Ctrl+n."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.clients import workspaces as clients


def _add(db, *names):
    with db.session() as s:
        return [clients.create_client(s, n).id for n in names]


def test_welcome_then_create_first_client_through_the_dialog(qtbot, main_window, sqlite_db):
    assert main_window.pages.currentWidget() is main_window.welcome
    qtbot.mouseClick(main_window.welcome.new_button, Qt.MouseButton.LeftButton)
    from ui.client_dialog import ClientDialog

    dialog = main_window.findChild(ClientDialog)
    assert dialog is not None and dialog.isVisible()
    # QTest can only type ASCII (it aborts on "é"): type, then insert the accented part.
    qtbot.keyClicks(dialog.name_edit, "Aquarelle & P")
    dialog.name_edit.insert("étales")
    dialog.tz_combo.setCurrentText("Europe/Paris")
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert main_window.windowTitle() == "Tribune — Aquarelle & Pétales"
    assert main_window.pages.currentWidget() is main_window.workspace
    with sqlite_db.read() as s:
        assert clients.get_client(s, "aquarelle-petales").timezone == "Europe/Paris"


def test_dialog_shows_error_inline_and_keeps_typing(qtbot, main_window, sqlite_db):
    _add(sqlite_db, "Nuage")
    main_window.reload_clients()
    qtbot.waitUntil(lambda: main_window.client_model.rowCount() == 1)
    main_window.new_client()
    from ui.client_dialog import ClientDialog

    dialog = main_window.findChild(ClientDialog)
    qtbot.keyClicks(dialog.name_edit, "nuage")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=5000)
    assert "already exists" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.name_edit.text() == "nuage"


def test_switch_with_sidebar_ctrl_k_and_ctrl_number(qtbot, main_window, sqlite_db):
    _add(sqlite_db, "Aquarelle & Pétales", "Banque Solidaire", "Nuage Logiciel")
    with qtbot.waitSignal(main_window.clients_loaded):
        main_window.reload_clients()
    # sidebar click
    index = main_window.client_model.index(1)
    rect = main_window.sidebar.visualRect(index)
    qtbot.mouseClick(main_window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main_window.windowTitle() == "Tribune — Banque Solidaire"
    # the search hint opens the switcher and never takes the keyboard's focus (set once the
    # complete window has painted: ui.sidebar.settle)
    assert main_window.switch_hint.focusPolicy() == Qt.FocusPolicy.NoFocus
    # Ctrl+K, type without accents, Enter
    qtbot.keyClick(main_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    switcher = main_window.commands.switcher
    qtbot.waitUntil(switcher.isVisible)
    qtbot.keyClicks(switcher.edit, "petales")
    assert switcher.proxy.rowCount() == 1
    qtbot.keyClick(switcher.edit, Qt.Key.Key_Return)
    assert main_window.windowTitle() == "Tribune — Aquarelle & Pétales"
    # Ctrl+3
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.windowTitle() == "Tribune — Nuage Logiciel"
    assert main_window.settings.last_client_id == main_window.current_client.id


def test_delete_client_requires_typed_name(qtbot, main_window, sqlite_db):
    _add(sqlite_db, "Hôtel Les Embruns")
    with qtbot.waitSignal(main_window.clients_loaded):
        main_window.reload_clients()
    main_window.delete_client()
    from ui.client_delete_dialog import DeleteClientDialog

    dialog = main_window.findChild(DeleteClientDialog)
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.confirm_edit, "H")
    dialog.confirm_edit.insert("ô")
    qtbot.keyClicks(dialog.confirm_edit, "tel Les Embrun")
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.confirm_edit, "s")
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert main_window.pages.currentWidget() is main_window.welcome
    from app.services.people import audit

    with sqlite_db.read() as s:
        assert clients.list_clients(s, include_archived=True) == []
        assert audit.entries(s, action="client.delete")[0].details["name"] == "Hôtel Les Embruns"


def test_showing_a_charter_never_pushes_the_window_off_screen(qtbot, main_window, sqlite_db):
    """Qt grows a window to its layout's minimum and never shrinks it back: a toolbar that
    showed every action for a moment left the right edge (and its buttons) off-screen."""
    from app.services.charter import versions as charter

    with sqlite_db.session() as s:
        client_id = clients.create_client(s, "Aquarelle & Pétales").id
        charter.create_from_template(s, client_id, "fr")
    main_window.resize(1280, 800)
    with qtbot.waitSignal(main_window.clients_loaded):
        main_window.reload_clients()
    main_window.show_area("charter")
    area = main_window.current_area()
    qtbot.waitUntil(lambda: area.doc is not None, timeout=10000)
    qtbot.wait(200)
    assert main_window.width() == 1280
    assert area.export_button.isVisible() and area.send_button.isVisible()
    assert not area.scan_button.isVisible()

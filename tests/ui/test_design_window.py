"""The main window's desktop conventions, driven like a user: the Edit menu acts on the
focused field, Sync now has F5, F1 lists every shortcut, the status bar follows the area,
and the styled window still fits a small screen in both languages and both schemes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit

from app.i18n import install_translators
from app.services.clients import workspaces as clients
from ui.design import apply_theme


def _add_client(window, sqlite_db, qtbot, name="Fleurs de Lyon"):
    with sqlite_db.session() as s:
        clients.create_client(s, name)
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.reload_clients()
    qtbot.waitUntil(lambda: window.current_client is not None)


def test_edit_menu_acts_on_the_focused_field(qtbot, main_window, sqlite_db):
    _add_client(main_window, sqlite_db, qtbot)
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Client", "&View", "&Help"]
    field = QLineEdit(main_window.workspace)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "bonjour")
    acts = main_window.edit_actions
    acts["select-all"].trigger()
    assert field.selectedText() == "bonjour"
    acts["copy"].trigger()
    assert QGuiApplication.clipboard().text() == "bonjour"
    acts["cut"].trigger()
    assert field.text() == ""
    acts["paste"].trigger()
    acts["paste"].trigger()
    assert field.text() == "bonjourbonjour"
    acts["undo"].trigger()
    assert field.text() == "bonjour"
    acts["redo"].trigger()
    assert field.text() == "bonjourbonjour"
    # the standard keys are on the actions (Undo/Redo show theirs, handled by the editors)
    assert QKeySequence(QKeySequence.StandardKey.Copy) in acts["copy"].shortcuts()
    assert "\t" in acts["undo"].text()
    # the menu greys out what the focused widget cannot do
    main_window.sidebar.setFocus()
    qtbot.waitUntil(main_window.sidebar.hasFocus)
    main_window._update_edit_actions()
    assert not acts["paste"].isEnabled() and acts["select-all"].isEnabled()


def test_sync_now_is_in_the_client_menu_with_f5(qtbot, main_window, sqlite_db, monkeypatch):
    _add_client(main_window, sqlite_db, qtbot)
    calls = []
    monkeypatch.setattr(main_window.sync_bar, "sync_now", lambda: calls.append(1))
    act = main_window.act_sync
    assert act in main_window._menus["client"].actions()
    assert QKeySequence("F5") in act.shortcuts() and QKeySequence("Ctrl+R") in act.shortcuts()
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    assert calls == [1]


def test_f1_lists_every_shortcut_of_the_menus(qtbot, main_window, sqlite_db):
    from ui.shortcuts_dialog import ShortcutsDialog

    _add_client(main_window, sqlite_db, qtbot)
    assert QKeySequence("Ctrl+/") in main_window.act_shortcuts.shortcuts()
    main_window.act_shortcuts.trigger()
    dialog = main_window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dialog.texts()
    shown = {text for _keys, text in rows}
    for menu_action in main_window.menuBar().actions():
        for act in menu_action.menu().actions():
            if act.shortcuts() or act.data():
                text = act.text().split("\t")[0].replace("&", "").rstrip("…").strip()
                assert text in shown, text
    keys = {k for k, _t in rows}
    assert "F5, Ctrl+R" in keys and "J" in keys and "Ctrl+1 … Ctrl+9" in keys
    # no dedicated-key names ("Copy", "Help") in the list
    assert not any(part.strip() in ("Copy", "Help", "New") for k in keys for part in k.split(","))
    dialog.reject()


def test_status_bar_is_cleared_when_the_area_changes(qtbot, main_window, sqlite_db):
    _add_client(main_window, sqlite_db, qtbot)
    main_window.show_area("charter")
    main_window.statusBar().showMessage("Charte enregistrée", 60000)
    main_window.show_area("inbox")
    assert main_window.statusBar().currentMessage() == ""


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_styled_window_fits_a_1366_screen(qtbot, qapp, sqlite_db, ui_settings, language, mode):
    from ui.design.theme import unstyle
    from ui.main_window import MainWindow

    install_translators(language)
    palette = qapp.palette()
    apply_theme(qapp, mode)
    try:
        window = MainWindow(ui_settings)
        qtbot.addWidget(window)
        window.show()
        with sqlite_db.session() as s:
            clients.create_client(s, "Fédération régionale des artisans fleuristes d'Occitanie")
        with qtbot.waitSignal(window.clients_loaded, timeout=10000):
            window.set_database(sqlite_db)
        qtbot.waitUntil(lambda: window.current_client is not None)
        assert window.minimumSizeHint().width() <= 1100
        window.resize(1366, 730)
        qtbot.wait(50)
        assert window.width() == 1366 and window.height() <= 768
        assert not window.area_tabs.tabIcon(0).isNull()
        window.tasks.wait(10000)
    finally:
        unstyle(qapp, palette)
        install_translators("en")

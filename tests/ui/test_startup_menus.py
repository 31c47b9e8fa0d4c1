"""The menus at start-up: every action and its keys exist with the complete window's first
paint (:meth:`ui.window_menus.WindowMenus.build`), the menus themselves are filled a paint
later or when one opens (:meth:`~ui.window_menus.WindowMenus.fill`)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from ui.main_window import MainWindow


def _visible_window(qtbot, ui_settings) -> MainWindow:
    """The window as the start-up leaves it at the complete paint: built up to
    build_visible(), no workspace, no database."""
    window = MainWindow(ui_settings, complete=False)
    qtbot.addWidget(window)
    window.build_visible()
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_every_menu_shortcut_fires_before_any_menu_was_opened(qtbot, ui_settings):
    window = _visible_window(qtbot, ui_settings)
    assert window._complete is False
    assert all(menu.actions() == [] for menu in window._menus.values())  # not filled yet

    actions = [a for a in window.actions() if isinstance(a, QAction) and a.shortcuts()]
    texts = {a.text() for a in actions}
    for expected in ("&New client…", "&Settings…", "&Quit", "S&ync now", "&Edit client…",
                     "&Switch client…", "&Reload the client list", "&Keyboard shortcuts",
                     "Cu&t", "&Copy", "&Paste", "Select &all"):  # fmt: skip
        assert expected in texts, expected
    fired: list[str] = []
    for act in actions:  # what each key does is tested elsewhere: here, that it reaches it
        act.triggered.disconnect()
        act.triggered.connect(lambda _=False, act=act: fired.append(act.text()))
    for shortcut in window.client_shortcuts:  # Ctrl+1…9: the sidebar's first nine clients
        shortcut.activated.disconnect()
        shortcut.activated.connect(lambda s=shortcut: fired.append(s.key().toString()))

    pressed = 0
    for act in actions:
        for sequence in act.shortcuts():
            combination = sequence[0]
            before = len(fired)
            qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())
            assert fired[before:] == [act.text()], (sequence.toString(), fired[before:])
            pressed += 1
    for shortcut in window.client_shortcuts:
        combination = shortcut.key()[0]
        qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())
    assert fired[-9:] == [f"Ctrl+{n}" for n in range(1, 10)]
    assert pressed >= 20  # every key of every action, standard alternatives included
    assert all(menu.actions() == [] for menu in window._menus.values())  # still not filled


def test_a_menu_opened_before_the_workspace_is_filled_then(qtbot, ui_settings):
    window = _visible_window(qtbot, ui_settings)
    file_menu = window._menus["file"]
    file_menu.aboutToShow.emit()  # what opening it first does
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts[0] == "&New client…" and texts[-1] == "&Quit"
    assert all(not a.icon().isNull() for a in file_menu.actions() if not a.isSeparator())
    assert [a.text() for a in window._menus["view"].actions()][:5] == [
        "Charter", "Calendar", "Inbox", "Charts", "Listening",
    ]  # fmt: skip
    count = len(file_menu.actions())
    window.finish_build()  # fills them too: once only
    assert len(file_menu.actions()) == count


def test_the_workspace_fills_the_menus_and_alt_keys_build_it(qtbot, ui_settings):
    window = _visible_window(qtbot, ui_settings)
    window.show_area_index(2)  # Alt+3 before the workspace existed: built on that key
    assert window._complete is True
    assert window.area_tabs.currentIndex() == 2
    assert len(window._menus["client"].actions()) > 5
    assert window.act_sync in window._menus["client"].actions()

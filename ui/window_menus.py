"""The main window's menus and shortcuts: File, Edit, Client, View, Help.

A part :class:`ui.main_window.MainWindow` owns, built in two steps at start-up:
:meth:`WindowMenus.build` makes every action with its shortcuts and slot, on the window (its
keys work at once, with the complete window's first paint); :meth:`WindowMenus.fill` puts
them in the menus with their icons, just after that paint (``ui.window_layout.build_rest``)
or when a menu opens first, whichever comes first: ~2 ms the first paint does not wait for.
Edit's actions act on the widget that has the keyboard focus, as in any desktop app;
"Sync now" lives in the Client menu with F5; F1 and Ctrl+/ show every shortcut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui import icons
from ui.areas import AREA_KEYS, area_title

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

# Edit action → the focused widget's method that does it
EDIT_METHODS = {
    "undo": "undo",
    "redo": "redo",
    "cut": "cut",
    "copy": "copy",
    "paste": "paste",
    "select-all": "selectAll",
}


class WindowMenus(QObject):
    """A part of the main window (``window.menus_part``); the actions it makes are the
    window's (``window.act_sync``…), as are the menus (``window._menus``)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        # menu key → its items in order: (action, icon name or None), or None for a separator
        self.items: dict[str, list[tuple[QAction, str | None] | None]] = {}
        self.filled = False

    def build(self) -> None:
        """Every action with its keys and slot, on the window; the menus stay empty until
        :meth:`fill` (their titles are the shell's)."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QAction, QKeySequence, QShortcut

        w = self.window
        for menu in w._menus.values():
            menu.aboutToShow.connect(self.fill)  # (before Edit's own aboutToShow below)

        SK = QKeySequence.StandardKey
        m_file = "file"
        w.act_new_client = self._action(
            m_file, self.tr("&New client…"), w.new_client, SK.New, icon="add-client"
        )
        self._separator(m_file)
        self._action(m_file, self.tr("&Back up…"), w.backup, icon="backup")
        self._action(m_file, self.tr("&Restore a backup…"), w.restore, icon="restore")
        self._separator(m_file)
        w.act_people = self._action(
            m_file, self.tr("&People and rights…"), w.open_people, icon="people"
        )
        self._action(
            m_file,
            self.tr("&Waiting for approval…"),
            lambda: w.open_people(1),
            icon="approval",
        )
        self._action(m_file, self.tr("A&udit log…"), lambda: w.open_people(2), icon="audit")
        w.act_agency = self._action(m_file, self.tr("A&gency…"), w.open_agency, icon="agency")
        self._separator(m_file)
        self._action(
            m_file,
            self.tr("&Settings…"),
            w.open_settings,
            SK.Preferences,
            "Ctrl+,",
            icon="settings",
        )
        self._separator(m_file)
        act = self._action(m_file, self.tr("&Quit"), self.quit, SK.Quit, "Ctrl+Q", icon="quit")
        act.setMenuRole(QAction.MenuRole.QuitRole)

        m_edit = "edit"
        w.edit_actions = {}  # key → QAction
        for key, text, standard, shortcut in (
            # Undo/Redo only show their keys: the focused editor and the calendar's undo
            # stack own Ctrl+Z themselves, and a second owner would make the key ambiguous.
            ("undo", self.tr("&Undo"), SK.Undo, False),
            ("redo", self.tr("&Redo"), SK.Redo, False),
            (None, None, None, None),
            ("cut", self.tr("Cu&t"), SK.Cut, True),
            ("copy", self.tr("&Copy"), SK.Copy, True),
            ("paste", self.tr("&Paste"), SK.Paste, True),
            (None, None, None, None),
            ("select-all", self.tr("Select &all"), SK.SelectAll, True),
        ):
            if key is None:
                self._separator(m_edit)
                continue
            slot = lambda _=False, key=key: self.edit_focused(key)  # noqa: E731
            if shortcut:
                act = self._action(m_edit, text, slot, standard, icon=key)
            else:
                act = self._action(m_edit, text, slot, icon=key)
                keys = QKeySequence.keyBindings(standard)
                if keys:
                    act.setText(
                        f"{text}\t{keys[0].toString(QKeySequence.SequenceFormat.NativeText)}"
                    )
                    act.setData(keys[0].toString())  # the shortcut reference reads it
            w.edit_actions[key] = act
        w._menus["edit"].aboutToShow.connect(self._update_edit_actions)

        m_client = "client"
        w.act_sync = self._action(
            m_client, self.tr("S&ync now"), self.sync_now, None, "F5", icon="sync"
        )
        w.act_sync.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self._separator(m_client)
        w.act_edit_client = self._action(
            m_client, self.tr("&Edit client…"), w.edit_client, None, "Ctrl+E", icon="edit"
        )
        w.act_switch = self._action(
            m_client, self.tr("&Switch client…"), w.quick_switch, None, "Ctrl+K", icon="switch"
        )
        self._separator(m_client)
        w.act_archive = self._action(
            m_client, self.tr("&Archive client"), w.toggle_archive, icon="archive"
        )
        w.act_delete = self._action(
            m_client, self.tr("&Delete client…"), w.delete_client, icon="delete"
        )
        self._separator(m_client)
        w.act_show_archived = self._action(
            m_client, self.tr("Show archived clients"), w.commands.toggle_show_archived
        )
        w.act_show_archived.setCheckable(True)

        m_view = "view"
        for i, key in enumerate(AREA_KEYS):
            self._action(
                m_view,
                area_title(key),
                lambda _=False, i=i: w.show_area_index(i),
                None,
                f"Alt+{i + 1}",
                icon=icons.AREA_ICONS[key],
            )
        self._separator(m_view)
        self._action(
            m_view, self.tr("&Reload the client list"), w.reload_clients, None, "Ctrl+Shift+R",
            icon="refresh",
        )  # fmt: skip

        m_help = "help"
        w.act_shortcuts = self._action(
            m_help, self.tr("&Keyboard shortcuts"), self.show_shortcuts, SK.HelpContents, "F1",
            icon="keyboard",
        )  # fmt: skip
        w.act_shortcuts.setShortcuts([*w.act_shortcuts.shortcuts(), QKeySequence("Ctrl+/")])
        self._separator(m_help)
        act = self._action(m_help, self.tr("&About Tribune"), w.about, icon="about")
        act.setMenuRole(QAction.MenuRole.AboutRole)
        act = self._action(
            m_help,
            self.tr("About &Qt"),
            QCoreApplication.instance().aboutQt if QCoreApplication.instance() else None,
        )
        act.setMenuRole(QAction.MenuRole.AboutQtRole)

        # Ctrl+1…9: the first nine clients of the sidebar.
        w.client_shortcuts = []
        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), w)
            shortcut.activated.connect(lambda n=n: w.select_client_number(n))
            w.client_shortcuts.append(shortcut)

    def _action(
        self, menu: str, text, slot, standard=None, fallback: str | None = None, *, icon=None
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        act = QAction(text, self.window)
        keys = QKeySequence.keyBindings(standard) if standard is not None else []
        if fallback and not any(k.toString() == fallback for k in keys):
            keys = [*keys, QKeySequence(fallback)]
        if keys:
            act.setShortcuts(keys)
        if slot is not None:
            act.triggered.connect(slot)
        self.window.addAction(act)  # on the window: its keys work everywhere in it, menu or not
        self.items.setdefault(menu, []).append((act, icon))
        return act

    def _separator(self, menu: str) -> None:
        self.items.setdefault(menu, []).append(None)

    def fill(self) -> None:
        """The actions into their menus, with their icons (once)."""
        if self.filled:
            return
        self.filled = True
        for key, items in self.items.items():
            menu = self.window._menus[key]
            for item in items:
                if item is None:
                    menu.addSeparator()
                    continue
                act, icon = item
                if icon:
                    icons.set_icon(act, icon)
                menu.addAction(act)

    def quit(self) -> None:
        w = self.window
        tray = getattr(w, "tray_part", None)  # (built with the workspace, a paint later)
        if tray is not None:
            tray.quit()
        else:
            w.close()

    # -- edit ------------------------------------------------------------------------------
    def edit_target(self, key: str):
        """What Edit › ``key`` acts on: the focused widget, else the area's undo stack."""
        from PySide6.QtWidgets import QApplication

        w = self.window
        method = EDIT_METHODS[key]
        widget = QApplication.focusWidget()
        for candidate in (widget, getattr(widget, "lineEdit", lambda: None)()):
            if candidate is not None and callable(getattr(candidate, method, None)):
                return getattr(candidate, method)
        if key in ("undo", "redo"):
            area = w.current_area()
            action = getattr(area, f"{key}_action", None)
            if action is not None and action.isEnabled():
                return action.trigger
        return None

    def edit_focused(self, key: str) -> bool:
        target = self.edit_target(key)
        if target is None:
            return False
        target()
        return True

    def _update_edit_actions(self) -> None:
        w = self.window
        for key, act in w.edit_actions.items():
            act.setEnabled(self.edit_target(key) is not None)

    # -- sync and help ---------------------------------------------------------------------
    def sync_now(self) -> None:
        w = self.window
        if w.current_client is not None:  # the bar ignores a second press while busy
            w.sync_bar.sync_now()

    def show_shortcuts(self) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog

        self.fill()  # the dialog lists the menus' actions
        w = self.window
        dialog = ShortcutsDialog(w)
        dialog.open()
        w._shortcuts_dialog = dialog

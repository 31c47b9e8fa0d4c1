"""The main window's menus and shortcuts: File, Edit, Client, View, Help.

Mixed into :class:`ui.main_window.MainWindow` (built after the first paint, see there).
Edit's actions act on the widget that has the keyboard focus, as in any desktop app;
"Sync now" lives in the Client menu with F5; F1 and Ctrl+/ show every shortcut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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


class WindowMenus:
    def _build_menus(self) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QAction, QKeySequence, QShortcut

        SK = QKeySequence.StandardKey
        m_file = self._menus["file"]
        self.act_new_client = self._action(
            m_file, self.tr("&New client…"), self.new_client, SK.New, icon="add-client"
        )
        m_file.addSeparator()
        self._action(m_file, self.tr("&Back up…"), self.backup, icon="backup")
        self._action(m_file, self.tr("&Restore a backup…"), self.restore, icon="restore")
        m_file.addSeparator()
        self.act_people = self._action(
            m_file, self.tr("&People and rights…"), self.open_people, icon="people"
        )
        self._action(
            m_file,
            self.tr("&Waiting for approval…"),
            lambda: self.open_people(1),
            icon="approval",
        )
        self._action(m_file, self.tr("A&udit log…"), lambda: self.open_people(2), icon="audit")
        self.act_agency = self._action(m_file, self.tr("A&gency…"), self.open_agency, icon="agency")
        m_file.addSeparator()
        self._action(
            m_file,
            self.tr("&Settings…"),
            self.open_settings,
            SK.Preferences,
            "Ctrl+,",
            icon="settings",
        )
        m_file.addSeparator()
        act = self._action(
            m_file, self.tr("&Quit"), self.tray_part.quit, SK.Quit, "Ctrl+Q", icon="quit"
        )
        act.setMenuRole(QAction.MenuRole.QuitRole)

        m_edit = self._menus["edit"]
        self.edit_actions: dict[str, QAction] = {}
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
                m_edit.addSeparator()
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
            self.edit_actions[key] = act
        m_edit.aboutToShow.connect(self._update_edit_actions)

        m_client = self._menus["client"]
        self.act_sync = self._action(
            m_client, self.tr("S&ync now"), self.sync_now, None, "F5", icon="sync"
        )
        self.act_sync.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        m_client.addSeparator()
        self.act_edit_client = self._action(
            m_client, self.tr("&Edit client…"), self.edit_client, None, "Ctrl+E", icon="edit"
        )
        self.act_switch = self._action(
            m_client, self.tr("&Switch client…"), self.quick_switch, None, "Ctrl+K", icon="switch"
        )
        m_client.addSeparator()
        self.act_archive = self._action(
            m_client, self.tr("&Archive client"), self.toggle_archive, icon="archive"
        )
        self.act_delete = self._action(
            m_client, self.tr("&Delete client…"), self.delete_client, icon="delete"
        )
        m_client.addSeparator()
        self.act_show_archived = self._action(
            m_client, self.tr("Show archived clients"), self.commands.toggle_show_archived
        )
        self.act_show_archived.setCheckable(True)

        m_view = self._menus["view"]
        for i, key in enumerate(AREA_KEYS):
            self._action(
                m_view,
                area_title(key),
                lambda _=False, i=i: self.show_area_index(i),
                None,
                f"Alt+{i + 1}",
                icon=icons.AREA_ICONS[key],
            )
        m_view.addSeparator()
        self._action(
            m_view, self.tr("&Reload the client list"), self.reload_clients, None, "Ctrl+Shift+R",
            icon="refresh",
        )  # fmt: skip

        m_help = self._menus["help"]
        self.act_shortcuts = self._action(
            m_help, self.tr("&Keyboard shortcuts"), self.show_shortcuts, SK.HelpContents, "F1",
            icon="keyboard",
        )  # fmt: skip
        self.act_shortcuts.setShortcuts([*self.act_shortcuts.shortcuts(), QKeySequence("Ctrl+/")])
        m_help.addSeparator()
        act = self._action(m_help, self.tr("&About Tribune"), self.about, icon="about")
        act.setMenuRole(QAction.MenuRole.AboutRole)
        act = self._action(
            m_help,
            self.tr("About &Qt"),
            QCoreApplication.instance().aboutQt if QCoreApplication.instance() else None,
        )
        act.setMenuRole(QAction.MenuRole.AboutQtRole)

        # Ctrl+1…9: the first nine clients of the sidebar.
        self.client_shortcuts = []
        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            shortcut.activated.connect(lambda n=n: self.select_client_number(n))
            self.client_shortcuts.append(shortcut)

    def _action(
        self, menu, text, slot, standard=None, fallback: str | None = None, *, icon=None
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        act = QAction(text, self)
        keys = QKeySequence.keyBindings(standard) if standard is not None else []
        if fallback and not any(k.toString() == fallback for k in keys):
            keys = [*keys, QKeySequence(fallback)]
        if keys:
            act.setShortcuts(keys)
        if slot is not None:
            act.triggered.connect(slot)
        if icon:
            icons.set_icon(act, icon)
        menu.addAction(act)
        return act

    # -- edit ------------------------------------------------------------------------------
    def edit_target(self, key: str):
        """What Edit › ``key`` acts on: the focused widget, else the area's undo stack."""
        from PySide6.QtWidgets import QApplication

        method = EDIT_METHODS[key]
        widget = QApplication.focusWidget()
        for candidate in (widget, getattr(widget, "lineEdit", lambda: None)()):
            if candidate is not None and callable(getattr(candidate, method, None)):
                return getattr(candidate, method)
        if key in ("undo", "redo"):
            area = self.current_area()
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
        for key, act in self.edit_actions.items():
            act.setEnabled(self.edit_target(key) is not None)

    # -- sync and help ---------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.current_client is not None:  # the bar ignores a second press while busy
            self.sync_bar.sync_now()

    def show_shortcuts(self) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.open()
        self._shortcuts_dialog = dialog

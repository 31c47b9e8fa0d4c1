"""The client commands of the main window, a part it owns: new, edit, switch, archive,
delete, show archived. Each opens its dialog or runs a WriteOp; the window reloads its list.

The window (``window``) provides ``db``, ``tasks``, ``current_client``, ``client_model``,
``reload_clients`` and ``select_client``; the menus and buttons connect to these methods.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class ClientCommands(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.switcher = None
        self.show_archived = False

    def new_client(self) -> None:
        self._open_dialog(None)

    def edit_client(self) -> None:
        client = self.window.current_client
        if client is not None:
            self._open_dialog(client.id)

    def _open_dialog(self, client_id: int | None) -> None:
        w = self.window
        if w.db is None:
            return
        from ui.client_dialog import ClientDialog

        dialog = ClientDialog(w.db, w.tasks, client_id, w)
        dialog.saved.connect(lambda info: w.reload_clients(select_id=info.id))
        dialog.open()

    def quick_switch(self) -> None:
        from ui.switcher import QuickSwitcher

        w = self.window
        dialog = QuickSwitcher(w.client_model, w)
        dialog.accepted.connect(lambda: dialog.chosen_id and w.select_client(dialog.chosen_id))
        dialog.open()
        self.switcher = dialog

    def toggle_show_archived(self, checked: bool) -> None:
        self.show_archived = checked
        self.window.reload_clients()

    def toggle_archive(self) -> None:
        w = self.window
        client = w.current_client
        if client is None or w.db is None:
            return
        from app.services.clients import workspaces as client_service
        from ui.operations import WriteOp

        WriteOp(
            w,
            lambda session: client_service.set_archived(session, client.id, not client.archived),
            lambda info: w.reload_clients(),
        ).run()

    def delete_client(self) -> None:
        w = self.window
        if w.current_client is None or w.db is None:
            return
        from ui.client_delete_dialog import DeleteClientDialog

        dialog = DeleteClientDialog(w.db, w.current_client, w.tasks, w)
        dialog.deleted.connect(lambda: (setattr(w, "current_client", None), w.reload_clients()))
        dialog.open()

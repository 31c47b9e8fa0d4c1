"""The main window: client sidebar, the current client's four areas, menus and shortcuts.

Start-up: :func:`ui.application.start` shows the window as a light shell first — the dark
client panel with the brand, the clients as last seen, the menu titles, "Opening the
database…" — built only from Qt classes a bare window needs too. Then, a paint apart, what
the window shows while the database opens (:meth:`MainWindow.build_visible`: the client list,
the menus' actions), then what only the database's answer shows (:meth:`MainWindow.finish_build`:
the workspace header with the area tabs), then the database is opened. The steps are in
:mod:`ui.window_layout`. PySide6 creates each Qt class on first use and the ``Qt`` namespace
alone costs ~20 ms, so nothing imported here touches it before the first paint. Constructed
directly (tests, scripts), the window is complete at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from ui import window_layout, window_snapshot
from ui.areas import AREA_KEYS, AreaServices, WorkspaceArea, create_area
from ui.settings import Settings
from ui.tasks import TaskRunner
from ui.window_fit import fit_to_screen, keep_on_screen
from ui.window_live import same_scope

if TYPE_CHECKING:  # SQLAlchemy is imported after the first paint, by the loading task
    from app.db import Database
    from app.services.clients.workspaces import ClientInfo
    from ui.sidebar import ClientListModel


class MainWindow(QMainWindow):
    """Tribune's window. The database may arrive after the first paint (:meth:`set_database`).

    It owns its parts: the workspace header (:class:`ui.window_header.WorkspaceHeader`), the
    client commands (:class:`ui.window_clients.ClientCommands`, ``commands``), the agency's
    actions (:class:`ui.window_actions.WindowActions`, ``agency_actions``), whose methods it
    offers under their own names for the menus, the change feed's side
    (:class:`ui.window_live.WindowLive`, ``live_part``), the menus (``menus_part``) and the
    tray (``tray_part``).

    Signals:
        client_changed(object): the ClientInfo now shown (or None).
        clients_loaded(): the sidebar was (re)filled.
    """

    client_changed = Signal(object)
    clients_loaded = Signal()

    def __init__(
        self,
        settings: Settings,
        tasks: TaskRunner | None = None,
        parent=None,
        *,
        complete: bool = True,
    ) -> None:
        """``complete=False`` shows a shell until :meth:`finish_build` (start-up path)."""
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks or TaskRunner(self)
        self.db: Database | None = None
        self.services: AreaServices | None = None
        self.current_client: ClientInfo | None = None
        self.client_model: ClientListModel | None = None
        self._areas: dict[str, WorkspaceArea] = {}
        self.live = None  # ui.live.LiveFeed once a database is open
        self.areas_preloaded: list[str] | None = None  # areas imported ahead (ui.application)
        self._visible = self._complete = False  # build_visible() ran, finish_build() ran
        self.setObjectName("mainWindow")
        self.setWindowTitle("Tribune")
        window_layout.build_shell(self)
        self.closing = None  # ui.window_closing.CloseAfterWrites, from the first close
        self._badge_timer = QTimer(self)
        self._badge_timer.setInterval(60_000)
        self._badge_timer.timeout.connect(self.refresh_badges)
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self)
        else:
            keep_on_screen(self)
        if complete:
            self.finish_build()

    def build_visible(self) -> None:
        """Build what the window shows while the database opens: the client list (the
        clients as last seen), the menus' actions and shortcuts (once)."""
        if not self._visible:
            self._visible = True
            window_layout.build_visible(self)

    def finish_build(self) -> None:
        """Build the rest: the workspace header with the area tabs, the welcome page (once)."""
        self.build_visible()
        if not self._complete:
            self._complete = True
            window_layout.build_rest(self)

    # -- database ---------------------------------------------------------------------------
    def set_database(self, db: Database) -> None:
        self.finish_build()
        self.db = db
        self.live_part.start(db)
        self.services = AreaServices(db, self.tasks, self.settings, self.live)
        self.db_label.setText(db.display_url() if not db.is_sqlite else self.tr("Local database"))
        self.db_label.setToolTip(db.display_url())
        for area in self._areas.values():
            area.deleteLater()
        self._areas.clear()
        self.current_client = None  # (a snapshot's, or a restored database's: shown anew)
        self.reload_clients()
        self._badge_timer.start()
        self.sync_bar.set_database(db)
        self.sync_bar.set_interval(self.settings.sync_interval_minutes)
        from ui.people import apply_rights

        apply_rights(self)

    def reload_clients(self, select_id: int | None = None) -> None:
        if self.db is None:
            return
        from ui.operations import QueryOp

        archived = self.commands.show_archived

        def load(session):
            from app.services.clients import workspaces as client_service
            from app.services.clients.badges import client_badges

            return (
                client_service.list_clients(session, include_archived=archived),
                client_badges(session),
            )

        QueryOp(self, load, lambda result: self._clients_loaded(result, select_id)).run()

    def _clients_loaded(self, result, select_id: int | None) -> None:
        rows, badges = result
        self.client_model.set_clients(rows)
        if not self.commands.show_archived:  # what the next start shows first
            window_snapshot.save(self.settings, rows)
        self.client_model.set_badges(badges)
        if not rows:
            self.pages.setCurrentWidget(self.welcome)
            self._show_client(None)
        else:
            self.pages.setCurrentWidget(self.workspace)
            wanted = (
                select_id
                or (self.current_client.id if self.current_client else None)
                or self.settings.last_client_id
            )
            if wanted is None or self.client_model.row_of(wanted) < 0:
                wanted = rows[0].id
            self.select_client(wanted)
        self.clients_loaded.emit()

    def refresh_badges(self) -> None:
        if self.db is None:
            return
        from app.services.clients.badges import client_badges
        from ui.operations import QueryOp

        QueryOp(self, client_badges, self.client_model.set_badges).latest("badges").failure(
            lambda exc: None  # the badges come back with the next change or minute
        ).run()

    # -- clients ----------------------------------------------------------------------------
    def select_client(self, client_id: int) -> None:
        row = self.client_model.row_of(client_id)
        if row < 0:
            return
        client = self.client_model.clients()[row]
        self.sidebar.select_client(client_id)
        if self.db is None:  # a row of the snapshot: opened once the database answers
            self.settings.last_client_id = client_id
            return
        current = self.current_client
        if current is not None and current.id == client_id:
            if current == client:
                return
            if same_scope(current, client):  # a rename, a note, another seat's edit
                self.live_part.relabel_client(client)
                return
        self._show_client(client)

    def select_client_number(self, n: int) -> None:
        rows = self.client_model.clients()
        if 0 < n <= len(rows):
            self.select_client(rows[n - 1].id)

    def _show_client(self, client: ClientInfo | None) -> None:
        for area in self._areas.values():
            area.hand_off()
        self.current_client = client
        if client is None:
            self.setWindowTitle("Tribune")
            self.client_title.setText("")
        else:
            self.setWindowTitle(f"Tribune — {client.name}")
            self.client_title.setText(client.name)
            self.settings.last_client_id = client.id
        for area in self._areas.values():
            area.set_client(client)
        self.sync_bar.set_client(client.id if client else None)
        if client is not None:
            self._ensure_area(self.area_tabs.currentIndex())
        has = client is not None
        for act in (self.act_edit_client, self.act_archive, self.act_delete, self.act_sync):
            act.setEnabled(has)
        if client is not None:
            self.act_archive.setText(
                self.tr("Un&archive client") if client.archived else self.tr("&Archive client")
            )
        self.client_changed.emit(client)

    def current_area(self) -> WorkspaceArea | None:
        return self._areas.get(AREA_KEYS[self.area_tabs.currentIndex()])

    def show_area(self, key: str) -> None:
        self.show_area_index(AREA_KEYS.index(key))

    def show_area_index(self, index: int) -> None:
        self.finish_build()  # (Alt+1…5 work from the first paint, before the workspace)
        self.area_tabs.setCurrentIndex(index)
        self._ensure_area(index)

    def _restyle(self, _scheme=None) -> None:
        """The scheme changed: icons painted from the palette are drawn again."""
        self.header.restyle()
        self.sidebar.viewport().update()

    def _area_changed(self, index: int) -> None:
        self.statusBar().clearMessage()  # a message was about the area the user left
        self._ensure_area(index)
        self.settings.last_area = AREA_KEYS[index]

    def _ensure_area(self, index: int) -> None:
        if self.services is None or index < 0:
            return
        key = AREA_KEYS[index]
        area = self._areas.get(key)
        if area is None:
            try:
                area = create_area(key, self.services, self)
            except Exception as exc:  # an area that fails to build never takes the app down
                from ui.messages import show_error

                show_error(self, exc)
                return
            area.setObjectName(f"area_{key}")
            area.counts_changed.connect(self.refresh_badges)
            area.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self._areas[key] = area
            self.area_stack.addWidget(area)
            area.set_client(self.current_client)
        self.area_stack.setCurrentWidget(area)

    def _after_sync(self, _report) -> None:
        """New messages and published posts reach the areas and badges by the change feed:
        what this seat's sync wrote is delivered now, like any other change."""
        if self.live is not None:
            self.live.catch_up_own()

    # -- lifecycle --------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self._complete and self.tray_part.close_requested(event):
            return  # hidden in the tray: the sync timer and the feed keep running
        for area in self._areas.values():
            area.hand_off()  # what was typed goes out as writes on workers
        if self.closing is None:
            from ui.window_closing import CloseAfterWrites

            self.closing = CloseAfterWrites(self)
        if self.closing.holds(event):
            return  # closed again once those writes landed (ui.window_closing)
        if self.live is not None:
            self.live_part.stop()
        self.settings.save_geometry(self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)

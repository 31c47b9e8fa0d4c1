"""The main window: client sidebar, the current client's four areas, menus and shortcuts.

Start-up: :func:`ui.application.start` shows the window as a light shell first — the dark
client panel with the brand, the menu titles, "Opening the database…" — built only from Qt
classes a bare window needs too. The rest (client list, header with the area tabs, the menus'
actions, shortcuts) is built by :meth:`MainWindow.finish_build` just after the first paint,
then the database is opened. PySide6 creates each Qt class on first use and the ``Qt``
namespace alone costs ~15 ms, so nothing imported here touches it before the first paint.
Constructed directly (tests, scripts), the window is complete at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import window_snapshot
from ui.areas import AREA_KEYS, AreaServices, WorkspaceArea, create_area
from ui.settings import Settings
from ui.tasks import TaskRunner
from ui.window_fit import fit_to_screen, keep_on_screen
from ui.window_live import WindowLive, same_scope

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
        self._complete = False
        self.setObjectName("mainWindow")
        self.setWindowTitle("Tribune")
        self._build_shell()
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

    def finish_build(self) -> None:
        """Build the client list, the workspace header and the menus' actions (once)."""
        if self._complete:
            return
        self._complete = True
        from PySide6.QtWidgets import QApplication

        from ui.style import finish_style

        finish_style(QApplication.instance())  # emoji font, follow the system's scheme
        self._build_parts()
        self._build()
        from ui import busy_notice  # a write waiting for another process, said here

        self.busy_notice = busy_notice.install(self)
        from ui.window_menus import WindowMenus  # icons: not before the first paint

        self.menus_part = menus = WindowMenus(self)  # File, Edit, Client, View, Help
        menus.build()
        self.sync_now, self.show_shortcuts = menus.sync_now, menus.show_shortcuts
        self._update_edit_actions = menus._update_edit_actions

    def _build_parts(self) -> None:
        from ui.window_actions import WindowActions
        from ui.window_clients import ClientCommands

        self.commands = commands = ClientCommands(self)
        self.new_client, self.edit_client = commands.new_client, commands.edit_client
        self.quick_switch, self.toggle_archive = commands.quick_switch, commands.toggle_archive
        self.delete_client = commands.delete_client
        self.agency_actions = actions = WindowActions(self)
        self.load_demo, self.backup = actions.load_demo, actions.backup
        self.restore = actions.restore
        self.open_settings, self.open_people = actions.open_settings, actions.open_people
        self.open_agency, self.about = actions.open_agency, actions.about
        from ui.window_tray import WindowTray

        self.tray_part = WindowTray(self)  # keep listening in the tray when closed
        self.live_part = WindowLive(self)

    # -- layout -----------------------------------------------------------------------------
    def _build_shell(self) -> None:
        """What the first paint shows: the frame of the final layout, nothing to wait for."""
        side = QFrame()
        side.setObjectName("sidePanel")
        self.side_layout = QVBoxLayout(side)
        self.side_layout.setContentsMargins(0, 10, 0, 8)
        self.side_layout.setSpacing(6)
        self.side_head = QHBoxLayout()
        self.side_head.setContentsMargins(14, 0, 8, 0)
        brand = QLabel("Tribune")
        brand.setObjectName("brand")
        brand.setMinimumHeight(29)  # the "+" button's height: nothing moves when it arrives
        self.side_head.addWidget(brand)
        self.side_head.addStretch(1)
        self.side_layout.addLayout(self.side_head)
        self.snapshot = window_snapshot.load(self.settings)  # the clients as last seen
        self.shell_clients = window_snapshot.shell_list(self.snapshot)
        if self.shell_clients is not None:
            self.side_layout.addWidget(self.shell_clients, 1)
        else:
            self.side_layout.addStretch(1)  # replaced by the client list in _build()
        side.setMinimumWidth(184)

        self.loading = QLabel(self.tr("Opening the database…"))
        self.loading.setObjectName("loadingLabel")  # centred by the style sheet
        self.pages = QStackedWidget()
        self.pages.addWidget(self.loading)

        self.splitter = QSplitter()
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1040])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.db_label = QLabel()
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.db_label)
        bar = self.menuBar()
        self._menus = {
            "file": bar.addMenu(self.tr("&File")),
            "edit": bar.addMenu(self.tr("&Edit")),
            "client": bar.addMenu(self.tr("&Client")),
            "view": bar.addMenu(self.tr("&View")),
            "help": bar.addMenu(self.tr("&Help")),
        }

    def _build(self) -> None:
        from ui import sidebar
        from ui.welcome import WelcomePage
        from ui.window_header import WorkspaceHeader

        self.client_model = sidebar.ClientListModel(self)
        self.add_client_button = sidebar.add_client_button()
        self.side_head.addWidget(self.add_client_button)
        shell = self.side_layout.takeAt(self.side_layout.count() - 1)  # stretch or snapshot
        if shell.widget() is not None:
            shell.widget().deleteLater()
        self.switch_hint = sidebar.switch_hint()
        self.side_layout.addWidget(self.switch_hint)
        self.sidebar = sidebar.ClientSidebar(self.client_model)
        self.side_layout.addWidget(self.sidebar, 1)

        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")
        ws_layout = QVBoxLayout(self.workspace)
        ws_layout.setContentsMargins(0, 0, 0, 0)
        ws_layout.setSpacing(0)
        self.header = header = WorkspaceHeader(self.tasks)
        self.client_title, self.area_tabs = header.client_title, header.area_tabs
        self.edit_client_button, self.sync_bar = header.edit_client_button, header.sync_bar
        self.sync_bar.synced.connect(self._after_sync)
        ws_layout.addWidget(header)
        self.area_stack = QStackedWidget()
        ws_layout.addWidget(self.area_stack, 1)

        self.welcome = WelcomePage()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.workspace)

        window_snapshot.show_in(self)  # the clients as last seen, until the database answers
        self.sidebar.client_activated.connect(self.select_client)
        self.area_tabs.currentChanged.connect(self._area_changed)
        self.add_client_button.clicked.connect(self.new_client)
        self.edit_client_button.clicked.connect(self.edit_client)
        self.switch_hint.clicked.connect(self.quick_switch)
        self.welcome.new_client_requested.connect(self.new_client)
        self.welcome.demo_requested.connect(self.load_demo)
        from ui.design import theme_notifier

        theme_notifier().changed.connect(self._restyle)
        self.tasks.busy_changed.connect(
            lambda busy: self.busy_label.setText(self.tr("Working…") if busy else "")
        )

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
            area.flush()
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
            area.flush()
        if self.live is not None:
            self.live_part.stop()
        self.settings.save_geometry(self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)

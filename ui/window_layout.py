"""How the main window is built: three steps, with a paint between each at start-up.

(Its strings are the main window's: translated in the ``MainWindow`` context.)

1. :func:`build_shell` — what the first paint shows: the dark client panel with the brand
   (and the clients as last seen, :mod:`ui.window_snapshot`), the menu titles, "Opening the
   database…". Only Qt classes a bare window needs too: not even PySide6's ``Qt`` namespace
   (~20 ms), which the sidebar needs.
2. :func:`build_visible` — what the window shows while the database opens, usable: the real
   client sidebar (with the snapshot's rows), the "+" button, the switch hint, the menus'
   actions with their shortcuts (on the window: the keys work).
3. :func:`build_rest` — the menus filled with those actions, then what only the database's
   answer shows: the workspace (header with the area tabs and the sync bar, the area
   stack), the welcome page, the tray's menu; then the emoji font, following the system's
   colour scheme, the busy-database notice.

:func:`ui.application.start` runs each step after the previous one painted, then opens the
database; a window constructed directly (tests, scripts) runs all three at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import window_snapshot


def build_shell(w) -> None:
    """What the first paint shows: the frame of the final layout, nothing to wait for."""
    side = QFrame()
    side.setObjectName("sidePanel")
    w.side_layout = QVBoxLayout(side)
    w.side_layout.setContentsMargins(0, 10, 0, 8)
    w.side_layout.setSpacing(6)
    w.side_head = QHBoxLayout()
    w.side_head.setContentsMargins(14, 0, 8, 0)
    brand = QLabel("Tribune")
    brand.setObjectName("brand")
    brand.setMinimumHeight(29)  # the "+" button's height: nothing moves when it arrives
    w.side_head.addWidget(brand)
    w.side_head.addStretch(1)
    w.side_layout.addLayout(w.side_head)
    w.snapshot = window_snapshot.load(w.settings)  # the clients as last seen
    w.shell_clients = window_snapshot.shell_list(w.snapshot)
    if w.shell_clients is not None:
        w.side_layout.addWidget(w.shell_clients, 1)
    else:
        w.side_layout.addStretch(1)  # replaced by the client list in build_visible()
    side.setMinimumWidth(184)

    w.loading = QLabel(QCoreApplication.translate("MainWindow", "Opening the database…"))
    w.loading.setObjectName("loadingLabel")  # centred by the style sheet
    w.pages = QStackedWidget()
    w.pages.addWidget(w.loading)

    w.splitter = QSplitter()
    w.splitter.addWidget(side)
    w.splitter.addWidget(w.pages)
    w.splitter.setStretchFactor(1, 1)
    w.splitter.setSizes([240, 1040])
    w.splitter.setChildrenCollapsible(False)
    w.setCentralWidget(w.splitter)
    w.db_label = QLabel()
    w.busy_label = QLabel()
    w.statusBar().addPermanentWidget(w.busy_label)
    w.statusBar().addPermanentWidget(w.db_label)
    bar = w.menuBar()
    w._menus = {
        "file": bar.addMenu(QCoreApplication.translate("MainWindow", "&File")),
        "edit": bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit")),
        "client": bar.addMenu(QCoreApplication.translate("MainWindow", "&Client")),
        "view": bar.addMenu(QCoreApplication.translate("MainWindow", "&View")),
        "help": bar.addMenu(QCoreApplication.translate("MainWindow", "&Help")),
    }


def build_visible(w) -> None:
    """The client sidebar, the menus' actions and the window's parts (see the module)."""
    from ui import sidebar
    from ui.window_actions import WindowActions
    from ui.window_clients import ClientCommands
    from ui.window_live import WindowLive

    w.commands = commands = ClientCommands(w)
    w.new_client, w.edit_client = commands.new_client, commands.edit_client
    w.quick_switch, w.toggle_archive = commands.quick_switch, commands.toggle_archive
    w.delete_client = commands.delete_client
    w.agency_actions = actions = WindowActions(w)
    w.load_demo, w.backup = actions.load_demo, actions.backup
    w.restore = actions.restore
    w.open_settings, w.open_people = actions.open_settings, actions.open_people
    w.open_agency, w.about = actions.open_agency, actions.about
    w.live_part = WindowLive(w)

    w.client_model = sidebar.ClientListModel(w)
    w.add_client_button = sidebar.add_client_button()
    w.side_head.addWidget(w.add_client_button)
    shell = w.side_layout.takeAt(w.side_layout.count() - 1)  # stretch or snapshot
    if shell.widget() is not None:
        shell.widget().deleteLater()
    w.switch_hint = sidebar.switch_hint()
    w.side_layout.addWidget(w.switch_hint)
    w.sidebar = sidebar.ClientSidebar(w.client_model)
    w.side_layout.addWidget(w.sidebar, 1)
    window_snapshot.show_in(w)  # the clients as last seen, until the database answers
    w.sidebar.client_activated.connect(w.select_client)
    w.add_client_button.clicked.connect(w.new_client)
    w.switch_hint.clicked.connect(w.quick_switch)
    w.tasks.busy_changed.connect(
        lambda busy: w.busy_label.setText(
            QCoreApplication.translate("MainWindow", "Working…") if busy else ""
        )
    )

    from ui.window_menus import WindowMenus

    w.menus_part = menus = WindowMenus(w)  # File, Edit, Client, View, Help
    menus.build()
    w.sync_now, w.show_shortcuts = menus.sync_now, menus.show_shortcuts
    w._update_edit_actions = menus._update_edit_actions


def build_rest(w) -> None:
    """The workspace and the welcome page, then what follows the system (see the module)."""
    from PySide6.QtWidgets import QApplication

    from ui import busy_notice, sidebar
    from ui.design import theme_notifier
    from ui.style import finish_style
    from ui.welcome import WelcomePage
    from ui.window_header import WorkspaceHeader
    from ui.window_tray import WindowTray

    w.menus_part.fill()  # their actions and keys are the window's since build_visible()
    sidebar.settle(w.switch_hint)  # what the complete window's paint went without
    w.workspace = QWidget()
    w.workspace.setObjectName("workspace")
    ws_layout = QVBoxLayout(w.workspace)
    ws_layout.setContentsMargins(0, 0, 0, 0)
    ws_layout.setSpacing(0)
    w.header = header = WorkspaceHeader(w.tasks)
    w.client_title, w.area_tabs = header.client_title, header.area_tabs
    w.edit_client_button, w.sync_bar = header.edit_client_button, header.sync_bar
    w.sync_bar.synced.connect(w._after_sync)
    w.tray_part = WindowTray(w)  # keep listening in the tray when closed
    w.tray_part.follow_alerts(w.sync_bar)
    ws_layout.addWidget(header)
    w.area_stack = QStackedWidget()
    ws_layout.addWidget(w.area_stack, 1)
    if w.snapshot is not None and w.db is None:
        current = w.snapshot.current_client()
        if current is not None:
            w.client_title.setText(current.name)

    w.welcome = WelcomePage()
    w.pages.addWidget(w.welcome)
    w.pages.addWidget(w.workspace)
    w.area_tabs.currentChanged.connect(w._area_changed)
    w.edit_client_button.clicked.connect(w.edit_client)
    w.welcome.new_client_requested.connect(w.new_client)
    w.welcome.demo_requested.connect(w.load_demo)
    theme_notifier().changed.connect(w._restyle)

    finish_style(QApplication.instance())  # emoji font, follow the system's scheme
    w.busy_notice = busy_notice.install(w)  # a write waiting for another process, said here

"""The workspace's header, a part the main window owns: the client's name, the area tabs,
the sync chip and the client settings button. Built after the first paint (see
:mod:`ui.main_window`); a long client name is elided and never widens the window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTabBar, QToolButton

from ui import icons
from ui.areas import AREA_KEYS, area_title
from ui.formatting import ElidedLabel


class WorkspaceHeader(QFrame):
    """``client_title``, ``area_tabs``, ``sync_bar`` and ``edit_client_button``."""

    def __init__(self, tasks, parent=None) -> None:
        super().__init__(parent)
        from ui.sync import SyncBar  # connectors: sync now, progress, cancel, background

        self.setObjectName("workspaceHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 0)
        self.client_title = ElidedLabel(auto_tooltip=True)  # the whole name in the tooltip
        self.client_title.setObjectName("clientTitle")
        self.client_title.setMinimumWidth(48)
        self.area_tabs = QTabBar()
        self.area_tabs.setObjectName("areaTabs")
        self.area_tabs.setDrawBase(False)
        self.area_tabs.setExpanding(False)
        # Five short tabs always fit: never squeeze them behind scroll arrows.
        self.area_tabs.setUsesScrollButtons(False)
        self.area_tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.area_tabs.setIconSize(QSize(14, 14))
        for i, key in enumerate(AREA_KEYS):
            self.area_tabs.addTab(area_title(key))
            self.tab_icon(i, key)
        button = self.edit_client_button = QToolButton()
        button.setObjectName("editClientButton")
        button.setText(self.tr("Client settings"))
        # an icon with its name in the tooltip: the tabs' icons need the header's width
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setToolTip(self.tr("Client settings") + " (Ctrl+E)")
        button.setAccessibleName(self.tr("Client settings"))
        icons.set_icon(button, "settings")
        layout.addWidget(self.client_title)
        layout.addSpacing(6)
        layout.addWidget(self.area_tabs, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addStretch(1)
        self.sync_bar = SyncBar(tasks)
        layout.addWidget(self.sync_bar, 1)  # its chip takes what room there is, up to a limit
        layout.addWidget(button)

    def tab_icon(self, index: int, key: str) -> None:
        self.area_tabs.setTabIcon(index, icons.icon(icons.AREA_ICONS[key], "text_muted"))

    def restyle(self) -> None:
        """The scheme changed: the tabs' icons are painted from the palette again."""
        for i, key in enumerate(AREA_KEYS):
            self.tab_icon(i, key)

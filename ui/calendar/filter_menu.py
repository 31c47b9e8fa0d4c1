"""The calendar's Filters menu: networks, statuses, and the client's categories and campaigns
in use — a part the calendar area owns (``area.filter_menu``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.models.posts import POST_STATUSES
from app.services.calendar.counters import PUBLISHABLE_NETWORKS, network_label
from app.services.calendar.posts import status_label
from app.services.calendar.query import PostFilter


class FilterMenu(QMenu):
    """Signals: changed() — a filter was ticked or unticked."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.network_actions: dict[str, QAction] = {}
        self.status_actions: dict[str, QAction] = {}
        self._values: dict[str, list[str]] = {"categories": [], "campaigns": []}
        self.addSection(self.tr("Networks"))
        for network in PUBLISHABLE_NETWORKS:
            self.network_actions[network] = self._checkable(self, network_label(network))
        self.addSection(self.tr("Status"))
        for status in POST_STATUSES:
            self.status_actions[status] = self._checkable(self, status_label(status))
        self.category_menu = self.addMenu(self.tr("Category"))
        self.campaign_menu = self.addMenu(self.tr("Campaign"))

    def _checkable(self, menu: QMenu, text: str, checked: bool = False) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        action.toggled.connect(self.changed)
        return action

    def set_values(self, values: dict[str, list[str]]) -> None:
        """The categories and campaigns in use (what was ticked stays ticked)."""
        if values == self._values:
            return
        self._values = values
        for menu, key in ((self.category_menu, "categories"), (self.campaign_menu, "campaigns")):
            checked = {a.text() for a in menu.actions() if a.isChecked()}
            menu.clear()
            for value in values[key]:
                self._checkable(menu, value, value in checked)

    def current(self, text: str) -> PostFilter:
        def on(actions):
            return tuple(k for k, a in actions.items() if a.isChecked())

        def on_menu(menu):
            return tuple(a.text() for a in menu.actions() if a.isChecked())

        return PostFilter(
            networks=on(self.network_actions),
            statuses=on(self.status_actions),
            categories=on_menu(self.category_menu),
            campaigns=on_menu(self.campaign_menu),
            text=text.strip(),
        )

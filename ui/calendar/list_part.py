"""The calendar's list view: every post in order, opened at the anchor day with a page
above it, more read as it scrolls — a part the calendar area owns (``area.list``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ui.calendar.list_model import ID_ROLE, PostListModel
from ui.messages import show_error
from ui.operations import QueryOp


class CalendarList(QObject):
    """``model`` and ``view`` (a QTableView) of the area's list."""

    def __init__(self, area) -> None:
        super().__init__(area)
        self.area = area
        self.model = PostListModel(area.db, area, runner=area.services.tasks)
        self.model.earlier_loaded.connect(self._earlier_loaded)
        self.model.load_failed.connect(lambda exc: show_error(area, exc))
        view = self.view = QTableView()
        view.setObjectName("postList")
        view.setModel(self.model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(26)
        view.setAlternatingRowColors(True)
        for column, width in enumerate((175, 190, 110, 110, 110)):  # a French date fits
            view.setColumnWidth(column, width)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        view.doubleClicked.connect(lambda index: area.open_editor(post_id=index.data(ID_ROLE)))

    def reload(self, flt) -> None:
        """The list opens at the first post from the anchor day (today unless navigated),
        with a page above it; read off the GUI thread."""
        from app.services.calendar.query import list_window

        area = self.area
        start = dt.datetime.combine(area.anchor, dt.time(0), tzinfo=area.zone).astimezone(dt.UTC)
        cid, zone = area.client.id, area.zone
        QueryOp(
            area,
            lambda s: list_window(s, cid, flt, start),
            lambda window: self._show(cid, zone, flt, window),
        ).latest("period").run()

    def _show(self, cid, zone, flt, window) -> None:
        model, view = self.model, self.view
        model.show_window(cid, zone, flt, window)
        row = min(model.today_row, model.rowCount() - 1)
        if row >= 0:
            view.updateGeometries()  # the scroll range follows the rows just loaded
            view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            view.selectRow(row)
        self.area.status_message.emit(self.tr("%Ln post(s) in the list", "", window.total))
        self.area.loaded.emit()

    def _scrolled(self, value: int) -> None:
        """At the top of the loaded rows: the page before comes in, the view stays put."""
        if value == 0 and self.model.can_fetch_earlier():
            self.model.fetch_earlier()  # read on a worker: _earlier_loaded when it is in

    def _earlier_loaded(self, added: int) -> None:
        """Rows came in on top: the row that was at the top stays there."""
        self.view.scrollTo(self.model.index(added, 0), QAbstractItemView.ScrollHint.PositionAtTop)

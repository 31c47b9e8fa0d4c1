"""The inbox's message list: the lazy model, the table of cards, the empty state, the count
and the legend, with the selection (J/K, the row kept across reads).

A part of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context).
Pages are read by the model's QueryOps (:mod:`ui.lazy_model`); this part says which row is
current (``current_changed``) and keeps it, and the scroll position, when the rows shown
are read again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.inbox.inbox_cards import CardDelegate, EmptyInbox, InboxLegend, card_height
from ui.inbox.inbox_model import COL_TEXT, IdRole, InboxListModel
from ui.lazy_model import Reader


class MessageList(QWidget):
    """Signals:
    current_changed(object): the message id of the current row, or None.
    menu_requested(QPoint): a right click on the list (global position).
    """

    current_changed = Signal(object)
    menu_requested = Signal(QPoint)

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.total: int | None = None  # the count for the filter shown (None: a search)
        self._keep_id: int | None = None
        self._select_pending = False
        self._want_row: int | None = None
        self.model = InboxListModel(self, services=services)
        self.table = QTableView()
        self.table.setObjectName("inboxList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.menu_requested.emit(self.table.viewport().mapToGlobal(pos))
        )
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the conversation
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # One card per row, painted from the model's CardRole; the other columns stay in the
        # model (exports, tests, sorting keys) but are not shown.
        self.cards = CardDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_TEXT, self.cards)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col in range(self.model.columnCount()):
            self.table.setColumnHidden(col, col != COL_TEXT)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(card_height(self.table.font()))
        self.empty = EmptyInbox()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.legend = InboxLegend()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_stack, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addWidget(self.legend, 1)
        layout.addLayout(foot)

        self.model.page_loaded.connect(self._page_loaded)
        self._clock = QTimer(self, interval=60_000)  # "time left" moves on
        self._clock.timeout.connect(self.model.tick)
        self._clock.start()
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_changed.emit(
                current.data(IdRole) if current.isValid() else None
            )
        )

    # -- reading ----------------------------------------------------------------------------
    def show_rows(self, read: Reader | None, timezone: str = "", keep_id=None) -> None:
        """The pages of ``read`` from the first; then the row of ``keep_id`` (else the
        first) becomes current. ``None``: no rows."""
        keep_id = keep_id if isinstance(keep_id, int) and keep_id is not True else None
        self._keep_id, self._select_pending, self._want_row = keep_id, read is not None, None
        if read is not None:
            self.count_label.setText(QCoreApplication.translate("InboxArea", "Loading…"))
        self.model.reset_source(read, timezone)

    def reload_in_place(self, done: Callable[[int | None, set], None]) -> None:
        """Read the rows shown again (a change elsewhere): the current row, the selection
        and the scroll position stay; ``done(current_id, lost_ids)`` after."""
        view = self.table
        top = view.indexAt(QPoint(1, 1))
        at_top = view.verticalScrollBar().value() == 0
        top_id = self.model.row_id(top.row()) if top.isValid() else None
        current = self.current_id()
        current_row = view.currentIndex().row()

        def swapped(lost: set) -> None:
            if not at_top and top_id is not None and (row := self.model.row_of(top_id)) >= 0:
                view.scrollTo(
                    self.model.index(row, COL_TEXT), QAbstractItemView.ScrollHint.PositionAtTop
                )
            if current is not None and current in lost and self.model.rowCount():
                self.select_row(min(max(current_row, 0), self.model.rowCount() - 1))
            done(current, lost)

        self.model.reload(swapped)

    def busy(self) -> bool:
        return self.model.busy() or self._select_pending

    def failed(self) -> None:
        self._select_pending = False
        self.count_label.setText("")

    def show_total(self, total: int | None) -> None:
        self.total = total
        self._show_count()

    def _show_count(self) -> None:
        if self.model.loading and not self.model.rowCount():
            self.count_label.setText(QCoreApplication.translate("InboxArea", "Loading…"))
        elif self.total is not None:
            total = self.total  # a plain name: lupdate reads a count only as a name or a number
            self.count_label.setText(
                QCoreApplication.translate("InboxArea", "%Ln message(s)", "", total)
            )
        else:
            found = self.model.rowCount()
            self.count_label.setText(
                QCoreApplication.translate("InboxArea", "%Ln found", "", found)
            )

    def _page_loaded(self) -> None:
        self._show_count()
        if self._want_row is not None:
            row, self._want_row = self._want_row, None
            if row < self.model.rowCount():
                self.select_row(row)
        if not self._select_pending:
            return
        self._select_pending = False
        row = self.model.row_of(self._keep_id) if self._keep_id else 0
        if self.model.rowCount():
            self.select_row(max(row, 0))
        else:
            self.current_changed.emit(None)

    def update_empty_state(self, client_shown: bool, narrowed: bool) -> None:
        """The list, or what to do when it is empty (once loading is over)."""
        empty = client_shown and not self.model.loading and not self.model.rowCount()
        if empty:
            self.empty.set_filtered(narrowed)
        self.list_stack.setCurrentWidget(self.empty if empty else self.table)

    # -- selection --------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        index = self.model.index(row, COL_TEXT)  # the one column shown (the card)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def move(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self._want_row = row  # selected when the next page arrives
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.select_row(row)

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [rid for r in sorted(rows) if (rid := self.model.row_id(r)) is not None]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def shown_ids(self) -> set[int]:
        return {rid for r in range(self.model.rowCount()) if (rid := self.model.row_id(r))}

    def rows_seen(self, ids: list[int]) -> list:
        """The loaded rows of ``ids`` as read (what the user saw)."""
        wanted = set(ids)
        return [
            r
            for row in range(self.model.rowCount())
            if (r := self.model.message_row(row)) is not None and r.id in wanted
        ]

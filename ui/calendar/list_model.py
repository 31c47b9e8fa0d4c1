"""The list view's model: pages of posts fetched as the user scrolls (canFetchMore).

With a ``runner`` (the area's, whose services it finds through its parent) each page is a
:class:`ui.operations.QueryOp` read on a worker and inserted on the GUI thread when it
arrives (a shared PostgreSQL server never stalls the scrolling); a page asked for before the
list was reset is dropped (``latest("page")``, ``drop_pending``). Without one (tests, Qt's
model tester) pages load at once.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from app.db import Database
from app.services.calendar.counters import network_label
from app.services.calendar.posts import status_label
from app.services.calendar.query import (
    PostChip,
    PostFilter,
    count_before,
    count_posts,
    page_posts,
)
from app.textsafe import tooltip
from ui.badges import network_badges_icon
from ui.calendar.painting import STATUS_MARKS
from ui.formatting import date_text, datetime_text
from ui.operations import QueryOp, drop_pending

PAGE = 200
COL_WHEN, COL_NETWORKS, COL_STATUS, COL_CATEGORY, COL_CAMPAIGN, COL_TEXT = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
WHEN_ROLE = Qt.ItemDataRole.UserRole + 2  # the planned moment in the client's zone


def _row_text(chip: PostChip) -> str:
    """Title and text on one line, without repeating a title that opens the text."""
    if not chip.title or chip.preview.startswith(chip.title):
        return chip.preview or chip.title
    return f"{chip.title} — {chip.preview}" if chip.preview else chip.title


class PostListModel(QAbstractTableModel):
    """Signals:
    earlier_loaded(int): rows came in on top (how many), for the view to keep its place.
    load_failed(object): reading a page raised; the exception.
    """

    earlier_loaded = Signal(int)
    load_failed = Signal(object)

    def __init__(self, db: Database, parent=None, runner=None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.client_id: int | None = None
        self.zone = ZoneInfo("UTC")
        self.filter = PostFilter()
        self._rows: list[PostChip] = []
        self._display: list[tuple[str, ...]] = []
        self._total = 0
        self._fetching = False
        self.offset = 0  # position of the first loaded row in the whole ordered list
        self.today_row = 0  # loaded row of the first post from ``start_at`` on

    def reset(
        self,
        client_id: int | None,
        zone: ZoneInfo,
        flt: PostFilter,
        start_at: dt.datetime | None = None,
    ) -> None:
        """Show the posts of ``client_id``; from ``start_at`` on (aware) when given, the
        earlier ones loaded page by page with :meth:`fetch_earlier` (scrolling up)."""
        self.beginResetModel()
        self._forget_pages()
        self.client_id, self.zone, self.filter = client_id, zone, flt
        self._rows, self._display = [], []
        self._total = self.offset = self.today_row = 0
        if client_id is not None:
            with self.db.read() as s:
                self._total = count_posts(s, client_id, flt)
                if start_at is not None:
                    self.offset = count_before(s, client_id, flt, start_at)
            if self.offset >= self._total:  # nothing from today on: the last page
                self.offset = max(0, self._total - PAGE)
                self.today_row = self._total - self.offset
        self.endResetModel()

    def _headers(self):
        return (
            self.tr("When"),
            self.tr("Networks"),
            self.tr("Status"),
            self.tr("Category"),
            self.tr("Campaign"),
            self.tr("Text"),
        )

    def show_window(self, client_id: int, zone: ZoneInfo, flt: PostFilter, window) -> None:
        """Reset to a :class:`~app.services.calendar.query.ListWindow` read off the GUI thread."""
        self.beginResetModel()
        self._forget_pages()
        self.client_id, self.zone, self.filter = client_id, zone, flt
        self._rows = list(window.rows)
        self._display = [self._line(chip) for chip in self._rows]
        self._total, self.offset, self.today_row = window.total, window.offset, window.today_row
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return (
            not parent.isValid()
            and not self._fetching
            and self.offset + len(self._rows) < self._total
        )

    @property
    def fetching(self) -> bool:
        return self._fetching

    def _forget_pages(self) -> None:
        """A reset: pages still on their way are for the list as it was."""
        drop_pending(self, "page")
        self._fetching = False

    def _read(self, offset: int, limit: int, arrived) -> None:
        """Read ``limit`` posts from ``offset``; ``arrived(rows)`` on the GUI thread."""
        cid, flt = self.client_id, self.filter

        def read(s):
            return page_posts(s, cid, flt, offset=offset, limit=limit)

        def done(rows) -> None:
            try:
                arrived(rows)
            finally:
                self._fetching = False

        def failed(exc) -> None:
            self._total = self.offset + len(self._rows)  # stop asking; a reset retries
            self._fetching = False
            self.load_failed.emit(exc)

        self._fetching = True  # views ask again while rows are being inserted
        if self.runner is None:
            try:
                with self.db.read() as s:
                    rows = read(s)
            except BaseException as exc:
                failed(exc)
                raise
            done(rows)
        else:
            QueryOp(self, read, done).latest("page").failure(failed).run()

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self.client_id is None or self._fetching:
            return
        self._read(self.offset + len(self._rows), PAGE, self._append)

    def _append(self, rows: list[PostChip]) -> None:
        if not rows:
            self._total = self.offset + len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows += rows
        self._display += [self._line(chip) for chip in rows]
        self.endInsertRows()

    def can_fetch_earlier(self) -> bool:
        return self.client_id is not None and self.offset > 0 and not self._fetching

    def fetch_earlier(self) -> None:
        """Load the page before the first loaded row; ``earlier_loaded(n)`` once it is in."""
        if not self.can_fetch_earlier():
            return
        n = min(PAGE, self.offset)
        self._read(self.offset - n, n, self._prepend)

    def _prepend(self, rows: list[PostChip]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows[:0] = rows
            self._display[:0] = [self._line(chip) for chip in rows]
            self.offset -= len(rows)
            self.today_row += len(rows)
            self.endInsertRows()
        self.earlier_loaded.emit(len(rows))

    def _line(self, chip: PostChip) -> tuple[str, ...]:
        local = chip.planned_at.astimezone(self.zone)
        return (
            date_text(local.date()) if chip.all_day else datetime_text(local),
            ", ".join(network_label(n) for n in chip.networks),
            f"{STATUS_MARKS.get(chip.status, '')} {status_label(chip.status)}".strip(),
            chip.category,
            chip.campaign,
            _row_text(chip),
        )

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[index.row()][index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COL_NETWORKS:
            return network_badges_icon(self._rows[index.row()].networks)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_TEXT:
            return tooltip(self._display[index.row()][COL_TEXT])  # typed or imported: plain
        if role == ID_ROLE:
            return self._rows[index.row()].id
        if role == WHEN_ROLE:
            return self._rows[index.row()].planned_at.astimezone(self.zone)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers()[section]
        return None

    def post_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

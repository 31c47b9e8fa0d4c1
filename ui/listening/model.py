"""A lazy table of listening items: pages of 200 (keyset), fetched through the TaskRunner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

PAGE = 200
COLUMNS = 6


class ListeningModel(QAbstractTableModel):
    """``fetch(after) -> list[ItemRow]`` gives the page after ``after`` (None: the first)."""

    loading_changed = Signal(bool)
    load_failed = Signal(object)

    def __init__(self, parent=None, runner=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.generation = 0
        self.loading = False
        self._fetch: Callable | None = None
        self._rows: list = []
        self._cells: list = []
        self._more = False
        self._tz = ZoneInfo("Europe/Paris")
        self._labels: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Published"),
            self.tr("Network"),
            self.tr("Author"),
            self.tr("Followers"),
            self.tr("Text"),
            self.tr("Status"),
        ]

    def reset_source(self, fetch: Callable | None, timezone: str = "") -> None:
        self.beginResetModel()
        self.generation += 1
        self._fetch = fetch
        self._rows, self._cells = [], []
        self._more = fetch is not None
        self.loading = False
        if timezone:
            self._tz = ZoneInfo(timezone)
        self._labels = {
            "new": self.tr("New"),
            "sent_to_inbox": self.tr("In the inbox"),
            "dismissed": self.tr("Dismissed"),
        }
        self.endResetModel()
        if self._more:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._fetch is None or self.loading:
            return
        after = (self._rows[-1].published_at, self._rows[-1].id) if self._rows else None
        fetch, generation = self._fetch, self.generation
        if self.runner is None:
            self._arrived(generation, fetch(after))
            return
        self._set_loading(True)
        self.runner.run(
            lambda: fetch(after),
            lambda rows: self._arrived(generation, rows),
            lambda exc: self._failed(generation, exc),
        )

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self.generation:
            self._more = False
            self._set_loading(False)
            self.load_failed.emit(exc)

    def _arrived(self, generation: int, rows: list) -> None:
        if generation != self.generation:
            return
        self._more = len(rows) >= PAGE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self._cells.extend([None] * len(rows))
            self.endInsertRows()
        self._set_loading(False)

    def _format(self, r) -> dict:
        when = r.published_at.astimezone(self._tz).strftime("%d/%m/%Y %H:%M")
        followers = (
            "" if r.author_followers is None else f"{r.author_followers:,}".replace(",", "\u202f")
        )
        text = " ".join(r.text.split())
        return {
            "display": (when, r.network, r.author_handle or r.author, followers, text[:200],
                        self._labels.get(r.status, r.status)),
            "tooltip": r.text[:1000],
        }  # fmt: skip

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = self._format(self._rows[row])
        if role == Qt.ItemDataRole.DisplayRole:
            return cells["display"][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            import html

            return html.escape(cells["tooltip"])  # untrusted text never renders as HTML
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            feeling = self._rows[row].sentiment
            if feeling == "negative":
                return QColor("#b3261e")
            if feeling == "positive":
                return QColor("#1b6e3c")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_item(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_status(self, item_id: int, status: str) -> None:
        """An item was sent or dismissed: show it without reloading."""
        import dataclasses

        for i, r in enumerate(self._rows):
            if r.id == item_id:
                self._rows[i] = dataclasses.replace(r, status=status)
                self._cells[i] = None
                self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMNS - 1))
                return


def fmt_day(day: dt.date) -> str:
    return day.strftime("%d/%m")

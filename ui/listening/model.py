"""The listening list: a :class:`ui.lazy_model.LazyListModel` of items, pages of 200 (keyset
on ``(published_at, id)``), each page a QueryOp as the inbox's list is."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.services.listening.items import ItemRow
from app.services.listening.sentiment import explain
from ui.design.theme import current
from ui.lazy_model import LazyListModel, RowsPage

PAGE = 200
COLUMNS = 6
ItemsReader = Callable[..., list[ItemRow]]  # (session, after, limit) -> the rows after ``after``


def keyset_reader(fetch: ItemsReader) -> Callable[..., RowsPage[ItemRow]]:
    """A page reader over ``fetch(session, after, limit)``: the cursor of the next page is the
    last row's ``(published_at, id)`` when the page is full."""

    def read(session: Any, after: Any, limit: int) -> RowsPage[ItemRow]:
        rows = fetch(session, after, limit)
        last = rows[-1] if len(rows) >= limit else None
        return RowsPage(rows, (last.published_at, last.id) if last is not None else None)

    return read


class ListeningModel(LazyListModel[ItemRow]):
    """``reset_source(fetch)`` with ``fetch(session, after, limit) -> list[ItemRow]``."""

    columns = COLUMNS
    page_size = PAGE

    def __init__(self, parent: Any = None, services: Any = None, db: Any = None) -> None:
        super().__init__(parent, services, db)
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

    def reset_source(  # type: ignore[override]
        self, fetch: ItemsReader | None, timezone: str = "", *, connection: bool = False
    ) -> None:
        """``connection``: ``fetch`` is given a Core connection (cheaper: no ORM session)
        rather than a read session."""
        if timezone:
            self._tz = ZoneInfo(timezone)
        reader = keyset_reader(fetch) if fetch is not None else None
        super().reset_source(reader, connection=connection)

    def prepare(self) -> None:
        self._labels = {
            "new": self.tr("New"),
            "sent_to_inbox": self.tr("In the inbox"),
            "dismissed": self.tr("Dismissed"),
        }

    def format_row(self, r: ItemRow) -> dict[str, Any]:
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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def cell(self, row: ItemRow, cells: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return cells["display"][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return html.escape(cells["tooltip"] + self._why(row))  # untrusted: never HTML
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            if row.sentiment == "negative":
                return QColor(current().danger)
            if row.sentiment == "positive":
                return QColor(current().success)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _why(self, row: ItemRow) -> str:
        """The words that made the item negative or positive (read when hovered)."""
        if row.sentiment not in ("negative", "positive"):
            return ""
        verdict = explain(row.text)
        if verdict.label != row.sentiment or not verdict.reasons:
            return ""  # stored by older rules: no explanation rather than a wrong one
        label = self.tr("Negative") if row.sentiment == "negative" else self.tr("Positive")
        return "\n\n" + self.tr("{label} because of: {words}").format(
            label=label, words=verdict.because()
        )

    def row_item(self, row: int) -> ItemRow | None:
        return self.row_at(row)

    def set_status(self, item_id: int, status: str) -> None:
        """An item was sent or dismissed: show it without reloading."""
        row = self.row_of_key(item_id)
        if row >= 0:
            self.replace_row(row, self._rows[row]._replace(status=status))


def fmt_day(day: dt.date) -> str:
    return day.strftime("%d/%m")

"""The message list: a lazy table over the inbox service's keyset pages.

A :class:`ui.lazy_model.LazyListModel` (as the listening list is): rows arrive a page at a
time (canFetchMore / fetchMore, each page a QueryOp); a row's cells are formatted the first
time the view asks for it and kept, so ``data()`` is a dictionary look-up.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.client import network_label
from app.services.inbox.reading import MessageRow
from app.services.inbox.triage import category_labels, status_labels
from app.textsafe import tooltip
from ui.design.theme import current
from ui.formatting import compact_datetime
from ui.lazy_model import LazyListModel, Reader

IdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
CardRole = Qt.ItemDataRole.UserRole + 3  # the row as a card: plain texts and levels (a dict)
SOON = dt.timedelta(hours=2)  # less time left than this: the time-left chip turns amber

COL_DUE, COL_WHEN, COL_NETWORK, COL_AUTHOR, COL_TEXT, COL_CATEGORY, COL_STATUS, COL_ASSIGNEE = (
    range(8)
)


def format_left(due: dt.datetime | None, now: dt.datetime, units=None) -> str:
    if due is None:
        return ""
    seconds = int((due - now).total_seconds())
    sign = "−" if seconds < 0 else ""
    seconds = abs(seconds)
    days, rem = divmod(seconds, 86400)
    hours, rem = divmod(rem, 3600)
    minutes = rem // 60
    units = units or time_units()
    if days:
        return sign + units[0].format(d=days, h=hours)
    if hours:
        return sign + units[1].format(h=hours, m=minutes)
    return sign + units[2].format(m=minutes)


def time_units() -> tuple[str, str, str]:
    """The time-left formats in the current language."""
    return (
        QCoreApplication.translate("InboxListModel", "{d} d {h} h"),
        QCoreApplication.translate("InboxListModel", "{h} h {m:02d}"),
        QCoreApplication.translate("InboxListModel", "{m} min"),
    )


class InboxListModel(LazyListModel[MessageRow]):
    """The inbox's rows: ``reset_source(read, timezone)`` with a page reader
    ``read(connection, cursor, limit) -> Page`` (see :mod:`ui.lazy_model`): pages are read
    through QueryOps on the area's services, or here without them (benchmarks, tools)."""

    columns = 8

    def __init__(self, parent=None, services=None, db=None) -> None:
        super().__init__(parent, services, db)
        self._tz = ZoneInfo("Europe/Paris")
        self.watch_words: tuple[str, ...] = ()
        self.now = dt.datetime.now(dt.UTC)
        self._labels: tuple = ({}, {}, "", time_units())

    def headers(self) -> list[str]:
        return [
            self.tr("Time left"),
            self.tr("Received"),
            self.tr("Network"),
            self.tr("Author"),
            self.tr("Message"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Assignee"),
        ]

    # -- loading --------------------------------------------------------------------------
    def reset_source(  # type: ignore[override]
        self, read: Reader[MessageRow] | None, timezone: str = "", *, connection: bool = True
    ) -> None:
        if timezone:
            self._tz = ZoneInfo(timezone)
        super().reset_source(read, connection=connection)

    def prepare(self) -> None:
        self.now = dt.datetime.now(dt.UTC)
        self._labels = (
            category_labels(),
            status_labels(),
            self.tr(" (hidden)"),
            time_units(),
        )

    def _swap(self, page) -> None:
        self.now = dt.datetime.now(dt.UTC)
        super()._swap(page)

    def tick(self, now: dt.datetime | None = None) -> None:
        """Time passes: recompute "time left" and lateness for the rows loaded."""
        self.now = now or dt.datetime.now(dt.UTC)
        self.forget_formats()

    def _format(self, r: MessageRow) -> dict:
        categories, statuses, hidden, units = self._labels
        text = " ".join(r.snippet.split())
        lowered = text.casefold()
        watched = any(w.casefold() in lowered for w in self.watch_words if w)
        author = r.author or r.author_handle
        if r.newcomer:
            author = "★ " + author
        if r.priority:
            author = ("‼ " if r.priority > 1 else "! ") + author
        late = r.due_at is not None and r.due_at < self.now
        soon = not late and r.due_at is not None and r.due_at - self.now < SOON
        marks = ("‼" if r.priority > 1 else "!" if r.priority else "") + ("★" if r.newcomer else "")
        status = statuses.get(r.status, r.status) + (hidden if r.hidden else "")
        card = {
            "network": r.network,
            "network_label": network_label(r.network),
            "author": r.author or r.author_handle,
            "marks": marks,
            "when": compact_datetime(r.received_at, self._tz, now=self.now),
            "text": text,
            "category": categories.get(r.category, r.category),
            "status": status,
            "left": format_left(r.due_at, self.now, units),
            "level": "late" if late else "soon" if soon else "ok",
            "new": r.status == "new",
            "watched": watched,
            "negative": r.category == "complaint" or r.sentiment < 0,
            "assignee": r.assignee,
        }
        return {
            "card": card,
            Qt.ItemDataRole.DisplayRole: (
                format_left(r.due_at, self.now, units),
                compact_datetime(r.received_at, self._tz, now=self.now),
                network_label(r.network),
                author,
                text,
                categories.get(r.category, r.category),
                status,
                r.assignee,
            ),
            "late": late,
            "new": r.status == "new",
            "watched": watched,
            "negative": r.category == "complaint" or r.sentiment < 0,
        }

    # -- Qt model API ---------------------------------------------------------------------
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section] if 0 <= section < 8 else None
        return None

    format_row = _format

    def cell(self, row: MessageRow, cells: dict, col: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[Qt.ItemDataRole.DisplayRole][col]
        if role == CardRole:
            return cells["card"]
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_TEXT:
            return self._card_tip(row, cells)  # what the card paints
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TEXT:
            return tooltip(self._card_tip(row, cells))  # never HTML
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_AUTHOR and row.newcomer:
            return self.tr("First message from this author: welcome them.")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_DUE and cells["late"]:
                return QBrush(QColor(current().danger))
            if col == COL_CATEGORY and cells["negative"]:
                return QBrush(QColor(current().danger))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and cells["watched"]:
            return QBrush(QColor(current().warning_soft))
        if role == Qt.ItemDataRole.FontRole and cells["new"] and col in (COL_AUTHOR, COL_TEXT):
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return row.id
        if role == RowRole:
            return row
        return None

    def _card_tip(self, r: MessageRow, cells: dict) -> str:
        """The card's tooltip, plain text: who, where, what the marks mean, the text."""
        card = cells["card"]
        lines = [f"{card['author']} · {card['network_label']} · {card['when']}"]
        if r.priority > 1:
            lines.append(self.tr("‼ Urgent: handle first (priority set by the team)."))
        elif r.priority:
            lines.append(self.tr("! High priority."))
        if r.newcomer:
            lines.append(self.tr("★ First message from this author: welcome them."))
        if card["left"]:
            lines.append(self.tr("Time left to answer: {left}").format(left=card["left"]))
        lines.append(
            self.tr("{category} · {status}").format(
                category=card["category"], status=card["status"]
            )
        )
        if card["assignee"]:
            lines.append(self.tr("Assigned to {name}").format(name=card["assignee"]))
        lines += ["", card["text"]]
        return "\n".join(lines)

    def message_row(self, row: int) -> MessageRow | None:
        """The loaded row (as read: what the user saw)."""
        return self.row_at(row)

    def row_id(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.id if r is not None else None

    def row_of(self, message_id: int) -> int:
        return self.row_of_key(message_id)

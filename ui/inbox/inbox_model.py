"""The message list: a lazy table over the inbox service's keyset pages.

Rows arrive a page at a time (canFetchMore / fetchMore); a row's cells are formatted the
first time the view asks for it and kept, so ``data()`` is a dictionary look-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.client import network_label
from app.models.inbox import MESSAGE_STATUSES
from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.inbox.reading import Cursor, MessageRow, Page
from app.services.inbox.triage import category_label, status_label
from app.textsafe import tooltip
from ui.formatting import compact_datetime

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


class InboxListModel(QAbstractTableModel):
    """``fetch(cursor) -> Page`` gives the next page; ``None`` cursor is the first page.

    With a ``runner`` (``ui.tasks.TaskRunner``) a page is fetched on a worker thread and
    inserted on the GUI thread when it arrives; a generation counter drops pages that were
    asked for before a client or filter switch. Without one, pages load synchronously.

    Signals:
        loading_changed(bool): a page is on its way / has arrived.
        page_loaded(): rows were appended (or the last page was empty).
        load_failed(object): the fetch raised; the exception.
    """

    loading_changed = Signal(bool)
    page_loaded = Signal()
    load_failed = Signal(object)

    def __init__(self, parent=None, runner=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.generation = 0
        self.loading = False
        self.reloading = 0  # reads of the rows shown on their way (reload_loaded)
        self._fetch: Callable[[Cursor | None], Page] | None = None
        self._rows: list[MessageRow] = []
        self._cells: list[dict] = []
        self._next: Cursor | None = None
        self._more = False
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
    def reset_source(
        self, fetch: Callable[[Cursor | None], Page] | None, timezone: str = ""
    ) -> None:
        self.beginResetModel()
        self.generation += 1
        self._set_loading(False)
        self._fetch = fetch
        self._rows, self._cells = [], []
        self._next, self._more = None, fetch is not None
        if timezone:
            self._tz = ZoneInfo(timezone)
        self.now = dt.datetime.now(dt.UTC)
        self._labels = (
            {c: category_label(c) for c in MESSAGE_CATEGORIES},
            {st: status_label(st) for st in MESSAGE_STATUSES},
            self.tr(" (hidden)"),
            time_units(),
        )
        self.endResetModel()
        if self._more:
            self.fetchMore(QModelIndex())

    def reload_loaded(self, fetch_first: Callable[[int], Page], done=None) -> None:
        """Read the rows shown again (another seat or this one changed some) and swap them in
        place: rows keep their selection and current index by id, new ones appear, gone ones
        go. ``fetch_first(n)`` gives the first ``n`` rows; ``done(lost_ids)`` after."""
        if self._fetch is None:
            return
        count, generation = max(len(self._rows), 1), self.generation
        lost_probe = {r.id for r in self._rows}

        def apply(page: Page) -> None:
            self.reloading -= 1
            if generation != self.generation:
                return
            self._swap(page)
            if done is not None:
                done(lost_probe - {r.id for r in page.rows})

        def failed(_exc: BaseException) -> None:
            self.reloading -= 1  # the rows shown stay; the next change reads them again

        self.reloading += 1
        if self.runner is None:
            apply(fetch_first(count))
        else:
            self.runner.run(lambda: fetch_first(count), apply, failed)

    def _swap(self, page: Page) -> None:
        self.layoutAboutToBeChanged.emit()
        self.generation += 1  # a page asked for before is now stale
        self._set_loading(False)
        position = {r.id: i for i, r in enumerate(page.rows)}
        old = self.persistentIndexList()
        new = []
        for index in old:
            row = index.row()
            rid = self._rows[row].id if 0 <= row < len(self._rows) else None
            at = position.get(rid)
            new.append(self.index(at, index.column()) if at is not None else QModelIndex())
        self._rows = list(page.rows)
        self._cells = [None] * len(self._rows)
        self._next, self._more = page.next, page.next is not None
        self.now = dt.datetime.now(dt.UTC)
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.page_loaded.emit()

    def tick(self, now: dt.datetime | None = None) -> None:
        """Time passes: recompute "time left" and lateness for the rows loaded."""
        self.now = now or dt.datetime.now(dt.UTC)
        self._cells = [None] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 7))

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._fetch is None or self.loading:
            return
        fetch, cursor, generation = self._fetch, self._next, self.generation
        if self.runner is None:
            self._arrived(generation, fetch(cursor))
            return
        self._set_loading(True)
        self.runner.run(
            lambda: fetch(cursor),
            lambda page: self._arrived(generation, page),
            lambda exc: self._failed(generation, exc),
        )

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self._more = False
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _arrived(self, generation: int, page: Page) -> None:
        """On the GUI thread: append a page unless the source changed meanwhile."""
        if generation != self.generation:
            return
        self._next = page.next
        self._more = page.next is not None
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cells.extend([None] * len(page.rows))  # formatted on first display
            self.endInsertRows()
        self._set_loading(False)
        self.page_loaded.emit()

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
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section] if 0 <= section < 8 else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._cells)):
            return None
        cells = self._cells[index.row()]
        if cells is None:
            cells = self._cells[index.row()] = self._format(self._rows[index.row()])
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[Qt.ItemDataRole.DisplayRole][col]
        if role == CardRole:
            return cells["card"]
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_TEXT:
            return self._card_tip(self._rows[index.row()], cells)  # what the card paints
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TEXT:
            return tooltip(self._card_tip(self._rows[index.row()], cells))  # never HTML
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and col == COL_AUTHOR
            and self._rows[index.row()].newcomer
        ):
            return self.tr("First message from this author: welcome them.")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_DUE and cells["late"]:
                return QBrush(QColor("#d92d20"))
            if col == COL_CATEGORY and cells["negative"]:
                return QBrush(QColor("#b42318"))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and cells["watched"]:
            return QBrush(QColor("#fff4c2"))
        if role == Qt.ItemDataRole.FontRole and cells["new"] and col in (COL_AUTHOR, COL_TEXT):
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return self._rows[index.row()].id
        if role == RowRole:
            return self._rows[index.row()]
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
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, message_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == message_id:
                return i
        return -1

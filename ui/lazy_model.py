"""One lazy list model for every long list: a page reader, fetch-more, rows in pages.

:class:`LazyListModel` is generic over the row type ``R`` (a frozen dataclass of the
service). It is given a *page reader*, ``read(source, cursor, limit) -> page`` where
``source`` is a Core connection (``connection=True``, cheaper for plain rows) or a read
session, ``cursor`` is ``None`` for the first page, ``limit`` the most rows wanted, and the
page has ``rows`` and ``next`` (the cursor of the page after, ``None`` at the end):
FeelUOwn's reader + fetch-more, with Qt's ``canFetchMore``/``fetchMore``.

Every read is a :class:`ui.operations.QueryOp` on the model (a worker with its own
connection; the rows are appended on the GUI thread); ``latest("page")`` drops a page asked
for before a reset. Without ``services`` (benchmarks, tools) pages are read in the calling
thread from ``db``. A row's cells are formatted (``format_row``) the first time the view
asks and kept, so ``data()`` is a look-up. :meth:`reload` reads the rows shown again and
swaps them in place, keeping selections by the row's key.

Subclasses give ``columns``, ``format_row(row)`` and ``cell(row, cells, column, role)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ui.operations import QueryOp, drop_pending, ops_pending

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
Index = QModelIndex | QPersistentModelIndex


class PageLike(Protocol[R_co]):
    @property
    def rows(self) -> Sequence[R_co]: ...

    @property
    def next(self) -> Any: ...


@dataclass(frozen=True)
class RowsPage(Generic[R]):
    """A page for readers whose service returns a plain list."""

    rows: Sequence[R]
    next: Any = None


Reader = Callable[[Any, Any, int], PageLike[R]]


class LazyListModel(QAbstractTableModel, Generic[R]):
    """Rows of ``R`` read a page at a time through a reader; see the module's note.

    Signals:
        loading_changed(bool): a page is on its way / has arrived.
        page_loaded(): rows were appended or swapped (or the last page was empty).
        load_failed(object): the reader raised; the exception.
    """

    loading_changed = Signal(bool)
    page_loaded = Signal()
    load_failed = Signal(object)

    columns = 1
    page_size = 200

    def __init__(self, parent=None, services=None, db=None) -> None:
        super().__init__(parent)
        self.services = services  # QueryOp finds db, tasks and feed here
        self._db = db if db is not None else getattr(services, "db", None)
        self.loading = False
        self._read: Reader[R] | None = None
        self._connection = False
        self._rows: list[R] = []
        self._cells: list[Any] = []
        self._next: Any = None
        self._more = False

    # -- what subclasses give --------------------------------------------------------------
    def format_row(self, row: R) -> Any:
        """The row's cells, computed once (the first time the view shows it)."""
        return row

    def cell(self, row: R, cells: Any, column: int, role: int) -> Any:
        return None

    def key(self, row: R) -> Any:
        """What identifies a row across reads (selections follow it)."""
        return getattr(row, "id", row)

    def prepare(self) -> None:
        """Called on every reset, before the first page (labels in the current language)."""

    # -- loading --------------------------------------------------------------------------
    def reset_source(self, read: Reader[R] | None, *, connection: bool = False) -> None:
        """Show the pages of ``read`` from the first (``None``: no rows, nothing to read)."""
        self.beginResetModel()
        drop_pending(self, "page", "reload")
        self._set_loading(False)
        self._read, self._connection = read, connection
        self._rows, self._cells = [], []
        self._next, self._more = None, read is not None
        self.prepare()
        self.endResetModel()
        if self._more:
            self.fetchMore(QModelIndex())

    def _query(self, op: Callable[[Any], Any], key: str, done, failed) -> None:
        """``op(source)`` through a QueryOp (or here, without services)."""
        if self.services is None:
            try:
                result = self._run_here(op)
            except Exception as exc:
                failed(exc)
                return
            done(result)
            return
        query = QueryOp(self, op, done, services=self.services).latest(key).failure(failed)
        (query.with_connection() if self._connection else query).run()

    def _run_here(self, op: Callable[[Any], Any]) -> Any:
        db = self._db
        if db is None:
            return op(None)
        if self._connection:
            with db.engine.connect() as conn:
                return op(conn)
        with db.read() as session:
            return op(session)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._read is None or self.loading:
            return
        read, cursor, size = self._read, self._next, self.page_size
        self._set_loading(True)
        self._query(lambda source: read(source, cursor, size), "page", self._arrived, self._failed)

    def reload(self, done: Callable[[set], None] | None = None, *, at_least: int = 1) -> None:
        """Read the rows shown again (a change elsewhere) and swap them in place: rows keep
        their selection and current index by key, new ones appear, gone ones go.
        ``done(lost_keys)`` after (the first page, as long as the rows loaded)."""
        if self._read is None:
            return
        read, count = self._read, max(len(self._rows), at_least, self.page_size)
        before = {self.key(r) for r in self._rows}

        def swapped(page: PageLike[R]) -> None:
            self._swap(page)
            if done is not None:
                done(before - {self.key(r) for r in page.rows})

        def failed(_exc: BaseException) -> None:
            """The rows shown stay; the next change reads them again."""

        self._query(lambda source: read(source, None, count), "reload", swapped, failed)

    def _swap(self, page: PageLike[R]) -> None:
        self.layoutAboutToBeChanged.emit()
        drop_pending(self, "page")  # a page asked for before is now stale
        self._set_loading(False)
        position = {self.key(r): i for i, r in enumerate(page.rows)}
        old = self.persistentIndexList()
        new = []
        for index in old:
            row = index.row()
            key = self.key(self._rows[row]) if 0 <= row < len(self._rows) else None
            at = position.get(key)
            new.append(self.index(at, index.column()) if at is not None else QModelIndex())
        self._rows = list(page.rows)
        self._cells = [None] * len(self._rows)
        self._next, self._more = page.next, page.next is not None
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.page_loaded.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    def _failed(self, exc: BaseException) -> None:
        self._more = False
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _arrived(self, page: PageLike[R]) -> None:
        """On the GUI thread: append the page (a stale one never gets here)."""
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

    def busy(self) -> bool:
        """A page or a reload is on its way (a superseded one counts until it is dropped)."""
        return self.loading or ops_pending(self) > 0

    def forget_formats(self) -> None:
        """Format every loaded row again (time passed, the language changed)."""
        self._cells = [None] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columns - 1)
            )

    # -- rows -----------------------------------------------------------------------------
    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cells_of(self, row: int) -> Any:
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = self.format_row(self._rows[row])
        return cells

    def replace_row(self, row: int, value: R) -> None:
        """One row changed here (shown without reading again)."""
        self._rows[row] = value
        self._cells[row] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columns - 1))

    def row_of_key(self, key: Any) -> int:
        for i, r in enumerate(self._rows):
            if self.key(r) == key:
                return i
        return -1

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = index.row()
        return self.cell(self._rows[row], self.cells_of(row), index.column(), role)


__all__ = ["LazyListModel", "PageLike", "Reader", "RowsPage"]

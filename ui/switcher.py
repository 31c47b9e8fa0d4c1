"""Ctrl+K: type a few letters of a client's name, Enter to switch."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QListView, QVBoxLayout

from ui.sidebar import ClientDelegate, ClientListModel, ClientRole


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )


class _AccentInsensitiveFilter(QSortFilterProxyModel):
    """ "petales" finds "Pétales"; every typed word must appear in the name or slug."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = _fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent) -> bool:
        client = self.sourceModel().index(row, 0, parent).data(ClientRole)
        hay = _fold(f"{client.name} {client.slug} {client.sector}")
        return all(w in hay for w in self._words)


class QuickSwitcher(QDialog):
    """A small popup listing clients filtered as you type."""

    def __init__(self, model: ClientListModel, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Switch client"))
        self.setObjectName("quickSwitcher")
        self.setModal(True)
        self.resize(420, 360)
        self.chosen_id: int | None = None
        self.proxy = _AccentInsensitiveFilter(self)
        self.proxy.setSourceModel(model)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a client's name…"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(ClientDelegate(self.list))
        self.list.setObjectName("clientSidebar")
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self._filter)
        self.edit.returnPressed.connect(self._accept_current)
        self.list.activated.connect(self._accept_index)
        self.list.clicked.connect(self._accept_index)
        self.edit.installEventFilter(self)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if (
            obj is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.proxy.rowCount():
                self.list.setCurrentIndex(self.proxy.index(row, 0))
            return True
        return super().eventFilter(obj, event)

    def _accept_current(self) -> None:
        self._accept_index(self.list.currentIndex())

    def _accept_index(self, index) -> None:
        if index.isValid():
            self.chosen_id = index.data(ClientRole).id
            self.accept()

"""An editable table for a structured charter section (objectives, escalation, delays...)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.charter.labels import column_label
from app.services.charter.schema import SCHEMAS, Issue
from ui.charter.delegates import VALUE, CellDelegate, set_cell
from ui.design import current, set_role
from ui.icons import set_icon


def normalise_rows(rows: list[dict]) -> list[dict]:
    """Rows without empty values, so that equal content compares equal."""
    return [{k: v for k, v in r.items() if v not in (None, "")} for r in rows]


class SectionTable(QWidget):
    """Rows of a section as a table; every edit emits the whole new list of rows.

    Signals:
        rows_edited(list): the rows after the user's change.
    """

    rows_edited = Signal(list)

    def __init__(self, section_key: str, contacts: dict[int, str], parent=None) -> None:
        super().__init__(parent)
        self.key = section_key
        self.columns = SCHEMAS[section_key].columns
        self.contacts = contacts
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setObjectName(f"table_{section_key}")
        self.table.setHorizontalHeaderLabels(
            [column_label(section_key, c.key) for c in self.columns]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(True)
        self._delegates = []
        for i, col in enumerate(self.columns):
            if col.type != "bool":
                delegate = CellDelegate(col, contacts, self.table)
                self._delegates.append(delegate)
                self.table.setItemDelegateForColumn(i, delegate)
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a row"))
        self.add_button.setObjectName("addRowButton")
        self.remove_button = QPushButton(self.tr("Remove the row"))
        self.remove_button.setObjectName("removeRowButton")
        for button, name in ((self.add_button, "add"), (self.remove_button, "delete")):
            set_icon(button, name)
            set_role(button, "secondary")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current_row)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # -- data -----------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, col in enumerate(self.columns):
                    item = QTableWidgetItem()
                    self.table.setItem(r, c, item)
                    value = row.get(col.key)
                    if col.type == "bool":
                        item.setFlags(
                            Qt.ItemFlag.ItemIsEnabled
                            | Qt.ItemFlag.ItemIsSelectable
                            | Qt.ItemFlag.ItemIsUserCheckable
                        )
                        item.setCheckState(
                            Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
                        )
                    else:
                        set_cell(
                            self.table.model(),
                            self.table.model().index(r, c),
                            col,
                            value,
                            self.contacts,
                        )
            self.table.resizeRowsToContents()
        finally:
            self._filling = False

    def rows(self) -> list[dict]:
        out = []
        for r in range(self.table.rowCount()):
            row = {}
            for c, col in enumerate(self.columns):
                item = self.table.item(r, c)
                if item is None:
                    continue
                if col.type == "bool":
                    row[col.key] = item.checkState() == Qt.CheckState.Checked
                else:
                    row[col.key] = item.data(VALUE)
            out.append(row)
        return normalise_rows(out)

    def _item_changed(self, _item) -> None:
        if not self._filling:
            self.rows_edited.emit(self.rows())

    def add_row(self) -> None:
        rows = self.rows()
        rows.append({})
        self.rows_edited.emit(rows)

    def remove_current_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            return
        rows = self.rows()
        del rows[r]
        self.rows_edited.emit(rows)

    # -- presentation ---------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self._filling = True
        for r in range(self.table.rowCount()):
            for c, col in enumerate(self.columns):
                item = self.table.item(r, c)
                if item is not None and col.type == "bool":
                    flags = item.flags()
                    if read_only:
                        flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                    else:
                        flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setFlags(flags)
        self._filling = False

    def show_issues(self, issues: list[Issue]) -> None:
        self._filling = True
        try:
            marked = {(i.row, i.column) for i in issues if i.row is not None}
            for r in range(self.table.rowCount()):
                for c, col in enumerate(self.columns):
                    item = self.table.item(r, c)
                    if item is None:
                        continue
                    bad = (r, col.key) in marked
                    scheme = current()  # the palette's, so the dark scheme stays readable
                    if bad:
                        item.setBackground(QColor(scheme.danger_soft))
                        item.setForeground(QColor(scheme.danger))
                    else:
                        item.setData(Qt.ItemDataRole.BackgroundRole, None)
                        item.setData(Qt.ItemDataRole.ForegroundRole, None)
                    message = next(
                        (i.message for i in issues if i.row == r and i.column == col.key), ""
                    )
                    item.setToolTip(html.escape(message))
        finally:
            self._filling = False

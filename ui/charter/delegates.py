"""Cell editors for the charter's tables: choices, contact picker, delay, actions, numbers."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QWidget,
)

from app.services.charter.compare import cell_text
from app.services.charter.labels import choice_label
from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.charter.schema import Column

VALUE = Qt.ItemDataRole.UserRole


class DelayEdit(QWidget):
    """A delay as a number and a unit (minutes or hours); value in minutes.

    Signals:
        changed(int): the delay in minutes.
        committed(): Return was pressed: the value is final.
    """

    changed = Signal(int)
    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.amount = QSpinBox()
        self.amount.setRange(0, 720)
        self.amount.setObjectName("delayAmount")
        self.unit = QComboBox()
        self.unit.setObjectName("delayUnit")
        self.unit.addItem(self.tr("min"), 1)
        self.unit.addItem(self.tr("h"), 60)
        layout.addWidget(self.amount, 1)
        layout.addWidget(self.unit)
        self.amount.valueChanged.connect(lambda _v: self.changed.emit(self.minutes()))
        self.unit.currentIndexChanged.connect(lambda _i: self.changed.emit(self.minutes()))
        self.setFocusProxy(self.amount)
        self.amount.installEventFilter(self)
        self.unit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.committed.emit()
            return True
        return False

    def minutes(self) -> int:
        return self.amount.value() * int(self.unit.currentData())

    def set_minutes(self, minutes: int | None) -> None:
        minutes = int(minutes or 0)
        hours = minutes and minutes % 60 == 0
        self.unit.setCurrentIndex(1 if hours else 0)
        self.amount.setValue(minutes // 60 if hours else minutes)


class CellDelegate(QStyledItemDelegate):
    """Edits the raw value (UserRole) of a cell according to its column type."""

    def __init__(self, column: Column, contacts: dict[int, str], parent=None) -> None:
        super().__init__(parent)
        self.column = column
        self.contacts = contacts

    def createEditor(self, parent, option, index: QModelIndex):
        t = self.column.type
        if t in ("choice", "category", "contact"):
            combo = QComboBox(parent)
            if t == "contact" or self.column.optional:
                combo.addItem("—", None)
            if t == "contact":
                for cid, name in self.contacts.items():
                    combo.addItem(name, cid)
            else:
                for key in self.column.choices or MESSAGE_CATEGORIES:
                    combo.addItem(choice_label(key), key)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        if t == "int":
            spin = QSpinBox(parent)
            spin.setRange(0, 1000)
            return spin
        if t == "float":
            spin = QDoubleSpinBox(parent)
            spin.setRange(0, 1e9)
            spin.setDecimals(2)
            return spin
        if t == "delay":
            delay = DelayEdit(parent)
            delay.committed.connect(lambda d=delay: self._commit(d))
            return delay
        if t == "actions":
            box = QListWidget(parent)
            box.setObjectName("actionsEditor")
            for key in self.column.choices:
                item = QListWidgetItem(choice_label(key))
                item.setData(VALUE, key)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                box.addItem(item)
            return box
        edit = QLineEdit(parent)
        edit.setMaxLength(2000)
        return edit

    def _commit(self, editor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        if isinstance(editor, QListWidget):
            rect.setHeight(max(rect.height(), 24 * editor.count() + 6))
            rect.setWidth(max(rect.width(), 160))
        editor.setGeometry(rect)

    def setEditorData(self, editor, index: QModelIndex):
        value = index.data(VALUE)
        if isinstance(editor, QComboBox):
            pos = editor.findData(value)
            editor.setCurrentIndex(max(pos, 0))
        elif isinstance(editor, DelayEdit):
            editor.set_minutes(value)
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value or 0)
        elif isinstance(editor, QListWidget):
            chosen = set(value or [])
            for i in range(editor.count()):
                item = editor.item(i)
                checked = item.data(VALUE) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")

    def setModelData(self, editor, model, index: QModelIndex):
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, DelayEdit):
            value = editor.minutes()
        elif isinstance(editor, QDoubleSpinBox):
            value = float(editor.value())
        elif isinstance(editor, QSpinBox):
            value = int(editor.value())
        elif isinstance(editor, QListWidget):
            value = [
                editor.item(i).data(VALUE)
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
        else:
            value = editor.text().strip()
        set_cell(model, index, self.column, value, self.contacts)


def set_cell(model, index: QModelIndex, column: Column, value, contacts: dict[int, str]) -> None:
    """Store ``value`` and its readable text in a cell (one dataChanged for both)."""
    model.setItemData(
        index,
        {
            VALUE: value,
            Qt.ItemDataRole.DisplayRole: ""
            if value in (None, "", [])
            else cell_text(column.type, value, contacts),
        },
    )

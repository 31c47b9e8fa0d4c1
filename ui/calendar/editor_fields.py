"""Ctrl+Z inside the post editor for the fields that have no undo of their own.

Text fields (the variants' texts, title, link, notes) keep Qt's own undo; the planned time,
"all day", status, networks and category are undone here, newest change first. Once saved,
the whole editing session is one step of the calendar's undo stack (see ui.calendar.undo).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


class FieldHistory:
    def __init__(self, editor) -> None:
        self.editor = editor
        self.restoring = False
        self.states = [self.capture()]
        action = QAction(editor)
        action.setShortcut(QKeySequence.StandardKey.Undo)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.undo)
        editor.addAction(action)
        self.action = action

    def capture(self) -> tuple:
        e = self.editor
        return (
            e.when.dateTime(),
            e.all_day.isChecked(),
            e.status.currentIndex(),
            tuple(n for n, box in e.network_boxes.items() if box.isChecked()),
            e.category.currentText(),
        )

    def record(self) -> None:
        if self.restoring:
            return
        state = self.capture()
        if state != self.states[-1]:
            self.states.append(state)

    def undo(self) -> bool:
        """Back to the fields' previous state; False when there is nothing to undo."""
        if len(self.states) < 2:
            return False
        self.states.pop()
        when, all_day, status, networks, category = self.states[-1]
        e = self.editor
        self.restoring = True
        try:
            e.when.setDateTime(when)
            e.all_day.setChecked(all_day)
            e.status.setCurrentIndex(status)
            for network, box in e.network_boxes.items():
                box.setChecked(network in networks)
            e.category.setCurrentText(category)
        finally:
            self.restoring = False
        return True

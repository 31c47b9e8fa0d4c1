"""The charter editor's undo: the commands (they set the page's values and mark them for
saving) and the key filter that routes the text editors' Ctrl+Z to the area's stack."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack


class UndoKeys(QObject):
    """Route Ctrl+Z / Ctrl+Shift+Z of the text editors to the area's undo stack."""

    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = stack

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.matches(QKeySequence.StandardKey.Undo):
                if event.type() == QEvent.Type.KeyPress:
                    self.stack.undo()
                event.accept()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                if event.type() == QEvent.Type.KeyPress:
                    self.stack.redo()
                event.accept()
                return True
        return False


class DataCommand(QUndoCommand):
    """A change of a structured section's values (a cell, a row, the hours, the style)."""

    def __init__(self, area, page, old: dict, new: dict, text: str) -> None:
        super().__init__(text)
        self.area, self.key, self.old, self.new = area, page.key, old, new

    def redo(self) -> None:
        self.area.apply_section_data(self.key, self.new)

    def undo(self) -> None:
        self.area.apply_section_data(self.key, self.old)


class TextCommand(QUndoCommand):
    """One step of a section's rich text; the QTextDocument keeps the text itself."""

    def __init__(self, area, page, text: str) -> None:
        super().__init__(text)
        self.area, self.key = area, page.key
        self._first = True

    def redo(self) -> None:
        if self._first:  # the document already did it
            self._first = False
            return
        self.area.replay_text(self.key, undo=False)

    def undo(self) -> None:
        self.area.replay_text(self.key, undo=True)


class ReorderCommand(QUndoCommand):
    def __init__(self, area, old: list[str], new: list[str], text: str) -> None:
        super().__init__(text)
        self.area, self.old, self.new = area, old, new

    def redo(self) -> None:
        self.area.apply_order(self.new)

    def undo(self) -> None:
        self.area.apply_order(self.old)

"""Undo commands of the charter editor: they set the page's values and mark them for saving."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand


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

"""Parts the month and week views own (composition, as Anki's browser owns its table): the
drag of a chip and the chips' tooltips.

A view creates them with what they need from it — ``ChipDrag(view, view.refused)``,
``ChipToolTips(view, view.chip_at, lambda: view.zone)`` — and keeps the decisions that
depend on its geometry: where a dragged chip lands, what a press selects.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QPoint, SignalInstance
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from app.services.calendar.query import PostChip
from ui.calendar.painting import chip_tooltip


class ChipDrag(QObject):
    """Press on a chip, move past the platform's drag distance, release: a move.

    The view calls :meth:`press`, :meth:`move` and :meth:`release` from its mouse events,
    paints :attr:`dragging` at :attr:`pos`, and decides on release where the chip lands. A
    person who may not write posts is refused: :attr:`locked` says why.
    """

    def __init__(self, view: QWidget, refused: SignalInstance) -> None:
        super().__init__(view)
        self.view = view
        self._refused = refused  # the view's refused(str) signal
        self._press: tuple[PostChip, QPoint] | None = None
        self.dragging: PostChip | None = None  # the chip following the pointer
        self.pos = QPoint()  # where the pointer is while dragging
        self.locked = ""  # why this person may not move or add posts ("": they may)

    def set_locked(self, reason: str) -> None:
        """Refuse drags and quick adds, saying ``reason`` ("": allowed again)."""
        self.locked = reason
        if reason:
            self._press = self.dragging = None
            self.view.update()

    def refuse(self, pos: QPoint) -> bool:
        """True (and the reason shown where the pointer is, and emitted) when locked."""
        if not self.locked:
            return False
        QToolTip.showText(self.view.mapToGlobal(pos), self.locked, self.view)
        self._refused.emit(self.locked)
        return True

    def press(self, chip: PostChip | None, pos: QPoint) -> None:
        self._press = (chip, pos) if chip else None

    def move(self, pos: QPoint) -> None:
        far = (
            self._press is not None
            and (pos - self._press[1]).manhattanLength() >= QApplication.startDragDistance()
        )
        if far and self.dragging is None:
            if self.refuse(pos):  # no drag starts: nothing follows the pointer
                self._press = None
                return
            assert self._press is not None
            self.dragging = self._press[0]
        if self.dragging is not None:
            self.pos = pos
            self.view.update()

    def release(self) -> PostChip | None:
        """The chip that was dragged (None for a click); the drag is over."""
        dragged, self.dragging, self._press = self.dragging, None, None
        return dragged

    def fades(self, chip: PostChip) -> bool:
        """The chip being dragged is painted faded where it was."""
        return self.dragging is not None and self.dragging.id == chip.id


class ChipToolTips(QObject):
    """A chip's tooltip: its full title and what the chip cuts; nothing between chips. The
    view hands it its events first (``self.tips.handle(event) or super().event(event)``)."""

    def __init__(
        self,
        view: QWidget,
        chip_at: Callable[[QPoint], PostChip | None],
        zone: Callable[[], ZoneInfo],
    ) -> None:
        super().__init__(view)
        self.view = view
        self._chip_at = chip_at
        self._zone = zone

    def handle(self, event: QEvent) -> bool:
        """True when ``event`` was a tooltip request, answered here."""
        if event.type() != QEvent.Type.ToolTip:
            return False
        pos, global_pos = event.pos(), event.globalPos()  # type: ignore[attr-defined]
        chip = self._chip_at(pos)
        if chip is None:
            QToolTip.hideText()
            event.ignore()
            return True
        QToolTip.showText(global_pos, chip_tooltip(chip, self._zone()), self.view)
        return True

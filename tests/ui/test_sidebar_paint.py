"""The client sidebar paints the selected and the hovered row from the view itself (its
selection, the row under the mouse), not from QStyle's state: the start-up never builds
QStyle's Python class for it."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from ui.design import current
from ui.sidebar import ClientDelegate, ClientListModel, ClientSidebar
from ui.window_snapshot import SnapshotClient


def _colour_at(view, row: int) -> str:
    rect = view.visualRect(view.model().index(row))
    image = view.viewport().grab().toImage()
    x = rect.right() - 4  # right of the name, left of any badge: the row's background
    return image.pixelColor(x * image.width() // view.viewport().width(), rect.center().y()).name()


def test_selected_and_hovered_rows_are_painted_from_the_view(qtbot):
    model = ClientListModel()
    model.set_clients([SnapshotClient(n, f"Client {n}", "#0f766e") for n in (1, 2, 3)])
    view = ClientSidebar(model)
    qtbot.addWidget(view)
    view.resize(240, 300)
    view.show()
    qtbot.waitExposed(view)
    scheme = current()
    view.select_client(1)
    assert _colour_at(view, 0) == QColor(scheme.side_selected).name()
    assert _colour_at(view, 1) != QColor(scheme.side_hover).name()

    second = view.visualRect(model.index(1)).center()
    qtbot.mouseMove(view.viewport(), second)
    qtbot.waitUntil(lambda: view.hovered_row == 1)
    assert _colour_at(view, 1) == QColor(scheme.side_hover).name()
    assert _colour_at(view, 2) != QColor(scheme.side_hover).name()

    below = QPoint(second.x(), view.visualRect(model.index(2)).bottom() + 30)
    qtbot.mouseMove(view.viewport(), below)  # no row there
    qtbot.waitUntil(lambda: view.hovered_row == -1)
    assert _colour_at(view, 1) != QColor(scheme.side_hover).name()


def test_a_plain_list_view_keeps_its_style_state(qtbot):
    """The quick switcher's list (a plain QListView) still paints the selected row."""
    from PySide6.QtWidgets import QListView

    model = ClientListModel()
    model.set_clients([SnapshotClient(n, f"Client {n}", "#0f766e") for n in (1, 2)])
    view = QListView()
    view.setModel(model)
    view.setItemDelegate(ClientDelegate(view))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(model.index(1))
    assert _colour_at(view, 1) == QColor(current().side_selected).name()
    assert _colour_at(view, 0) != QColor(current().side_selected).name()

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


def _sidebar(qtbot, clients, badges=None) -> ClientSidebar:
    """A client sidebar of ``clients``, shown at 240 × 300."""
    model = ClientListModel()
    model.set_clients(clients)
    model.set_badges(badges or {})
    view = ClientSidebar(model)
    qtbot.addWidget(view)
    view.resize(240, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_selected_and_hovered_rows_are_painted_from_the_view(qtbot):
    view = _sidebar(qtbot, [SnapshotClient(n, f"Client {n}", "#0f766e") for n in (1, 2, 3)])
    model = view.model()
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


def test_the_roles_are_qts_own_numbers():
    """The sidebar names Qt's item roles as plain numbers (no ``Qt`` namespace at start-up)."""
    from PySide6.QtCore import Qt

    from ui import sidebar

    role = Qt.ItemDataRole
    assert role.DisplayRole.value == sidebar.DISPLAY_ROLE
    assert role.DecorationRole.value == sidebar.DECORATION_ROLE
    assert role.EditRole.value == sidebar.EDIT_ROLE
    assert role.ToolTipRole.value == sidebar.TOOLTIP_ROLE
    assert role.UserRole.value == sidebar.USER_ROLE
    model = ClientListModel()
    model.set_clients([SnapshotClient(1, "Fleurs de Lyon", "#0f766e")])
    index = model.index(0)
    assert index.data(role.DisplayRole) == "Fleurs de Lyon"
    assert "Fleurs de Lyon" in index.data(role.ToolTipRole)


def _has_colour(image, rect, colour: str, scale: float) -> bool:
    wanted = QColor(colour).rgb()
    return any(
        image.pixel(int(x * scale), int(y * scale)) == wanted
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    )


def test_names_initials_and_badges_are_painted_in_their_colours(qtbot):
    from PySide6.QtCore import QRect

    from app.services.clients.badge_values import Badges

    clients = [
        SnapshotClient(1, "Fleurs de Lyon", "#0f766e"),
        SnapshotClient(2, "Ancien", "#b45309", True),
    ]
    view = _sidebar(qtbot, clients, {1: Badges(unread=7)})
    model = view.model()
    scheme = current()
    image = view.viewport().grab().toImage()
    scale = image.width() / view.viewport().width()
    active, archived = view.visualRect(model.index(0)), view.visualRect(model.index(1))
    name = QRect(active.left() + 50, active.top(), 90, active.height())
    assert _has_colour(image, name, scheme.side_text, scale)
    old = QRect(archived.left() + 50, archived.top(), 60, archived.height())
    assert _has_colour(image, old, scheme.side_muted, scale)
    assert not _has_colour(image, old, scheme.side_text, scale)
    avatar = QRect(active.left() + 12, active.top() + 8, 28, 28)
    assert _has_colour(image, avatar, "#ffffff", scale)  # the initials on the colour
    assert _has_colour(image, avatar, "#0f766e", scale)
    badge = QRect(active.right() - 32, active.top(), 24, active.height())
    assert _has_colour(image, badge, scheme.on_accent, scale)  # "7" on the accent
    assert _has_colour(image, badge, scheme.accent, scale)

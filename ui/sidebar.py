"""The client sidebar: colour, logo, name and badges for every client of the agency."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QRect,
    QRectF,
    QSize,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QListView,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
)

from app.services.clients.badge_values import Badges
from ui import ink
from ui.design import current

if TYPE_CHECKING:  # the sidebar is built before SQLAlchemy is imported (start-up)
    from app.services.clients.workspaces import ClientInfo

# Qt.ItemDataRole's values as plain numbers: this module paints the complete window before
# anything needs PySide6's ``Qt`` namespace (see ui.ink; tests/ui/test_sidebar_paint.py checks
# them against Qt's)
DISPLAY_ROLE, DECORATION_ROLE, EDIT_ROLE, TOOLTIP_ROLE, USER_ROLE = 0, 1, 2, 3, 0x0100
ClientRole = USER_ROLE + 1
BadgesRole = USER_ROLE + 2


class ClientListModel(QAbstractListModel):
    """The agency's clients, in sidebar order. Holds plain ClientInfo rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._clients: list[ClientInfo] = []
        self._badges: dict[int, Badges] = {}
        self._logos: dict[int, QPixmap] = {}

    def set_clients(self, clients: list[ClientInfo]) -> None:
        self.beginResetModel()
        self._clients = list(clients)
        self._logos.clear()
        self.endResetModel()

    def set_badges(self, badges: dict[int, Badges]) -> None:
        self._badges = dict(badges)
        if self._clients:
            self.dataChanged.emit(self.index(0), self.index(len(self._clients) - 1), [BadgesRole])

    def clients(self) -> list[ClientInfo]:
        return list(self._clients)

    def row_of(self, client_id: int) -> int:
        for row, c in enumerate(self._clients):
            if c.id == client_id:
                return row
        return -1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._clients)

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE):
        if not index.isValid() or not 0 <= index.row() < len(self._clients):
            return None
        client = self._clients[index.row()]
        if role in (DISPLAY_ROLE, EDIT_ROLE):
            return client.name
        if role == TOOLTIP_ROLE:
            b = self._badges.get(client.id, Badges())
            parts = [client.name]
            if client.sector:
                parts.append(client.sector)
            if b.unread:
                parts.append(self.tr("%Ln unread", "", b.unread))
            if b.overdue:
                parts.append(self.tr("%Ln overdue", "", b.overdue))
            if b.crisis:
                parts.append(self.tr("Crisis alert"))
            if b.accounts_attention:
                parts.append(self.tr("%Ln account(s) to check", "", b.accounts_attention))
            from app.textsafe import tooltip  # (its regexes: not compiled at start-up)

            return tooltip("\n".join(parts))  # a client's name is not HTML
        if role == DECORATION_ROLE:
            return self._logo(client)
        if role == ClientRole:
            return client
        if role == BadgesRole:
            return self._badges.get(client.id, Badges())
        return None

    def _logo(self, client: ClientInfo) -> QPixmap | None:
        if not client.logo:
            return None
        if client.id not in self._logos:
            pix = QPixmap()
            pix.loadFromData(client.logo)
            self._logos[client.id] = pix
        pix = self._logos[client.id]
        return None if pix.isNull() else pix


def _initials(name: str) -> str:
    words = [w for w in name.replace("&", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


class ClientDelegate(QStyledItemDelegate):
    """Paints a client row: logo or coloured initials, name, badges. No child widgets.

    Selected and hovered are read from the view (its selection, the row under the mouse)
    rather than from ``option.state``: that one is a ``QStyle`` flag, and PySide6 builds the
    ``QStyle`` class with its 11 enums on first use (~5 ms of the complete window). Colours
    go through :mod:`ui.ink`, which never builds the ``Qt`` namespace (~14 ms)."""

    HEIGHT = 44

    def sizeHint(self, option, index) -> QSize:
        # as narrow as can be: a list row takes the view's width anyway, and a wider hint
        # than a narrow sidebar would show a horizontal scroll bar
        return QSize(1, self.HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex):
        client: ClientInfo = index.data(ClientRole)
        badges: Badges = index.data(BadgesRole) or Badges()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        view = self.parent()
        selected = view.selectionModel().isSelected(index)
        hovered_row = getattr(view, "hovered_row", None)
        if hovered_row is None:  # a view that does not track it (the quick switcher's list)
            from PySide6.QtWidgets import QStyle

            hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        else:
            hovered = hovered_row == index.row()
        scheme = current()
        if selected or hovered:
            row = QPainterPath()
            row.addRect(QRectF(rect))
            ink.fill(painter, row, scheme.side_selected if selected else scheme.side_hover)
        # avatar
        avatar = QRect(rect.left() + 12, rect.top() + 8, 28, 28)
        logo = index.data(DECORATION_ROLE)
        path = QPainterPath()
        path.addRoundedRect(avatar, 7, 7)
        if isinstance(logo, QPixmap):
            painter.setClipPath(path)
            painter.drawPixmap(avatar, logo)
            painter.setClipping(False)
        else:
            ink.fill(painter, path, client.colour)
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            ink.text(painter, avatar, _initials(client.name), font, "#ffffff", centre=True)
        # badges (right to left)
        x = rect.right() - 10
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        font.setBold(True)
        fm = QFontMetrics(font)
        items = []
        if badges.crisis:
            items.append(("!", scheme.danger_fill, scheme.on_accent))
        if badges.overdue:
            items.append((str(badges.overdue), scheme.danger_fill, scheme.on_accent))
        if badges.unread:
            items.append((str(badges.unread), scheme.accent, scheme.on_accent))
        if badges.accounts_attention:
            items.append(("⚠", scheme.attention_fill, scheme.on_attention))
        for label, colour, on_colour in items:
            w = max(20, fm.horizontalAdvance(label) + 10)
            badge = QRect(x - w, rect.center().y() - 9, w, 18)
            bp = QPainterPath()
            bp.addRoundedRect(badge, 9, 9)
            ink.fill(painter, bp, colour)
            ink.text(painter, badge, label, font, on_colour, centre=True)
            x = badge.left() - 4
        # name
        text_rect = QRect(avatar.right() + 10, rect.top(), x - avatar.right() - 14, rect.height())
        name = ink.elide(QFontMetrics(option.font), client.name, text_rect.width())
        colour = scheme.side_muted if client.archived else scheme.side_text
        ink.text(painter, text_rect, name, option.font, colour)
        painter.restore()


class ClientSidebar(QListView):
    """The list of clients on the left. Signals: client_activated(int) — a client id."""

    client_activated = Signal(int)

    def __init__(self, model: ClientListModel, parent=None) -> None:
        super().__init__(parent)
        self.hovered_row = -1  # the row under the mouse, painted lighter (ClientDelegate)
        self.setObjectName("clientSidebar")
        self.setModel(model)
        self.setItemDelegate(ClientDelegate(self))
        self.setMouseTracking(True)
        self.setUniformItemSizes(True)  # (no horizontal scroll bar: ClientDelegate.sizeHint)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Clients"))
        self.selectionModel().currentChanged.connect(self._current_changed)

    def viewportEvent(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseMove, QEvent.Type.HoverEnter, QEvent.Type.HoverMove):
            self._hover(self.indexAt(event.position().toPoint()).row())
        elif kind in (QEvent.Type.HoverLeave, QEvent.Type.Leave):
            self._hover(-1)
        return super().viewportEvent(event)

    def _hover(self, row: int) -> None:
        if row != self.hovered_row:
            previous, self.hovered_row = self.hovered_row, row
            for changed in (previous, row):
                if changed >= 0:
                    self.update(self.model().index(changed))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        client = current.data(ClientRole) if current.isValid() else None
        if client is not None:
            self.client_activated.emit(client.id)

    def select_client(self, client_id: int) -> None:
        row = self.model().row_of(client_id)
        if row >= 0 and self.currentIndex().row() != row:
            self.setCurrentIndex(self.model().index(row))


def add_client_button() -> QToolButton:
    """The "+" at the top of the sidebar."""
    from ui import icons

    button = QToolButton()
    icons.set_icon(button, "add", "side_text")
    button.setObjectName("addClientButton")
    button.setToolTip(QCoreApplication.translate("MainWindow", "New client (Ctrl+N)"))
    return button


def switch_hint() -> QPushButton:
    """ "Search clients… Ctrl+K" above the list: opens the quick switcher."""
    from ui import icons

    hint = QPushButton(QCoreApplication.translate("MainWindow", "Search clients…  Ctrl+K"))
    hint.setObjectName("switchHint")
    icons.set_icon(hint, "search", "side_muted")
    hint.setMinimumWidth(80)  # a long translation never widens the sidebar
    hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return hint


def settle(hint: QPushButton) -> None:
    """What the complete window's paint goes without, set just after it: the search hint
    takes no keyboard focus (``Qt.FocusPolicy``: the ``Qt`` namespace, see :mod:`ui.ink`)."""
    from PySide6.QtCore import Qt

    hint.setFocusPolicy(Qt.FocusPolicy.NoFocus)

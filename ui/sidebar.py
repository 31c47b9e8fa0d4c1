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
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QListView,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
)

from app.services.clients.badge_values import Badges
from ui.design import current

if TYPE_CHECKING:  # the sidebar is built before SQLAlchemy is imported (start-up)
    from app.services.clients.workspaces import ClientInfo

ClientRole = Qt.ItemDataRole.UserRole + 1
BadgesRole = Qt.ItemDataRole.UserRole + 2


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

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._clients):
            return None
        client = self._clients[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return client.name
        if role == Qt.ItemDataRole.ToolTipRole:
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
        if role == Qt.ItemDataRole.DecorationRole:
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
    ``QStyle`` class with its 11 enums on first use (~5 ms of the complete window)."""

    HEIGHT = 44

    def sizeHint(self, option, index) -> QSize:
        return QSize(200, self.HEIGHT)

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
        if selected or hovered:  # fillPath: fillRect(rect, colour) has an overload for
            # QGradient.Preset, so PySide6 would build QGradient's class (180 presets) first
            row = QPainterPath()
            row.addRect(QRectF(rect))
            painter.fillPath(row, QColor(scheme.side_selected if selected else scheme.side_hover))
        # avatar
        avatar = QRect(rect.left() + 12, rect.top() + 8, 28, 28)
        logo = index.data(Qt.ItemDataRole.DecorationRole)
        path = QPainterPath()
        path.addRoundedRect(avatar, 7, 7)
        if isinstance(logo, QPixmap):
            painter.setClipPath(path)
            painter.drawPixmap(avatar, logo)
            painter.setClipping(False)
        else:
            painter.fillPath(path, QColor(client.colour))
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, _initials(client.name))
        # badges (right to left)
        x = rect.right() - 10
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        font.setBold(True)
        painter.setFont(font)
        fm = painter.fontMetrics()
        items = []
        if badges.crisis:
            items.append(("!", QColor(scheme.danger_fill), QColor(scheme.on_accent)))
        if badges.overdue:
            items.append(
                (str(badges.overdue), QColor(scheme.danger_fill), QColor(scheme.on_accent))
            )
        if badges.unread:
            items.append((str(badges.unread), QColor(scheme.accent), QColor(scheme.on_accent)))
        if badges.accounts_attention:
            items.append(("⚠", QColor(scheme.attention_fill), QColor(scheme.on_attention)))
        for text, colour, ink in items:
            w = max(20, fm.horizontalAdvance(text) + 10)
            badge = QRect(x - w, rect.center().y() - 9, w, 18)
            bp = QPainterPath()
            bp.addRoundedRect(badge, 9, 9)
            painter.fillPath(bp, colour)
            painter.setPen(ink)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            x = badge.left() - 4
        # name
        painter.setFont(option.font)
        painter.setPen(QColor(scheme.side_muted if client.archived else scheme.side_text))
        text_rect = QRect(avatar.right() + 10, rect.top(), x - avatar.right() - 14, rect.height())
        name = painter.fontMetrics().elidedText(
            client.name, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name
        )
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
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
    hint.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    hint.setMinimumWidth(80)  # a long translation never widens the sidebar
    hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return hint

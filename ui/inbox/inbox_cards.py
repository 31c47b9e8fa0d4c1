"""The inbox rows as cards, the legend of their marks and the empty state.

One delegate paints a whole row from :data:`ui.inbox.inbox_model.CardRole` (a dictionary
formatted once per row): network badge on the author's initials, author and marks, when it
arrived, two lines of the message (plain text, elided), the time left as a coloured chip,
category and status chips. Rows have a fixed height so the lazy model stays a look-up per
visible row (docs/pitfalls.md: painting beats stacking widgets).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ui.badges import paint_chip, paint_initials, paint_network_badge
from ui.design.theme import current
from ui.inbox.inbox_model import CardRole
from ui.inbox.inbox_style import (
    accent,
    chip_colours,
    follow_scheme,
    level_colours,
    muted_sheet,
    title_sheet,
    watched_background,
)


def _blend(base: QColor, over: QColor, amount: float = 0.22) -> QColor:
    """``over`` laid on ``base`` at ``amount`` opacity (a selection that keeps text legible)."""
    return QColor.fromRgbF(
        base.redF() + (over.redF() - base.redF()) * amount,
        base.greenF() + (over.greenF() - base.greenF()) * amount,
        base.blueF() + (over.blueF() - base.blueF()) * amount,
    )


def card_height(font: QFont) -> int:
    """Three lines of the list's font and some air: fixed for every row."""
    return QFontMetrics(font).height() * 3 + 16


class CardDelegate(QStyledItemDelegate):
    """Paints the row's card in the one visible column of the inbox table."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fonts: tuple[QFont, QFont, QFont] | None = None
        self._splits: dict[tuple, tuple[str, str]] = {}  # (text, width, font) -> two lines

    def _fonts_for(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        if self._fonts is None or self._fonts[1] != base:
            base = QFont(base)  # the option's font is borrowed: keep a copy
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
            self._fonts = (bold, base, small)
        return self._fonts

    def sizeHint(self, option, index) -> QSize:
        return QSize(320, card_height(option.font))

    def paint(self, painter: QPainter, option, index) -> None:
        card = index.data(CardRole)
        if card is None:
            return
        bold, regular, small = self._fonts_for(option.font)
        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # the palette's colours and tokens: the cards follow the light or the dark scheme
        scheme = current()
        base = option.palette.color(QPalette.ColorRole.Base)
        ink = option.palette.color(QPalette.ColorRole.Text)
        muted = QColor(ink)
        muted.setAlpha(170)
        painter.save()
        if selected:
            painter.fillRect(r, _blend(base, option.palette.color(QPalette.ColorRole.Highlight)))
            painter.fillRect(QRect(r.left(), r.top(), 3, r.height()), accent(scheme))
        elif card["watched"]:
            painter.fillRect(r, watched_background(scheme))
        else:
            painter.fillRect(r, base)
        line_colour = QColor(ink)
        line_colour.setAlpha(30)
        painter.setPen(QPen(line_colour))
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(accent(scheme), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(1, 1, -2, -2))

        line = QFontMetrics(regular).height()
        top = r.top() + 6
        # avatar: initials, the network's badge on its corner
        size = min(36, r.height() - 14)
        avatar = QRect(r.left() + 10, top + 2, size, size)
        paint_initials(painter, avatar, card["author"], regular)
        badge = QRect(avatar.right() - 11, avatar.bottom() - 11, 15, 15)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        painter.drawRoundedRect(badge.adjusted(-1, -1, 1, 1), 4, 4)
        paint_network_badge(painter, badge, card["network"], small)

        left = avatar.right() + 12
        right = r.right() - 8
        # line 1: author, marks, when · time left chip on the right
        chip_h = line
        if card["left"]:
            fg, bg = level_colours(card["level"], scheme)
            pill = QRect(right - 110, top, 110, chip_h)
            w = paint_chip(painter, pill, card["left"], small, fg, bg)
            line1_right = right - w - 8
        else:
            line1_right = right
        painter.setFont(bold if card["new"] else regular)
        fm = painter.fontMetrics()
        marks = card["marks"]
        head = f"{marks} {card['author']}" if marks else card["author"]
        when = card["when"]
        small_fm = QFontMetrics(small)
        when_w = small_fm.horizontalAdvance(when) + 10
        room = max(0, line1_right - left - when_w)
        head = fm.elidedText(head, Qt.TextElideMode.ElideRight, room)
        painter.setPen(ink)
        head_rect = QRect(left, top, room, line)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(head_rect, align, head)
        painter.setFont(small)
        painter.setPen(muted)
        x = left + fm.horizontalAdvance(head) + 8
        painter.drawText(
            QRect(x, top, max(0, line1_right - x), line),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            small_fm.elidedText(when, Qt.TextElideMode.ElideRight, max(0, line1_right - x)),
        )
        # lines 2–3: the message, wrapped on two lines at most, the chips under the last one
        chips_y = top + line + 4 + line
        x_chip = right
        for text, (fg, bg) in (
            (card["status"], chip_colours("new" if card["new"] else "", scheme)),
            (card["category"], chip_colours("negative" if card["negative"] else "", scheme)),
        ):
            if not text:
                continue
            w = paint_chip(painter, QRect(x_chip - 140, chips_y, 140, chip_h), text, small, fg, bg)
            x_chip -= w + 6
        painter.setFont(regular)
        painter.setPen(ink)
        fm = painter.fontMetrics()
        key = (card["text"], right - left, regular.key())
        split = self._splits.get(key)
        if split is None:
            if len(self._splits) > 2000:
                self._splits.clear()
            split = self._splits[key] = _split_line(card["text"], fm, right - left)
        first, rest = split
        painter.drawText(
            QRect(left, top + line + 4, right - left, line),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            first,
        )
        second = fm.elidedText(rest, Qt.TextElideMode.ElideRight, max(0, x_chip - left - 4))
        painter.drawText(
            QRect(left, chips_y, max(0, x_chip - left), line),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            second,
        )
        painter.restore()


def _split_line(text: str, fm: QFontMetrics, width: int) -> tuple[str, str]:
    """The words of ``text`` that fit on a line of ``width`` pixels, and the rest."""
    if fm.horizontalAdvance(text) <= width:
        return text, ""
    words = text.split(" ")
    first: list[str] = []
    for i, word in enumerate(words):
        candidate = " ".join([*first, word])
        if fm.horizontalAdvance(candidate) > width:
            if not first:  # one long word: cut it
                cut = fm.elidedText(text, Qt.TextElideMode.ElideNone, width)
                return cut, text[len(cut) :]
            return " ".join(first), " ".join(words[i:])
        first.append(word)
    return " ".join(first), ""


class InboxLegend(QLabel):
    """One line under the list: what the marks and colours of a card mean."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxLegend")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(
            self.tr(
                "‼ urgent · ! high priority · ★ first message · time left: green on time, "
                "amber under 2 h, red late"
            )
        )
        follow_scheme(self, lambda scheme: self.setStyleSheet(muted_sheet(scheme)))


class EmptyInbox(QWidget):
    """Shown instead of the list when nothing matches: what to do next.

    Signals:
        sync_requested(): "Sync now" clicked.
        import_requested(): "Import messages…" clicked.
        clear_filters_requested(): "Show all messages" clicked (filters narrowed the list).
    """

    sync_requested = Signal()
    import_requested = Signal()
    clear_filters_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxEmpty")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self.tr("Nothing to answer"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        follow_scheme(self, self._restyle)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primaryButton")
        self.import_button = QPushButton(self.tr("Import messages…"))
        self.clear_button = QPushButton(self.tr("Show all messages"))
        for b in (self.sync_button, self.import_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.sync_button.clicked.connect(self.sync_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.clear_button.clicked.connect(self.clear_filters_requested)
        self.set_filtered(False)

    def _restyle(self, scheme) -> None:
        self.title.setStyleSheet(title_sheet(scheme))
        self.hint.setStyleSheet(muted_sheet(scheme))

    def set_filtered(self, filtered: bool) -> None:
        """``filtered``: the filters hide messages, so offer to show them all."""
        if filtered:
            self.title.setText(self.tr("No message matches these filters"))
            self.hint.setText(self.tr("Widen the search or show every message."))
        else:
            self.title.setText(self.tr("Nothing to answer"))
            self.hint.setText(
                self.tr("Sync now to fetch new messages, or import messages from a CSV file.")
            )
        self.clear_button.setVisible(filtered)

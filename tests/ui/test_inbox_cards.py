"""The inbox a CM works in all day (issue #14): rows as painted cards whose texts stay plain,
the thread as a conversation (ours on the right, notes inline), Tab from the list to the
conversation to the reply box, and an empty inbox that says what to do next."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextCursor, QTextTable
from PySide6.QtWidgets import QStyleOptionViewItem

from app.connectors.contract import IncomingMessage
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from ui.inbox.inbox_model import COL_TEXT, CardRole
from ui.inbox.inbox_style import bubble_colours

pytest_plugins = ["tests.ui.test_inbox_ui"]

HOSTILE = '<img src="/etc/hostname"> <b>gras</b> & co'


def _settle(qtbot, area):
    qtbot.waitUntil(area.idle, timeout=10000)


def _ingest(db, client_id, ext, text, author="Zoé Laurent", minutes_ago=1):
    with db.session() as s:
        inbox_ingest.ingest_messages(
            s,
            client_id,
            [
                IncomingMessage(
                    "instagram",
                    ext,
                    "comment",
                    author,
                    "zoe.l",
                    text,
                    dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes_ago),
                )
            ],
        )


def _reload(qtbot, area):
    area.refresh()
    _settle(qtbot, area)


def test_cards_keep_hostile_text_plain_and_paint_it(qtbot, inbox_area):
    area = inbox_area
    _ingest(area.db, area.client_id, "evil", HOSTILE, author="<i>Mallory</i>")
    _reload(qtbot, area)
    row = next(
        r for r in range(area.model.rowCount()) if "img" in area.model.index(r, COL_TEXT).data()
    )
    index = area.model.index(row, COL_TEXT)
    assert index.data() == HOSTILE  # the display role is the text as typed
    card = index.data(CardRole)
    assert card["text"] == HOSTILE and card["author"] == "<i>Mallory</i>"
    assert card["network"] == "instagram" and card["network_label"] == "Instagram"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    # rich text only as an escaped envelope: no tag of the message survives
    assert tip.startswith("<qt>") and "<img" not in tip and "&lt;img" in tip
    assert "&lt;i&gt;Mallory" in tip and "<i>" not in tip
    # the delegate paints the card without an error (called directly: an exception raises)
    image = QImage(600, 80, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 70)
    option.font = area.table.font()
    area.cards.paint(painter, option, index)
    painter.end()
    # something was painted: the avatar's colour is there, the background is not all white
    colours = {image.pixel(x, y) for x in range(0, 600, 4) for y in range(0, 70, 4)}
    assert len(colours) > 5
    # rows have the fixed card height (a look-up per visible row, no size computing)
    assert area.table.rowHeight(0) == area.table.rowHeight(row) >= 50
    assert area.table.isColumnHidden(0) and not area.table.isColumnHidden(COL_TEXT)


def test_conversation_puts_our_replies_right_and_notes_inline(qtbot, inbox_area):
    area = inbox_area
    _ingest(area.db, area.client_id, "thread", "Ma commande <n'arrive> pas", minutes_ago=30)
    _reload(qtbot, area)
    row = next(
        r
        for r in range(area.model.rowCount())
        if area.model.index(r, COL_TEXT).data().startswith("Ma commande")
    )
    mid = area.model.row_id(row)
    with area.db.session() as s:
        inbox_replies.create_reply(s, area.client_id, mid, "Nous regardons tout de suite.")
    with area.db.session() as s:
        inbox_triage.add_note(s, area.client_id, mid, "Client fidèle <vip>, geste possible")
    area.select_row(row)
    _settle(qtbot, area)
    area.show_message(mid)
    _settle(qtbot, area)
    doc = area.conv.thread.document()
    text = doc.toPlainText()
    assert "Ma commande <n'arrive> pas" in text  # markup shown as typed
    assert "Nous regardons tout de suite." in text
    assert "Client fidèle <vip>, geste possible" in text
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]

    def cell_text(t):
        cell = t.cellAt(0, 0)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    by_text = {cell_text(t): t for t in tables}
    theirs = next(t for k, t in by_text.items() if "Ma commande" in k)
    ours = next(t for k, t in by_text.items() if "Nous regardons" in k)
    note = next(t for k, t in by_text.items() if "Client fidèle" in k)
    assert theirs.format().alignment() & Qt.AlignmentFlag.AlignLeft
    assert ours.format().alignment() & Qt.AlignmentFlag.AlignRight
    colours = bubble_colours()  # the scheme's tokens
    assert ours.format().background().color() == QColor(colours["ours_bg"])
    assert note.format().background().color() == QColor(colours["note_bg"])
    assert "Camille" in cell_text(note) or "note" in cell_text(note).lower()
    # in time order: the message, our reply, then the note written after it
    order = [tables.index(theirs), tables.index(ours), tables.index(note)]
    assert order == sorted(order)
    # no Notes tab any more: the notes are in the conversation
    tabs = [area.conv.tabs.tabText(i) for i in range(area.conv.tabs.count())]
    assert tabs[0] == "Conversation" and "Notes" not in tabs


def test_tab_moves_list_conversation_reply_and_back(qtbot, main_window, inbox_area):
    area = inbox_area
    main_window.activateWindow()
    area.table.setFocus()
    qtbot.waitUntil(lambda: area.table.hasFocus(), timeout=2000)
    qtbot.keyClick(area.table, Qt.Key.Key_Tab)
    assert main_window.focusWidget() is area.conv.thread
    qtbot.keyClick(area.conv.thread, Qt.Key.Key_Tab)
    assert main_window.focusWidget() is area.conv.reply
    qtbot.keyClick(area.conv.reply, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert main_window.focusWidget() is area.conv.thread
    qtbot.keyClick(area.conv.thread, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert main_window.focusWidget() is area.table
    assert area.conv.reply.toPlainText() == ""  # Tab moved on, it typed nothing


def test_empty_inbox_offers_a_next_step_and_send_is_off(qtbot, main_window, sqlite_db):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Boutique vide")
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(c.id)
    main_window.show_area("inbox")
    area = main_window.current_area()
    _settle(qtbot, area)
    assert area.list_stack.currentWidget() is area.empty
    assert area.empty.isVisible() and not area.table.isVisible()
    assert area.empty.title.text() == "Nothing to answer"
    assert area.empty.sync_button.isVisible() and area.empty.import_button.isVisible()
    assert not area.empty.clear_button.isVisible()
    assert not area.conv.send.isEnabled()
    # a message arrives: the list comes back; a search that finds nothing offers to widen it
    _ingest(sqlite_db, c.id, "hello", "Bonjour !")
    _reload(qtbot, area)
    assert area.list_stack.currentWidget() is area.table and area.model.rowCount() == 1
    area.search.setText("introuvable")
    qtbot.waitUntil(lambda: area.list_stack.currentWidget() is area.empty, timeout=5000)
    _settle(qtbot, area)
    assert area.empty.title.text() == "No message matches these filters"
    assert area.empty.clear_button.isVisible()
    assert not area.conv.send.isEnabled()
    qtbot.mouseClick(area.empty.clear_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    assert area.search.text() == "" and area.list_stack.currentWidget() is area.table


def test_legend_explains_the_marks(qtbot, inbox_area):
    legend = inbox_area.legend.text()
    for mark in ("‼", "★", "!"):
        assert mark in legend
    tip = inbox_area.model.index(0, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip  # every card explains itself on hover


def test_empty_inbox_buttons_start_a_sync_or_an_import(qtbot, main_window, sqlite_db, monkeypatch):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Boutique neuve")
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(c.id)
    main_window.show_area("inbox")
    area = main_window.current_area()
    _settle(qtbot, area)
    synced, imported = [], []
    monkeypatch.setattr(main_window.sync_bar, "sync_now", lambda: synced.append(True))
    monkeypatch.setattr(area.tools, "import_file", lambda path=None: imported.append(True))
    qtbot.mouseClick(area.empty.sync_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(area.empty.import_button, Qt.MouseButton.LeftButton)
    assert synced == [True] and imported == [True]


def test_status_and_time_chips_are_never_cut_on_a_1366_list(qtbot, monkeypatch):
    """The old table cut "En attente du client" to "En atten…": a chip is as wide as its text."""
    from PySide6.QtGui import QFont, QFontMetrics, QStandardItem, QStandardItemModel

    import ui.inbox.inbox_cards as cards

    painted = []
    original = cards.paint_chip

    def recording(painter, rect, text, font, fg, bg):
        width = original(painter, rect, text, font, fg, bg)
        painted.append((text, width, QFontMetrics(font).horizontalAdvance(text)))
        return width

    monkeypatch.setattr(cards, "paint_chip", recording)
    card = {
        "network": "facebook",
        "network_label": "Facebook",
        "author": "Karim Benali",
        "marks": "‼★",
        "when": "3 déc., 12:20",
        "text": "Livraison prévue hier entre 14 h et 18 h, toujours rien. " * 3,
        "category": "Réclamation",
        "status": "En attente du client",
        "left": "−1 j 23 h",
        "level": "late",
        "new": False,
        "watched": True,
        "negative": True,
        "assignee": "",
    }
    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData(card, cards.CardRole)
    model.setItem(0, 0, item)
    delegate = cards.CardDelegate()
    image = QImage(560, 70, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 560, cards.card_height(QFont()))  # the list's width at 1366 px
    option.font = QFont()
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    chips = {text for text, _w, _a in painted}
    assert chips == {"En attente du client", "Réclamation", "−1 j 23 h"}
    for text, width, advance in painted:
        assert width >= advance + 12, text  # text and padding: nothing elided

"""The message list at the window size agencies use: one card per row fills the list's width,
no side scroll, and the conversation keeps a readable width."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.inbox.inbox_model import COL_TEXT

pytest_plugins = ["tests.ui.test_inbox_ui"]


def test_cards_take_the_lists_width_at_1400x860(qtbot, main_window, inbox_area):
    area = inbox_area
    main_window.resize(1400, 860)
    main_window.show()
    qtbot.waitExposed(main_window)
    QCoreApplication.processEvents()
    table = area.table
    shown = [c for c in range(area.model.columnCount()) if not table.isColumnHidden(c)]
    assert shown == [COL_TEXT]  # the card: badge, author, text, chips in one painted cell
    assert table.columnWidth(COL_TEXT) >= table.viewport().width() - 2
    assert table.columnWidth(COL_TEXT) >= 400
    assert not table.horizontalScrollBar().isVisible()
    assert area.conv.width() >= 340
    # a card is tall enough for its three lines
    assert table.rowHeight(0) >= 3 * table.fontMetrics().height()

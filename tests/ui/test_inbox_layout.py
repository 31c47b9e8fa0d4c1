"""The message list at the window size agencies use: the text gets the room, no side scroll."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.inbox.inbox_model import (
    COL_AUTHOR,
    COL_CATEGORY,
    COL_DUE,
    COL_STATUS,
    COL_TEXT,
    COL_WHEN,
)

pytest_plugins = ["tests.ui.test_inbox_ui"]


def test_text_column_gets_the_stretch_at_1400x860(qtbot, main_window, inbox_area):
    area = inbox_area
    main_window.resize(1400, 860)
    main_window.show()
    qtbot.waitExposed(main_window)
    QCoreApplication.processEvents()
    table = area.table
    widths = {c: table.columnWidth(c) for c in range(area.model.columnCount())}
    assert widths[COL_TEXT] >= 200
    for col in (COL_DUE, COL_WHEN, COL_AUTHOR, COL_CATEGORY, COL_STATUS):
        assert 40 <= widths[col] < widths[COL_TEXT], (col, widths)
    assert 140 <= widths[COL_AUTHOR] <= 180
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    # the conversation keeps a readable width next to the list
    assert area.conv.width() >= 340
    # a message's text is on screen, not reduced to "…"
    rect = table.visualRect(area.model.index(0, COL_TEXT))
    fm = table.fontMetrics()
    text = area.model.index(0, COL_TEXT).data()
    assert fm.horizontalAdvance(text[:12]) < rect.width()

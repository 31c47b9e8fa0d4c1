"""The inbox never waits on the database on the GUI thread; stale pages are dropped."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from PySide6.QtCore import Qt

from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from tests.conftest import spy_on_threads
from tests.ui.test_inbox_ui import _msg, _row_of, _settle
from ui.inbox.inbox_model import InboxListModel
from ui.tasks import ChangeHub, TaskRunner

pytest_plugins = ["tests.ui.test_inbox_ui"]


def test_no_query_on_the_gui_thread(qtbot, monkeypatch, main_window, inbox_area):
    area = inbox_area
    threads = spy_on_threads(monkeypatch, area.services.db)
    row = _row_of(area, "q")  # (the test's own look-up, before counting)
    threads.clear()
    area.select_row(row)  # conversation load
    assert area.conv.title.text() == "Loading…"
    _settle(qtbot, area)
    assert "horaires" in area.conv.thread.toPlainText()
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_A)  # a triage write, then list + counts again
    _settle(qtbot, area)
    area.overdue.setChecked(True)  # a filter switch
    _settle(qtbot, area)
    area.overdue.setChecked(False)
    _settle(qtbot, area)
    main_window.reload_clients(area.client_id)  # a client switch: rules, staff, saved replies
    _settle(qtbot, area)
    assert threads and not any(threads), "a query ran on the GUI thread"
    assert area.model.rowCount() == 3
    assert area.count_label.text() == "3 messages"


def test_a_stale_page_is_dropped_after_a_filter_switch(qtbot, qtmodeltester, sqlite_db):
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "X").id
        inbox_ingest.ingest_messages(
            s, cid, [_msg(str(i), f"m {i}", i) for i in range(450)] + [_msg("z", "zèbre", 999)]
        )
    runner = TaskRunner()
    services = SimpleNamespace(db=sqlite_db, tasks=runner, feed=ChangeHub())
    model = InboxListModel(services=services)  # every page a QueryOp on the runner
    gate = threading.Event()

    def slow_everything(conn, cursor, limit):
        gate.wait(5)
        return inbox.page(conn, cid, inbox.InboxFilter(), cursor, limit)

    def only_zebra(conn, cursor, limit):
        return inbox.page(conn, cid, inbox.InboxFilter(search="zebre"), cursor, limit)

    model.reset_source(slow_everything)
    assert model.loading and model.rowCount() == 0
    model.reset_source(only_zebra)  # the user changed the filter meanwhile
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading)
    gate.set()  # the first page now arrives: it must not be mixed in
    runner.wait(5000)
    qtbot.wait(50)
    assert model.rowCount() == 1 and model.data(model.index(0, 4)) == "zèbre"

    def everything(conn, cursor, limit):
        return inbox.page(conn, cid, inbox.InboxFilter(), cursor, limit)

    model.reset_source(everything)
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    qtmodeltester.check(model)  # the tester's own fetchMore calls go through the runner too
    while model.canFetchMore() or model.loading:
        if not model.loading:
            model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 451

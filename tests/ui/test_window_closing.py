"""A client switch and quitting never wait on the GUI thread, and lose nothing typed.

The real main window on a SQLite file and on PostgreSQL. The writes are held on their worker
by a gate the test opens (a slow or busy database): the switch returns at once, the draft or
the post editor's edits are written by a worker thread, the box shows the draft as typed if
its message is shown again meanwhile, and quitting closes the window only once the write
landed — the window staying responsive in between.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import select

from app.connectors.contract import IncomingMessage
from app.models.inbox import InboxMessage
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.inbox import drafts as inbox_drafts
from app.services.inbox import ingest as inbox_ingest
from tests.conftest import wait_editor

PARIS = ZoneInfo("Europe/Paris")
NOW = dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.UTC)


class Gate:
    """Wraps a write: records its thread, holds it until :meth:`open` (at most 10 s)."""

    def __init__(self, fn) -> None:
        self.fn = fn
        self.threads: list[threading.Thread] = []
        self.released = threading.Event()
        self.done = threading.Event()

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.current_thread())
        self.released.wait(10)
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.done.set()

    def open(self) -> None:
        self.released.set()


@pytest.fixture
def window(qtbot, db, ui_settings):
    """The real main window on ``db``: "Aquarelle" (two messages, a post) and "Banque" (one
    message)."""
    from ui.main_window import MainWindow

    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle", timezone="Europe/Paris").id
        other = clients.create_client(s, "Banque Solidaire").id
        inbox_ingest.ingest_messages(
            s,
            cid,
            [
                IncomingMessage("facebook", ext, "comment", f"Auteur {ext}", f"h{ext}", text, at)
                for ext, text, at in (
                    ("a", "Livraison dimanche ?", NOW - dt.timedelta(minutes=5)),
                    ("b", "Bouquet abîmé", NOW - dt.timedelta(minutes=9)),
                )
            ],
        )
        inbox_ingest.ingest_messages(
            s,
            other,
            [IncomingMessage("facebook", "c", "comment", "Auteur c", "hc", "Taux ?", NOW)],
        )
        ids = {m.external_id: m.id for m in s.scalars(select(InboxMessage))}
        post = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS),
            title="Pivoines",
            variants=[VariantInput("mastodon", "Bonjour")],
        )
    w = MainWindow(ui_settings)  # not qtbot.addWidget: deleted here, after its tasks
    w.resize(1366, 768)
    w.show()
    with qtbot.waitSignal(w.clients_loaded, timeout=10000):
        w.set_database(db)
    yield w, cid, other, ids, post
    w.close()
    assert w.tasks.wait(10000)
    w.deleteLater()
    qtbot.wait(10)


def _open_inbox_message(qtbot, w, cid, message_id):
    w.select_client(cid)
    w.show_area("inbox")
    area = w.current_area()
    qtbot.waitUntil(
        lambda: any(area.model.row_id(r) == message_id for r in range(area.model.rowCount())),
        timeout=10000,
    )
    row = next(r for r in range(area.model.rowCount()) if area.model.row_id(r) == message_id)
    area.select_row(row)
    qtbot.waitUntil(
        lambda: (
            area.conv.detail is not None
            and area.conv.detail.id == message_id
            and area.conv.reply.isEnabled()
        ),
        timeout=10000,
    )
    return area


def _draft(db, cid, mid) -> str:
    with db.read() as s:
        return inbox_drafts.get_draft(s, cid, mid).text


def test_a_draft_survives_a_client_switch_that_does_not_wait(qtbot, db, window, monkeypatch):
    w, cid, other, ids, _post = window
    area = _open_inbox_message(qtbot, w, cid, ids["a"])
    gate = Gate(inbox_drafts.save_draft)
    monkeypatch.setattr(inbox_drafts, "save_draft", gate)
    qtbot.keyClicks(area.conv.reply, "Oui, nous livrons le dimanche")

    started = time.monotonic()
    w.select_client(other)  # before the autosave: the switch sends the draft
    assert time.monotonic() - started < 3  # the write is held (10 s): the switch did not wait
    assert w.current_client.id == other
    qtbot.waitUntil(lambda: bool(gate.threads), timeout=5000)
    assert gate.threads[0] is not threading.main_thread()  # written by a worker
    assert _draft(db, cid, ids["a"]) == ""  # not written yet
    area = _open_inbox_message(qtbot, w, other, ids["c"])  # another client's message
    assert area.conv.reply.toPlainText() == ""

    # back on the message while its draft is still on its way: shown as typed
    area = _open_inbox_message(qtbot, w, cid, ids["a"])
    assert area.conv.reply.toPlainText() == "Oui, nous livrons le dimanche"
    assert not gate.done.is_set()

    gate.open()
    qtbot.waitUntil(lambda: _draft(db, cid, ids["a"]) == "Oui, nous livrons le dimanche")
    qtbot.waitUntil(area.idle, timeout=5000)
    assert len(gate.threads) == 1  # shown again, not written again
    assert area.conv.reply.toPlainText() == "Oui, nous livrons le dimanche"


def test_quitting_closes_once_the_draft_landed_and_stays_responsive(qtbot, db, window, monkeypatch):
    w, cid, _other, ids, _post = window
    area = _open_inbox_message(qtbot, w, cid, ids["b"])
    gate = Gate(inbox_drafts.save_draft)
    monkeypatch.setattr(inbox_drafts, "save_draft", gate)
    qtbot.keyClicks(area.conv.reply, "Nous changeons le bouquet")

    started = time.monotonic()
    w.close()
    assert time.monotonic() - started < 3  # the write is held (10 s)
    assert w.isVisible()  # saving: still on screen
    assert w.statusBar().currentMessage() == "Saving…"
    ticks = []
    timer = QTimer(w)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)  # the event loop runs meanwhile
    assert w.isVisible() and _draft(db, cid, ids["b"]) == ""

    gate.open()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)
    timer.stop()
    assert gate.threads[0] is not threading.main_thread()
    assert _draft(db, cid, ids["b"]) == "Nous changeons le bouquet"


def test_an_open_post_editor_saves_on_a_switch_without_waiting(qtbot, db, window, monkeypatch):
    from ui.calendar import editor_saving

    w, cid, other, _ids, post = window
    w.select_client(cid)
    w.show_area("calendar")
    area = w.current_area()
    area.open_editor(post_id=post.id)
    editor = wait_editor(qtbot, area)
    gate = Gate(editor_saving.write_post)
    monkeypatch.setattr(editor_saving, "write_post", gate)
    editor.title.setText("Pivoines du dimanche")  # typed, the autosave not due yet
    assert editor._autosave.isActive()

    started = time.monotonic()
    w.select_client(other)
    assert time.monotonic() - started < 3  # the write is held (10 s)
    qtbot.waitUntil(lambda: bool(gate.threads), timeout=5000)
    assert gate.threads[0] is not threading.main_thread()
    gate.open()

    def title() -> str:
        with db.read() as s:
            return posts.get_post(s, cid, post.id).title

    qtbot.waitUntil(lambda: title() == "Pivoines du dimanche", timeout=10000)
    assert len(gate.threads) == 1
    editor.reject()  # nothing new typed: closing writes nothing more
    qtbot.waitUntil(lambda: w.tasks.busy is False, timeout=10000)
    assert len(gate.threads) == 1


def test_quit_from_the_tray_leaves_the_app_once_the_draft_landed(qtbot, db, window, monkeypatch):
    from PySide6.QtWidgets import QApplication

    w, cid, _other, ids, _post = window
    monkeypatch.setattr("ui.window_tray.tray_available", lambda: True)
    w.settings.keep_in_tray = True
    try:
        area = _open_inbox_message(qtbot, w, cid, ids["a"])
        gate = Gate(inbox_drafts.save_draft)
        monkeypatch.setattr(inbox_drafts, "save_draft", gate)
        qtbot.keyClicks(area.conv.reply, "A dimanche")
        w.close()  # hidden in the tray: nothing flushed, nothing written yet
        assert w.tray_part.hidden_in_tray and not gate.threads
        left = []
        monkeypatch.setattr(w.tray_part, "leave_app", lambda: left.append(True))
        w.tray_part.quit_action.trigger()  # the draft goes out; the app waits for it
        qtbot.waitUntil(lambda: bool(gate.threads), timeout=5000)
        qtbot.wait(100)
        assert left == []
        gate.open()
        qtbot.waitUntil(lambda: left == [True], timeout=10000)
        assert _draft(db, cid, ids["a"]) == "A dimanche"
    finally:
        w.settings.keep_in_tray = False
        QApplication.setQuitOnLastWindowClosed(True)


def test_quitting_with_an_open_post_editor_closes_once_its_edits_landed(
    qtbot, db, window, monkeypatch
):
    from ui.calendar import editor_saving

    w, cid, _other, _ids, post = window
    w.select_client(cid)
    w.show_area("calendar")
    area = w.current_area()
    area.open_editor(post_id=post.id)
    editor = wait_editor(qtbot, area)
    gate = Gate(editor_saving.write_post)
    monkeypatch.setattr(editor_saving, "write_post", gate)
    editor.title.setText("Pivoines du soir")

    started = time.monotonic()
    w.close()
    assert time.monotonic() - started < 3  # the write is held (10 s)
    assert w.isVisible()
    qtbot.waitUntil(lambda: bool(gate.threads), timeout=5000)
    assert gate.threads[0] is not threading.main_thread()
    gate.open()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)
    with db.read() as s:
        assert posts.get_post(s, cid, post.id).title == "Pivoines du soir"

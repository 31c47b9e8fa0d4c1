"""A client switch (and quitting) hands the charter's pending text to a worker instead of
waiting for the database on the GUI thread — on a SQLite file and on PostgreSQL.

The section writes are held by a gate the test opens (a slow shared server): the switch
returns at once, the write runs on a worker, the window's count of writes on their way
includes it (quitting waits for it), a save already in flight goes first and the newer text
after it without a false conflict, and a section another seat changed meanwhile is said in
a message with the text in the clipboard — never dropped in silence.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMessageBox

from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from ui.areas import AreaServices
from ui.charter.charter_area import CharterArea
from ui.operations import writes_pending
from ui.tasks import TaskRunner


class Gate:
    """Wraps ``charter.save_section``: records threads, holds each call until opened."""

    def __init__(self, fn) -> None:
        self.fn = fn
        self.threads: list[threading.Thread] = []
        self.released = threading.Event()
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.current_thread())
        self.released.wait(10)
        self.calls += 1
        return self.fn(*args, **kwargs)


@pytest.fixture
def setup(qtbot, db, ui_settings, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(
        "ui.charter.charter_save.show_error", lambda parent, exc, title=None: errors.append(exc)
    )
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle & Pétales", language="fr")
        b = clients.create_client(s, "Maison Dupré", language="fr")
        info_a, info_b = clients.get_client(s, a.id), clients.get_client(s, b.id)
        charter.ensure_charter(s, a.id)
    tasks = TaskRunner()
    area = CharterArea(AreaServices(db, tasks, ui_settings))
    qtbot.addWidget(area)
    area.resize(1200, 800)
    area.show()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(info_a)
    gate = Gate(charter.save_section)
    monkeypatch.setattr(charter, "save_section", gate)
    yield area, info_a, info_b, gate, errors
    gate.released.set()
    assert tasks.wait(15000)


def _type(qtbot, page, text):
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)


def _html(db, cid, key):
    with db.read() as s:
        return charter.load(s, cid).section(key).html


def test_a_switch_hands_the_text_to_a_worker_and_quitting_would_wait_for_it(qtbot, db, setup):
    area, a, b, gate, errors = setup
    _type(qtbot, area.pages["scope"], " Urgent")
    started = time.monotonic()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.hand_off()  # what the window does before a switch and on quit
        area.set_client(b)
    assert time.monotonic() - started < 3  # the write is held for 10 s: nobody waited
    qtbot.waitUntil(lambda: bool(gate.threads), timeout=5000)
    assert gate.threads[0] is not threading.main_thread()
    assert writes_pending(area.services.tasks) == 1  # the window's close waits for it
    assert "Urgent" not in _html(db, a.id, "scope")

    gate.released.set()
    qtbot.waitUntil(lambda: "Urgent" in _html(db, a.id, "scope"), timeout=10000)
    qtbot.waitUntil(lambda: writes_pending(area.services.tasks) == 0, timeout=5000)
    assert gate.calls == 1 and errors == []


def test_a_save_in_flight_goes_first_then_the_newer_text_without_a_false_conflict(qtbot, db, setup):
    area, a, b, gate, errors = setup
    area.select_section("context")
    page = area.pages["context"]
    _type(qtbot, page, " Version A")
    qtbot.waitUntil(lambda: area.save_state.text() == "Saving…", timeout=5000)  # autosave held
    page.editor.edit.insertPlainText(" puis B")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(b)  # hands off behind the autosave
    gate.released.set()
    qtbot.waitUntil(lambda: "Version A puis B" in _html(db, a.id, "context"), timeout=10000)
    qtbot.waitUntil(lambda: writes_pending(area.services.tasks) == 0, timeout=5000)
    assert errors == []
    assert not [w for w in area.findChildren(QMessageBox) if w.isVisible()]


def test_a_section_another_seat_changed_meanwhile_is_said_with_the_text_in_the_clipboard(
    qtbot, db, setup
):
    area, a, b, gate, errors = setup
    section_id = area.pages["scope"].section.id
    _type(qtbot, area.pages["scope"], " Notre version")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(b)
    qtbot.waitUntil(lambda: bool(gate.threads), timeout=5000)
    with db.session() as s:  # another seat saves the same section first
        gate.fn(s, a.id, section_id, html="<p>Leur version</p>")
    gate.released.set()
    qtbot.waitUntil(
        lambda: any(w.isVisible() for w in area.findChildren(QMessageBox)), timeout=10000
    )
    box = next(w for w in area.findChildren(QMessageBox) if w.isVisible())
    assert "Aquarelle & Pétales" in box.text() and "were not saved" in box.text()
    assert "Notre version" in QGuiApplication.clipboard().text()
    assert "Leur version" in _html(db, a.id, "scope")  # theirs stands; ours is not lost
    assert errors == []
    box.close()

"""The status bar says so while a write waits for another process (issue #19).

Another process holds the SQLite write lock; a write on a worker thread waits behind it; the
GUI thread stays free and the status bar shows the waiting line until the write goes in."""

from __future__ import annotations

import threading

from sqlalchemy import text

from app import db_busy
from tests.app.services.database.test_busy_database import _hold_sqlite


def test_the_status_bar_shows_a_write_waiting_for_another_process(
    qtbot, main_window, sqlite_db, tmp_path
):
    label = main_window.busy_notice.label
    assert not label.isVisible()
    holder = _hold_sqlite(sqlite_db.sqlite_path, 60)
    done = threading.Event()

    def write():
        with sqlite_db.session() as session:
            session.execute(text("UPDATE agency_profile SET name = name"))
        done.set()

    worker = threading.Thread(target=write, daemon=True)
    try:
        worker.start()
        qtbot.waitUntil(label.isVisible, timeout=20000)  # the GUI thread kept painting
        assert label.text() == db_busy.waiting_message()
        assert not done.is_set()
        main_window.resize(1366, 768)
        main_window.grab().save("/tmp/trust2-busy.png")
        holder.communicate("go\n", timeout=15)
        qtbot.waitUntil(done.is_set, timeout=20000)
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=5000)
    finally:
        if holder.poll() is None:
            holder.kill()
        worker.join(20)

"""A seat of the app on PostgreSQL whose write waits for another seat's row lock (issue #19):
the "waiting" notice comes after a second (asked on the seat's own LISTEN connection, so the
seat never opens a third connection), and goes when the other seat lets go."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app import db_busy
from app.db import Database
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of
from tests.harness import popen as forked
from ui.live import LiveFeed

pytestmark = pytest.mark.postgres


def _hold_row(url: str, client_id: int) -> subprocess.Popen:
    script = textwrap.dedent(
        f"""
        import sys
        from sqlalchemy import create_engine, text
        with create_engine({url!r}).begin() as conn:
            conn.execute(text("SELECT id FROM clients WHERE id = {client_id} FOR UPDATE"))
            print("held", flush=True)
            sys.stdin.readline()
        """
    )
    proc = forked.popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_seat_waiting_for_a_row_says_so_with_two_connections(qtbot, pg_db):
    with pg_db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
    named = make_url(db_url_of(pg_db)).update_query_dict({"application_name": "tribune-seat-b"})
    seat = Database(named.render_as_string(hide_password=False))
    feed = LiveFeed(seat)
    feed.start()
    qtbot.waitUntil(lambda: feed.state == "live", timeout=10_000)
    heard: list[tuple[float, bool]] = []
    listener = lambda waiting: heard.append((time.monotonic(), waiting))  # noqa: E731
    db_busy.add_listener(listener)
    holder = _hold_row(db_url_of(pg_db), cid)
    most = 0
    try:
        started = time.monotonic()
        done = threading.Event()

        def write() -> None:  # the worker thread of the app's WriteOp
            try:
                with seat.session() as s:
                    clients.update_client(s, cid, sector="Fleurs")
            finally:
                done.set()

        worker = threading.Thread(target=write)
        worker.start()
        deadline = time.monotonic() + 10
        while not heard and time.monotonic() < deadline:
            with pg_db.read() as s:
                most = max(most, _connections(s))
            qtbot.wait(100)
        assert heard and heard[0][1] is True, heard
        assert heard[0][0] - started >= 1.0  # not before the stated second
        with pg_db.read() as s:
            most = max(most, _connections(s))
        assert not done.is_set()  # still waiting
    finally:
        holder.communicate("go\n", timeout=15)
    worker.join(30)
    assert done.is_set()
    assert heard[-1][1] is False  # the notice went with the wait
    assert most <= 2, most  # its pool's connection and its LISTEN, never a third
    db_busy.remove_listener(listener)
    feed.stop()
    seat.dispose()
    with pg_db.read() as s:
        assert s.execute(text("SELECT sector FROM clients WHERE id = :i"), {"i": cid}).scalar() == (
            "Fleurs"
        )


def _connections(session) -> int:
    query = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tribune-seat-b'"
    return int(session.execute(text(query)).scalar())

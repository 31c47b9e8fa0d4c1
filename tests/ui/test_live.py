"""The watcher: another process's commit reaches this seat's ``changed`` signal within 2 s,
on a SQLite file shared by two processes and on PostgreSQL (LISTEN/NOTIFY), and the LISTEN
connection comes back after the server kills it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import create_engine, text

from app import changes
from app.connectors.contract import IncomingMessage
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from tests.conftest import db_url_of
from tests.harness import popen as forked
from ui.live import LiveFeed

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def incoming(ext: str, text: str = "Bonjour") -> IncomingMessage:
    return IncomingMessage(
        network="facebook",
        external_id=ext,
        kind="comment",
        author=f"Auteur {ext}",
        author_handle=f"h{ext}",
        text=text,
        received_at=T0,
        in_reply_to="",
        url=f"https://example.org/{ext}",
    )


def write_in_another_process(db, client_id: int, ext: str, text: str = "Bonjour") -> float:
    """Another seat (a separate Python process) ingests one message; returns the monotonic
    time at which its transaction had committed (the process has exited)."""
    script = textwrap.dedent(
        f"""
        import datetime as dt
        from app.db import Database
        from app.services.inbox import ingest as inbox_ingest
        from app.connectors.contract import IncomingMessage
        db = Database({db_url_of(db)!r})
        item = IncomingMessage(network="facebook", external_id={ext!r}, kind="comment",
            author="Autre poste", author_handle="autre", text={text!r},
            received_at=dt.datetime(2026, 3, 10, 10, 0, tzinfo=dt.UTC), in_reply_to="",
            url="https://example.org/x")
        with db.session() as s:
            inbox_ingest.ingest_messages(s, {client_id}, [item])
        print("committed", flush=True)
        """
    )
    proc = forked.popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=None)
    line = proc.stdout.readline()
    committed = time.monotonic()
    assert line.strip() == "committed", line
    assert proc.wait(60) == 0
    return committed


@pytest.fixture
def feed_on(qtbot):
    feeds = []

    def start(db, **kw) -> LiveFeed:
        feed = LiveFeed(db, **kw)
        feeds.append(feed)
        feed.start()
        qtbot.waitUntil(lambda: feed.state == "live", timeout=5000)
        return feed

    yield start
    for feed in feeds:
        feed.stop()


def _client(db, name="Aquarelle") -> int:
    with db.session() as s:
        return clients.create_client(s, name).id


def test_another_process_commit_arrives_within_two_seconds(qtbot, db, feed_on):
    cid = _client(db)
    feed = feed_on(db)
    got = []
    heard = []  # when the feed emitted the change, not when the test's polling noticed it
    feed.changed.connect(got.append)
    feed.changed.connect(
        lambda s: heard.append(time.monotonic()) if s.touches("inbox", cid) else None
    )
    committed = write_in_another_process(db, cid, "42")
    qtbot.waitUntil(lambda: bool(heard), timeout=4000)
    elapsed = heard[0] - committed
    assert elapsed < 2.0
    change = next(c for s in got for c in s.changes if c.kind == "inbox")
    assert change.seat != changes.SEAT and change.client_id == cid


def test_own_writes_wait_for_the_operation_or_a_catch_up(qtbot, db, feed_on):
    cid = _client(db)
    feed = feed_on(db, sqlite_interval=0.1, pg_poll=0.5)
    got = []
    feed.changed.connect(got.append)
    with db.session() as s:
        inbox_ingest.ingest_messages(s, cid, [incoming("1")], now=T0)
    qtbot.wait(800)
    assert got == []  # this seat's write: its operation delivers it, not the watcher
    feed.catch_up_own()
    qtbot.waitUntil(lambda: any(s.touches("inbox", cid) for s in got), timeout=2000)
    got.clear()
    with changes.recording() as mine, db.session() as s:
        inbox_ingest.ingest_messages(s, cid, [incoming("2")], now=T0)
    feed.deliver(changes.ChangeSet(tuple(mine), mine[-1].id, local=True))
    assert [s.local for s in got] == [True]
    feed.catch_up_own()
    qtbot.wait(600)
    assert [s.local for s in got] == [True]  # delivered once, not again by the catch-up


@pytest.mark.postgres
def test_listen_connection_comes_back_after_the_server_kills_it(qtbot, pg_db, feed_on):
    cid = _client(pg_db)
    feed = feed_on(pg_db, pg_poll=30.0)  # the safety poll must not be what saves us
    qtbot.waitUntil(lambda: feed.listen_pid is not None, timeout=5000)
    first = feed.listen_pid
    states = []
    feed.state_changed.connect(states.append)
    admin = create_engine(db_url_of(pg_db), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": first}).scalar()
    admin.dispose()
    qtbot.waitUntil(
        lambda: feed.listen_pid not in (None, first) and states[-1:] == ["live"], timeout=10000
    )
    assert "reconnecting" in states and feed.reconnects >= 1
    got = []
    feed.changed.connect(got.append)
    write_in_another_process(pg_db, cid, "after-kill")
    qtbot.waitUntil(lambda: any(s.touches("inbox", cid) for s in got), timeout=2000)


@pytest.mark.postgres
def test_changes_committed_while_disconnected_are_not_lost(qtbot, pg_db, feed_on):
    cid = _client(pg_db)
    feed = feed_on(pg_db, pg_poll=30.0)
    qtbot.waitUntil(lambda: feed.listen_pid is not None, timeout=5000)
    got = []
    feed.changed.connect(got.append)
    admin = create_engine(db_url_of(pg_db), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": feed.listen_pid})
    admin.dispose()
    write_in_another_process(pg_db, cid, "while-away")  # likely before the LISTEN is back
    qtbot.waitUntil(lambda: any(s.touches("inbox", cid) for s in got), timeout=5000)

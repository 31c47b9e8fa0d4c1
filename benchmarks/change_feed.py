"""The change feed's cost and speed, on a temporary SQLite file and (when a server is given
in TRIBUNE_BENCH_PG_URL or TRIBUNE_TEST_PG_URL) on PostgreSQL.

1. A small write (one message's status, the commonest write) with the change feed — the
   change_log row, and on PostgreSQL its transaction id and pg_notify (one statement, no
   lock since 0024_feed) — against the same
   write with the feed's session hooks removed; then a 10,000-message ingest.
2. From commit to signal: another process commits 30 writes, 0.2 s apart; this process's
   LiveFeed (ui/live.py) receives them. The wall-clock time from the writer's commit to the
   ``changed`` signal on the GUI thread: median and 95th percentile.

Run: .venv/bin/python benchmarks/change_feed.py  (about a minute on 2 cores)
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TRIBUNE_USER", "Bench")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import changes
from app.connectors.contract import IncomingMessage
from app.db import Database
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import triage as inbox_triage

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
SMALL = 300
BULK = 10_000
SIGNALS = 30

WRITER = """
import sys, time, datetime as dt
from app.db import Database
from app.services.inbox import triage as inbox_triage
db = Database(sys.argv[1])
cid, mid, n = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
for i in range(n):
    with db.session() as s:
        inbox_triage.set_priority(s, cid, [mid], 1 + i % 2)  # a real change every time
    print(time.time(), flush=True)
    time.sleep(0.2)
"""


def _msg(i: int) -> IncomingMessage:
    return IncomingMessage(
        network="facebook",
        external_id=f"m{i}",
        kind="comment",
        author=f"Auteur {i}",
        author_handle=f"h{i}",
        text="Bonjour, ma commande n'est pas arrivée",
        received_at=T0,
        in_reply_to="",
        url="",
    )


def _setup(db: Database) -> tuple[int, int]:
    with db.session() as s:
        cid = clients.create_client(s, f"Bench {uuid.uuid4().hex[:6]}").id
        inbox_ingest.ingest_messages(s, cid, [_msg(0)], now=T0)
    with db.engine.connect() as conn:
        mid = conn.exec_driver_sql("SELECT max(id) FROM inbox_messages").scalar()
    return cid, mid


def _small_writes(db: Database, cid: int, mid: int) -> float:
    start = time.perf_counter()
    for i in range(SMALL):
        with db.session() as s:
            inbox_triage.set_priority(s, cid, [mid], i % 3)
    return (time.perf_counter() - start) / SMALL


def _bulk(db: Database) -> float:
    cid, _mid = _setup(db)  # a fresh client each time: the same work for both paths
    items = [_msg(i + 1) for i in range(BULK)]
    start = time.perf_counter()
    with db.session() as s:
        inbox_ingest.ingest_messages(s, cid, items, now=T0)
    return time.perf_counter() - start


def write_cost(db: Database, label: str) -> None:
    cid, mid = _setup(db)
    _small_writes(db, cid, mid)  # warm up both paths' caches
    timings: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for feed in (True, False) * 3:  # alternated (the table grows for both), best of 3
        if not feed:
            changes.uninstall(db._write_sessions)
        try:
            timings[feed].append((_small_writes(db, cid, mid), _bulk(db)))
        finally:
            if not feed:
                changes.install(db._write_sessions)
    with_feed = min(t[0] for t in timings[True])
    plain = min(t[0] for t in timings[False])
    bulk_feed = min(t[1] for t in timings[True])
    bulk_plain = min(t[1] for t in timings[False])
    print(
        f"{label}: small write {with_feed * 1000:.2f} ms with the feed, "
        f"{plain * 1000:.2f} ms plain: ×{with_feed / plain:.2f}"
    )
    print(
        f"{label}: ingest of {BULK:,} messages {bulk_feed:.2f} s with the feed, "
        f"{bulk_plain:.2f} s plain: ×{bulk_feed / bulk_plain:.2f}"
    )


def commit_to_signal(db: Database, url: str, label: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from ui.live import LiveFeed

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    cid, mid = _setup(db)
    feed = LiveFeed(db)
    arrivals: list[float] = []
    feed.changed.connect(lambda cs: arrivals.extend(time.time() for _ in cs.changes))
    feed.start()
    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)  # the feed connects and reads the last id
    loop.exec()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(cid), str(mid), str(SIGNALS)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=str(Path(__file__).resolve().parent.parent),
    )
    deadline = time.monotonic() + SIGNALS * 0.2 + 30
    while (writer.poll() is None or len(arrivals) < SIGNALS) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    commits = [float(line) for line in writer.stdout.read().split()]
    feed.stop()
    lat = sorted((a - c) * 1000 for a, c in zip(arrivals, commits, strict=False))
    if not lat:
        print(f"{label}: no signal received")
        return
    p95 = lat[min(len(lat) - 1, int(len(lat) * 0.95))]
    print(
        f"{label}: commit → changed signal in another process: median "
        f"{statistics.median(lat):.0f} ms, p95 {p95:.0f} ms, max {lat[-1]:.0f} ms "
        f"({len(lat)} of {len(commits)} commits)"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        db = Database(url)
        db.upgrade()
        write_cost(db, "SQLite")
        commit_to_signal(db, url, "SQLite (data_version every 500 ms)")
        db.dispose()
    pg = os.environ.get("TRIBUNE_BENCH_PG_URL") or os.environ.get("TRIBUNE_TEST_PG_URL")
    if not pg:
        print("PostgreSQL: skipped (set TRIBUNE_BENCH_PG_URL to a server it may write to)")
        return 0
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"tribune_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg).set(database=name).render_as_string(hide_password=False)
    try:
        db = Database(url)
        db.upgrade()
        write_cost(db, "PostgreSQL")
        commit_to_signal(db, url, "PostgreSQL (LISTEN/NOTIFY)")
        db.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

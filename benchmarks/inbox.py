"""Inbox at scale: 1,000,000 messages across 50 clients in a temporary SQLite file.

Times the first page of a client, the overdue filter and a full-text search through
Tribune's services (a new session per call, as the list model does) and through the list
model, against the same SQL run raw on sqlite3; then the memory the list model holds for its
first page at 100,000 and at 1,000,000 messages (it must not grow with the database).

Run: .venv/bin/python benchmarks/inbox.py  (about a minute on 2 cores)
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import Database
from app.services.inbox import reading as inbox

CLIENTS = 50
TOTAL = 1_000_000
WORDS = [
    "bouquet",
    "livraison",
    "commande",
    "gâteau",
    "galette",
    "retard",
    "merci",
    "bravo",
    "remboursement",
    "colis",
    "boutique",
    "horaires",
    "dimanche",
    "fleurs",
    "roses",
    "pivoines",
    "service",
    "client",
    "déçu",
    "parfait",
    "magnifique",
    "appli",
    "virement",
    "carte",
    "conseiller",
    "chambre",
    "séjour",
    "petit-déjeuner",
    "spa",
    "réponse",
    "question",
    "problème",
    "rapide",
    "équipe",
    "accueil",
    "prix",
    "promo",
]
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
COLS = (
    "m.id, m.network, m.kind, m.author, m.author_handle, substr(m.text, 1, 240), "
    "m.received_at, m.status, m.category, m.priority, s.name, m.due_at, m.newcomer, "
    "m.hidden, m.deleted, m.sentiment"
)
BASE = (
    f"SELECT {COLS} FROM inbox_messages m LEFT JOIN staff_members s ON s.id = m.assignee_id "
    "WHERE m.client_id = ? AND m.ours = 0 AND m.deleted = 0"
)
RAW_FIRST = BASE + " ORDER BY m.received_at DESC, m.id DESC LIMIT 100"
RAW_OVERDUE = BASE + " AND m.due_at < ? ORDER BY m.due_at, m.id LIMIT 100"
RAW_SEARCH = (
    BASE + " AND m.id IN (SELECT rowid FROM inbox_fts WHERE inbox_fts MATCH ?)"
    " ORDER BY m.received_at DESC, m.id DESC LIMIT 100"
)


def build(path: Path, start: int, stop: int, rng: random.Random) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")  # a throwaway file: no journal while building
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    # Bulk load without the per-row FTS trigger, then one 'rebuild' of the index (same
    # content as the trigger writes); the trigger is put back for the services afterwards.
    (trigger,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'inbox_fts_ai'"
    ).fetchone()
    conn.execute("DROP TRIGGER inbox_fts_ai")
    # Same for the secondary indexes: built once over the loaded rows, faster than row by row.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inbox_messages'"
        " AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")
    if start == 0:
        conn.executemany(
            "INSERT INTO clients (id, uid, name, slug, timezone, language, colour, sector, notes,"
            " archived, created_at, updated_at, version) VALUES (?, ?, ?, ?, 'Europe/Paris', 'fr',"
            " '#3b6fd8', '', '', 0, '2026-01-01', '2026-01-01', 1)",
            [(i, f"uid{i}", f"Client {i}", f"client-{i}") for i in range(1, CLIENTS + 1)],
        )
    year = 365 * 24 * 3600
    statuses = ("closed",) * 8 + ("answered", "new")

    base = NOW.replace(tzinfo=None)
    # Pools drawn once: a row picks its time, status and text by index (cheap per row).
    pool = 65_537
    times = []
    for _ in range(pool):
        at = base - dt.timedelta(seconds=rng.randrange(year))  # naive UTC, as stored
        due = at + dt.timedelta(hours=rng.randint(1, 8))
        times.append((at.isoformat(" "), due.isoformat(" ")))
    texts = [" ".join(rng.choices(WORDS, k=rng.randint(5, 14))) for _ in range(20_011)]
    picks = [rng.choice(statuses) for _ in range(1009)]
    kinds = [("complaint", -1)] * 14 + [("question", 0)] * 56 + [("praise", 1)] * 30
    cats = [rng.choice(kinds) for _ in range(997)]

    def rows():
        for n in range(start, stop):
            at, due = times[(n * 7919) % pool]
            status = picks[(n * 31) % 1009]
            yield (
                n % CLIENTS + 1, "facebook", f"x{n}", "comment", f"Auteur {n % 5000}",
                f"h{n % 5000}", texts[(n * 104_729) % 20_011], at, status,
                *cats[(n * 13) % 997], due if status == "new" else None,
            )  # fmt: skip

    conn.executemany(
        "INSERT INTO inbox_messages (client_id, network, external_id, kind, author, author_handle,"
        " text, received_at, in_reply_to, url, status, status_reason, category, sentiment,"
        " priority, tags, newcomer, due_at, resolution, ours, reply_state, reply_private,"
        " reply_error, hidden, deleted, author_banned, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
        " '', '', ?, '', ?, ?, 0, '[]', 0, ?, '', 0, '', 0, '', 0, 0, 0, 1)",
        rows(),
    )
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute("INSERT INTO inbox_fts(inbox_fts) VALUES ('rebuild')")
    conn.execute(trigger)
    conn.commit()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


def timed(fn, repeat: int = 30) -> float:
    fn()  # warm
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


def compare(db: Database, raw: sqlite3.Connection, client_id: int) -> None:
    from ui.inbox.inbox_model import InboxListModel

    cases = [
        ("first page", inbox.InboxFilter(), RAW_FIRST, (client_id,)),
        (
            "overdue",
            inbox.InboxFilter(overdue=True),
            RAW_OVERDUE,
            (client_id, NOW.strftime("%Y-%m-%d %H:%M:%S")),
        ),
        (
            "search 'gateau'",
            inbox.InboxFilter(search="gateau"),
            RAW_SEARCH,
            (client_id, f'tribuneclient{client_id} "gateau"*'),
        ),
    ]
    print(
        f"{'':18}{'raw SQL':>10}{'session':>10}{'conn':>10}{'model':>10}"
        f"{'ses/raw':>9}{'conn/raw':>10}{'model/raw':>11}"
    )
    for label, filt, sql, params in cases:
        t_raw = timed(lambda sql=sql, params=params: raw.execute(sql, params).fetchall())

        def service(filt=filt):
            with db.read() as s:
                return inbox.page(s, client_id, filt, None, 100, now=NOW)

        def service_conn(filt=filt):
            with db.engine.connect() as conn:
                return inbox.page(conn, client_id, filt, None, 100, now=NOW)

        t_svc = timed(service)
        t_conn = timed(service_conn)
        model = InboxListModel(db=db)  # the lazy model, its reader run in this thread
        model.page_size = 100  # as the raw query

        def through_model(filt=filt, model=model):
            def fetch(conn, cursor, limit):  # what the area's QueryOp runs on a worker
                return inbox.page(conn, client_id, filt, cursor, limit, now=NOW)

            model.reset_source(fetch)

        t_model = timed(through_model)
        n = len(raw.execute(sql, params).fetchall())
        print(
            f"{label + f' ({n})':18}{t_raw:9.2f}ms{t_svc:8.2f}ms{t_conn:8.2f}ms{t_model:8.2f}ms"
            f"{t_svc / t_raw:8.1f}×{t_conn / t_raw:9.1f}×{t_model / t_raw:10.1f}×"
        )


def badges(db: Database, raw: sqlite3.Connection) -> None:
    """Sidebar counts for the 50 clients: one GROUP BY per kind."""
    from app.services.inbox import crisis as inbox_crisis

    now = NOW.strftime("%Y-%m-%d %H:%M:%S")
    since = (NOW - dt.timedelta(days=28)).strftime("%Y-%m-%d %H:%M:%S")
    recent = (NOW - dt.timedelta(hours=6)).strftime("%Y-%m-%d %H:%M:%S")
    ids = ",".join(str(i) for i in range(1, CLIENTS + 1))
    cases = [
        ("unread", lambda s: inbox_crisis.unread_counts(s),
         f"SELECT client_id, count(*) FROM inbox_messages WHERE client_id IN ({ids})"
         " AND status = 'new' GROUP BY client_id", ()),
        ("overdue", lambda s: inbox_crisis.overdue_counts(s, NOW),
         f"SELECT client_id, count(*) FROM inbox_messages WHERE client_id IN ({ids})"
         " AND due_at < ? GROUP BY client_id", (now,)),
        ("crisis", lambda s: inbox_crisis.crisis_levels(s, NOW),
         "SELECT client_id, sum(CASE WHEN received_at >= ? THEN 1 ELSE 0 END), count(*)"
         f" FROM inbox_messages WHERE client_id IN ({ids})"
         " AND received_at >= ? AND received_at <= ? AND ours = false"
         " AND (category = 'complaint' OR sentiment < 0) GROUP BY client_id", (recent, since, now)),
    ]  # fmt: skip
    for label, fn, sql, params in cases:
        t_raw = timed(lambda sql=sql, params=params: raw.execute(sql, params).fetchall(), 5)

        def service(fn=fn):
            with db.read() as s:
                return fn(s)

        t_svc = timed(service, 5)
        print(f"{'badges: ' + label:18}{t_raw:9.2f}ms{t_svc:8.2f}ms{'':10}{t_svc / t_raw:8.1f}×")


def model_memory(db: Database, client_id: int) -> tuple[float, int]:
    from ui.inbox.inbox_model import InboxListModel

    gc.collect()
    rss_before = rss_mib()
    tracemalloc.start()
    model = InboxListModel(db=db)

    def fetch(conn, cursor, limit):
        return inbox.page(conn, client_id, inbox.InboxFilter(), cursor, limit, now=NOW)

    model.reset_source(fetch)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024, model.rowCount(), rss_mib() - rss_before


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        db = Database(f"sqlite:///{path}")
        db.upgrade()
        db.dispose()
        t = time.perf_counter()
        build(path, 0, TOTAL // 10, rng)
        small_kib, rows, small_rss = model_memory(db, 17)
        db.dispose()
        build(path, TOTAL // 10, TOTAL, rng)
        print(
            f"built {TOTAL:,} messages / {CLIENTS} clients "
            "(indexes and FTS5 built after the bulk load) in "
            f"{time.perf_counter() - t:.1f} s; file {path.stat().st_size / 2**20:.0f} MiB"
        )
        raw = sqlite3.connect(path)
        compare(db, raw, 17)
        badges(db, raw)
        big_kib, rows, big_rss = model_memory(db, 17)
        print(
            f"list model, first page of {rows} rows: {small_kib:.0f} KiB peak with "
            f"{TOTAL // 10:,} messages, {big_kib:.0f} KiB with {TOTAL:,} "
            f"(ratio {big_kib / small_kib:.2f}); RSS growth while loading it "
            f"{small_rss:.1f} MiB then {big_rss:.1f} MiB"
        )
        raw.close()
        db.dispose()


if __name__ == "__main__":
    main()

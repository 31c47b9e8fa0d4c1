"""Inbox at scale: 1,000,000 messages across 50 clients in a temporary SQLite file.

Times the first page of a client, the overdue filter and a full-text search through
Tribune's services — on a Core connection checked out per page (what the list's reader, a
``QueryOp.with_connection()``, does), in a read session, and through the list model —
against the same SQL string and values run on the bare DB-API connection (sqlite3), the
cases interleaved round after round (benchmarks/_ratios.py: medians); then the memory the
list model holds for its first page at 100,000 and at 1,000,000 messages (it must not grow
with the database); then the same pages on PostgreSQL (200,000 messages, raw: psycopg in
autocommit) — ``TRIBUNE_BENCH_PG_URL``, else a throwaway cluster; ``--no-pg`` skips it.

Run: .venv/bin/python benchmarks/inbox.py  (about two minutes on 2 cores;
``TRIBUNE_BENCH_MESSAGES=200000`` for a quicker SQLite part)
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ratios import load_average

from app.db import Database
from app.services.inbox import reading as inbox

CLIENTS = 50
TOTAL = int(os.environ.get("TRIBUNE_BENCH_MESSAGES", "1000000"))
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


def raw_args(compiled, params):
    """The bind values as :func:`app.db_pages.fetch_page` sends them."""
    params = {**params, **compiled.fixed}
    if compiled.names is not None:
        return tuple(params[n] for n in compiled.names)
    return {n: params[n] for n in compiled.used}


def sent(db: Database, pages, client_id: int, filt):
    """The SQL string and values Tribune's page sends (caught on their way to the driver)."""
    caught = []
    fetch = pages.fetch_page

    def catch(conn, compiled, params):
        caught.append((compiled, params))
        return fetch(conn, compiled, params)

    pages.fetch_page = catch
    try:
        with db.engine.connect() as conn:
            inbox.page(conn, client_id, filt, None, 100, now=NOW)
    finally:
        pages.fetch_page = fetch
    (one,) = caught
    return one


def compare(db: Database, raw_fetch, client_id: int, engine: str, searches: bool = True) -> None:
    """Each page through Tribune (the list's reader on a connection, a read session, the list
    model) against the SAME SQL string and values run on the bare DB-API connection
    ``raw_fetch(sql, args)``, interleaved (benchmarks/_ratios.py)."""
    from _ratios import interleaved

    from app.services.inbox import pages
    from ui.inbox.inbox_model import InboxListModel

    cases = [("first page", inbox.InboxFilter()), ("overdue", inbox.InboxFilter(overdue=True))]
    if searches:
        cases.append(("search 'gateau'", inbox.InboxFilter(search="gateau")))
    print(
        f"{engine:18}{'raw SQL':>10}{'conn':>10}{'session':>10}{'model':>10}"
        f"{'conn/raw':>10}{'ses/raw':>9}{'model/raw':>11}   (median; rounds' spread of conn/raw)"
    )
    for label, filt in cases:
        compiled, params = sent(db, pages, client_id, filt)
        sql, args = compiled.sql, raw_args(compiled, params)

        def service_conn(filt=filt):  # what the list's QueryOp.with_connection() runs
            with db.engine.connect() as conn:
                return inbox.page(conn, client_id, filt, None, 100, now=NOW)

        def service(filt=filt):
            with db.read() as s:
                return inbox.page(s, client_id, filt, None, 100, now=NOW)

        model = InboxListModel(db=db)  # the lazy model, its reader run in this thread
        model.page_size = 100  # as the raw query

        def through_model(filt=filt, model=model):
            def fetch(conn, cursor, limit):  # what the area's QueryOp runs on a worker
                return inbox.page(conn, client_id, filt, cursor, limit, now=NOW)

            model.reset_source(fetch)

        slow = "search" in label
        t = interleaved(
            {
                "raw": lambda sql=sql, args=args: raw_fetch(sql, args),
                "conn": service_conn,
                "session": service,
                "model": through_model,
            },
            rounds=5 if slow else 9,
            repeat=5 if slow else 30,
        )
        n = len(raw_fetch(sql, args))
        assert len(service_conn().rows) == n
        print(
            f"{label + f' ({n})':18}{t['raw'].wall_ms:8.2f}ms{t['conn'].wall_ms:8.2f}ms"
            f"{t['session'].wall_ms:8.2f}ms{t['model'].wall_ms:8.2f}ms"
            f"{t['conn'].ratio:9.2f}×{t['session'].ratio:8.2f}×{t['model'].ratio:10.2f}×"
            f"   {t['conn'].spread()}"
        )


def compare_postgresql() -> None:
    """The same pages on PostgreSQL (200,000 messages loaded by COPY, 4 clients): raw is
    psycopg in autocommit, one statement (the least a page can cost)."""
    import psycopg
    from seats20 import fresh_database, make_plain, populate, server_url

    total = int(os.environ.get("TRIBUNE_BENCH_PG_MESSAGES", "200000"))
    with server_url() as server, fresh_database(server) as (url, _name):
        t = time.perf_counter()
        client_ids, _staff = populate(url, total, random.Random(5))
        print(
            f"PostgreSQL: {total:,} messages / 4 clients loaded in {time.perf_counter() - t:.1f} s"
        )
        db = Database(url)
        with psycopg.connect(make_plain(url), autocommit=True) as raw:

            def raw_fetch(sql, args):
                return raw.execute(sql, args).fetchall()

            compare(db, raw_fetch, client_ids[1], "PostgreSQL", searches=False)
        db.dispose()


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
        compare(db, lambda sql, args: raw.execute(sql, args).fetchall(), 17, "SQLite")
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
    if "--no-pg" not in sys.argv:
        try:
            compare_postgresql()
        except (SystemExit, subprocess.CalledProcessError) as exc:  # no server here
            print(f"PostgreSQL: skipped ({exc})")
    print(load_average())


if __name__ == "__main__":
    main()

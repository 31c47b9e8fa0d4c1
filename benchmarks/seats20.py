"""Twenty seats on one PostgreSQL: inbox refreshes and triage, every seat live.

    .venv/bin/python benchmarks/seats20.py [SEATS [MESSAGES [SECONDS]]]   (20 200000 25)

One agency database holds MESSAGES inbox messages across 4 clients (loaded with COPY). Then
SEATS separate Python processes work on it for SECONDS, each as the inbox screen does:

* a LISTEN connection (``ui.live.LiveFeed``, the seat's change feed) receiving the others'
  changes;
* a refresh: the first page through ``app.services.inbox.reading.page`` on a Core connection (what
  ``InboxArea.refresh`` runs), then the counts and banner (``inbox.count``, the crisis level,
  late escalations: what ``load_counts`` runs) — the timed "refresh";
* the same page as raw SQL on the same connection (the floor: execute + fetch in psycopg);
* two triage changes in three: a status change (``inbox_triage.set_status`` with ``seen``) or
  a claim (``inbox_triage.assign``) on 1-3 messages of the page, each in its own unit of work
  (versioned: a colleague's earlier change is a Conflict, counted, never an error);
* a pause of 50-250 ms (a person reading the list; the live feed refreshes about as often).

Printed: the p95 of a refresh (target <= 100 ms) and its ratio to the raw SQL's p95, the
page alone, errors (must be 0), deadlocks (``pg_stat_database.deadlocks`` before/after,
must be 0) and the most connections any seat held at once (``pg_stat_activity`` by
``application_name``, sampled every 100 ms; must be <= 2: its pool + its LISTEN).

The server: ``TRIBUNE_BENCH_PG_URL`` (or ``TRIBUNE_TEST_PG_URL``), else a throwaway cluster
started here the way scripts/test.sh starts one (fsync off, max_connections 200).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CLIENTS = 4
PAGE = 100
RAW_PAGE = (
    "SELECT m.id, m.network, m.kind, m.author, m.author_handle, substr(m.text, 1, 240),"
    " m.received_at, m.status, m.category, m.priority, coalesce(s.name, ''), m.due_at,"
    " m.newcomer, m.hidden, m.deleted, m.sentiment FROM inbox_messages m"
    " LEFT OUTER JOIN staff_members s ON s.id = m.assignee_id"
    " WHERE m.client_id = %s AND m.ours IS false AND m.deleted IS false"
    " ORDER BY m.received_at DESC, m.id DESC LIMIT 100"
)
WORDS = [
    "bouquet",
    "livraison",
    "commande",
    "gâteau",
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
    "service",
    "déçu",
    "parfait",
    "appli",
    "carte",
    "conseiller",
    "séjour",
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


# -- the server ---------------------------------------------------------------------------------
@contextlib.contextmanager
def throwaway_cluster():
    """A private PostgreSQL cluster (as scripts/test.sh starts one); yields its URL."""
    pgbin = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not pgbin:
        raise SystemExit("No PostgreSQL server: set TRIBUNE_BENCH_PG_URL or install postgresql")
    pgbin = pgbin[-1]
    root = os.getuid() == 0
    pgdir = Path(tempfile.mkdtemp(prefix="tribune-bench-pg."))
    port = 20000 + random.randrange(20000)

    def as_pg(*cmd):
        cmd = [str(c) for c in cmd]
        if root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

    if root:
        shutil.chown(pgdir, "postgres")
    as_pg(pgbin / "initdb", "-D", pgdir / "data", "-U", "tribune", "--auth=trust", "-E", "UTF8")
    opts = (
        f"-k {pgdir} -p {port} -h 127.0.0.1 -c fsync=off -c full_page_writes=off"
        " -c max_connections=200"
    )
    as_pg(pgbin / "pg_ctl", "-D", pgdir / "data", "-l", pgdir / "log", "-w", "-o", opts, "start")
    try:
        yield f"postgresql+psycopg://tribune@127.0.0.1:{port}/postgres"
    finally:
        with contextlib.suppress(Exception):
            as_pg(pgbin / "pg_ctl", "-D", pgdir / "data", "-m", "immediate", "stop")
        shutil.rmtree(pgdir, ignore_errors=True)


@contextlib.contextmanager
def server_url():
    url = os.environ.get("TRIBUNE_BENCH_PG_URL") or os.environ.get("TRIBUNE_TEST_PG_URL")
    if url:
        yield url
    else:
        with throwaway_cluster() as url:
            yield url


@contextlib.contextmanager
def fresh_database(server: str):
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"tribune_seats20_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False), name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# -- the data -----------------------------------------------------------------------------------
def populate(url: str, messages: int, rng: random.Random) -> tuple[list[int], list[int]]:
    """Clients, staff and ``messages`` inbox messages (COPY); returns (client ids, staff ids)."""
    import psycopg

    from app.db import Database
    from app.services.clients import workspaces as clients
    from app.services.people import agency

    db = Database(url)
    db.upgrade()
    with db.session() as s:
        client_ids = [clients.create_client(s, f"Client {i}").id for i in range(CLIENTS)]
        staff_ids = [agency.add_staff(s, f"Seat {i}").id for i in range(8)]
    db.dispose()
    now = dt.datetime.now(dt.UTC)
    year = 365 * 24 * 3600
    texts = [" ".join(rng.choices(WORDS, k=rng.randint(5, 14))) for _ in range(4099)]
    statuses = ("closed",) * 6 + ("answered", "in_progress", "new", "new")
    kinds = (("complaint", -1),) + (("question", 0),) * 5 + (("praise", 1),) * 3
    columns = (
        "client_id, network, external_id, kind, author, author_handle, text, received_at,"
        " in_reply_to, url, status, status_reason, category, sentiment, priority, tags,"
        " newcomer, due_at, resolution, ours, reply_state, reply_private, reply_error, hidden,"
        " deleted, author_banned, version, updated_by"
    )
    plain = make_plain(url)
    copy_sql = f"COPY inbox_messages ({columns}) FROM STDIN"
    with psycopg.connect(plain) as conn, conn.cursor() as cur, cur.copy(copy_sql) as copy:
        for n in range(messages):
            at = now - dt.timedelta(seconds=rng.randrange(year))
            status = statuses[n % len(statuses)]
            category, sentiment = kinds[(n * 7) % len(kinds)]
            due = at + dt.timedelta(hours=4) if status in ("new", "in_progress") else None
            copy.write_row((
                client_ids[n % CLIENTS], "facebook", f"m{n}", "comment",
                f"Auteur {n % 5000}", f"a{n % 5000}", texts[n % len(texts)], at, "", "",
                status, "", category, sentiment, 0, "[]", False, due, "", False, "",
                False, "", False, False, False, 1, "",
            ))  # fmt: skip
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")  # what autovacuum does after such a load
    return client_ids, staff_ids


def make_plain(url: str, **query) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url).set(drivername="postgresql")
    return (
        u.update_query_dict(query).render_as_string(hide_password=False)
        if query
        else (u.render_as_string(hide_password=False))
    )


# -- one seat (a process) -----------------------------------------------------------------------
def seat(url: str, index: int, client_ids: list[int], staff_ids: list[int], seconds: float):
    """Work like a person at the inbox for ``seconds``; print one JSON line of timings."""
    from PySide6.QtCore import QCoreApplication
    from sqlalchemy.engine import make_url

    from app.db import Database
    from app.errors import Conflict
    from app.services.inbox import crisis as inbox_crisis
    from app.services.inbox import escalation
    from app.services.inbox import reading as inbox
    from app.services.inbox import triage as inbox_triage
    from ui.live import LiveFeed

    os.environ["TRIBUNE_USER"] = f"Seat {index}"
    qt = QCoreApplication.instance() or QCoreApplication([])
    named = make_url(url).update_query_dict({"application_name": f"tribune-seat-{index}"})
    db = Database(named.render_as_string(hide_password=False))
    heard = []
    feed = LiveFeed(db, seat=f"bench-{index}")
    feed.changed.connect(lambda cs: heard.append(len(cs.changes)))
    feed.start()
    rng = random.Random(index)
    filt = inbox.InboxFilter()
    out = {"page": [], "refresh": [], "raw": [], "write": [], "changes": 0, "conflicts": 0}
    out["errors"] = []
    with db.engine.connect() as conn:  # warm: the first calls compile their SQL once
        first = inbox.page(conn, client_ids[0], filt, None, PAGE).rows
    with contextlib.suppress(Conflict), db.session() as s:  # and import what a write needs
        inbox_triage.set_status(s, client_ids[0], [first[index % len(first)].id], "in_progress")
    with db.read() as s:
        inbox.count(s, client_ids[0], filt)
        inbox_crisis.crisis_for(s, client_ids[0])
        escalation.overdue(s, client_ids[0])
    print("ready", flush=True)
    sys.stdin.readline()  # every seat starts together, once all are up
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qt.processEvents()
        cid = rng.choice(client_ids)
        try:
            t0 = time.perf_counter()
            with db.engine.connect() as conn:
                rows = inbox.page(conn, cid, filt, None, PAGE).rows
            t1 = time.perf_counter()
            with db.read() as s:
                inbox.count(s, cid, filt)
                inbox_crisis.crisis_for(s, cid)
                escalation.overdue(s, cid)
            t2 = time.perf_counter()
            with db.engine.connect() as conn:
                cur = conn.connection.driver_connection.cursor()
                t3 = time.perf_counter()
                cur.execute(RAW_PAGE, (cid,))
                raw = cur.fetchall()
                t4 = time.perf_counter()
                cur.close()
            assert len(raw) == len(rows), (len(raw), len(rows))
            out["page"].append(t1 - t0)
            out["refresh"].append(t2 - t0)
            out["raw"].append(t4 - t3)
            if rows and rng.random() < 2 / 3:
                picked = rng.sample(rows, min(len(rows), rng.randint(1, 3)))
                ids = [r.id for r in picked]
                t5 = time.perf_counter()
                try:
                    with db.session() as s:
                        if rng.random() < 0.5:
                            target = rng.choice(("in_progress", "waiting", "answered"))
                            inbox_triage.set_status(
                                s, cid, ids, target, seen={r.id: r.status for r in picked}
                            )
                        else:
                            inbox_triage.assign(s, cid, ids, rng.choice(staff_ids))
                    out["changes"] += 1
                except Conflict:
                    out["conflicts"] += 1
                out["write"].append(time.perf_counter() - t5)
        except Exception as exc:  # an error is a result here: counted and printed
            out["errors"].append(f"{type(exc).__name__}: {str(exc).splitlines()[:1]}")
        time.sleep(rng.uniform(0.05, 0.25))
    qt.processEvents()
    feed.stop()
    out["heard"] = sum(heard)
    db.dispose()
    print(json.dumps(out), flush=True)


# -- the run ------------------------------------------------------------------------------------
def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))] if values else 0.0


def deadlocks(admin, name: str) -> int:
    from sqlalchemy import text

    with admin.connect() as conn:
        conn.execute(text("SELECT pg_stat_clear_snapshot()"))
        return int(
            conn.execute(
                text("SELECT deadlocks FROM pg_stat_database WHERE datname = :n"), {"n": name}
            ).scalar()
            or 0
        )


def run_seats(url: str, name: str, admin, seats: int, seconds: float, ids) -> tuple:
    """``seats`` seat processes working together for ``seconds``: (results, most connections
    any seat held at once)."""
    from sqlalchemy import text

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = [json.dumps(ids[0]), json.dumps(ids[1]), str(seconds)]
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--seat", url, str(i), *args],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(seats)
    ]
    for p in procs:  # twenty interpreters starting on two cores: not part of the timing
        line = p.stdout.readline().strip()
        if line != "ready":
            raise SystemExit(f"a seat did not start: {line!r}")
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    most: dict[str, int] = {}
    sample = text(
        "SELECT application_name, count(*) FROM pg_stat_activity"
        " WHERE datname = :n AND application_name LIKE 'tribune-seat-%' GROUP BY 1"
    )
    waits = text(
        "SELECT wait_event, count(*) FROM pg_stat_activity WHERE datname = :n"
        " AND application_name LIKE 'tribune-seat-%' AND wait_event_type = 'Lock' GROUP BY 1"
    )
    locks: dict[str, int] = {}
    with admin.connect() as conn:
        while any(p.poll() is None for p in procs):
            for app_name, n in conn.execute(sample, {"n": name}):
                most[app_name] = max(most.get(app_name, 0), int(n))
            for event, n in conn.execute(waits, {"n": name}):
                locks[event] = locks.get(event, 0) + int(n)
            time.sleep(0.1)
    most["_locks"] = locks
    results = []
    for p in procs:
        stdout = p.communicate(timeout=seconds + 60)[0].strip().splitlines()
        if p.returncode or not stdout:
            results.append({"page": [], "refresh": [], "raw": [], "write": [], "changes": 0,
                            "conflicts": 0, "heard": 0,
                            "errors": [f"seat exited {p.returncode}"]})  # fmt: skip
        else:
            results.append(json.loads(stdout[-1]))
    return results, most


def run(seats: int, messages: int, seconds: float, server: str) -> dict:
    from sqlalchemy import create_engine

    rng = random.Random(20)
    with fresh_database(server) as (url, name):
        t0 = time.perf_counter()
        ids = populate(url, messages, rng)
        load = time.perf_counter() - t0
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        alone, _ = run_seats(url, name, admin, 1, min(seconds, 5.0), ids)  # the baseline
        before = deadlocks(admin, name)
        results, most = run_seats(url, name, admin, seats, seconds, ids)
        locks = most.pop("_locks")
        time.sleep(1.0)  # the statistics collector flushes within a second
        after = deadlocks(admin, name)
        admin.dispose()
    pick = lambda rs, key: [v for r in rs for v in r.get(key, ())]  # noqa: E731
    return {
        "seats": seats,
        "messages": messages,
        "seconds": seconds,
        "load_s": load,
        "alone_refresh_p95": p95(pick(alone, "refresh")),
        "alone_raw_p95": p95(pick(alone, "raw")),
        "refreshes": len(pick(results, "refresh")),
        "refresh_p95": p95(pick(results, "refresh")),
        "page_p95": p95(pick(results, "page")),
        "raw_p95": p95(pick(results, "raw")),
        "write_p95": p95(pick(results, "write")),
        "changes": sum(r["changes"] for r in results),
        "conflicts": sum(r["conflicts"] for r in results),
        "heard": sum(r["heard"] for r in results),
        "errors": [e for r in [*alone, *results] for e in r["errors"]],
        "deadlocks": after - before,
        "max_connections": max(most.values(), default=0),
        "seats_seen": len(most),
        "locks": locks,
        "load": os.getloadavg(),
    }


def report(r: dict) -> None:
    ms = lambda s: f"{s * 1000:7.1f} ms"  # noqa: E731
    raw = r["raw_p95"] or float("nan")
    print(
        f"{r['seats']} seats x {r['seconds']:.0f} s on PostgreSQL, {r['messages']:,} messages"
        f" across {CLIENTS} clients (loaded in {r['load_s']:.1f} s)"
    )
    print(
        f"1 seat alone:        refresh p95 {ms(r['alone_refresh_p95'])}, raw SQL p95"
        f" {ms(r['alone_raw_p95'])}   (the services' own cost, no contention)"
    )
    print(f"{r['seats']} seats together:")
    print(f"raw SQL first page   p95 {ms(r['raw_p95'])}")
    print(
        f"inbox first page     p95 {ms(r['page_p95'])}   ratio {r['page_p95'] / raw:5.2f}x of raw"
    )
    print(
        f"inbox refresh        p95 {ms(r['refresh_p95'])}   ratio {r['refresh_p95'] / raw:5.2f}x"
        f" of raw   (page + counts + banner; target <= 100 ms)   {r['refreshes']} refreshes"
    )
    print(f"triage write         p95 {ms(r['write_p95'])}   (one unit of work, change feed)")
    print(
        f"triage changes {r['changes']}, conflicts {r['conflicts']} (a colleague's change"
        f" first: shown, not errors), changes heard on the feeds {r['heard']}"
    )
    print(f"errors {len(r['errors'])}, deadlocks {r['deadlocks']}")
    waits = ", ".join(f"{k} {v}" for k, v in sorted(r["locks"].items())) or "none"
    print(f"seat backends seen waiting on a lock (100 ms samples): {waits}")
    load = ", ".join(f"{x:.1f}" for x in r["load"])
    print(f"machine load average during the run {load} ({os.cpu_count()} cores)")
    for e in r["errors"][:5]:
        print("  " + e)
    print(
        f"max connections of one seat {r['max_connections']} (pool + LISTEN; must be <= 2),"
        f" {r['seats_seen']} seats seen"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--seat":
        url, index, cids, staff, seconds = sys.argv[2:7]
        seat(url, int(index), json.loads(cids), json.loads(staff), float(seconds))
        return
    seats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    messages = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 25.0
    with server_url() as server:
        report(run(seats, messages, seconds, server))


if __name__ == "__main__":
    main()

"""Four seats syncing one agency together against an API that takes 1.5 s per send.

    .venv/bin/python benchmarks/seats.py [ROUNDS]

A local X-compatible server (loopback) holds every tweet 1.5 s *before* storing it (a send in
flight cannot be found by a look-up). Each round schedules 3 posts, then starts the seats
(each a separate Python process calling the sync, 0.3 s apart so a later seat starts while an
earlier one is sending). Three timings of the same work:

* raw      — the same POSTs sent one after the other with bare httpx: the floor;
* 1 seat   — one process per round;
* 4 seats  — four processes per round on the same database: one syncs the account, the
             others find it busy and skip it.

It prints how many tweets the server received twice (the issue measured 5 of 15 before) and
the time of 4 seats against 1 seat and against the raw sends. The extra time of 4 seats is
the stagger (0.9 s a round) and four interpreters starting on the same cores; the sends
themselves are the same 1.5 s each. The database is PostgreSQL when
``TRIBUNE_BENCH_PG_URL`` (or ``TRIBUNE_TEST_PG_URL``) names a server, else a SQLite file.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from tests.servers.x import XServer  # noqa: E402

DELAY, PER_ROUND, SEATS = 1.5, 3, 4
WORKER = """
import sys
sys.path.insert(0, {root!r})
from app.db import Database
from app.services.sync.engine import sync_client
db = Database({url!r})
report = sync_client(db, {client_id}, token_of=lambda c, a: "x-user-token", samples=False)
print(",".join(a.outcome for a in report.accounts))
"""


def database_url(tmp: Path) -> tuple[str, callable]:
    server = os.environ.get("TRIBUNE_BENCH_PG_URL") or os.environ.get("TRIBUNE_TEST_PG_URL")
    if not server:
        return f"sqlite:///{tmp / 'agency.sqlite3'}", lambda: None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"tribune_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(server).set(database=name).render_as_string(hide_password=False), drop


def agency(url: str, base_url: str):
    from app.db import Database
    from app.services.clients import workspaces as clients

    db = Database(url)
    db.upgrade()
    with db.session() as s:
        client = clients.create_client(s, f"Nuage {uuid.uuid4().hex[:6]}")
        clients.add_account(s, client.id, "x", "nuagelogiciel", base_url=base_url)
    return db, client.id


def schedule(db, client_id: int, texts: list[str]) -> None:
    from app.services.calendar import posts
    from app.services.calendar.posts import VariantInput

    for text in texts:
        with db.session() as s:
            p = posts.create_post(
                s,
                client_id,
                planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1),
                variants=[VariantInput("x", text)],
                title=text,
                status="approved",
            )
        with db.session() as s:
            posts.set_status(s, client_id, p.id, "scheduled")


def run_seats(n: int, url: str, client_id: int, env: dict) -> list[str]:
    code = WORKER.format(root=str(ROOT), url=url, client_id=client_id)
    procs = []
    for i in range(n):
        if i:
            time.sleep(0.3)
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True
            )
        )
    return [p.communicate(timeout=300)[0].strip() for p in procs]


def scenario(seats: int, rounds: int, url: str, server: XServer, env: dict, tag: str):
    db, client_id = agency(url, server.base_url)
    outcomes: Counter = Counter()
    start = time.perf_counter()
    for r in range(rounds):
        schedule(db, client_id, [f"{tag} round {r} post {i}" for i in range(PER_ROUND)])
        for line in run_seats(seats, url, client_id, env):
            outcomes.update(line.split(","))
    elapsed = time.perf_counter() - start
    db.dispose()
    texts = Counter(t["text"] for t in server.tweets if t["text"].startswith(tag + " "))
    duplicates = sum(n - 1 for n in texts.values())
    assert len(texts) == rounds * PER_ROUND, (len(texts), texts)
    return elapsed, duplicates, outcomes


def raw(server: XServer, n: int) -> float:
    start = time.perf_counter()
    with httpx.Client(base_url=server.base_url) as http:
        for i in range(n):
            http.post(
                "/2/tweets",
                json={"text": f"raw {i}"},
                headers={"Authorization": "Bearer x-user-token"},
            ).raise_for_status()
    return time.perf_counter() - start


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp, XServer() as server:
        env = dict(os.environ, TRIBUNE_HOME=str(Path(tmp) / "home"))
        url, drop = database_url(Path(tmp))
        try:
            server.send_delay, server.land_first = DELAY, False
            t_raw = raw(server, rounds * PER_ROUND)
            t_one, dup_one, _ = scenario(1, rounds, url, server, env, "one")
            t_four, dup_four, outcomes = scenario(SEATS, rounds, url, server, env, "four")
        finally:
            drop()
    engine = url.split(":", 1)[0].split("+")[0]
    n = rounds * PER_ROUND
    print(f"{SEATS} seats x {rounds} rounds x {PER_ROUND} posts, {DELAY} s per send, {engine}")
    print(f"raw httpx sends      {t_raw:7.2f} s   ({n} POSTs one after the other)")
    print(f"1 seat               {t_one:7.2f} s   ratio {t_one / t_raw:5.2f}x of raw")
    print(
        f"{SEATS} seats              {t_four:7.2f} s   ratio {t_four / t_raw:5.2f}x of raw,"
        f" {t_four / t_one:5.2f}x of 1 seat"
    )
    print(f"duplicates on the server: {dup_four} with {SEATS} seats, {dup_one} with 1 seat")
    print("outcomes of the seats: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))


if __name__ == "__main__":
    main()

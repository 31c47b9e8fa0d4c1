"""Row-level security on the inbox: a community manager's queries against the superuser's.

400,000 messages over 20 clients on PostgreSQL; a cm granted one client (20,000 messages)
runs the inbox's first page, a count of their client and a count of everything (which row
security cuts to their client). Prints the cm's time and its ratio to the same query by a
superuser, who bypasses row security. Needs a PostgreSQL server where the given role may
create databases and roles: ``TRIBUNE_BENCH_PG_URL=postgresql://tribune@127.0.0.1:5432/postgres``
(skipped without it).
Run: .venv/bin/python benchmarks/rights.py
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROWS, CLIENTS = 400_000, 20
PASSWORD = "bench password 1"


def best(fn, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    url = os.environ.get("TRIBUNE_BENCH_PG_URL")
    if not url:
        print("skipped: set TRIBUNE_BENCH_PG_URL to a PostgreSQL server")
        return 0
    import psycopg
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from app.db import Database
    from app.services.clients import workspaces as clients
    from app.services.people import admin

    name, login = f"tribune_bench_{uuid.uuid4().hex[:8]}", f"bench_{uuid.uuid4().hex[:6]}"
    root = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    root = root.execution_options(isolation_level="AUTOCOMMIT")
    with root.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    target = make_url(str(root.url)).set(database=name)
    try:
        db = Database(target.render_as_string(hide_password=False))
        db.upgrade()
        with db.session() as s:
            ids = [clients.create_client(s, f"Client {i}").id for i in range(CLIENTS)]
            admin.add_person(s, login, "Bench CM", "cm", PASSWORD, clients=["client-0"])
        db.dispose()
        params = {"host": target.host, "port": target.port or 5432, "dbname": name}
        su = psycopg.connect(**params, user=target.username, autocommit=True)
        su.execute(
            "INSERT INTO inbox_messages (client_id, network, external_id, kind, author,"
            " author_handle, text, received_at, in_reply_to, url, status, status_reason,"
            " category, sentiment, priority, tags, newcomer, ours, reply_state, reply_private,"
            " reply_error, hidden, deleted, author_banned, version, resolution)"
            " SELECT (%s::int[])[1 + (g %% %s)], 'mastodon', g::text, 'comment', 'a', 'a', 'hi',"
            " now() - make_interval(secs => g), '', '', 'new', '', 'other', 0, 0, '[]', false,"
            " false, '', false, '', false, false, false, 1, '' FROM generate_series(1, %s) g",
            (ids, CLIENTS, ROWS),
        )
        su.execute("ANALYZE")
        cm = psycopg.connect(**params, user=login, password=PASSWORD, autocommit=True)
        cid = ids[0]
        queries = {
            "first page (100 newest)": (
                "SELECT id FROM inbox_messages WHERE client_id = %s"
                " ORDER BY received_at DESC, id DESC LIMIT 100",
                (cid,),
            ),
            "count of the client": (
                "SELECT count(*) FROM inbox_messages WHERE client_id = %s",
                (cid,),
            ),
            "count of everything": ("SELECT count(*) FROM inbox_messages", ()),
        }
        print(f"{ROWS:,} messages, {CLIENTS} clients; a cm granted one client")
        for label, (sql, args) in queries.items():
            raw = best(lambda sql=sql, args=args: su.execute(sql, args).fetchall())
            rls = best(lambda sql=sql, args=args: cm.execute(sql, args).fetchall())
            print(
                f"{label:26} cm {rls * 1000:7.1f} ms   superuser {raw * 1000:7.1f} ms   "
                f"ratio {rls / raw:5.1f}"
            )
        cm.close()
        su.close()
    finally:
        with root.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        root.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Best posting slots over a year of post metrics against raw sqlite3 (issue #18: ≤ 2×).

A year of two posts a day on one network, seven daily samples each (5,110 metric rows, the
calendar's benchmark data): Tribune's ``best_slots`` (the calendar's hint: the client read,
the posts' totals summed by the database, the local weekday × hour slots ranked) against the
same rows read by a bare ``sqlite3`` query. Prints both best times and the ratio.

    .venv/bin/python benchmarks/slots.py            # BENCH_DAYS=20 for a smoke run
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DAYS = int(os.environ.get("BENCH_DAYS", 365))
REPEAT = int(os.environ.get("BENCH_REPEAT", 15))


def best(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def make_database(path: Path):
    from sqlalchemy import insert

    from app.db import Database
    from app.models.metrics import PostMetricDay
    from app.services.clients import workspaces as clients

    db = Database(f"sqlite:///{path}")
    db.upgrade()
    rng = random.Random(7)
    today = dt.date(2026, 12, 31)
    with db.session() as s:
        cid = clients.create_client(s, "Bench", timezone="Europe/Paris").id
    rows = []
    for d in range(DAYS):
        day = today - dt.timedelta(days=d)
        for k in range(2):
            published = dt.datetime.combine(day, dt.time(8 + 10 * k), tzinfo=dt.UTC)
            for sample in range(7):
                rows.append(
                    {
                        "client_id": cid,
                        "network": "facebook",
                        "external_post_id": f"p{d}-{k}",
                        "day": day + dt.timedelta(days=sample),
                        "published_at": published,
                        "reactions": rng.randint(0, 50),
                        "comments": rng.randint(0, 9),
                        "shares": 0,
                        "clicks": 0,
                        "source": "connector",
                        "text": "",
                        "url": "",
                        "updated_at": published,
                    }
                )
    with db.session() as s:
        s.execute(insert(PostMetricDay), rows)
    return db, cid, today, len(rows)


def main() -> int:
    from app.services.calendar.slots import best_slots

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slots.sqlite3"
        db, cid, today, n = make_database(path)

        def slots():
            with db.read() as s:
                return best_slots(s, cid, today)

        raw = sqlite3.connect(path)

        def slots_raw():
            return raw.execute(
                "SELECT network, external_post_id, published_at, reactions, comments, shares, "
                "clicks FROM metric_post_days WHERE client_id=? AND day>=? AND day<=?",
                (cid, str(today - dt.timedelta(days=365)), str(today)),
            ).fetchall()

        found = slots()
        assert found, "no slot found"
        slots_raw()
        ours, bare = best(slots), best(slots_raw)
        print(f"best slots {found} over {n:,} metric rows")
        print(f"Tribune best_slots {ours * 1000:7.2f} ms   raw sqlite3 {bare * 1000:6.2f} ms")
        print(f"ratio: {ours / bare:.2f} (aim <= 2)")
        raw.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Two seats importing the same Google series at the same instant: each occurrence once.

Real processes (multiprocessing, spawn) on the real PostgreSQL server and on one SQLite file.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import func, select

from app.models.posts import Post
from app.services.clients import workspaces as clients
from tests.conftest import REPO, db_url_of
from tests.harness.seats import answers, seat_context

DATA = REPO / "tests" / "data" / "calendars"
NOW = dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC)
OCCURRENCES = 261  # weekdays from 2026-12-07 to 2027-12-06


def _import_worker(url: str, client_id: int, start: float, out) -> None:
    from app.db import Database
    from app.services.calendar.ical import import_ics

    db = Database(url)
    try:
        data = (DATA / "x_location.ics").read_bytes()
        while time.monotonic() < start:  # both seats go at the same instant (one clock
            # for every process, which --at time travel leaves alone)
            time.sleep(0.001)
        with db.session() as s:
            res = import_ics(s, client_id, data, now=NOW)
        out.put(("ok", (res.added, res.duplicates, len(res.errors))))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_two_seats_import_the_same_series_once(request, tribune_home, engine):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    with db.session() as s:
        cid = clients.create_client(s, "Agence", timezone="Europe/Paris").id
        clients.add_account(s, cid, "facebook", "Page", base_url="https://graph.example")
    ctx = seat_context()
    out = ctx.Queue()
    start = time.monotonic() + 4  # after both interpreters have started
    url = db_url_of(db)
    procs = [ctx.Process(target=_import_worker, args=(url, cid, start, out)) for _ in range(2)]
    results = answers(procs, out)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    (added_a, dup_a, err_a), (added_b, dup_b, err_b) = (r for _, r in results)
    assert err_a == err_b == 0
    assert added_a + added_b == OCCURRENCES
    assert added_a + dup_a == added_b + dup_b == OCCURRENCES
    with db.read() as s:
        count = s.scalar(select(func.count()).select_from(Post).where(Post.client_id == cid))
    assert count == OCCURRENCES

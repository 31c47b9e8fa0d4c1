"""Two seats fetching the same new messages, or the same day's numbers, at the same moment:
each stored once, counted right (added vs duplicates), never an error. Real processes
(multiprocessing, spawn) on a real PostgreSQL server and on one SQLite file; then two
``tribune sync`` on one SQLite file."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import func, select

from app.models.inbox import InboxMessage
from app.models.metrics import AccountMetricDay
from app.services.clients import workspaces as clients
from tests.app.services.sync.test_seats_common import agency, finish, outcomes, start_seats
from tests.conftest import db_url_of
from tests.harness.seats import seat_context
from tests.servers.x import XServer

ROUNDS, ITEMS = 15, 40


def _ingest_worker(url: str, client_id: int, account_id: int, start, out) -> None:
    from app.connectors.contract import AccountMetricSample, IncomingMessage
    from app.db import Database
    from app.services.inbox.ingest import ingest_messages
    from app.services.reports.metrics import record_account_samples

    db = Database(url)
    results = []
    try:
        start.wait(120)  # both seats ready: then their rounds at the same instants
        t0 = time.time()
        for r in range(ROUNDS):
            when = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC) + dt.timedelta(minutes=r)
            items = [
                IncomingMessage(
                    network="x",
                    external_id=f"{r}-{i}",
                    kind="mention",
                    author="Léa",
                    author_handle="leafan",
                    text=f"@nuage question {r}.{i} ?",
                    received_at=when,
                    account_id=account_id,
                )
                for i in range(ITEMS)
            ]
            sample = AccountMetricSample(
                account_id=account_id, day=dt.date(2026, 11, 1) + dt.timedelta(days=r),
                followers=1000 + r,
            )  # fmt: skip
            while time.time() < t0 + r * 0.25:  # both seats go at the same instant
                time.sleep(0.001)
            with db.session() as s:
                res = ingest_messages(s, client_id, items, now=when)
                record_account_samples(s, client_id, [sample])
            results.append((res.added, res.duplicates, len(res.errors)))
        out.put(("ok", results))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def _race(db) -> list:
    with db.session() as s:
        client = clients.create_client(s, "Nuage Logiciel")
        account = clients.add_account(s, client.id, "x", "nuage", base_url="http://127.0.0.1:9")
    ctx = seat_context()
    out = ctx.Queue()
    start = ctx.Barrier(2)
    url = db_url_of(db)
    procs = [
        ctx.Process(target=_ingest_worker, args=(url, client.id, account.id, start, out))
        for _ in range(2)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    return results


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_two_seats_storing_the_same_new_messages_and_numbers_store_each_once(
    request, tribune_home, engine
):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    results = _race(db)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    a, b = (rows for _, rows in results)
    for (added_a, dup_a, err_a), (added_b, dup_b, err_b) in zip(a, b, strict=True):
        assert err_a == err_b == 0
        assert added_a + added_b == ITEMS  # every message stored by exactly one seat
        assert added_a + dup_a == added_b + dup_b == ITEMS  # the rest counted as duplicates
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(InboxMessage)) == ROUNDS * ITEMS
        days = s.execute(select(AccountMetricDay.day, AccountMetricDay.followers)).all()
    assert sorted(f for _, f in days) == [1000 + r for r in range(ROUNDS)]


def test_two_tribune_sync_on_one_sqlite_file_fetch_and_publish_once(
    sqlite_db, real_keyring, tribune_home
):
    from tests.app.services.sync.test_seats_common import due_posts

    with XServer() as server:
        for n in range(30):
            server.add_mention(n, f"@nuagelogiciel bonjour {n}")
        server.send_delay = 0.5
        client_id, slug = agency(sqlite_db, server)
        due_posts(sqlite_db, client_id, ["Nouveau : la version 3 est là", "Webinaire jeudi"])
        results = finish(start_seats(2, db_url_of(sqlite_db), slug, tribune_home))
        for rc, _data, err in results:
            assert rc == 0, err
        got = outcomes(results)
        assert "ok" in got and set(got) <= {"ok", "busy"}, got
        added = sum(a["added"] for _, d, _ in results for a in d["accounts"])
        assert added == 30
        texts = [t["text"] for t in server.tweets]
        assert sorted(texts) == ["Nouveau : la version 3 est là", "Webinaire jeudi"]
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(InboxMessage)) == 30

"""The change feed without a lock, on a real PostgreSQL server with several PROCESSES writing
at once: transactions whose change_log ids commit out of order (a deliberate pause between the
log row and the commit), a reader polling all along that never skips a change nor sees one
twice, and a long-running transaction that holds later changes back without losing them."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import event, select, text

from app import changes
from app.models.changes import ChangeLog
from app.services.clients import workspaces as clients
from tests.harness.seats import seat_context

pytestmark = pytest.mark.postgres

SPAWN = seat_context()


def _writer(url: str, client_id: int, seat: int, rounds: int, go, pause_s: list[float]) -> None:
    """One seat: ``rounds`` transactions, each pausing ``pause_s[round]`` between writing its
    change_log row (and taking its transaction id) and committing."""
    from app.db import Database

    db = Database(url)
    state = {"pause": 0.0}
    event.listen(db._write_sessions, "before_commit", lambda _s: time.sleep(state["pause"]))
    go.wait(30)
    for n in range(rounds):
        state["pause"] = pause_s[n]
        with db.session() as s:
            clients.update_client(s, client_id, sector=f"seat {seat} round {n}")
    db.dispose()


def _holder(url: str, client_id: int, started, release) -> None:
    """A long-running transaction: it writes (takes its xid), then waits before committing."""
    from app.db import Database

    db = Database(url)
    with db.session() as s:
        clients.update_client(s, client_id, sector="long import")
        s.flush()
        started.set()
        release.wait(60)
    db.dispose()


def _log(db) -> list[tuple[int, int]]:
    with db.engine.connect() as conn:
        query = select(ChangeLog.xid, ChangeLog.id).order_by(ChangeLog.id)
        return [tuple(r) for r in conn.execute(query)]


def test_concurrent_writers_committing_out_of_order_are_each_read_once(pg_db, pg_database_url):
    with pg_db.session() as s:
        cids = [clients.create_client(s, f"Client {n}").id for n in range(6)]
    with pg_db.engine.connect() as conn:
        cursor = changes.start(conn)
    before = {i for _x, i in _log(pg_db)}
    rng = random.Random(11)
    rounds = 6
    go = SPAWN.Barrier(len(cids) + 1)  # every seat ready, then all at once
    procs = [
        SPAWN.Process(
            target=_writer,
            args=(
                pg_database_url,
                cid,
                n,
                rounds,
                go,
                # the first seats pause longest: their early ids commit after later ones
                [rng.choice((0.0, 0.05, 0.3, 0.6)) * (6 - n) / 3 for _ in range(rounds)],
            ),
        )
        for n, cid in enumerate(cids)
    ]
    for p in procs:
        p.start()
    go.wait(120)
    seen: list[int] = []
    naive_seen: list[int] = []
    naive_last = max(before, default=0)  # the old reader without the lock: id > last id
    engine = pg_db.engine.execution_options(isolation_level="AUTOCOMMIT")
    held_seen = False
    with engine.connect() as conn:
        while any(p.is_alive() for p in procs):
            got = changes.changes_since(conn, cursor)
            cursor = got.cursor
            held_seen = held_seen or got.held
            seen.extend(c.id for c in got.changes)
            naive = conn.execute(
                select(ChangeLog.id).where(ChangeLog.id > naive_last).order_by(ChangeLog.id)
            ).scalars()
            for i in naive:
                naive_seen.append(i)
                naive_last = i
            time.sleep(0.01)
        for p in procs:
            p.join(60)
            assert p.exitcode == 0
        got = changes.changes_since(conn, cursor)
        seen.extend(c.id for c in got.changes)
        assert not got.held
    written = [(x, i) for x, i in _log(pg_db) if i not in before]
    assert len(written) == 6 * rounds  # one row per transaction (one kind, one client)
    assert len(seen) == len(set(seen)), "a change was read twice"
    assert set(seen) == {i for _x, i in written}, "a change was skipped"
    # The stagger really happened: some transaction's id is smaller than an older one's.
    by_xid = [i for _x, i in sorted(written)]
    assert by_xid != sorted(by_xid)
    # ... and it is what the lock used to be for: an id-only reader skips those rows.
    assert held_seen
    assert set(naive_seen) != {i for _x, i in written}


def test_a_long_transaction_delays_later_changes_without_losing_them(pg_db, pg_database_url):
    with pg_db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        b = clients.create_client(s, "Boulangerie").id
    engine = pg_db.engine.execution_options(isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        cursor = changes.start(conn)
    started, release, go = SPAWN.Event(), SPAWN.Event(), SPAWN.Event()
    holder = SPAWN.Process(target=_holder, args=(pg_database_url, a, started, release))
    holder.start()
    assert started.wait(60)
    writer = SPAWN.Process(target=_writer, args=(pg_database_url, b, 1, 3, go, [0.0] * 3))
    writer.start()
    go.set()
    writer.join(60)
    assert writer.exitcode == 0
    with engine.connect() as conn:
        # three later transactions committed; they wait behind the one still running
        committed = conn.execute(
            select(ChangeLog.id).where(ChangeLog.client_id == b, ChangeLog.id > cursor[1])
        ).all()
        assert len(committed) == 3
        waiting = changes.changes_since(conn, cursor)
        assert not waiting.changes and waiting.held
        assert waiting.cursor == cursor
        # a new reader starts before them too: nothing lost for it either
        assert changes.start(conn) == cursor
    release.set()
    holder.join(60)
    assert holder.exitcode == 0
    with engine.connect() as conn:
        got = changes.changes_since(conn, cursor)
        assert not got.held
        again = changes.changes_since(conn, got.cursor)
    assert [c.client_id for c in got.changes] == [a, b, b, b]  # the holder's xid came first
    assert not again.changes


def test_a_change_log_row_names_its_transaction(pg_db):
    with pg_db.session() as s:
        clients.create_client(s, "Aquarelle")
        clients.create_client(s, "Boulangerie")
        xid = s.execute(text("SELECT pg_current_xact_id()::text::bigint")).scalar_one()
    rows = [r for r in _log(pg_db) if r[0] == xid]
    assert len(rows) == 2  # one per client, both of this transaction


def test_a_cursor_beyond_32_bits_reads(pg_db):
    """xid8 counts past 2**32 on a cluster that wrapped once: the cursor stays a bigint."""
    engine = pg_db.engine.execution_options(isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        got = changes.changes_since(conn, (2**40, 2**35))
    assert not got.changes and got.cursor == (2**40, 2**35)


def _overlapper(url: str, client_id: int, ready, go, spans) -> None:
    """One seat: a warm-up write, then one transaction that stays open 1.5 s after writing
    its log row; reports (log row written, committed) in wall-clock time."""
    from app.db import Database

    db = Database(url)
    with db.session() as s:
        clients.update_client(s, client_id, sector="warm-up")
    span: list[float] = []

    def pause(_s) -> None:
        if span == []:
            span.append(time.time())
            time.sleep(1.5)

    event.listen(db._write_sessions, "before_commit", pause)
    ready.release()
    go.wait(60)
    with db.session() as s:
        clients.update_client(s, client_id, sector="overlap")
    spans.put((span[0], time.time()))
    db.dispose()


def test_writers_no_longer_queue_on_the_feed(pg_db, pg_database_url):
    """Six processes each keep their transaction open 1.5 s after writing their log row: the
    transactions overlap (a lock around the log used to run them one after the other)."""
    with pg_db.session() as s:
        cids = [clients.create_client(s, f"Client {n}").id for n in range(6)]
    ready, go, spans = SPAWN.Semaphore(0), SPAWN.Event(), SPAWN.Queue()
    procs = [
        SPAWN.Process(target=_overlapper, args=(pg_database_url, cid, ready, go, spans))
        for cid in cids
    ]
    for p in procs:
        p.start()
    for _ in procs:
        assert ready.acquire(timeout=120)
    go.set()
    got = [spans.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    most = max(sum(1 for s, e in got if s <= t < e) for t, _e in got)
    assert most >= 3, got  # with the lock: 1, one transaction at a time

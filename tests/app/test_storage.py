"""Storage guarantees: migrations keep a copy first, DDL is transactional, a killed process
leaves a consistent database, and the SQLite pragmas are in force."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app.db import SCHEMA_HEAD, Database, open_database
from app.services.clients import workspaces as clients


def test_pragmas_are_in_force(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60000  # db_busy


def test_upgrade_from_the_foundation_keeps_a_copy_and_the_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    cfg = db._alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
    with db.engine.begin() as conn:  # the 0001 schema: today's models may have more columns
        conn.execute(
            text(
                "INSERT INTO clients (uid, name, slug, timezone, language, colour, sector, notes,"
                " archived, created_at, updated_at, version) VALUES ('u1',"
                " 'Boulangeries Maison Dupré', 'boulangeries-maison-dupre', 'Europe/Paris', 'fr',"
                " '#3b6fd8', '', '', 0, '2026-01-05 09:00:00', '2026-01-05 09:00:00', 1)"
            )
        )
    if not db.needs_upgrade():
        pytest.skip("no migration after the foundation yet")
    db.upgrade()
    assert not db.needs_upgrade()
    copies = list(tmp_path.glob("old.sqlite3.before-migration-*"))
    assert len(copies) == 1
    old = Database(f"sqlite:///{copies[0]}")
    try:
        assert old.current_revisions() == {"0001_foundation"}
        with old.read() as s:
            assert [c.name for c in clients.list_clients(s)] == ["Boulangeries Maison Dupré"]
    finally:
        old.dispose()
    with db.read() as s:
        assert [c.name for c in clients.list_clients(s)] == ["Boulangeries Maison Dupré"]
    db.dispose()


def test_ddl_rolls_back_with_the_transaction(db):
    """What makes a failed migration leave no half schema (docs/pitfalls.md: sqlite3 and DDL)."""
    with pytest.raises(RuntimeError), db.session() as s:
        s.execute(text("CREATE TABLE half_done (id INTEGER PRIMARY KEY)"))
        s.execute(text("INSERT INTO half_done (id) VALUES (1)"))
        raise RuntimeError("migration step failed")
    assert "half_done" not in inspect(db.engine).get_table_names()


def test_a_killed_writer_leaves_a_consistent_database(sqlite_db):
    path = sqlite_db.sqlite_path
    with sqlite_db.session() as s:
        clients.create_client(s, "Nuage Logiciel")
    writer = textwrap.dedent(
        f"""
        import sys, time
        from app.db import Database
        from app.services.clients import workspaces as clients
        db = Database("sqlite:///{path}")
        with db.session() as s:
            c = clients.get_client(s, "nuage-logiciel")
            for i in range(2000):
                clients.save_contact(s, c.id, name=f"Contact {{i}}")
            s.flush()
            print("flushed", flush=True)
            time.sleep(60)  # killed here, before the commit
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert proc.stdout.readline().strip() == "flushed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    time.sleep(0.1)
    db = Database(f"sqlite:///{path}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with db.read() as s:
            info = clients.get_client(s, "nuage-logiciel")
            assert info.contacts == ()  # nothing of the killed transaction
        with db.session() as s:  # and the database is writable again (no stale lock)
            clients.save_contact(s, info.id, name="Après")
    finally:
        db.dispose()


def test_a_unit_of_work_that_reads_then_writes_survives_a_concurrent_commit(sqlite_db):
    """WAL: a deferred read-then-write transaction fails at once when another connection
    committed meanwhile; units of work take the write lock first and simply wait."""
    import threading

    with sqlite_db.session() as s:
        client = clients.create_client(s, "Aquarelle & Pétales")
    other_committed = threading.Event()

    def other_writer():
        with sqlite_db.session() as s:
            clients.save_contact(s, client.id, name="Autre")
        other_committed.set()

    with sqlite_db.session() as s:
        clients.get_client(s, client.id)  # read first
        thread = threading.Thread(target=other_writer)
        thread.start()
        other_committed.wait(0.5)  # the other writer waits for our lock instead
        clients.save_contact(s, client.id, name="Léa")  # then write
    thread.join(10)
    assert other_committed.is_set()
    with sqlite_db.read() as s:
        names = sorted(c.name for c in clients.get_client(s, client.id).contacts)
    assert names == ["Autre", "Léa"]


def test_the_migrations_have_a_single_head():
    """A new migration must have one parent: feature branches are merged into one head."""
    db = Database("sqlite://")
    try:
        assert len(db.head_revisions()) == 1
        # start-up skips Alembic when the database is stamped with SCHEMA_HEAD
        assert db.head_revisions() == {SCHEMA_HEAD}
    finally:
        db.dispose()


def test_an_up_to_date_database_opens_without_alembic(tmp_path):
    """Start-up cost: Alembic is imported only when the database needs a migration."""
    url = f"sqlite:///{tmp_path / 'up-to-date.sqlite3'}"
    open_database(url).dispose()  # creates and migrates
    code = (
        "import sys; from app.db import open_database; "
        "db = open_database(sys.argv[1]); "
        "print(sorted(db.current_revisions()) if 'alembic' in sys.modules else 'no alembic')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, url], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "no alembic"


def test_bulk_insert_stores_what_a_core_insert_stores(db):
    """The sync's fast insert: same values, defaults and types as Core's, on both engines;
    a bad row rolls the whole batch back."""
    import datetime as dt

    from sqlalchemy import insert, select

    from app.db import bulk_insert
    from app.models.inbox import InboxMessage

    table = InboxMessage.__table__
    with db.session() as s:
        client_id = clients.create_client(s, "Vrac").id
    t0 = dt.datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=dt.UTC)

    def rows(prefix, n=3):
        return [
            {
                "client_id": client_id,
                "network": "mastodon",
                "external_id": f"{prefix}{i}",
                "kind": "mention",
                "text": f"Bonjour n°{i} 😊",
                "received_at": t0 + dt.timedelta(hours=i),
                "due_at": t0,
                "tags": ["livraison"] if i else [],
                "newcomer": bool(i),
            }
            for i in range(n)
        ]

    with db.session() as s:
        s.execute(insert(table), rows("core-"))
        bulk_insert(s, table, rows("bulk-"))
        bulk_insert(s, table, [{**row, "url": "https://m.test/1"} for row in rows("url-", 2)])
    with db.read() as s:
        stored = {r.external_id: r for r in s.execute(select(table)).all()}
    assert len(stored) == 8
    skip = {"id", "external_id"}
    for i in range(3):
        core, bulk = stored[f"core-{i}"]._asdict(), stored[f"bulk-{i}"]._asdict()
        assert {k: v for k, v in bulk.items() if k not in skip} == {
            k: v for k, v in core.items() if k not in skip
        }
    assert stored["bulk-1"].received_at == t0 + dt.timedelta(hours=1)
    assert stored["bulk-1"].tags == ["livraison"] and stored["bulk-0"].tags == []
    assert stored["bulk-0"].status == "new" and stored["bulk-0"].version == 1
    assert stored["url-1"].url == "https://m.test/1"

    with pytest.raises(IntegrityError), db.session() as s:  # unique key: nothing half-written
        bulk_insert(s, table, rows("again-") + rows("core-"))
    with db.read() as s:
        assert s.scalar(select(table.c.id).where(table.c.external_id == "again-0")) is None

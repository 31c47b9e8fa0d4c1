"""A restore among other seats (issue #19), with real processes on a real SQLite file and a
real PostgreSQL server: while it reads the backup, another seat's write goes through at once
(the rows are staged in temporary tables, not written over the live ones); when another seat
keeps the data locked past the stated time, the restore gives up in one line and the database
is exactly as it was."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.errors import StorageError
from app.models.client import Client
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.database.backup import restore_backup, write_backup
from app.services.inbox import ingest as inbox_ingest
from tests.app.test_changes import T0, _msg
from tests.conftest import db_url_of
from tests.harness import popen as forked
from tests.harness.seats import seat_context

SPAWN = seat_context()
GAVE_UP = "The database stayed busy for 2 s (another import?); nothing was written. Try again."


def _state(db) -> tuple[list[tuple], int]:
    with db.read() as s:
        rows = sorted(tuple(r) for r in s.execute(select(Client.name, Client.sector)))
        return rows, s.scalar(select(func.count(InboxMessage.id)))


def _agency(db, tmp_path):
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(s, a, [_msg(str(n)) for n in range(3000)], now=T0)
    out = tmp_path / "agency.zip"
    write_backup(db, out)
    with db.session() as s:  # what the restore will replace
        clients.update_client(s, a, sector="after the backup")
        clients.create_client(s, "Boulangerie")
    return a, out


def _restorer(url: str, path: str, staging, written, result) -> None:
    """Restore in another process; pause while staging the messages until told to go on."""
    db = Database(url)

    def progress(table: str) -> None:
        if table == "inbox_messages":
            staging.set()
            written.wait(30)

    try:
        summary = restore_backup(db, path, progress, keep_copy=False)
        result.put(("ok", summary.rows))
    except Exception as exc:  # reported to the test
        result.put(("error", f"{type(exc).__name__}: {exc}"))
    db.dispose()


def test_another_seat_writes_while_a_restore_reads_its_backup(db, tmp_path, monkeypatch):
    a, backup = _agency(db, tmp_path)
    staging, written, result = SPAWN.Event(), SPAWN.Event(), SPAWN.Queue()
    proc = SPAWN.Process(
        target=_restorer, args=(db_url_of(db), str(backup), staging, written, result)
    )
    proc.start()
    try:
        assert staging.wait(60), "the restore never started staging"
        monkeypatch.setenv("TRIBUNE_BUSY_TIMEOUT", "2")
        other = Database(db_url_of(db))  # another seat, giving up after 2 s
        started = time.monotonic()
        with other.session() as s:  # the row a restore of old used to hold all along
            clients.update_client(s, a, sector="meanwhile")
        took = time.monotonic() - started
        other.dispose()
        assert proc.is_alive()  # the restore was still under way
    finally:
        written.set()
    outcome = result.get(timeout=120)
    proc.join(30)
    assert outcome[0] == "ok", outcome
    assert took < 1.5, took  # it went through at once, not after the restore
    rows, messages = _state(db)
    assert rows == [("Aquarelle", "")] and messages == 3000  # then the backup, whole


def _hold(db, seconds: float) -> subprocess.Popen:
    """Another seat keeping the agency's data locked: SQLite's write lock, or PostgreSQL's
    lock on a client row (``FOR UPDATE``), until a line on stdin."""
    url = db_url_of(db)
    if db.is_sqlite:
        take = f"""
        import sqlite3
        c = sqlite3.connect({str(db.sqlite_path)!r}, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        """
    else:
        take = f"""
        from sqlalchemy import create_engine, text
        c = create_engine({url!r}).connect()
        c.execute(text("SELECT id FROM clients WHERE name = 'Aquarelle' FOR UPDATE"))
        """
    script = textwrap.dedent(take) + textwrap.dedent(
        f"""
        import select, sys
        print("held", flush=True)
        select.select([sys.stdin], [], [], {seconds})
        """
    )
    proc = forked.popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_restore_that_gives_up_leaves_the_database_as_it_was(db, tmp_path, cli):
    _a, backup = _agency(db, tmp_path)
    before = _state(db)
    holder = _hold(db, 60)
    try:
        out = cli("restore", str(backup), db_url=db_url_of(db), env={"TRIBUNE_BUSY_TIMEOUT": "2"})
        assert holder.poll() is None  # it gave up while the lock was still held
    finally:
        holder.communicate("go\n", timeout=15)
    assert out.returncode == 1, (out.stdout, out.stderr)
    lines = out.stderr.splitlines()
    assert lines[-1] == f"tribune: {GAVE_UP}", out.stderr
    assert len(lines) <= 2 and all(line.startswith("tribune: ") for line in lines), out.stderr
    assert _state(db) == before
    # and nothing is left half way: the same restore, unhindered, goes through
    restore_backup(db, backup, keep_copy=False)
    assert _state(db) == ([("Aquarelle", "")], 3000)


def test_a_restore_refused_mid_swap_changes_nothing(db, tmp_path, monkeypatch):
    from app.services.database import restore_swap

    _a, backup = _agency(db, tmp_path)
    before = _state(db)
    real = restore_swap._swap

    def broken(db_, conn, tables, staged, expected, after_fill):
        expected = {**expected, "inbox_messages": 1}  # the counts check fails after the fill
        return real(db_, conn, tables, staged, expected, after_fill)

    monkeypatch.setattr(restore_swap, "_swap", broken)
    with pytest.raises(StorageError, match="inbox_messages holds 3000 rows instead of 1"):
        restore_backup(db, backup, keep_copy=False)
    assert _state(db) == before

"""A busy database waits, visibly (issue #19), with real processes.

Process A holds the write lock (a held transaction, or a long import through the installed
``tribune``); process B is the installed ``tribune`` writing meanwhile. B says once on
stderr that it waits, and succeeds when A lets it in; with a short ``TRIBUNE_BUSY_TIMEOUT``
it gives up in one line, exit 1, and nothing of its write is in the database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import text

from tests.conftest import db_url_of, tribune_exe
from tests.harness import popen as forked

WAITING = "Waiting for another Tribune process that is writing to the database"
GAVE_UP = "The database stayed busy for 2 s (another import?); nothing was written. Try again."


def _env(tribune_home, **extra) -> dict:
    env = dict(os.environ, TRIBUNE_HOME=str(tribune_home))
    env.update(extra)
    return env


def _hold_sqlite(path, seconds: float) -> subprocess.Popen:
    """A process that holds SQLite's write lock for ``seconds`` or until a line on its stdin
    (it says "held" once it has the lock)."""
    script = textwrap.dedent(
        f"""
        import select, sqlite3, sys
        c = sqlite3.connect({str(path)!r}, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        print("held", flush=True)
        select.select([sys.stdin], [], [], {seconds})
        c.execute("COMMIT")
        """
    )
    proc = forked.popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def _hold_postgresql(url: str, seconds: float) -> subprocess.Popen:
    """A process that keeps the clients table locked against writers for ``seconds`` or
    until a line on its stdin."""
    script = textwrap.dedent(
        f"""
        import select, sys
        from sqlalchemy import create_engine, text
        engine = create_engine({url!r}.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.execute(text("LOCK TABLE clients IN EXCLUSIVE MODE"))
            print("held", flush=True)
            select.select([sys.stdin], [], [], {seconds})
        """
    )
    proc = forked.popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def _clients(url_or_path) -> list[str]:
    con = sqlite3.connect(str(url_or_path))
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM clients"))
    finally:
        con.close()


@pytest.fixture
def acme(cli, tmp_path, sqlite_template):
    path = tmp_path / "busy.sqlite3"
    shutil.copy(sqlite_template, path)  # migrated once, not per test
    url = f"sqlite:///{path}"
    out = cli("client", "add", "Acme", db_url=url)
    assert out.returncode == 0, out.stderr
    return path, url


def test_a_writer_behind_another_process_waits_says_so_and_succeeds(acme, tribune_home):
    path, url = acme
    holder = _hold_sqlite(path, 60)
    writer = forked.popen(
        [tribune_exe(), "--db", url, "client", "add", "Beta"],
        env=_env(tribune_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        said = writer.stderr.readline()  # it says so while the holder still holds the lock
        assert WAITING in said, said
        time.sleep(1.5)  # several more tries of the busy handler: still one line
        assert writer.poll() is None  # still waiting, not failed
        holder.stdin.write("go\n")
        holder.stdin.flush()
        holder.wait(10)
        stdout, rest = writer.communicate(timeout=60)
    finally:
        for proc in (holder, writer):
            if proc.poll() is None:
                proc.kill()
    assert writer.returncode == 0, said + rest
    assert "Beta" in stdout
    assert rest == "", rest  # the waiting line was the only one
    assert _clients(path) == ["Acme", "Beta"]


def test_a_writer_gives_up_after_the_stated_time_in_one_line_with_nothing_written(cli, acme):
    path, url = acme
    holder = _hold_sqlite(path, 20)
    started = time.monotonic()
    out = cli("client", "add", "Beta", db_url=url, env={"TRIBUNE_BUSY_TIMEOUT": "2"})
    waited = time.monotonic() - started
    assert holder.poll() is None  # it gave up while the lock was still held
    holder.communicate("go\n", timeout=15)
    assert out.returncode == 1, (out.stdout, out.stderr)
    lines = out.stderr.splitlines()
    assert lines == [f"tribune: {WAITING}…", f"tribune: {GAVE_UP}"], out.stderr
    assert waited >= 2, waited
    assert _clients(path) == ["Acme"]


def test_a_long_inbox_import_lets_another_writer_in_between_its_batches(
    cli, acme, tmp_path, tribune_home
):
    path, url = acme
    big = tmp_path / "big.csv"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write("network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n")
        for i in range(40_000):
            fh.write(f"facebook,m{i},comment,A{i},a{i},hello {i},2026-01-01T00:00:00+01:00,,\n")
    importer = forked.popen(
        [tribune_exe(), "--db", url, "inbox", "import", "Acme", str(big)],
        env=_env(tribune_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the import is under way: its first batch is in
            con = sqlite3.connect(str(path))
            try:
                if con.execute("SELECT count(*) FROM inbox_messages").fetchone()[0]:
                    break
            finally:
                con.close()
            time.sleep(0.05)
        out = cli("client", "add", "Beta", db_url=url)
        still_importing = importer.poll() is None
        stdout, stderr = importer.communicate(timeout=120)
    finally:
        if importer.poll() is None:
            importer.kill()
    assert out.returncode == 0, out.stderr
    assert "busy" not in out.stderr
    assert still_importing, "the other write only went in after the whole import"
    assert importer.returncode == 0, stderr
    assert "40000 added" in stdout
    assert _clients(path) == ["Acme", "Beta"]


@pytest.mark.postgres
def test_postgresql_lock_wait_succeeds_then_gives_up_in_one_line(cli, pg_db, tribune_home):
    url = db_url_of(pg_db)
    assert cli("client", "add", "Acme", db_url=url).returncode == 0
    holder = _hold_postgresql(url, 60)
    writer = forked.popen(
        [tribune_exe(), "--db", url, "client", "add", "Beta"],
        env=_env(tribune_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        waiting = 0
        while not waiting and time.monotonic() < deadline:  # the writer queues for the lock
            with pg_db.read() as session:
                waiting = session.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted"))
            time.sleep(0.1)
        assert waiting, "the writer never waited for the lock"
        holder.communicate("go\n", timeout=15)
        stdout, stderr = writer.communicate(timeout=60)
    finally:
        for proc in (holder, writer):
            if proc.poll() is None:
                proc.kill()
    assert writer.returncode == 0, stderr
    assert "Beta" in stdout

    holder = _hold_postgresql(url, 60)
    started = time.monotonic()
    out = cli("client", "add", "Gamma", db_url=url, env={"TRIBUNE_BUSY_TIMEOUT": "2"})
    waited = time.monotonic() - started
    assert holder.poll() is None  # it gave up while the table was still locked
    holder.communicate("go\n", timeout=15)
    assert out.returncode == 1, (out.stdout, out.stderr)
    # the same two lines as SQLite: the wait said after 1 s, then the one line giving up
    assert out.stderr.splitlines() == [f"tribune: {WAITING}…", f"tribune: {GAVE_UP}"], out.stderr
    assert waited >= 2, waited
    with pg_db.read() as session:
        names = sorted(session.execute(text("SELECT name FROM clients")).scalars())
    assert names == ["Acme", "Beta"]


ACCOUNT_ADD = ("account", "add", "Acme", "rss", "--base-url", "https://example.org/f.xml")
ACCOUNT_ADD += ("--handle", "feed", "--no-token")


def _hold_row(url: str, name: str) -> subprocess.Popen:
    """Another seat holding one client's row (``SELECT … FOR UPDATE``) until a line on stdin."""
    script = textwrap.dedent(
        f"""
        import sys
        from sqlalchemy import create_engine, text
        engine = create_engine({url!r}.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            lock = text("SELECT id FROM clients WHERE name = :n FOR UPDATE")
            conn.execute(lock, {{"n": {name!r}}})
            print("held", flush=True)
            sys.stdin.readline()
        """
    )
    proc = forked.popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.postgres
def test_postgresql_row_lock_wait_says_so_after_a_second_then_goes_on(cli, pg_db, tribune_home):
    url = db_url_of(pg_db)
    assert cli("client", "add", "Acme", db_url=url).returncode == 0
    holder = _hold_row(url, "Acme")
    started = time.monotonic()
    writer = subprocess.Popen(  # adding an account checks its client's row: it waits
        [tribune_exe(), "--db", url, *ACCOUNT_ADD],
        env=_env(tribune_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        said = writer.stderr.readline()  # said while the row is still held
        said_after = time.monotonic() - started
        assert WAITING in said, said
        assert writer.poll() is None  # waiting, not failed
        holder.communicate("go\n", timeout=15)
        _out, rest = writer.communicate(timeout=60)
    finally:
        for proc in (holder, writer):
            if proc.poll() is None:
                proc.kill()
    assert writer.returncode == 0, said + rest
    assert rest == "", rest  # one line, then nothing
    assert said_after >= 1.0, said_after  # not before the stated second
    with pg_db.read() as session:
        handles = list(session.execute(text("SELECT handle FROM network_accounts")).scalars())
    assert handles == ["feed"]


@pytest.mark.postgres
def test_postgresql_row_lock_gives_up_in_one_line_with_nothing_written(cli, pg_db):
    url = db_url_of(pg_db)
    assert cli("client", "add", "Acme", db_url=url).returncode == 0
    holder = _hold_row(url, "Acme")
    try:
        out = cli(
            *ACCOUNT_ADD,
            db_url=url,
            env={"TRIBUNE_BUSY_TIMEOUT": "2"},
        )
        assert holder.poll() is None  # gave up while the row was still held
    finally:
        holder.communicate("go\n", timeout=15)
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert out.stderr.splitlines() == [f"tribune: {WAITING}…", f"tribune: {GAVE_UP}"], out.stderr
    with pg_db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM network_accounts")) == 0


KEPT = (
    "The database stayed busy for 3 s (another import?). What was imported before that was "
    "kept; run the same import again to add the rest."
)


def _hold_sqlite_fairly(path) -> subprocess.Popen:
    """Another writer that queues like Tribune's (a waiting marker, so the import lets it in
    between two batches), then holds the write lock until a line on its stdin."""
    script = textwrap.dedent(
        f"""
        import os, select, sqlite3, sys
        from pathlib import Path
        marker = Path({str(path)!r} + ".waiting") / f"{{os.getpid()}}-1"
        marker.parent.mkdir(exist_ok=True)
        marker.touch()
        c = sqlite3.connect({str(path)!r}, isolation_level=None, timeout=60)
        c.execute("BEGIN IMMEDIATE")
        marker.unlink()
        print("held", flush=True)
        sys.stdin.readline()
        c.execute("ROLLBACK")
        """
    )
    return forked.popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


def _posts(path) -> int:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT count(*) FROM posts").fetchone()[0]
    finally:
        con.close()


def test_an_import_that_gives_up_says_what_it_kept_and_the_rerun_adds_the_rest(
    cli, acme, tmp_path, tribune_home
):
    path, url = acme
    rows = 3000
    src = tmp_path / "posts.csv"
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("Jour,Heure,Réseau,Message,Rubrique\n")
        for i in range(rows):
            fh.write(f"{1 + i % 28:02d}/03/2026,09:{i % 60:02d},facebook,Post {i},saison\n")
    mapping = "date=Jour,time=Heure,network=Réseau,text=Message,category=Rubrique"
    args = ["calendar", "import", "acme", str(src), "--map", mapping]
    importer = forked.popen(
        [tribune_exe(), "--db", url, *args],
        env=_env(tribune_home, TRIBUNE_BUSY_TIMEOUT="3"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    holder = None
    try:
        deadline = time.monotonic() + 120
        while not _posts(path) and time.monotonic() < deadline:  # its first batch is in
            time.sleep(0.05)
        holder = _hold_sqlite_fairly(path)
        assert holder.stdout.readline().strip() == "held"
        _out, err = importer.communicate(timeout=120)
        kept = _posts(path)
    finally:
        for proc in (importer, holder):
            if proc is not None and proc.poll() is None:
                proc.communicate("go\n", timeout=15) if proc is holder else proc.kill()
    assert importer.returncode == 1, err
    assert err.splitlines() == [f"tribune: {WAITING}…", f"tribune: {KEPT}"], err
    assert 0 < kept < rows, kept
    again = cli(*args, db_url=url)
    assert again.returncode == 0, again.stderr
    assert f"{rows - kept} added, {kept} already there" in again.stdout, again.stdout
    assert _posts(path) == rows


def _messages(path) -> int:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT count(*) FROM inbox_messages").fetchone()[0]
    finally:
        con.close()


def test_an_inbox_import_that_gives_up_says_what_it_kept_and_the_rerun_adds_the_rest(
    cli, acme, tmp_path, tribune_home
):
    """The inbox import commits a batch per transaction of its own: when a later batch gives
    up, "nothing was written" would be false."""
    path, url = acme
    rows = 20_000  # 40 batches: the import is still under way when the other writer comes in
    src = tmp_path / "messages.csv"
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n")
        for i in range(rows):
            fh.write(f"facebook,m{i},comment,A{i},a{i},hello {i},2026-01-01T00:00:00+01:00,,\n")
    args = ["inbox", "import", "Acme", str(src)]
    importer = forked.popen(
        [tribune_exe(), "--db", url, *args],
        env=_env(tribune_home, TRIBUNE_BUSY_TIMEOUT="3"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    holder = None
    try:
        deadline = time.monotonic() + 120
        while not _messages(path) and time.monotonic() < deadline:  # its first batch is in
            time.sleep(0.05)
        holder = _hold_sqlite_fairly(path)
        assert holder.stdout.readline().strip() == "held"
        _out, err = importer.communicate(timeout=120)
        kept = _messages(path)
    finally:
        for proc in (importer, holder):
            if proc is not None and proc.poll() is None:
                proc.communicate("go\n", timeout=15) if proc is holder else proc.kill()
    assert importer.returncode == 1, err
    assert err.splitlines()[-1] == f"tribune: {KEPT}", err
    assert "nothing was written" not in err
    assert 0 < kept < rows, kept
    again = cli(*args, db_url=url)
    assert again.returncode == 0, again.stderr
    assert f"{rows - kept} added, {kept} duplicates" in again.stdout, again.stdout
    assert _messages(path) == rows

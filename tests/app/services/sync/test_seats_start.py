"""Four seats starting together come up, whatever revision the database is at: one
migrates (advisory lock on PostgreSQL, a file lock on SQLite), the others wait and find
nothing left to do. Real processes running ``tribune client list``."""

from __future__ import annotations

import os
import subprocess
import uuid

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import SCHEMA_HEAD, Database
from tests.conftest import tribune_exe
from tests.harness import popen as forked

BEHIND = "0012_moderation_push"


def _start_four(url: str, home) -> list[subprocess.CompletedProcess]:
    env = dict(os.environ, TRIBUNE_HOME=str(home))
    procs = [
        forked.popen(
            [tribune_exe(), "--db", url, "client", "list", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    return [(p, *p.communicate(timeout=120)) for p in procs]


def _upgrade_to(url: str, revision: str) -> None:
    db = Database(url)
    cfg = db._alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    db.dispose()


def _revisions(url: str) -> set[str]:
    db = Database(url)
    try:
        return db.current_revisions()
    finally:
        db.dispose()


@pytest.fixture
def pg_empty_url(pg_database_url):
    """A brand-new, empty database on the test server."""
    name = f"tribune_seats_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_database_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("start", ["empty", "one revision behind"])
def test_four_seats_starting_together_on_postgresql_all_come_up(pg_empty_url, tribune_home, start):
    if start != "empty":
        _upgrade_to(pg_empty_url, BEHIND)
        assert _revisions(pg_empty_url) == {BEHIND}
    results = _start_four(pg_empty_url, tribune_home)
    for proc, _out, err in results:
        assert proc.returncode == 0, err
        assert "duplicate key" not in err
    assert _revisions(pg_empty_url) == {SCHEMA_HEAD}


@pytest.mark.parametrize("start", ["empty", "one revision behind"])
def test_four_seats_starting_together_on_one_sqlite_file_all_come_up(tmp_path, tribune_home, start):
    url = f"sqlite:///{tmp_path / 'agency.sqlite3'}"
    if start != "empty":
        _upgrade_to(url, BEHIND)
    results = _start_four(url, tribune_home)
    for proc, _out, err in results:
        assert proc.returncode == 0, err
    assert _revisions(url) == {SCHEMA_HEAD}

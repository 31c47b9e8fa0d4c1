"""``tribune db move --to URL``: an agency moves SQLite → PostgreSQL → SQLite with every row,
checked table by table, and never into a database that already holds data (issue #11)."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import Database
from app.services.database.move import _tables, table_digest
from tests.conftest import PG_URL, _require_pg


@pytest.fixture
def fresh_pg_url():
    """A brand-new, empty database on the test cluster (not migrated)."""
    _require_pg()
    name = f"tribune_move_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def digests(url: str) -> dict[str, tuple[int, str]]:
    db = Database(url)
    try:
        with db.read() as s:
            return {t.name: table_digest(s, t) for t in _tables()}
    finally:
        db.dispose()


@pytest.mark.postgres
def test_sqlite_to_postgresql_and_back_keeps_everything(cli, tmp_path, fresh_pg_url):
    src = f"sqlite:///{tmp_path}/agence.sqlite3"
    assert cli("demo", db_url=src).returncode == 0
    names = [c["name"] for c in json.loads(cli("client", "list", "--json", db_url=src).stdout)]
    before = digests(src)
    assert sum(n for n, _ in before.values()) > 1000  # a real agency, not a toy

    out = cli("db", "move", "--to", fresh_pg_url, "--json", db_url=src)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["tables"] == {k: n for k, (n, _) in before.items()}
    assert digests(fresh_pg_url) == before
    moved = [
        c["name"] for c in json.loads(cli("client", "list", "--json", db_url=fresh_pg_url).stdout)
    ]
    assert moved == names
    assert cli("client", "add", "Nouveau client", db_url=fresh_pg_url).returncode == 0  # sequences

    back = f"sqlite:///{tmp_path}/retour.sqlite3"
    out = cli("db", "move", "--to", back, db_url=fresh_pg_url)
    assert out.returncode == 0, out.stderr
    assert "checked" in out.stdout
    after = digests(back)
    assert after["clients"][0] == before["clients"][0] + 1
    assert {k: v for k, v in after.items() if k not in ("clients", "audit_events")} == {
        k: v for k, v in before.items() if k not in ("clients", "audit_events")
    }


def test_a_target_holding_data_is_refused_in_one_line(cli, tmp_path):
    src = f"sqlite:///{tmp_path}/a.sqlite3"
    dst = f"sqlite:///{tmp_path}/b.sqlite3"
    assert cli("client", "add", "Source", db_url=src).returncode == 0
    assert cli("client", "add", "Déjà là", db_url=dst).returncode == 0
    before = digests(dst)
    out = cli("db", "move", "--to", dst, db_url=src)
    assert out.returncode == 1 and out.stderr.count("\n") == 1, out.stderr
    assert "already holds data" in out.stderr
    assert digests(dst) == before
    same = cli("db", "move", "--to", src, db_url=src)
    assert same.returncode == 1 and "current database" in same.stderr


@pytest.mark.postgres
def test_a_postgresql_target_holding_data_is_refused(cli, tmp_path, pg_db):
    from app.services.clients import workspaces as clients

    with pg_db.session() as s:
        clients.create_client(s, "Agence en place")
    src = f"sqlite:///{tmp_path}/a.sqlite3"
    assert cli("client", "add", "Source", db_url=src).returncode == 0
    target = pg_db.engine.url.render_as_string(hide_password=False)
    out = cli("db", "move", "--to", target, db_url=src)
    assert out.returncode == 1 and "already holds data" in out.stderr
    listed = json.loads(cli("client", "list", "--json", db_url=target).stdout)
    assert [c["name"] for c in listed] == ["Agence en place"]

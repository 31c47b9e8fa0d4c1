"""What ``tribune client list`` loads: only what the command needs (issue #18's start-up).

Each test runs the installed command in a fresh process with ``-X importtime`` (through
``PYTHONPROFILEIMPORTTIME``) and reads, from its stderr, which modules it imported and in
which order. A heavy import creeping back into the command's path fails here before it shows
in ``benchmarks/cli.py``.
"""

from __future__ import annotations

import json
import re

import pytest

from app.models import Base, import_all
from tests.conftest import db_url_of

# Never needed to list clients: the migrations at head, the keyring, the network, the widgets,
# the other features' tables, the PDF and chart code.
NOT_NEEDED = (
    "alembic",
    "keyring",
    "httpx",
    "PySide6.QtWidgets",
    "app.models.inbox",
    "app.models.posts",
    "app.models.listening",
    "app.models.metrics",
    "app.models.sync",
    "app.models.charter",
    "app.services.inbox",
    "app.services.calendar",
    "app.documents",
    "app.charts",
)
_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|( *)(\S+)$")


def _imported(stderr: str) -> list[str]:
    """Modules in the order their import finished (a package after the modules it pulls)."""
    return [m.group(2) for line in stderr.splitlines() if (m := _LINE.match(line))]


def _run(cli, *args: str, db_url: str | None = None):
    out = cli(*args, db_url=db_url, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert out.returncode == 0, out.stderr[-2000:]
    return out, _imported(out.stderr)


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_client_list_imports_only_what_it_needs(cli, request, engine):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    url = db_url_of(db)
    assert cli("client", "add", "Aquarelle & Pétales", db_url=url).returncode == 0
    out, modules = _run(cli, "client", "list", "--json", db_url=url)
    assert [c["name"] for c in json.loads(out.stdout)] == ["Aquarelle & Pétales"]
    loaded = set(modules)
    assert {"app.models.client", "app.services.clients.workspace"} <= loaded  # the probe works
    # a shared database's password is in the keyring when the URL has none: needed there
    needless = NOT_NEEDED if engine == "sqlite" else tuple(set(NOT_NEEDED) - {"keyring"})
    heavy = sorted(m for m in loaded if m.startswith(needless))
    assert heavy == []
    # SQLAlchemy before Qt: PySide's import hook would read every later module's source
    assert modules.index("sqlalchemy.orm") < modules.index("PySide6.QtCore")


def test_version_loads_neither_qt_nor_sqlalchemy(cli):
    out, modules = _run(cli, "--version")
    assert out.stdout.startswith("tribune ")
    assert [m for m in modules if m.startswith(("PySide6", "sqlalchemy", "app.models"))] == []


def test_import_all_registers_every_table_of_the_schema(sqlite_db):
    """The models are imported per feature; whoever needs every table calls import_all()
    (the backup, a move between databases): it must know all the migrated tables."""
    from sqlalchemy import inspect

    import_all()
    migrated = set(inspect(sqlite_db.engine).get_table_names()) - {"alembic_version"}
    migrated = {t for t in migrated if not t.startswith(("inbox_fts", "listening_fts"))}
    assert migrated <= set(Base.metadata.tables)


def test_backup_in_a_fresh_process_holds_every_feature_table(cli, sqlite_db, tmp_path):
    """A command that loads no feature's models itself still backs up every table."""
    import zipfile

    url = db_url_of(sqlite_db)
    assert cli("client", "add", "Hôtel Les Embruns", db_url=url).returncode == 0
    target = tmp_path / "copy.zip"
    out = cli("backup", "--out", str(target), db_url=url)
    assert out.returncode == 0, out.stderr
    with zipfile.ZipFile(target) as archive:
        names = " ".join(archive.namelist())
    for table in ("clients", "inbox_messages", "posts", "listening_items", "charter_versions"):
        assert table in names

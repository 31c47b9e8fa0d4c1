"""`tribune calendar import` of other tools' CSV and `tribune calendar export --csv`, through
the installed command: a mapping given once is saved and reused by the next run (another
process), the export re-imports into the same posts, refusals are one line and exit 1."""

from __future__ import annotations

import json
import shutil

from app.services.clients import workspaces as clients
from tests.conftest import REPO, db_url_of

EXPORTS = REPO / "tests" / "data" / "exports"


def test_mapping_saved_then_reused_and_the_export_round_trip(cli, sqlite_db, tmp_path):
    with sqlite_db.session() as s:
        clients.create_client(s, "Aquarelle & Pétales")
    url = db_url_of(sqlite_db)
    src = tmp_path / "autre.csv"
    shutil.copy(EXPORTS / "other_tool_fr.csv", src)

    run = cli("calendar", "import", "aquarelle-petales", str(src), db_url=url)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert "Columns found: Jour, Heure, Réseau, Message, Rubrique" in run.stderr

    mapping = "date=Jour,time=Heure,network=Réseau,text=Message,category=Rubrique"
    run = cli("calendar", "import", "aquarelle-petales", str(src), "--map", mapping, db_url=url)
    assert run.returncode == 0, run.stderr
    assert "Read as: column mapping" in run.stdout and "2 added" in run.stdout

    run = cli("calendar", "import", "aquarelle-petales", str(src), "--json", db_url=url)
    assert run.returncode == 0, run.stderr  # a new process: the mapping came from the database
    out = json.loads(run.stdout)
    assert (out["added"], out["duplicates"]) == (0, 2) and "saved" in out["notes"][0]

    buffer = tmp_path / "buffer.csv"
    shutil.copy(EXPORTS / "buffer_bulk.csv", buffer)
    run = cli("calendar", "import", "aquarelle-petales", str(buffer), db_url=url)
    assert run.returncode == 1 and "--networks" in run.stderr
    run = cli(
        "calendar", "import", "aquarelle-petales", str(buffer), "--networks", "linkedin",
        db_url=url,
    )  # fmt: skip
    assert run.returncode == 0 and "2 added" in run.stdout, run.stderr

    export = tmp_path / "posts.csv"
    run = cli("calendar", "export", "aquarelle-petales", "--csv", str(export), db_url=url)
    assert run.returncode == 0, run.stderr
    assert "4 rows" in run.stdout
    run = cli("calendar", "import", "aquarelle-petales", str(export), db_url=url)
    assert run.returncode == 0 and "0 added, 4 already there" in run.stdout, run.stdout

    run = cli("calendar", "export", "aquarelle-petales", db_url=url)
    assert run.returncode == 1 and "--csv" in run.stderr and "Traceback" not in run.stderr

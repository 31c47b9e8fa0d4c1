"""`tribune metrics import` on other tools' exports, through the installed command: the
reading is shown (and only shown with --dry-run), a refusal is one line and exit 1."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models.metrics import PostMetricDay
from app.services.clients import workspaces as clients
from tests.conftest import REPO, db_url_of

EXPORTS = REPO / "tests" / "data" / "exports"


def _rows(db):
    with db.read() as s:
        return s.scalar(select(func.count(PostMetricDay.id)))


def test_dry_run_says_how_the_file_reads_then_the_import_does_it(cli, sqlite_db, tmp_path):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Aquarelle & Pétales")
        clients.add_account(s, c.id, "facebook", "AquarelleEtPetales", base_url="https://g.test")
    url = db_url_of(sqlite_db)
    resaved = str(EXPORTS / "meta_business_suite_facebook_posts_excel_fr.csv")
    run = cli("metrics", "import", "aquarelle-petales", resaved, "--dry-run", db_url=url)
    assert run.returncode == 0, run.stderr
    assert "Meta Business Suite (meta-posts)" in run.stdout and "« ; »" in run.stdout
    assert "cp1252" in run.stdout and "month-first" in run.stdout and "03/14/2026" in run.stdout
    assert _rows(sqlite_db) == 0
    run = cli("metrics", "import", "aquarelle-petales", resaved, db_url=url)
    assert run.returncode == 0, run.stderr
    assert "3 rows imported" in run.stdout and _rows(sqlite_db) == 3

    odd = tmp_path / "odd.csv"
    odd.write_text("Jour;Montant\n01/02/2026;3\n", encoding="utf-8")
    run = cli("metrics", "import", "aquarelle-petales", str(odd), db_url=url)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert (
        "Columns found: Jour, Montant" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    )

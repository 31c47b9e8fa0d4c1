"""`tribune report` and `tribune metrics import` through the installed command."""

from __future__ import annotations

import json
import subprocess
import unicodedata

from app.services.clients import workspaces as clients
from tests.conftest import db_url_of


def _client(db):
    with db.session() as s:
        c = clients.create_client(s, "Maison Dupré", language="fr")
        clients.add_account(s, c.id, "facebook", "MaisonDupre", base_url="https://g.example")
    return c


def test_report_written_and_metrics_imported(cli, sqlite_db, tmp_path):
    _client(sqlite_db)
    url = db_url_of(sqlite_db)
    csv_path = tmp_path / "m.csv"
    csv_path.write_text(
        "date,network,handle,followers,impressions,engagements\n"
        "2026-10-01,facebook,MaisonDupre,1000,500,20\n"
        "2026-10-02,facebook,MaisonDupre,1010,abc,21\n",
        encoding="utf-8",
    )
    run = cli("metrics", "import", "maison-dupre", str(csv_path), "--json", db_url=url)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["rows"] == 1 and out["errors"][0]["line"] == 3

    pdf = tmp_path / "report.pdf"
    run = cli("report", "maison-dupre", "--month", "2026-10", "--out", str(pdf), db_url=url)
    assert run.returncode == 0, run.stderr
    assert "report.pdf" in run.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Maison Dupré" in text and "octobre 2026" in text  # the client's language


def test_report_bad_input_is_one_clear_line(cli, sqlite_db, tmp_path):
    _client(sqlite_db)
    url = db_url_of(sqlite_db)
    out = str(tmp_path / "r.pdf")
    for args, expected in (
        (("maison-dupre", "--month", "2026-13"), "expected YYYY-MM"),
        (("nobody", "--month", "2026-10"), "nobody"),
    ):
        run = cli("report", *args, "--out", out, db_url=url)
        assert run.returncode == 1
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0] and "Traceback" not in run.stderr
    run = cli(
        "report",
        "maison-dupre",
        "--month",
        "2026-10",
        "--out",
        str(tmp_path / "missing" / "r.pdf"),
        db_url=url,
    )
    # the report speaks the client's language (French here), errors included
    assert run.returncode == 1 and "Impossible d’écrire le PDF" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.pdf").exists()


def test_demo_agency_report_end_to_end(cli, tmp_path):
    """The demo's bakery: a year of metrics, its charter, calendar and inbox in one PDF."""
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    run = cli("demo", db_url=url)
    assert run.returncode == 0, run.stderr
    import datetime as dt

    last = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    pdf = tmp_path / "dupre.pdf"
    run = cli(
        "report", "maison-dupre", "--month", last, "--out", str(pdf), "--language", "en", db_url=url
    )
    assert run.returncode == 0, run.stderr
    raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    text = unicodedata.normalize("NFKC", raw.stdout)  # "ﬁ" ligatures back to "fi"
    assert "Boulangeries Maison Dupré" in text and "Social & Co" in text
    for heading in (
        "Key figures",
        "Objectives",
        "Charter compliance",
        "Next month",
        "Answers within the charter delays",
        "Planned and actual posting volume",
    ):
        assert heading in text
    assert "Taux d'engagement Facebook" in text  # the signed charter's objective
    assert "Messages received" in text and "No messages for this month." not in text
    assert "Nothing planned in the calendar yet." not in text  # next month's plan is there

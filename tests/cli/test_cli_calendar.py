"""``tribune calendar import|export|check`` through the installed command."""

from __future__ import annotations

import json

from tests.conftest import db_url_of


def test_calendar_cli_round_trip_and_check(cli, db, tmp_path):
    url = db_url_of(db)
    assert cli("client", "add", "Aquarelle", db_url=url).returncode == 0
    csv_file = tmp_path / "posts.csv"
    csv_file.write_text(
        "date,time,networks,text,category\n"
        "2026-02-12,10:00,facebook|x,Saint-Valentin : commandez avant jeudi 💐,promo\n"
        "2026-02-30,10:00,facebook,date impossible,\n",
        encoding="utf-8",
    )
    r = cli("calendar", "import", "Aquarelle", str(csv_file), db_url=url)
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stdout and "line 3" in r.stdout and "2026-02-30" in r.stdout
    out = tmp_path / "cal.ics"
    r = cli("calendar", "export", "aquarelle", "--out", str(out), db_url=url)
    assert r.returncode == 0 and out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    r = cli("calendar", "import", "Aquarelle", str(out), "--json", db_url=url)
    assert r.returncode == 0 and json.loads(r.stdout)["duplicates"] == 1
    r = cli(
        "calendar",
        "check",
        "Aquarelle",
        "--from",
        "2026-02-01",
        "--to",
        "2026-02-28",
        "--json",
        db_url=url,
    )
    assert r.returncode == 0, r.stderr
    findings = json.loads(r.stdout)["findings"]
    assert any(f["code"] == "key_date" and f["severity"] == "hint" for f in findings)


def test_calendar_cli_errors_are_one_line(cli, sqlite_db, tmp_path):
    url = db_url_of(sqlite_db)
    r = cli("calendar", "check", "Inconnu", db_url=url)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    cli("client", "add", "Fleurs", db_url=url)
    r = cli("calendar", "import", "Fleurs", str(tmp_path / "absent.ics"), db_url=url)
    assert r.returncode == 1 and "absent.ics" in r.stderr
    bad = tmp_path / "bad.ics"
    bad.write_text("ceci n'est pas un calendrier")
    r = cli("calendar", "import", "Fleurs", str(bad), db_url=url)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    r = cli("calendar", "check", "Fleurs", "--from", "demain", db_url=url)
    assert r.returncode == 1 and "demain" in r.stderr

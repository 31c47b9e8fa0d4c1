"""``tribune calendar import|export|check`` through the installed command."""

from __future__ import annotations

import datetime as dt
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


def test_calendar_check_hints_a_post_far_from_the_best_times(cli, db):
    from zoneinfo import ZoneInfo

    from app.models.metrics import PostMetricDay
    from app.services.calendar import posts
    from app.services.charter import versions as charter
    from app.services.clients import workspaces as clients

    paris = ZoneInfo("Europe/Paris")
    today = dt.date.today()
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle", timezone="Europe/Paris").id
        doc = charter.ensure_charter(s, cid)
        row = {"network": "facebook", "handle": "aq", "best_hours": "09:00-11:00"}
        charter.save_section(s, cid, doc.section("networks").id, data={"rows": [row]})
        for week in range(1, 6):  # Tuesdays 18:00 are the best time to post
            day = today - dt.timedelta(days=today.weekday() + 7 * week - 1)
            s.add(
                PostMetricDay(
                    client_id=cid,
                    network="facebook",
                    external_post_id=f"fb-{day}",
                    day=day,
                    published_at=dt.datetime.combine(day, dt.time(18), tzinfo=paris),
                    reactions=40,
                )
            )
        late = today + dt.timedelta(days=3)
        posts.create_post(
            s,
            cid,
            planned_at=dt.datetime.combine(late, dt.time(23), tzinfo=paris),
            title="Minuit moins le quart",
            status="approved",
            variants=[posts.VariantInput("facebook", "Bonsoir")],
        )
    r = cli("calendar", "check", "Aquarelle", "--json", db_url=db_url_of(db))
    assert r.returncode == 0, r.stderr
    hints = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "far_from_best"]
    assert len(hints) == 1 and hints[0]["severity"] == "hint"
    assert "Minuit" in hints[0]["message"] and "18:00" in hints[0]["message"]
    r = cli("calendar", "check", "Aquarelle", db_url=db_url_of(db))
    # a French client: its findings in French whatever the shell's language
    assert any(line.startswith("suggestion: ") for line in r.stdout.splitlines()), r.stdout


def test_calendar_check_speaks_the_clients_language(cli, sqlite_db):
    """Findings in the client's language with readable dates, whatever the shell's language
    (the key dates of December 2026, with nothing planned: no dependence on today)."""
    from app.services.clients import workspaces as clients

    with sqlite_db.session() as s:
        clients.create_client(s, "Fleurs", language="fr")
        clients.create_client(s, "Flowers", language="en")
    url = db_url_of(sqlite_db)
    period = ("--from", "2026-12-01", "--to", "2026-12-31")
    for shell in ("en", "fr"):
        env = {"TRIBUNE_LANG": shell}
        fr = cli("calendar", "check", "Fleurs", *period, db_url=url, env=env)
        en = cli("calendar", "check", "Flowers", *period, db_url=url, env=env)
        assert fr.returncode == 0 and en.returncode == 0, fr.stderr + en.stderr
        assert (
            "suggestion: Réveillon de Noël le jeu. 24 déc. 2026\u00a0: rien de prévu autour."
            in fr.stdout.splitlines()
        ), fr.stdout
        assert (
            "hint: Christmas Eve on Thu 24 Dec 2026: nothing planned around it."
            in en.stdout.splitlines()
        ), en.stdout
        assert "2026-12" not in fr.stdout + en.stdout  # no ISO date in a finding

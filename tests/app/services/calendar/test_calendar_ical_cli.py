"""`tribune calendar import` on a foreign calendar: the report says how the file was read."""

from __future__ import annotations

import datetime as dt
import json

from app.services.calendar import posts
from app.services.calendar.query import posts_between
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of

ALL = (dt.datetime(1900, 1, 1, tzinfo=dt.UTC), dt.datetime(2200, 1, 1, tzinfo=dt.UTC))

# Outlook, Windows-1252, a display-name zone, a weekly series starting in 2090 (its horizon
# starts at its own first occurrence, so the test does not depend on today), one occurrence
# moved and listed first, one cancelled, and an event without start.
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//FR\r\n"
    "BEGIN:VEVENT\r\nUID:serie@ex\r\nDTSTAMP:20261201T000000Z\r\n"
    'RECURRENCE-ID;TZID="(UTC-05:00) Eastern Time (US and Canada)":20900116T090000\r\n'
    'DTSTART;TZID="(UTC-05:00) Eastern Time (US and Canada)":20900117T150000\r\n'
    "SUMMARY:Réunion déplacée\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:serie@ex\r\nDTSTAMP:20261201T000000Z\r\n"
    'DTSTART;TZID="(UTC-05:00) Eastern Time (US and Canada)":20900102T090000\r\n'
    "RRULE:FREQ=WEEKLY;COUNT=6\r\nSUMMARY:Réunion hebdo\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:serie@ex\r\nDTSTAMP:20261201T000000Z\r\nSTATUS:CANCELLED\r\n"
    'RECURRENCE-ID;TZID="(UTC-05:00) Eastern Time (US and Canada)":20900130T090000\r\n'
    'DTSTART;TZID="(UTC-05:00) Eastern Time (US and Canada)":20900130T090000\r\n'
    "SUMMARY:Réunion hebdo\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:vide@ex\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Sans date\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
).encode("cp1252")


def test_cli_import_of_an_outlook_series(db, cli, tmp_path):
    with db.session() as s:
        cid = clients.create_client(s, "Acme", timezone="Europe/Paris").id
        clients.add_account(s, cid, "facebook", "Page", base_url="https://graph.example")
    f = tmp_path / "outlook.ics"
    f.write_bytes(CALENDAR)
    url = db_url_of(db)
    out = cli("calendar", "import", "Acme", str(f), db_url=url)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "5 added, 0 already there, 1 refused." in text
    assert "not UTF-8" in text and "cp1252" in text
    assert "(UTC-05:00) Eastern Time (US and Canada) » read as America/New_York" in text
    assert "2090-01-02 to 2091-01-02" in text and "1 cancelled" in text
    assert "event 4, UID vide@ex: the event has no start (DTSTART)" in text
    assert "line 4" not in text
    with db.read() as s:
        got = [posts.get_post(s, cid, c.id) for c in posts_between(s, cid, *ALL)]
    # 09:00 in New York in January is 14:00 UTC; 16 Jan moved to 17 Jan 15:00 (20:00 UTC)
    assert [(p.planned_at, p.title) for p in got] == [
        (dt.datetime(2090, 1, 2, 14, tzinfo=dt.UTC), "Réunion hebdo"),
        (dt.datetime(2090, 1, 9, 14, tzinfo=dt.UTC), "Réunion hebdo"),
        (dt.datetime(2090, 1, 17, 20, tzinfo=dt.UTC), "Réunion déplacée"),
        (dt.datetime(2090, 1, 23, 14, tzinfo=dt.UTC), "Réunion hebdo"),
        (dt.datetime(2090, 2, 6, 14, tzinfo=dt.UTC), "Réunion hebdo"),
    ]
    again = cli("calendar", "import", "Acme", str(f), "--json", db_url=url)
    report = json.loads(again.stdout)
    assert (report["added"], report["duplicates"]) == (0, 5)
    assert report["errors"][0]["line"] == 4 and report["errors"][0]["ref"] == "vide@ex"
    assert any("cp1252" in n for n in report["notes"])


def test_cli_refuses_a_file_of_tasks_in_one_line(sqlite_db, cli, tmp_path):
    with sqlite_db.session() as s:
        clients.create_client(s, "Acme", timezone="Europe/Paris")
    f = tmp_path / "rappels.ics"
    f.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//Reminders//EN\r\n"
        "BEGIN:VTODO\r\nUID:t1\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Rappel\r\nEND:VTODO\r\n"
        "END:VCALENDAR\r\n"
    )
    out = cli("calendar", "import", "Acme", str(f), db_url=db_url_of(sqlite_db))
    assert out.returncode == 1
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "1 task(s) (VTODO)" in out.stderr and "Traceback" not in out.stderr

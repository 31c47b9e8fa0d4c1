"""iCalendar import/export: round trips across DST, gaps, UIDs, bad events, all-day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from app.services.calendar import posts
from app.services.calendar.ical import export_ics, import_ics
from app.services.calendar.posts import VariantInput
from app.services.calendar.query import posts_between
from app.services.clients import workspaces as clients

PARIS = ZoneInfo("Europe/Paris")
ALL = (dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC))


def _client(db, name):
    with db.session() as s:
        return clients.create_client(s, name, timezone="Europe/Paris").id


def _snapshot(db, cid):
    with db.read() as s:
        out = []
        for chip in posts_between(s, cid, *ALL):
            p = posts.get_post(s, cid, chip.id)
            out.append(
                (
                    p.uid,
                    p.planned_at,
                    p.all_day,
                    p.title,
                    p.category,
                    tuple((v.network, v.text, v.link) for v in p.variants),
                )
            )
        return out


def test_round_trip_across_dst_is_idempotent(db):
    cid = _client(db, "Source")
    text = "Ligne 1; virgule, deux-points: \\ antislash\nLigne 2 « guillemets » 🌷 " + "x" * 120
    moments = [
        dt.datetime(2026, 3, 28, 10, 0, tzinfo=PARIS),  # winter time (UTC+1)
        dt.datetime(2026, 3, 29, 10, 0, tzinfo=PARIS),  # summer time (UTC+2), DST day
        dt.datetime(2026, 10, 25, 10, 0, tzinfo=PARIS),  # back to winter time
    ]
    with db.session() as s:
        for i, when in enumerate(moments):
            posts.create_post(
                s,
                cid,
                planned_at=when,
                title=f"Post {i}",
                category="produit",
                variants=[
                    VariantInput("mastodon", text, "https://ex.fr/a"),
                    VariantInput("x", f"court {i}"),
                ],
            )
        posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 5, 31, 0, 0, tzinfo=PARIS),
            all_day=True,
            title="Fête des mères",
            variants=[VariantInput("facebook", "Bonne fête !")],
        )
    with db.read() as s:
        data = export_ics(s, cid)
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Europe/Paris" in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # RFC 5545 folding
    assert b"DTSTART;TZID=Europe/Paris:20260329T100000" in data
    assert b"DTSTART;VALUE=DATE:20260531" in data
    assert b"\\;" in data and b"\\," in data and b"\\n" in data  # escaping
    # A second client imports it: same UTC instants and texts.
    other = _client(db, "Copie")
    with db.session() as s:
        result = import_ics(s, other, data)
    assert (result.added, result.duplicates, result.errors) == (4, 0, ())
    assert _snapshot(db, other) == _snapshot(db, cid)
    utc = [p[1] for p in _snapshot(db, other) if not p[2]]
    assert [t.hour for t in utc] == [9, 8, 9]
    # Importing again, or exporting and re-importing, adds nothing.
    with db.session() as s:
        again = import_ics(s, other, data)
        data2 = export_ics(s, other)
        third = import_ics(s, cid, data2)
    assert (again.added, again.duplicates) == (0, 4)
    assert (third.added, third.duplicates) == (0, 4)


def test_gap_time_and_bad_events_reported_by_uid(db):
    cid = _client(db, "Import")
    with db.session() as s:
        clients.add_account(s, cid, "facebook", "Page", base_url="https://graph.example")
    ics = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Autre//FR\r\n"
        b"BEGIN:VEVENT\r\nUID:gap@ex\r\nDTSTAMP:20260101T000000Z\r\n"
        b"DTSTART;TZID=Europe/Paris:20260329T023000\r\nSUMMARY:Dans le trou\r\n"
        b"DESCRIPTION:Texte\\, avec virgule\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:nostart@ex\r\nDTSTAMP:20260101T000000Z\r\n"
        b"SUMMARY:Sans date\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:baddate@ex\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:2026-13-45\r\n"
        b"SUMMARY:Date folle\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:badnet@ex\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260401T080000Z\r\n"
        b"X-TRIBUNE-VARIANT;NETWORK=myspace:Bonjour\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:floating@ex\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260701T090000\r\n"
        b"SUMMARY:Heure flottante\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    with db.session() as s:
        result = import_ics(s, cid, ics)
    assert result.added == 2
    bad = {e.ref: e.reason for e in result.errors}
    assert set(bad) == {"nostart@ex", "baddate@ex", "badnet@ex"}
    assert "DTSTART" in bad["nostart@ex"] and "myspace" in bad["badnet@ex"]
    with db.read() as s:
        chips = {c.title: c for c in posts_between(s, cid, *ALL)}
        gap = posts.get_post(s, cid, chips["Dans le trou"].id)
    # RFC 5545: 02:30 does not exist that night, read with the offset before the gap (+01:00).
    assert gap.planned_at == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)
    assert gap.variants[0].network == "facebook" and gap.variants[0].text == "Texte, avec virgule"
    assert chips["Heure flottante"].planned_at == dt.datetime(2026, 7, 1, 7, 0, tzinfo=dt.UTC)


def test_export_parses_back_with_icalendar(sqlite_db):
    cid = _client(sqlite_db, "Parse")
    with sqlite_db.session() as s:
        posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 6, 1, 9, tzinfo=PARIS),
            variants=[VariantInput("linkedin", "a" * 400)],
        )
        data = export_ics(s, cid)
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert str(event["X-TRIBUNE-VARIANT"]) == "a" * 400
    assert event.decoded("dtstart") == dt.datetime(2026, 6, 1, 9, tzinfo=PARIS)

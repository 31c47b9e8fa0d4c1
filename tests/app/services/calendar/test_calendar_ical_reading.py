"""How a foreign calendar is read: Windows zones, encodings, tasks, and errors that name events."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import ValidationError
from app.services.calendar import posts
from app.services.calendar.ical import import_ics
from app.services.calendar.ical_zones import resolve_tzid
from app.services.calendar.query import posts_between
from app.services.clients import workspaces as clients

ALL = (dt.datetime(1900, 1, 1, tzinfo=dt.UTC), dt.datetime(2200, 1, 1, tzinfo=dt.UTC))
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def _client(db, name="Agence"):
    with db.session() as s:
        cid = clients.create_client(s, name, timezone="Europe/Paris").id
        clients.add_account(s, cid, "facebook", "Page", base_url="https://graph.example")
        return cid


def _cal(*events: str, prodid="-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN") -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{e}END:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{prodid}\r\n{body}END:VCALENDAR\r\n"


def _ev(uid: str, start: str, summary: str = "Réunion") -> str:
    return f"UID:{uid}\r\nDTSTAMP:20261201T000000Z\r\n{start}\r\nSUMMARY:{summary}\r\n"


def _by_title(db, cid):
    with db.read() as s:
        return {c.title: posts.get_post(s, cid, c.id) for c in posts_between(s, cid, *ALL)}


def test_outlook_display_names_and_windows_ids_without_vtimezone(db):
    cid = _client(db)
    data = _cal(
        _ev(
            "owa@ex",
            'DTSTART;TZID="(UTC-05:00) Eastern Time (US and Canada)":20270115T090000',
            "NY",
        ),
        _ev(
            "owa2@ex",
            'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":'
            "20270715T090000",
            "Berlin",
        ),
        _ev("exch@ex", "DTSTART;TZID=W. Europe Standard Time:20270115T090000", "Exchange"),
        _ev("tokyo@ex", 'DTSTART;TZID="(UTC+09:00) Osaka, Sapporo, Tokyo":20270115T090000', "JP"),
        _ev(
            "wrong@ex",
            'DTSTART;TZID="(UTC+05:00) Eastern Time (US and Canada)":20270115T090000',
            "Faux",
        ),
        _ev("mars@ex", "DTSTART;TZID=Olympus Mons Standard Time:20270115T090000", "Mars"),
    ).encode()
    with db.session() as s:
        result = import_ics(s, cid, data, now=NOW)
    got = _by_title(db, cid)
    assert result.added == 4
    # 09:00 in New York in January is 14:00 UTC — not 09:00 Paris (08:00 UTC)
    assert got["NY"].planned_at == dt.datetime(2027, 1, 15, 14, 0, tzinfo=dt.UTC)
    assert got["Berlin"].planned_at == dt.datetime(2027, 7, 15, 7, 0, tzinfo=dt.UTC)
    assert got["Exchange"].planned_at == dt.datetime(2027, 1, 15, 8, 0, tzinfo=dt.UTC)
    assert got["JP"].planned_at == dt.datetime(2027, 1, 15, 0, 0, tzinfo=dt.UTC)
    bad = {e.ref: e.reason for e in result.errors}
    assert set(bad) == {"wrong@ex", "mars@ex"}
    assert "(UTC+05:00) Eastern Time" in bad["wrong@ex"] and "unknown time zone" in bad["wrong@ex"]
    assert "Olympus Mons Standard Time" in bad["mars@ex"]
    assert any("America/New_York" in n and "Eastern Time" in n for n in result.notes)


@pytest.mark.parametrize(
    ("tzid", "iana"),
    [
        ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
        ("(UTC-08:00) Pacific Time (US & Canada)", "America/Los_Angeles"),
        ("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", "Europe/Brussels"),
        ("(UTC) Dublin, Edinburgh, Lisbon, London", "Europe/Dublin"),
        ("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Europe/Paris", "Europe/Paris"),
        ("(UTC+01:00) Eastern Time (US & Canada)", None),
        ("(UTC+02:00) Atlantis", None),
        ("Customized Time Zone", None),
    ],
)
def test_resolve_tzid(tzid, iana):
    assert resolve_tzid(tzid) == iana


def test_latin1_file_is_read_and_said(db):
    cid = _client(db)
    text = _cal(_ev("l1@ex", "DTSTART:20270105T100000Z", "Réunion d'équipe à Genève – café"))
    with db.session() as s:
        result = import_ics(s, cid, text.encode("cp1252"), now=NOW)
    assert result.added == 1
    assert set(_by_title(db, cid)) == {"Réunion d'équipe à Genève – café"}
    assert any("not UTF-8" in n and "cp1252" in n for n in result.notes), result.notes


def test_broken_utf8_lines_are_mended_and_named(db):
    cid = _client(db)
    good = _ev("u8@ex", "DTSTART:20270105T100000Z", "Fête 🌷").encode()
    bad = _ev("l1@ex", "DTSTART:20270106T100000Z", "Crème brûlée").encode("cp1252")
    data = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" + good
    data += b"END:VEVENT\r\nBEGIN:VEVENT\r\n" + bad + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    with db.session() as s:
        result = import_ics(s, cid, data, now=NOW)
    assert set(_by_title(db, cid)) == {"Fête 🌷", "Crème brûlée"}
    assert any("not valid UTF-8" in n and "12" in n for n in result.notes), result.notes
    assert not any("\ufffd" in t for t in _by_title(db, cid))


def test_utf16_with_bom(sqlite_db):
    cid = _client(sqlite_db)
    text = _cal(_ev("u16@ex", "DTSTART:20270105T100000Z", "Année ✓"))
    with sqlite_db.session() as s:
        result = import_ics(
            s, cid, "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"), now=NOW
        )
    assert result.added == 1 and set(_by_title(sqlite_db, cid)) == {"Année ✓"}
    assert any("utf-16" in n.lower() for n in result.notes)


def test_tasks_are_named_not_zero_added(db):
    cid = _client(db)
    todo = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//Reminders//EN\r\n"
        "BEGIN:VTODO\r\nUID:t1\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Rappel\r\nEND:VTODO\r\n"
        "BEGIN:VTODO\r\nUID:t2\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Autre\r\nEND:VTODO\r\n"
        "END:VCALENDAR\r\n"
    )
    with db.session() as s, pytest.raises(ValidationError) as err:
        import_ics(s, cid, todo.encode(), now=NOW)
    assert "2 task(s) (VTODO)" in err.value.message and "not events" in err.value.message
    mixed = todo.replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\n" + _ev("e1", "DTSTART:20270105T100000Z") + "END:VEVENT\r\nEND:VCALENDAR",
    )
    with db.session() as s:
        result = import_ics(s, cid, mixed.encode(), now=NOW)
    assert result.added == 1 and any("2 task(s)" in n and "ignored" in n for n in result.notes)


def test_errors_name_the_event_by_position_and_uid(db):
    cid = _client(db)
    data = _cal(
        _ev("ok1@google.com", "DTSTART:20270105T100000Z"),
        _ev("ok2@google.com", "DTSTART:20270106T100000Z"),
        "UID:abc@google.com\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:sans début\r\n",
        prodid="-//Google Inc//Google Calendar 70.9054//EN",
    ).encode()
    with db.session() as s:
        result = import_ics(s, cid, data, now=NOW)
    (err,) = result.errors
    assert (err.line, err.ref) == (3, "abc@google.com")
    assert err.reason.startswith("event 3, UID abc@google.com: ") and "DTSTART" in err.reason


def test_event_without_uid_gets_a_stable_one(db):
    cid = _client(db)
    data = _cal("DTSTAMP:20261201T000000Z\r\nDTSTART:20270105T100000Z\r\nSUMMARY:Sans UID\r\n")
    with db.session() as s:
        first = import_ics(s, cid, data.encode(), now=NOW)
        second = import_ics(s, cid, data.encode(), now=NOW)
    assert (first.added, second.added, second.duplicates) == (1, 0, 1)


def test_unknown_zone_in_a_series_is_one_refusal(db):
    cid = _client(db)
    data = _cal(
        _ev("mars@ex", "DTSTART;TZID=Mars/Olympus:20270105T090000\r\nRRULE:FREQ=DAILY;COUNT=5")
    )
    with db.session() as s:
        result = import_ics(s, cid, data.encode(), now=NOW)
    (err,) = result.errors
    assert result.added == 0 and err.ref == "mars@ex" and "Mars/Olympus" in err.reason

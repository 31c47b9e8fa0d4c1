"""Recurring events from other producers: every occurrence a post, moved and cancelled honoured."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.services.calendar import posts
from app.services.calendar.ical import import_ics
from app.services.calendar.query import posts_between
from app.services.clients import workspaces as clients
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "calendars"
ALL = (dt.datetime(1900, 1, 1, tzinfo=dt.UTC), dt.datetime(2200, 1, 1, tzinfo=dt.UTC))
BERLIN = ZoneInfo("Europe/Berlin")
ZURICH = ZoneInfo("Europe/Zurich")


def _client(db, name="Agence"):
    with db.session() as s:
        cid = clients.create_client(s, name, timezone="Europe/Paris").id
        clients.add_account(s, cid, "facebook", "Page", base_url="https://graph.example")
        return cid


def _import(db, cid, data, now):
    with db.session() as s:
        return import_ics(s, cid, data, now=now)


def _posts(db, cid):
    with db.read() as s:
        return [posts.get_post(s, cid, c.id) for c in posts_between(s, cid, *ALL)]


def test_weekday_standup_is_every_occurrence_over_twelve_months(db):
    """Google's 'Daily Sync' (weekdays, no end) from 2016: 12 months from today, not one post."""
    cid = _client(db)
    data = (DATA / "x_location.ics").read_bytes()
    now = dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC)  # a Monday
    result = _import(db, cid, data, now)
    got = _posts(db, cid)
    # weekdays from 2026-12-07 (inclusive) to 2027-12-07 (exclusive)
    days = [dt.date(2026, 12, 7) + dt.timedelta(d) for d in range(365)]
    weekdays = [d for d in days if d.weekday() < 5]
    assert result.added == len(weekdays) == 261 and result.errors == ()
    assert [p.planned_at for p in got] == [
        dt.datetime.combine(d, dt.time(14, 0), tzinfo=ZURICH).astimezone(dt.UTC) for d in weekdays
    ]
    assert {p.title for p in got} == {"Daily Sync"}
    assert any("2026-12-07" in n and "2027-12-07" in n for n in result.notes), result.notes
    # the same series again: every occurrence is found by its UID/RECURRENCE-ID key
    again = _import(db, cid, data, now)
    assert (again.added, again.duplicates) == (0, 261)
    # a day later the horizon moves by one weekday: only that one is new
    later = _import(db, cid, data, now + dt.timedelta(days=1))
    assert (later.added, later.duplicates) == (1, 260)


def test_moved_occurrence_listed_first_does_not_replace_the_series(db):
    """Google lists the moved 31 December karaoke before its monthly series."""
    cid = _client(db)
    data = (DATA / "issue_62_moved_event.ics").read_bytes()
    assert data.index(b"RECURRENCE-ID") < data.index(b"RRULE:FREQ=MONTHLY")
    result = _import(db, cid, data, dt.datetime(2021, 11, 1, tzinfo=dt.UTC))
    starts = [p.planned_at.astimezone(BERLIN) for p in _posts(db, cid)]
    assert result.added == 13 and result.errors == ()
    moved = dt.datetime(2021, 12, 17, 21, 30, tzinfo=BERLIN)
    assert moved in starts
    assert dt.datetime(2021, 12, 31, 21, 30, tzinfo=BERLIN) not in starts  # it was moved
    # every other one is the last Friday of its month at 21:30 Berlin time
    others = [s for s in starts if s != moved]
    assert len(others) == 12
    for s in others:
        assert s.weekday() == 4 and (s + dt.timedelta(days=7)).month != s.month
        assert (s.hour, s.minute) == (21, 30)
    again = _import(db, cid, data, dt.datetime(2021, 11, 1, tzinfo=dt.UTC))
    assert (again.added, again.duplicates) == (0, 13)


def test_exdate_and_cancelled_occurrences_are_left_out(db):
    cid = _client(db)
    # SabreDAV: 8 weekly occurrences, the second removed by EXDATE
    weekly = _import(
        db,
        cid,
        (DATA / "each_week_but_one_deleted.ics").read_bytes(),
        dt.datetime(2019, 1, 1, tzinfo=dt.UTC),
    )
    starts = [p.planned_at for p in _posts(db, cid)]
    assert weekly.added == 7
    assert dt.datetime(2019, 3, 10, 23, 30, tzinfo=dt.UTC) not in starts
    assert dt.datetime(2019, 3, 3, 23, 30, tzinfo=dt.UTC) in starts
    # Thunderbird: daily ×3, the middle one STATUS:CANCELLED
    other = _client(db, "Autre")
    cancelled = _import(
        db,
        other,
        (DATA / "issue_18_cancel_status.ics").read_bytes(),
        dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    assert cancelled.added == 2
    assert [p.planned_at.astimezone(BERLIN).day for p in _posts(db, other)] == [28, 30]
    assert any("1 cancelled" in n for n in cancelled.notes), cancelled.notes


def test_google_birthday_with_a_broken_rdate_is_kept(db):
    """A 29 February birthday whose RDATE names a day that does not exist."""
    cid = _client(db)
    data = (
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
        "VERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:19960229\r\n"
        "DTEND;VALUE=DATE:19960301\r\nRRULE:FREQ=YEARLY\r\nRDATE;VALUE=DATE:20270229\r\n"
        "DTSTAMP:20261201T000000Z\r\nUID:BIRTHDAY_1a2b3c@google.com\r\n"
        "SUMMARY:Anniversaire de Léa\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    result = _import(db, cid, data, dt.datetime(2027, 6, 1, tzinfo=dt.UTC))
    (post,) = _posts(db, cid)
    assert result.added == 1 and result.errors == ()
    assert post.all_day and post.title == "Anniversaire de Léa"
    assert post.planned_at.astimezone(ZoneInfo("Europe/Paris")).date() == dt.date(2028, 2, 29)
    assert any("RDATE" in n and "20270229" in n and "ignored" in n for n in result.notes)


def test_series_entirely_in_the_past_says_so(db):
    """Exchange (CDO) daily series that ended in 2015, and its 'BYDAY=MO, TU' spacing."""
    cid = _client(db)
    data = (DATA / "issue_165_missing_event.ics").read_bytes()
    assert b"BYDAY=MO, TU" in data
    result = _import(db, cid, data, dt.datetime(2026, 12, 5, tzinfo=dt.UTC))
    assert result.added == 0 and result.errors == ()
    assert any("no occurrence from 2026-12-05 to 2027-12-05" in n for n in result.notes)
    # from the series' own time the weekdays are all there, spaces or not
    fresh = _client(db, "Avant")
    past = _import(db, fresh, data, dt.datetime(2015, 7, 1, tzinfo=dt.UTC))
    got = _posts(db, fresh)
    assert past.added == len(got) > 0 and all(p.planned_at.weekday() < 5 for p in got)

"""Real calendars from Google, Exchange, Thunderbird, SabreDAV/Nextcloud, Evolution, khal…

Each file (tests/data/calendars, sources in its README) is imported or refused with a clear
reason, and the instants Tribune stores are checked against the icalendar library's own
reading of the same file: every single event, every moved occurrence and every series start
inside the horizon must be a post at exactly that UTC instant.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from app.errors import ValidationError
from app.services.calendar import posts
from app.services.calendar.ical import import_ics
from app.services.calendar.ical_recurrence import add_months
from app.services.calendar.query import posts_between
from app.services.clients import workspaces as clients
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "calendars"
PARIS = ZoneInfo("Europe/Paris")
ALL = (dt.datetime(1900, 1, 1, tzinfo=dt.UTC), dt.datetime(2200, 1, 1, tzinfo=dt.UTC))
NOW = dt.datetime(2019, 1, 1, tzinfo=dt.UTC)

# file: (producer, posts expected with "today" = NOW, or the refusal's words)
CORPUS = {
    "alarm_google_future.ics": ("Google", 1),
    "issue_44_double_event.ics": ("Google", 1),
    "x_wr_timezone_simple_events_issue_59.ics": ("Google", 2),
    "issue_48_daylight_aware_repeats.ics": ("Google", 53),
    "issue_62_moved_event.ics": ("Google", 13),
    "issue_62_moved_event_2.ics": ("Google", 6),
    "issue_151_macos_linux_difference.ics": ("Google", 1),
    "x_location.ics": ("Google", 261),
    "issue_27_t1.ics": ("Exchange 2010", 2),
    "issue_28_rrule_with_UTC_endinginZ.ics": ("Exchange 2010", 24),
    "timezone_same_start.ics": ("Exchange 2010", 1),
    "issue_836_do_not_quote_tzid.ics": ("Exchange 2010", 1),
    "issue_165_missing_event.ics": ("Exchange CDO", 0),
    "issue_107_omitting_last_event.ics": ("Thunderbird", 23),
    "event_10_times.ics": ("Thunderbird", 10),
    "issue_18_cancel_status.ics": ("Thunderbird", 2),
    "recurring_events_moved.ics": ("Thunderbird", 7),
    "each_week_but_one_deleted.ics": ("SabreDAV", 7),
    "three_events_one_edited.ics": ("SabreDAV", 3),
    "recurrence_sequence_number.ics": ("Evolution", 53),
    "issue_321_assert_dst_offset_is_not_false.ics": ("khal", 1),
    "rdate.ics": ("recurring-ical-events", 1),
    "issue_1081_empty_rdate.ics": ("icalendar", 1),
    "empty_RDATE.ics": ("iCal4j", "holds no event (VEVENT)"),
    "issue_97_simple_todo.ics": ("CalDAV client", "1 task(s) (VTODO)"),
    "todos_example.ics": ("icalendar", "1 task(s) (VTODO)"),
    "Germany_Holidays.ics": ("Calendar Labs", 34),
    "discourse_no_dtend.ics": ("icalendar-ruby (Discourse)", 4),
    "fablab_cottbus.ics": ("kigkonsult iCalcreator", 39),
    "issue_20_exdate_ignored.ics": ("DAVx5 / ical4j", 7),
    "issue_61_time_zone_error.ics": ("Atlassian Confluence", 1),
    "duplicated_rrule.ics": ("Cyrus IMAP", 20),
}


def test_every_file_is_listed_with_its_source():
    files = {p.name for p in DATA.glob("*.ics")}
    assert files == set(CORPUS)
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in files)
    producers = {p for p, _ in CORPUS.values()}
    assert (
        len([f for f, (p, _) in CORPUS.items() if p not in {"icalendar", "recurring-ical-events"}])
        >= 15
    )
    assert {"Google", "Exchange 2010", "Thunderbird", "SabreDAV"} <= producers


def _utc(value, zone) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=zone).astimezone(dt.UTC)
    return value.astimezone(dt.UTC)


def _expected_instants(data: bytes, today: dt.date) -> set[dt.datetime]:
    """What icalendar itself reads: singles, moved occurrences, series starts in the horizon."""
    cal = icalendar.Calendar.from_ical(data)
    out = set()
    for ev in cal.walk("VEVENT"):
        if str(ev.get("status") or "").upper() == "CANCELLED" or ev.get("dtstart") is None:
            continue
        start = ev.decoded("dtstart")
        recurring = ev.get("rrule") is not None or ev.get("rdate") is not None
        if not recurring and ev.get("recurrence-id") is None:
            out.add(_utc(start, PARIS))
            continue
        day = start.date() if isinstance(start, dt.datetime) else start
        excluded = set()
        for exdate in (
            ev.get("exdate", []) if isinstance(ev.get("exdate"), list) else [ev.get("exdate")]
        ):
            for d in getattr(exdate, "dts", []):
                excluded.add(_utc(d.dt, PARIS))
        in_horizon = today <= day < add_months(today, 12)
        first_kept = ev.get("recurrence-id") is not None or not _moved(cal, ev)
        if in_horizon and first_kept and _utc(start, PARIS) not in excluded:
            out.add(_utc(start, PARIS))
    return out


def _moved(cal, master) -> bool:
    """The series' first occurrence was itself moved by a RECURRENCE-ID component."""
    uid, start = master.get("uid"), master.decoded("dtstart")
    return any(
        ev.get("uid") == uid
        and ev.get("recurrence-id") is not None
        and ev.decoded("recurrence-id") == start
        for ev in cal.walk("VEVENT")
    )


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_real_calendar(db, name):
    producer, expected = CORPUS[name]
    data = (DATA / name).read_bytes()
    with db.session() as s:
        cid = clients.create_client(s, "Agence", timezone="Europe/Paris").id
        clients.add_account(s, cid, "facebook", "Page", base_url="https://graph.example")
    if isinstance(expected, str):
        with db.session() as s, pytest.raises(ValidationError) as err:
            import_ics(s, cid, data, now=NOW)
        assert expected in err.value.message
        return
    with db.session() as s:
        result = import_ics(s, cid, data, now=NOW)
    assert result.errors == (), result.errors
    with db.read() as s:
        stored = [posts.get_post(s, cid, c.id) for c in posts_between(s, cid, *ALL)]
    if expected is not None:
        assert result.added == len(stored) == expected, result.notes
    instants = {p.planned_at for p in stored}
    # series starting after NOW are expanded from their own start: check each of them from there
    firsts = {}
    for ev in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        start = ev.decoded("dtstart")
        firsts[str(ev.get("uid"))] = min(
            firsts.get(str(ev.get("uid")), dt.date.max),
            start.date() if isinstance(start, dt.datetime) else start,
        )
    for first in set(firsts.values()):
        today = max(NOW.date(), first)
        want = {t for t in _expected_instants(data, today) if t.date() >= today - dt.timedelta(1)}
        assert want <= instants, (producer, sorted(want - instants))
    # a second import of the same file adds nothing
    with db.session() as s:
        again = import_ics(s, cid, data, now=NOW)
    assert (again.added, again.duplicates) == (0, len(stored))

"""Due times across nights, weekends, French holidays and DST (pure function)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.services.charter.rules import BusinessHours, ResponseDelay
from app.services.inbox.delays import (
    BusinessCalendar,
    add_business_minutes,
    business_minutes_between,
    due_time,
    is_closed_day,
)

PARIS = ZoneInfo("Europe/Paris")
HOURS = BusinessHours(timezone="Europe/Paris")  # Mon-Fri 9-18, French holidays


def paris(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=PARIS)


def local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(PARIS).replace(tzinfo=None)


def test_within_the_same_day():
    # Tuesday 2026-03-10 10:00 + 2 h -> 12:00
    assert local(add_business_minutes(paris(2026, 3, 10, 10), 120, HOURS)) == dt.datetime(
        2026, 3, 10, 12
    )


def test_over_the_night():
    # Tuesday 17:00 + 2 h -> 1 h left that evening, Wednesday 10:00
    assert local(add_business_minutes(paris(2026, 3, 10, 17), 120, HOURS)) == dt.datetime(
        2026, 3, 11, 10
    )


def test_received_at_night_counts_from_the_opening():
    assert local(add_business_minutes(paris(2026, 3, 10, 23, 30), 30, HOURS)) == dt.datetime(
        2026, 3, 11, 9, 30
    )


def test_over_the_weekend():
    # Friday 17:30 + 1 h -> Monday 09:30
    assert local(add_business_minutes(paris(2026, 3, 13, 17, 30), 60, HOURS)) == dt.datetime(
        2026, 3, 16, 9, 30
    )
    # received on Saturday -> Monday
    assert local(add_business_minutes(paris(2026, 3, 14, 11), 60, HOURS)) == dt.datetime(
        2026, 3, 16, 10
    )


def test_french_holidays_are_skipped():
    # 1 May 2026 is a Friday (Fête du Travail): Thursday 17:00 + 2 h -> Monday 4 May 10:00
    assert is_closed_day(dt.date(2026, 5, 1), HOURS)
    assert local(add_business_minutes(paris(2026, 4, 30, 17), 120, HOURS)) == dt.datetime(
        2026, 5, 4, 10
    )
    # 14 July 2026 (Tuesday) and Christmas
    assert is_closed_day(dt.date(2026, 7, 14), HOURS)
    assert local(add_business_minutes(paris(2026, 12, 24, 17), 120, HOURS)) == dt.datetime(
        2026, 12, 28, 10
    )


def test_alsace_moselle_has_saint_stephen():
    alsace = BusinessHours(timezone="Europe/Paris", public_holidays_subdivision="57")
    assert is_closed_day(dt.date(2026, 12, 26), alsace) is True  # a Saturday anyway
    assert is_closed_day(dt.date(2025, 12, 26), alsace) is True  # Friday
    assert is_closed_day(dt.date(2025, 12, 26), HOURS) is False


def test_extra_closed_days_and_no_holiday_country():
    hours = BusinessHours(
        timezone="Europe/Paris",
        public_holidays_country=None,
        extra_closed_days=frozenset({dt.date(2026, 3, 11)}),
    )
    assert not is_closed_day(dt.date(2026, 5, 1), hours)
    assert local(add_business_minutes(paris(2026, 3, 10, 17), 120, hours)) == dt.datetime(
        2026, 3, 12, 10
    )


def test_spring_forward_keeps_local_opening_hours():
    # DST starts Sunday 29 March 2026. Friday 27 17:00 +2 h -> Monday 30 10:00 local (CEST)
    due = add_business_minutes(paris(2026, 3, 27, 17), 120, HOURS)
    assert local(due) == dt.datetime(2026, 3, 30, 10)
    assert due.utcoffset() == dt.timedelta(0) and due.hour == 8  # 10:00 CEST = 08:00 UTC


def test_fall_back_keeps_local_opening_hours():
    # DST ends Sunday 25 October 2026 -> Monday 26 09:00 CET = 08:00 UTC
    due = add_business_minutes(paris(2026, 10, 23, 18), 30, HOURS)
    assert local(due) == dt.datetime(2026, 10, 26, 9, 30)
    assert due.hour == 8


def test_round_the_clock_on_a_dst_night_counts_real_hours():
    always = BusinessHours(
        timezone="Europe/Paris",
        days={d: ((dt.time(0, 0), dt.time(0, 0)),) for d in range(7)},
        public_holidays_country=None,
    )
    start = paris(2026, 3, 29, 0)  # this local day lasts 23 hours
    due = add_business_minutes(start, 24 * 60, always)
    assert due - start.astimezone(dt.UTC) == dt.timedelta(hours=24)
    assert local(due) == dt.datetime(2026, 3, 30, 1)
    assert business_minutes_between(start, due, always) == 24 * 60


def test_split_days_and_lunch_break():
    hours = BusinessHours(
        timezone="Europe/Paris",
        days={0: ((dt.time(9), dt.time(12)), (dt.time(14), dt.time(18)))},
    )
    # Monday 11:00 + 2 h -> 1 h before lunch, 1 h after -> 15:00
    assert local(add_business_minutes(paris(2026, 3, 9, 11), 120, hours)) == dt.datetime(
        2026, 3, 9, 15
    )
    # Monday 17:00 + 2 h -> next Monday 10:00 (only Mondays open)
    assert local(add_business_minutes(paris(2026, 3, 9, 17), 120, hours)) == dt.datetime(
        2026, 3, 16, 10
    )


def test_other_time_zone():
    hours = BusinessHours(timezone="America/Montreal", public_holidays_country=None)
    start = dt.datetime(2026, 3, 10, 21, 0, tzinfo=dt.UTC)  # 17:00 in Montreal (EDT)
    due = add_business_minutes(start, 120, hours)
    assert due.astimezone(ZoneInfo("America/Montreal")).replace(tzinfo=None) == dt.datetime(
        2026, 3, 11, 10
    )


def test_round_the_clock_delay_ignores_hours():
    delay = ResponseDelay("abuse", 60, business_hours_only=False)
    start = paris(2026, 3, 14, 23)
    assert due_time(start, delay, HOURS) == start.astimezone(dt.UTC) + dt.timedelta(hours=1)


def test_minutes_between_skips_closed_time():
    assert business_minutes_between(paris(2026, 3, 13, 17), paris(2026, 3, 16, 10), HOURS) == 120
    assert business_minutes_between(paris(2026, 3, 16, 10), paris(2026, 3, 13, 17), HOURS) == 0


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        add_business_minutes(dt.datetime(2026, 3, 10, 10), 60, HOURS)


def test_a_calendar_without_open_days_is_an_error():
    with pytest.raises(ValueError):
        add_business_minutes(paris(2026, 3, 10), 60, BusinessHours(days={}))


def test_one_calendar_for_a_batch_gives_the_same_answers_as_one_call_each():
    """Ingest reuses one BusinessCalendar for thousands of messages: its cached days must not
    leak from one message to the next (weekends, holidays, a DST change, both directions)."""
    calendar = BusinessCalendar(HOURS)
    delay = ResponseDelay("complaint", 240)
    start = paris(2026, 3, 27, 7, 0)  # the Friday before the spring change, then Easter
    for hours_later in range(0, 24 * 20, 5):
        received = start + dt.timedelta(hours=hours_later)
        assert calendar.due(received, delay) == due_time(received, delay, HOURS)
        later = received + dt.timedelta(hours=50)
        assert calendar.minutes_between(received, later) == business_minutes_between(
            received, later, HOURS
        )

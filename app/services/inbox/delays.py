"""Due times counted in a client's business hours: nights, weekends, holidays, DST.

Pure functions over :class:`app.services.charter.rules.BusinessHours`: no database, no
clock. Opening hours are local wall-clock times in the client's time zone; the arithmetic is
done in UTC so that a day with a DST change has its real length.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from app.services.charter.rules import BusinessHours, ResponseDelay

_MAX_DAYS = 800  # a delay that cannot be placed within two years is a broken calendar


@functools.lru_cache(maxsize=64)
def _holidays(country: str, subdivision: str | None, year: int) -> frozenset[dt.date]:
    import holidays

    try:
        days = holidays.country_holidays(country, subdiv=subdivision, years=year, language="fr")
    except NotImplementedError:
        return frozenset()
    return frozenset(days.keys())


def is_closed_day(day: dt.date, hours: BusinessHours) -> bool:
    if day in hours.extra_closed_days or not hours.days.get(day.weekday()):
        return True
    if hours.public_holidays_country:
        country, sub = hours.public_holidays_country, hours.public_holidays_subdivision
        return day in _holidays(country, sub, day.year)
    return False


def _local(day: dt.date, t: dt.time, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, t, tzinfo=tz)


def _intervals(
    day: dt.date, hours: BusinessHours, tz: ZoneInfo
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """The open intervals of ``day`` as aware UTC datetimes (empty on a closed day)."""
    if is_closed_day(day, hours):
        return
    for opening, closing in hours.days.get(day.weekday(), ()):
        start = _local(day, opening, tz).astimezone(dt.UTC)
        if closing == dt.time(0, 0) or closing <= opening:  # "until midnight"
            end = _local(day + dt.timedelta(days=1), dt.time(0, 0), tz).astimezone(dt.UTC)
        else:
            end = _local(day, closing, tz).astimezone(dt.UTC)
        if end > start:
            yield start, end


class BusinessCalendar:
    """One client's opening hours with each day's open intervals computed once.

    A sync ingests thousands of messages received over a few days: :meth:`due` then costs a
    dictionary lookup per day instead of rebuilding the day's intervals (time zone, holidays)
    for every message. Build one per batch; it holds no clock.
    """

    def __init__(self, hours: BusinessHours) -> None:
        self.hours = hours
        self.tz = ZoneInfo(hours.timezone)
        self._days: dict[dt.date, tuple[tuple[dt.datetime, dt.datetime], ...]] = {}

    def intervals(self, day: dt.date) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = tuple(_intervals(day, self.hours, self.tz))
        return found

    def add_minutes(self, start: dt.datetime, minutes: int) -> dt.datetime:
        """``start`` plus ``minutes`` of open time; an aware UTC datetime.

        A message received outside opening hours starts counting at the next opening.
        """
        if start.tzinfo is None:
            raise ValueError("naive datetime")
        start = start.astimezone(dt.UTC)
        remaining = dt.timedelta(minutes=max(0, int(minutes)))
        day = start.astimezone(self.tz).date()
        for _ in range(_MAX_DAYS):
            for opening, closing in self.intervals(day):
                if closing <= start:
                    continue
                begin = max(opening, start)
                available = closing - begin
                if remaining <= available:
                    return begin + remaining if remaining else begin
                remaining -= available
            day += dt.timedelta(days=1)
        raise ValueError("no business hours within two years")

    def minutes_between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Open minutes between two instants (0 when ``end`` is not after ``start``)."""
        if end <= start:
            return 0
        day = start.astimezone(self.tz).date()
        last = end.astimezone(self.tz).date()
        total = dt.timedelta()
        while day <= last:
            for opening, closing in self.intervals(day):
                lo, hi = max(opening, start), min(closing, end)
                if hi > lo:
                    total += hi - lo
            day += dt.timedelta(days=1)
        return int(total.total_seconds() // 60)

    def due(self, received_at: dt.datetime, delay: ResponseDelay) -> dt.datetime:
        """When an answer is due for a message received at ``received_at``."""
        if not delay.business_hours_only:
            return received_at.astimezone(dt.UTC) + dt.timedelta(minutes=delay.first_answer_minutes)
        return self.add_minutes(received_at, delay.first_answer_minutes)


def add_business_minutes(start: dt.datetime, minutes: int, hours: BusinessHours) -> dt.datetime:
    """``start`` plus ``minutes`` of open time; an aware UTC datetime (see BusinessCalendar)."""
    return BusinessCalendar(hours).add_minutes(start, minutes)


def business_minutes_between(start: dt.datetime, end: dt.datetime, hours: BusinessHours) -> int:
    """Open minutes between two instants (0 when ``end`` is not after ``start``)."""
    return BusinessCalendar(hours).minutes_between(start, end)


def due_time(received_at: dt.datetime, delay: ResponseDelay, hours: BusinessHours) -> dt.datetime:
    """When an answer is due for a message received at ``received_at``."""
    return BusinessCalendar(hours).due(received_at, delay)

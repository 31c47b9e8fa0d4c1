"""CI's hard dates really are the tests' clock: with ``--at`` (one instant, or several
separated by commas) every date-sensitive test — this file's name makes it one — sees its
instant, in UTC as in Paris; a run that silently stayed on today would pass everything."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest


def test_the_clock_is_the_hard_date(request, _hard_date):
    at = request.config.getoption("--at")
    if not at or at.strip() == "now" or (_hard_date is None and "," in at):
        pytest.skip("the clock is today's (no --at, or the run's 'now')")
    instant = _hard_date or dt.datetime.fromisoformat(at)
    now = dt.datetime.now(dt.UTC)
    assert dt.timedelta(0) <= now - instant < dt.timedelta(minutes=30)
    paris = now.astimezone(ZoneInfo("Europe/Paris"))
    assert paris.date() == instant.astimezone(ZoneInfo("Europe/Paris")).date()

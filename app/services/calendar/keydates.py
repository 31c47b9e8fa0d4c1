"""The year's key dates: public holidays (``holidays`` package) and marketing days.

Marketing days come from an editable JSON list per language and country in
``resources/keydates/<lang>-<COUNTRY>.json`` (a user copy in the data folder's ``keydates``
folder wins). Rules: ``fixed`` (month, day), ``nth_weekday`` (month, weekday 0 = Monday, n;
n = -1 the last), ``easter`` (offset days), ``mothers_day_fr`` (last Sunday of May, the first
Sunday of June when that Sunday is Pentecost) and ``black_friday`` (offset days from the day
after the fourth Thursday of November).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.config import data_dir, resources_dir
from app.errors import ValidationError
from app.i18n import translate


@dataclass(frozen=True)
class KeyDate:
    day: dt.date
    name: str
    kind: str  # "holiday" or "marketing"
    key: str = ""


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def mothers_day_fr(year: int) -> dt.date:
    """Last Sunday of May; the first Sunday of June when that Sunday is Pentecost."""
    day = nth_weekday(year, 5, 6, -1)
    if day == easter(year) + dt.timedelta(days=49):
        day += dt.timedelta(days=7)
    return day


def black_friday(year: int) -> dt.date:
    return nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1)


def _rule_date(entry: dict[str, Any], year: int) -> dt.date:
    rule = entry.get("rule")
    if rule == "fixed":
        return dt.date(year, int(entry["month"]), int(entry["day"]))
    if rule == "nth_weekday":
        return nth_weekday(year, int(entry["month"]), int(entry["weekday"]), int(entry["n"]))
    if rule == "easter":
        return easter(year) + dt.timedelta(days=int(entry.get("offset", 0)))
    if rule == "mothers_day_fr":
        return mothers_day_fr(year)
    if rule == "black_friday":
        return black_friday(year) + dt.timedelta(days=int(entry.get("offset", 0)))
    raise ValueError(f"unknown rule {rule!r}")


def keydates_file(language: str, country: str) -> Path:
    name = f"{language}-{country.upper()}.json"
    user = data_dir() / "keydates" / name
    if user.exists():
        return user
    path = resources_dir() / "keydates" / name
    if not path.exists():
        path = resources_dir() / "keydates" / f"fr-{country.upper()}.json"
    return path


@lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> tuple[dict[str, Any], ...]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return tuple(data["days"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError(
            translate("Keydates", "The key dates file {path} is unreadable: {reason}").format(
                path=path, reason=exc
            )
        ) from None


def marketing_days(year: int, language: str = "fr", country: str = "FR") -> list[KeyDate]:
    path = keydates_file(language, country)
    if not path.exists():
        return []
    out = []
    for entry in _load(str(path), path.stat().st_mtime):
        try:
            out.append(KeyDate(_rule_date(entry, year), entry["name"], "marketing", entry["key"]))
        except (ValueError, KeyError, TypeError):
            continue  # one broken entry does not hide the others
    return out


def public_holidays(
    year: int, language: str = "fr", country: str = "FR", subdivision: str | None = None
) -> list[KeyDate]:
    import holidays

    try:
        table = holidays.country_holidays(
            country, subdiv=subdivision, years=year, language=language
        )
    except (NotImplementedError, KeyError):
        return []
    return [KeyDate(day, name, "holiday") for day, name in sorted(table.items())]


def key_dates(
    start: dt.date, end: dt.date, language: str = "fr", country: str = "FR"
) -> dict[dt.date, list[KeyDate]]:
    """Key dates in [start, end], by day."""
    out: dict[dt.date, list[KeyDate]] = {}
    for year in range(start.year, end.year + 1):
        for kd in public_holidays(year, language, country) + marketing_days(
            year, language, country
        ):
            if start <= kd.day <= end:
                out.setdefault(kd.day, []).append(kd)
    return out

"""Time-zone names found in other producers' calendars, read as IANA zones.

icalendar (≥ 6) already reads IANA names and Windows zone names (``W. Europe Standard Time``,
CLDR's windowsZones table in ``icalendar.timezone.windows_to_olson``) when a file has no
VTIMEZONE for them. Outlook on the web writes a third form, the Windows *display* name:
``(UTC-05:00) Eastern Time (US and Canada)`` or ``(UTC+01:00) Amsterdam, Berlin, Bern, Rome,
Stockholm, Vienna``. There is no table of those in a library; they are read here as:

* the Windows id with "Time" turned into "Standard Time" (``Eastern Time`` →
  ``Eastern Standard Time`` → CLDR → ``America/New_York``), or
* one of the listed cities that is an IANA zone (``Berlin`` → ``Europe/Berlin``),

and only accepted when the zone's standard offset is the ``(UTC±hh:mm)`` written in the name,
so a guess that would move the post is refused rather than taken.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

_DISPLAY_RE = re.compile(r"^\(\s*(?:UTC|GMT)\s*(?:([+-])(\d{1,2}):?(\d{2}))?\s*\)\s*(.+)$", re.I)
_WINDOWS_LOWER = {k.lower(): v for k, v in WINDOWS_TO_OLSON.items()}


@functools.cache
def _iana_by_city() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key in zoneinfo.available_timezones():
        city = key.rsplit("/", 1)[-1].replace("_", " ").lower()
        out.setdefault(city, []).append(key)
    return out


def _iana(name: str) -> zoneinfo.ZoneInfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
        return None


def _standard_offsets(zone: zoneinfo.ZoneInfo) -> set[dt.timedelta]:
    """The offsets a zone has in January and July (standard time is one of them)."""
    year = 2025
    return {
        dt.datetime(year, month, 15, 12, tzinfo=zone).utcoffset() or dt.timedelta(0)
        for month in (1, 7)
    }


def resolve_tzid(tzid: str) -> str | None:
    """The IANA name for a TZID written without VTIMEZONE, or None when it cannot be known."""
    name = tzid.strip().strip('"').strip()
    if not name:
        return None
    if (_iana(name) is not None and "/" in name) or name.upper() == "UTC":
        return name
    windows = _WINDOWS_LOWER.get(name.lower())
    if windows:
        return windows
    match = _DISPLAY_RE.match(name)
    if not match:
        return None
    sign, hours, minutes, label = match.groups()
    offset = dt.timedelta(0)
    if sign:
        offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
        if sign == "-":
            offset = -offset
    candidates: list[str] = []
    label = label.strip().replace(" and ", " & ")
    base = re.sub(r"\s*\(.*\)\s*$", "", label)  # "Eastern Time (US & Canada)" → "Eastern Time"
    for text in (label, base):
        if text.endswith(" Time"):
            windows_id = text[: -len(" Time")] + " Standard Time"
            if windows_id.lower() in _WINDOWS_LOWER:
                candidates.append(_WINDOWS_LOWER[windows_id.lower()])
        if text.lower() in _WINDOWS_LOWER:
            candidates.append(_WINDOWS_LOWER[text.lower()])
    for city in re.split(r"\s*[,;/]\s*", base):
        candidates += _iana_by_city().get(city.strip().lower(), [])
    for key in candidates:
        zone = _iana(key)
        if zone is not None and offset in _standard_offsets(zone):
            return key
    return None


_TZID_PARAM_RE = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.I)
_VTIMEZONE_ID_RE = re.compile(r"^TZID[^:]*:(.*)$", re.I | re.M)


def unfold(text: str) -> str:
    """RFC 5545 § 3.1: a line break followed by a space or tab continues the line."""
    return re.sub(r"\r?\n[ \t]", "", text)


def normalise_tzids(text: str) -> tuple[str, dict[str, str]]:
    """Rewrite TZIDs that only Windows knows into IANA names; returns the text and the mapping.

    TZIDs that have their own VTIMEZONE in the file are left alone (the file says what they
    mean), so are IANA and Windows ids icalendar reads by itself; unknown ones are left for
    the importer to refuse by name.
    """
    text = unfold(text)
    defined = {m.strip() for m in _VTIMEZONE_ID_RE.findall(text)}
    mapping: dict[str, str] = {}
    for raw in {m.group(1) for m in _TZID_PARAM_RE.finditer(text)}:
        name = raw.strip('"').strip()
        if name in defined or (_iana(name) is not None and "/" in name):
            continue
        if name.lower() in _WINDOWS_LOWER:
            mapping[name] = _WINDOWS_LOWER[name.lower()]
            continue
        resolved = resolve_tzid(name)
        if resolved:
            mapping[name] = resolved
    if not mapping:
        return text, {}

    def repl(m: re.Match[str]) -> str:
        name = m.group(1).strip('"').strip()
        return f";TZID={mapping[name]}" if name in mapping else m.group(0)

    return _TZID_PARAM_RE.sub(repl, text), mapping

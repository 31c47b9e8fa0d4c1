"""The events of a calendar as Tribune posts will see them: one item per occurrence.

Recurring series (RRULE, RDATE, EXDATE, moved occurrences with RECURRENCE-ID) are expanded by
``recurring-ical-events``, the maintained library that implements RFC 5545's recurrence set
over icalendar (with the X-WR-TIMEZONE correction Google calendars need), over a horizon of
12 months that starts today, or at the series' first occurrence when that is later.
Components are grouped by UID first, so a moved occurrence listed before its series (as
Google exports do) belongs to the series whatever the order, and one broken series is
reported alone while the others go in.

Each occurrence gets the stable key ``UID/RECURRENCE-ID`` (the original start, in UTC, or a
date for all-day series): importing the same series again finds the same keys. An event
without recurrence keeps its UID as key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import icalendar
import recurring_ical_events
from icalendar import Component

from app.i18n import translate
from app.limits import check_year

NO_UID = "@no-uid.tribune"
HORIZON_MONTHS = 12
MAX_OCCURRENCES = 1000  # per series: an every-minute rule is not a content calendar
# a broken value on these makes the event meaningless; on any other property it is dropped
ESSENTIAL = {"UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RECURRENCE-ID"}


@dataclass
class Item:
    position: int  # 1-based rank of the event (first component of its UID) in the file
    uid: str
    key: str = ""  # the post's uid
    event: Component | None = None  # set when there is no error
    error: str = ""


@dataclass
class Expansion:
    items: list[Item] = field(default_factory=list)
    series: int = 0  # recurring series expanded
    cancelled: int = 0  # occurrences or events with STATUS:CANCELLED, not imported
    capped: list[str] = field(default_factory=list)  # UIDs cut at MAX_OCCURRENCES
    dropped: list[str] = field(default_factory=list)  # "event 3, UID x: RDATE" notes
    horizon: tuple[dt.date, dt.date] | None = None  # the widest window used
    derived: int = 0  # events without UID that were given one


def add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=d)
        except ValueError:
            continue
    raise ValueError(day)


def rid_text(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d")


def where(position: int, uid: str) -> str:
    if not uid or uid.endswith(NO_UID):
        return translate("Ical", "event {n} (no UID)").format(n=position)
    return translate("Ical", "event {n}, UID {uid}").format(n=position, uid=uid[:80])


def _drop_broken(event: Component, position: int, uid: str, out: Expansion) -> str:
    """Remove unreadable properties Tribune can do without; the first essential one is returned."""
    for name, _err in list(event.errors):
        if str(name or "").upper() in ESSENTIAL:
            return f"{name}: {_err}"
    for name, _err in list(event.errors):
        raw = event.get(name) if name else None  # no name: a line that is no property at all
        shown = str(getattr(raw, "ical_value", raw) or "")[:40]
        if name:
            event.pop(name, None)
        out.dropped.append(
            translate("Ical", "{where}: {name} « {value} » unreadable, ignored").format(
                where=where(position, uid), name=str(name or "?").upper(), value=shown
            )
        )
    event.errors.clear()
    return ""


def _derived_uid(event: Component) -> str:
    parts = [event.get(name) for name in ("dtstart", "summary", "rrule", "recurrence-id")]
    raw = "\x1f".join(p.to_ical().decode() if hasattr(p, "to_ical") else str(p) for p in parts)
    return f"{hashlib.sha256(raw.encode()).hexdigest()[:24]}{NO_UID}"


MAX_STEPS_BEFORE = 50_000  # occurrences the library may walk before the window (~1 s)
_STEP_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 604800}


def _step_seconds(comps: list[Component]) -> float:
    """The shortest time between two occurrences the rules of ``comps`` may give (about)."""
    shortest = float("inf")
    for ev in comps:
        rules = ev.get("rrule")
        for rule in rules if isinstance(rules, list) else [rules]:
            if not hasattr(rule, "get"):
                continue
            freq = str((rule.get("FREQ") or [""])[0]).upper()
            try:
                interval = max(int((rule.get("INTERVAL") or [1])[0]), 1)
            except (TypeError, ValueError):
                interval = 1
            step = float(_STEP_SECONDS.get(freq, 2_419_200) * interval)  # else 28 days
            for part in ("BYSECOND", "BYMINUTE", "BYHOUR"):
                step /= max(len(rule.get(part) or ()), 1)
            shortest = min(shortest, step)
    return shortest


def _sort_key(event: Component) -> str:
    value = event.get("dtstart")
    when = getattr(value, "dt", None)
    if isinstance(when, dt.datetime):
        return (when.astimezone(dt.UTC) if when.tzinfo else when).strftime("%Y%m%dT%H%M%S")
    return when.strftime("%Y%m%dT000000") if isinstance(when, dt.date) else ""


def _start_date(event: Component) -> dt.date | None:
    try:
        value = event.decoded("dtstart")
    except (KeyError, ValueError, OverflowError):
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def expand(cal: icalendar.Calendar, today: dt.date) -> Expansion:
    out = Expansion()
    groups: dict[str, list[tuple[int, Component]]] = {}
    order: list[tuple[int, str]] = []
    for position, event in enumerate(cal.walk("VEVENT"), start=1):
        uid = str(event.get("uid") or "").strip()
        if not uid:  # RFC 5545 requires one; a stable one from what the event says
            uid = _derived_uid(event)
            event.pop("uid", None)
            event.add("uid", uid)
            out.derived += 1
        if uid not in groups:
            order.append((position, uid))
        groups.setdefault(uid, []).append((position, event))
    timezones = cal.walk("VTIMEZONE")
    for position, uid in order:
        comps = groups[uid]
        broken = ""
        for pos, event in comps:
            broken = broken or _drop_broken(event, pos, uid, out)
        if broken:
            out.items.append(Item(position, uid, error=broken))
            continue
        recurring = any(
            ev.get("rrule") is not None
            or ev.get("rdate") is not None
            or ev.get("recurrence-id") is not None
            for _, ev in comps
        )
        if not recurring:
            for pos, event in comps:  # the same UID twice: the second is "already there"
                if str(event.get("status") or "").upper() == "CANCELLED":
                    out.cancelled += 1
                    continue
                out.items.append(Item(pos, uid, uid, event))
            continue
        _expand_series(cal, timezones, position, uid, [ev for _, ev in comps], today, out)
    return out


def _expand_series(
    cal: icalendar.Calendar,
    timezones: list[Component],
    position: int,
    uid: str,
    comps: list[Component],
    today: dt.date,
    out: Expansion,
) -> None:
    starts = [d for d in (_start_date(ev) for ev in comps) if d is not None]
    if not starts:
        out.items.append(
            Item(position, uid, error=translate("Ical", "the event has no start (DTSTART)"))
        )
        return
    for ev in comps:  # an unknown zone would put every occurrence hours off: refuse once
        prop = ev.get("dtstart")
        tzid = getattr(prop, "params", {}).get("TZID")
        value = getattr(prop, "dt", None)
        if tzid and isinstance(value, dt.datetime) and value.tzinfo is None:
            reason = translate("Ical", "unknown time zone « {tzid} »").format(tzid=str(tzid)[:60])
            out.items.append(Item(position, uid, error=reason))
            return
    begin = max(today, min(starts))
    try:  # year 1 or 9999: outside what Tribune reads (app/limits.py)
        check_year(min(starts))
        check_year(begin)
    except ValueError as exc:
        out.items.append(Item(position, uid, error=str(exc)))
        return
    step = _step_seconds(comps)
    if (begin - min(starts)).days * 86400 / step > MAX_STEPS_BEFORE:
        # the library walks every occurrence from DTSTART: an hourly rule from 1900 would
        # take hours before the first one in the window
        reason = translate("Ical", "the rule repeats too often since {start} to be read").format(
            start=min(starts).isoformat()
        )
        out.items.append(Item(position, uid, error=reason))
        return
    end = add_months(begin, HORIZON_MONTHS)
    if out.horizon is None:
        out.horizon = (begin, end)
    else:
        out.horizon = (min(out.horizon[0], begin), max(out.horizon[1], end))
    series = icalendar.Calendar()
    for name in ("version", "prodid", "x-wr-timezone"):
        if cal.get(name) is not None:
            series.add(name, cal.get(name))
    for tz in timezones:
        series.add_component(tz)
    for ev in comps:
        series.add_component(ev)
    try:
        query = recurring_ical_events.of(series)
        # A bounded window, never the library's after(): it widens its window until it hangs
        # on some rules. Hourly or finer: a little over MAX_OCCURRENCES steps.
        window = end
        if step < 86400:
            seconds = step * (MAX_OCCURRENCES + 2) + 86400
            window = min(end, begin + dt.timedelta(seconds=seconds))
        found = query.between(begin, window)
        occurrences = sorted(found, key=_sort_key)[: MAX_OCCURRENCES + 1]
    except Exception as exc:  # the library's errors have no common base; one series only
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        out.items.append(
            Item(
                position,
                uid,
                error=translate("Ical", "the recurrence cannot be read: {reason}").format(
                    reason=reason[:200]
                ),
            )
        )
        return
    out.series += 1
    if not occurrences:
        out.dropped.append(
            translate(
                "Ical", "{where}: no occurrence from {begin} to {end}, nothing imported."
            ).format(where=where(position, uid), begin=begin.isoformat(), end=end.isoformat())
        )
    if len(occurrences) > MAX_OCCURRENCES:
        occurrences = occurrences[:MAX_OCCURRENCES]
        out.capped.append(uid)
    for occ in occurrences:
        if str(occ.get("status") or "").upper() == "CANCELLED":
            out.cancelled += 1
            continue
        rid = occ.get("recurrence-id")
        value = occ.decoded("recurrence-id") if rid is not None else occ.decoded("dtstart")
        out.items.append(Item(position, uid, f"{uid}/{rid_text(value)}", occ))

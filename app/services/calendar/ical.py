"""iCalendar (RFC 5545) import and export of a client's posts, with the ``icalendar`` package.

Export: one VEVENT per post, UID = the post's uid, DTSTART with the client's TZID (VTIMEZONE
blocks added) or a DATE for all-day entries; each network's text in an
``X-TRIBUNE-VARIANT;NETWORK=…`` property. Folding and escaping are icalendar's.
Import: the bytes are decoded (``ical_text``: UTF-8, or the detected encoding, said in the
report), Windows and Outlook display-name TZIDs mapped to IANA zones (``ical_zones``),
recurring series expanded into one post per occurrence keyed UID/RECURRENCE-ID
(``ical_recurrence``). UIDs are kept, an event whose key the client already has adds nothing
(a round trip or a second import is idempotent, also when two seats import at once); each
unreadable event is reported as "event N, UID …: reason" while the others go in, and the
report's notes say how the file was read. Floating times are read in the client's zone; a
time in a daylight-saving gap keeps the offset from before the gap (RFC 5545 § 3.3.5).
An existing post is never changed by a re-import: a moved or cancelled occurrence in a newer
file leaves the post made from the older one as it is.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from icalendar import Component
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.connectors.contract import IngestResult, RowError
from app.db_busy import BATCH, commit_batch
from app.errors import ValidationError
from app.i18n import translate
from app.limits import check_year
from app.models import NetworkAccount
from app.models.posts import Post
from app.safefile import write_bytes_checked
from app.services.calendar.counters import PUBLISHABLE_NETWORKS
from app.services.calendar.ical_recurrence import MAX_OCCURRENCES, Item, expand, where
from app.services.calendar.ical_text import decode, mend_rrules
from app.services.calendar.ical_zones import normalise_tzids
from app.services.calendar.posts import VariantInput, client_zone, create_post, get_post
from app.services.people import audit

_ESCAPE_RE = re.compile(r"\\([\\;,nN])")
_ESCAPES = {"n": "\n", "N": "\n"}
PRODID = "-//Tribune//Content calendar//FR"
DURATION = dt.timedelta(minutes=30)


def export_ics(session: Session, client_id: int) -> bytes:
    zone = client_zone(session, client_id)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    ids = session.scalars(
        select(Post.id).where(Post.client_id == client_id).order_by(Post.planned_at, Post.id)
    ).all()
    for pid in ids:
        post = get_post(session, client_id, pid)
        ev = icalendar.Event()
        ev.add("uid", post.uid)
        ev.add("dtstamp", dt.datetime.now(dt.UTC).replace(microsecond=0))
        local = post.planned_at.astimezone(zone)
        if post.all_day:
            ev.add("dtstart", local.date())
            ev.add("dtend", local.date() + dt.timedelta(days=1))
        else:
            ev.add("dtstart", local.replace(microsecond=0))
            ev.add("dtend", (local + DURATION).replace(microsecond=0))
        first = next((v.text for v in post.variants if v.text), "")
        ev.add("summary", post.title or first.split("\n")[0][:80])
        if first:
            ev.add("description", first)
        if post.category:
            ev.add("categories", [post.category])
        if post.campaign:
            ev.add("x-tribune-campaign", icalendar.vText(post.campaign))
        ev.add("x-tribune-status", post.status)
        for v in post.variants:
            ev.add("x-tribune-variant", icalendar.vText(v.text), parameters={"NETWORK": v.network})
            if v.link:
                ev.add("x-tribune-link", icalendar.vText(v.link), parameters={"NETWORK": v.network})
        cal.add_component(ev)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def export_file(session: Session, client_id: int, out: str | Path) -> int:
    data = export_ics(session, client_id)
    # written aside, fsynced, checked whole, then moved: a full disk leaves nothing behind
    write_bytes_checked(out, data, _verify_ics)
    return data.count(b"BEGIN:VEVENT")


def _verify_ics(path: Path) -> None:
    with open(path, "rb") as fh:
        fh.seek(max(0, path.stat().st_size - 64))
        if b"END:VCALENDAR" not in fh.read():
            raise OSError(errno.EIO, translate("Ical", "the file written is incomplete"))


def _unescape(prop: object) -> str:
    """X- properties come back raw: undo RFC 5545 text escaping."""
    if prop is None:
        return ""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), str(prop))


def _texts(prop: object) -> list[Any]:
    if prop is None:
        return []
    return prop if isinstance(prop, list) else [prop]


def _event_to_post(event: Component, zone: ZoneInfo, default_networks: list[str]) -> dict[str, Any]:
    uid = str(event.get("uid") or "").strip()
    if not uid:
        raise ValueError(translate("Ical", "the event has no UID"))
    if event.errors:
        raise ValueError("; ".join(f"{name}: {err}" for name, err in event.errors))
    if event.get("dtstart") is None:
        raise ValueError(translate("Ical", "the event has no start (DTSTART)"))
    try:
        start = event.decoded("dtstart")
    except (ValueError, OverflowError):
        raise ValueError(translate("Ical", "the start (DTSTART) is not a valid date")) from None
    check_year(start)
    tzid = event["dtstart"].params.get("TZID") if hasattr(event["dtstart"], "params") else None
    if tzid and isinstance(start, dt.datetime) and start.tzinfo is None:
        # an unknown zone is not the client's: the post would move by hours without a word
        raise ValueError(
            translate("Ical", "unknown time zone « {tzid} »").format(tzid=str(tzid)[:60])
        )
    all_day = not isinstance(start, dt.datetime)
    if all_day:
        planned = dt.datetime.combine(start, dt.time(0), tzinfo=zone)
    elif start.tzinfo is None:  # floating time: the client's wall clock
        planned = start.replace(tzinfo=zone)
    else:
        planned = start
    planned = planned.astimezone(dt.UTC)
    description = str(event.get("description") or "")
    variants: dict[str, VariantInput] = {}
    links = {}
    for prop in _texts(event.get("x-tribune-link")):
        links[str(prop.params.get("NETWORK", "")).lower()] = _unescape(prop)
    for prop in _texts(event.get("x-tribune-variant")):
        network = str(prop.params.get("NETWORK", "")).lower()
        if network not in PUBLISHABLE_NETWORKS:
            raise ValueError(translate("Ical", "unknown network {network}").format(network=network))
        variants[network] = VariantInput(network, _unescape(prop), links.get(network, ""))
    if not variants:
        if not default_networks:
            raise ValueError(
                translate("Ical", "no network: the client has no network account to post to")
            )
        variants = {n: VariantInput(n, description) for n in default_networks}
    categories = []
    for cats in _texts(event.get("categories")):
        categories += [str(c) for c in getattr(cats, "cats", [cats])]
    status = str(event.get("x-tribune-status") or "draft")
    if status not in ("idea", "draft", "in_review", "approved"):
        status = "approved" if status in ("scheduled", "published") else "draft"
    return {
        "uid": uid,
        "planned_at": planned,
        "all_day": all_day,
        "title": str(event.get("summary") or "")[:300],
        "category": categories[0] if categories else "",
        "campaign": _unescape(event.get("x-tribune-campaign")),
        "status": status,
        "variants": list(variants.values()),
    }


@dataclass(frozen=True)
class IcalImportResult(IngestResult):
    """IngestResult plus what the user should know about how the file was read."""

    notes: tuple[str, ...] = ()  # translated lines: encoding, time zones, horizon, skipped


def _parse(data: bytes) -> tuple[icalendar.Calendar, list[str]]:
    decoded = decode(data)
    notes = [decoded.note] if decoded.note else []
    # NUL: PostgreSQL refuses it in any text, and no calendar means one; a lone CR (old Mac
    # exports) ends a line like CRLF
    text = re.sub(r"\r(?!\n)", "\r\n", decoded.text.replace("\x00", ""))
    text, zones = normalise_tzids(text)
    text = mend_rrules(text)
    for name, iana in sorted(zones.items()):
        notes.append(
            translate("Ical", "Time zone « {name} » read as {iana}.").format(
                name=name[:80], iana=iana
            )
        )
    try:
        cals = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        raise ValidationError(
            translate("Ical", "This is not an iCalendar file: {reason}").format(reason=exc)
        ) from None
    if not cals:
        raise ValidationError(
            translate("Ical", "This is not an iCalendar file: no VCALENDAR found.")
        )
    cal = cals[0]
    for extra in cals[1:]:  # several VCALENDARs in one file (some exports): read them all
        for component in extra.subcomponents:
            cal.add_component(component)
    return cal, notes


def _other_components(cal: icalendar.Calendar) -> tuple[int, int]:
    return len(cal.walk("VTODO")), len(cal.walk("VJOURNAL"))


def import_ics(
    session: Session,
    client_id: int,
    data: bytes,
    *,
    progress: Callable[[int, int], None] | None = None,
    now: dt.datetime | None = None,
) -> IcalImportResult:
    """Import the VEVENTs of ``data``, recurring ones expanded; bad events reported by UID."""
    zone = client_zone(session, client_id)
    cal, notes = _parse(data)
    todos, journals = _other_components(cal)
    today = (now or dt.datetime.now(dt.UTC)).astimezone(zone).date()
    if not cal.walk("VEVENT"):
        if todos or journals:
            raise ValidationError(
                translate(
                    "Ical",
                    "This file holds {todos} task(s) (VTODO) and {journals} journal entry(ies) "
                    "(VJOURNAL), not events (VEVENT): Tribune imports events only.",
                ).format(todos=todos, journals=journals)
            )
        raise ValidationError(
            translate("Ical", "This calendar holds no event (VEVENT): nothing to import.")
        )
    if todos or journals:
        notes.append(
            translate(
                "Ical",
                "{todos} task(s) (VTODO) and {journals} journal entry(ies) (VJOURNAL) ignored: "
                "Tribune imports events only.",
            ).format(todos=todos, journals=journals)
        )
    expansion = expand(cal, today)
    if expansion.series and expansion.horizon is not None:
        begin, end = expansion.horizon
        notes.append(
            translate(
                "Ical",
                "{series} recurring event(s) expanded over 12 months from today or from their "
                "first occurrence if later ({begin} to {end}).",
            ).format(series=expansion.series, begin=begin.isoformat(), end=end.isoformat())
        )
    for uid in expansion.capped:
        notes.append(
            translate("Ical", "UID {uid}: only the first {count} occurrences were taken.").format(
                uid=uid[:80], count=MAX_OCCURRENCES
            )
        )
    if expansion.cancelled:
        notes.append(
            translate("Ical", "{count} cancelled event(s) or occurrence(s) not imported.").format(
                count=expansion.cancelled
            )
        )
    if expansion.derived:
        notes.append(
            translate(
                "Ical", "{count} event(s) without UID: each was given one from its start and title."
            ).format(count=expansion.derived)
        )
    notes += expansion.dropped
    default_networks = sorted(
        {
            n
            for n in session.scalars(
                select(NetworkAccount.network).where(NetworkAccount.client_id == client_id)
            )
            if n in PUBLISHABLE_NETWORKS
        }
    )
    known = set(session.scalars(select(Post.uid).where(Post.client_id == client_id)))
    items = expansion.items
    added = dupes = 0
    errors: list[RowError] = []

    def refuse(item: Item, reason: str) -> None:
        reason = reason.splitlines()[0] if reason else "?"
        errors.append(
            RowError(item.position, item.uid, f"{where(item.position, item.uid)}: {reason}")
        )

    for i, item in enumerate(items, start=1):
        if i % BATCH == 0:  # other writers get in between batches (docs/pitfalls.md)
            commit_batch(session)
        if item.error or item.event is None:
            refuse(item, item.error)
            continue
        try:
            fields = _event_to_post(item.event, zone, default_networks)
        except (ValueError, TypeError, KeyError) as exc:
            refuse(item, str(exc) or repr(exc))
            continue
        fields["uid"] = item.key
        if len(item.key) > 255:
            refuse(item, translate("Ical", "the UID is longer than 255 characters"))
            continue
        if fields["uid"] in known:
            dupes += 1
            continue
        try:
            with session.begin_nested():
                create_post(session, client_id, **fields)
        except ValidationError as exc:
            refuse(item, exc.message)
            continue
        except IntegrityError:
            taken = select(Post.id).where(Post.client_id == client_id, Post.uid == fields["uid"])
            if session.scalar(taken) is None:
                raise
            known.add(fields["uid"])  # another seat imported the same event meanwhile
            dupes += 1
            continue
        known.add(fields["uid"])
        added += 1
        if progress:
            progress(i, len(items))
    audit.record(
        session,
        "calendar.import_ics",
        client_id=client_id,
        details={"added": added, "duplicates": dupes, "errors": len(errors)},
    )
    return IcalImportResult(added, dupes, tuple(errors), tuple(notes))

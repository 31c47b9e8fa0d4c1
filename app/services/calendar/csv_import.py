"""Bulk import of posts from CSV: each broken row reported with its line and reason.

Columns (header row, UTF-8, comma-separated, RFC 4180 quoting):
``date,time,networks,text,category,media,title,campaign`` — date ``YYYY-MM-DD``, time
``HH:MM`` in the client's zone (empty = all-day), networks separated by ``|`` or spaces,
media file names relative to the CSV's folder separated by ``|``. A row identical to a post
already there (same time, networks and text) adds nothing, so a second import adds nothing.

The same file saved by a French Excel (``;``, Windows-1252) reads as it is; Tribune's own
export (:mod:`app.services.calendar.csv_export`) adds a ``uid`` column and one row per network,
and re-imports into the same posts. Other tools' layouts (Hootsuite, Buffer, Metricool,
Publer) and any file read through a column mapping are described in
:mod:`app.services.calendar.csv_layouts`; a mapping used is saved for the client and reused for
the next file with the same headers. What was read (layout, separator, encoding, date
order) is said in the result.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.connectors.contract import IngestResult, RowError
from app.db_busy import BATCH, commit_batch
from app.errors import TribuneError, ValidationError
from app.i18n import translate
from app.limits import check_year
from app.models.posts import Post
from app.services.calendar.counters import PUBLISHABLE_NETWORKS
from app.services.calendar.csv_layouts import PostsLayout, date_cells, recognise, to_fields
from app.services.calendar.media import store_media
from app.services.calendar.media_guard import resolve_media
from app.services.calendar.posts import VariantInput, client_zone, create_post, local_to_utc
from app.services.csvfiles import mappings as csv_mappings
from app.services.csvfiles.sniff import CsvText, date_order, read_bytes, read_text, semicolon_hint
from app.services.people import audit

REQUIRED = ("date", "networks", "text")


@dataclass(frozen=True)
class PostsImportResult(IngestResult):
    reading: str = ""  # layout, separator, encoding, date order
    notes: tuple[str, ...] = ()


def _uid(client_id: int, when: dt.datetime, networks: list[str], text: str) -> str:
    raw = f"{client_id}|{when.isoformat()}|{','.join(sorted(networks))}|{text}"
    return "csv-" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def _table(data: str | bytes) -> tuple[CsvText, list[tuple[int, list[str]]]]:
    reading = read_bytes(data) if isinstance(data, bytes) else read_text(data)
    reader = reading.rows
    rows = [(reader.line_num, values) for values in reader if any(v.strip() for v in values)]
    return reading, rows


def import_csv(
    session: Session,
    client_id: int,
    data: str | bytes,
    *,
    base_dir: Path | None = None,
    mapping: dict[str, str] | None = None,
    networks: tuple[str, ...] | list[str] = (),
    day_first: bool | None = None,
) -> PostsImportResult:
    """Import a posts CSV (bytes: its encoding is found; str: already decoded).
    ``mapping`` maps Tribune's fields to the file's columns; ``networks`` fills in for
    layouts that do not name them; ``day_first`` settles slashed dates (else the values,
    else the layout's convention, decide)."""
    zone = client_zone(session, client_id)
    if isinstance(data, str):  # a lone surrogate (text decoded with surrogateescape) → U+FFFD
        data = data.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    reading, table = _table(data)
    if not table:
        raise ValidationError(translate("PostsCsv", "The CSV file is empty."))
    header = table[0][1]
    notes: list[str] = []
    if not mapping:
        mapping = csv_mappings.saved_mapping(session, client_id, "posts", header)
        if mapping:
            notes.append(
                translate("PostsCsv", "The column mapping saved for this client was used.")
            )
    layout = recognise(header, mapping, semicolon_hint(reading))
    body = table if layout.key == "hootsuite" else table[1:]
    if not layout.names_networks and not networks:
        raise ValidationError(
            translate(
                "PostsCsv",
                "This {source} file does not say on which networks to publish: choose them "
                "(--networks facebook,instagram).",
            ).format(source=layout.source),
            field="networks",
        )
    if day_first is not None:
        order = "dmy" if day_first else "mdy"
        why = translate("PostsCsv", "as asked")
    else:
        default = "mdy" if layout.key in ("hootsuite", "buffer") else "dmy"
        try:
            order, why = date_order(date_cells(layout, [v for _, v in body]), default)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
    described = translate("PostsCsv", "{source}, {csv}, dates {dates}").format(
        source=layout.source, csv=reading.describe(), dates=why
    )
    if layout.key == "mapped" and mapping is not None:
        csv_mappings.save_mapping(session, client_id, "posts", header, dict(mapping))
    nets = [n.strip().lower() for n in networks if n.strip()]
    parsed = _grouped(layout, body, order, nets, zone, client_id)
    known = set(session.scalars(select(Post.uid).where(Post.client_id == client_id)))
    added = dupes = 0
    errors: list[RowError] = []
    for done, (line, fields) in enumerate(parsed):
        if done and done % BATCH == 0:  # other writers get in between batches (docs/pitfalls.md)
            commit_batch(session)
        if isinstance(fields, str):
            errors.append(RowError(line, "", fields))
            continue
        if fields["uid"] in known:
            dupes += 1
            continue
        try:
            with session.begin_nested():
                folder = base_dir or Path.cwd()  # media stay inside the CSV's folder
                media = tuple(
                    store_media(session, client_id, resolve_media(folder, name)).id
                    for name in fields.pop("media")
                )
                texts, links = fields.pop("texts"), fields.pop("links")
                fields["variants"] = [
                    VariantInput(n, texts[n], link=links[n], media=media)
                    for n in fields.pop("networks")
                ]
                fields.pop("text")
                create_post(session, client_id, **fields)
        except TribuneError as exc:
            errors.append(RowError(line, "", exc.message))
            continue
        known.add(fields["uid"])
        added += 1
    audit.record(
        session,
        "calendar.import_csv",
        client_id=client_id,
        details={"added": added, "duplicates": dupes, "errors": len(errors)},
    )
    return PostsImportResult(added, dupes, tuple(errors), described, tuple(notes))


def _grouped(
    layout: PostsLayout,
    body: list[tuple[int, list[str]]],
    order: str,
    networks: list[str],
    zone: ZoneInfo,
    client_id: int,
) -> list[tuple[int, dict[str, Any] | str]]:
    """``(line, fields)`` per post, or ``(line, reason)`` for a broken row. Rows of Tribune's
    export sharing a ``uid`` (one per network) are one post with a text per network."""
    out: list[tuple[int, dict[str, Any] | str]] = []
    by_uid: dict[str, dict[str, Any]] = {}
    for line, values in body:
        try:
            row = to_fields(layout, values, order, networks)
            fields = _row(row, zone, client_id)
        except ValueError as exc:
            out.append((line, str(exc)))
            continue
        uid = (row.get("uid") or "").strip()
        if uid and uid in by_uid:
            first = by_uid[uid]
            for n in fields["networks"]:
                if n not in first["networks"]:
                    first["networks"].append(n)
                first["texts"][n] = fields["text"]
                first["links"][n] = fields["links"][n]
            continue
        if uid:
            fields["uid"] = uid
            by_uid[uid] = fields
        out.append((line, fields))
    return out


def _row(row: dict[str, Any], zone: ZoneInfo, client_id: int) -> dict[str, Any]:
    def get(k: str) -> str:
        return (row.get(k) or "").strip()

    try:
        day = dt.date.fromisoformat(get("date"))
    except ValueError:
        raise ValueError(
            translate("PostsCsv", "invalid date « {value} » (expected YYYY-MM-DD)").format(
                value=get("date")
            )
        ) from None
    all_day = not get("time")
    try:
        time = dt.time(0) if all_day else dt.time.fromisoformat(get("time"))
    except ValueError:
        raise ValueError(
            translate("PostsCsv", "invalid time « {value} » (expected HH:MM)").format(
                value=get("time")
            )
        ) from None
    networks = [n.lower() for n in get("networks").replace("|", " ").replace(",", " ").split()]
    if not networks:
        raise ValueError(translate("PostsCsv", "no network"))
    for n in networks:
        if n not in PUBLISHABLE_NETWORKS:
            raise ValueError(
                translate("PostsCsv", "unknown network « {network} »").format(network=n)
            )
    text = row.get("text") or ""
    if not text.strip() and not get("media"):
        raise ValueError(translate("PostsCsv", "empty text"))
    check_year(day)  # year 1 or 9999 overflows in UTC and breaks every later export
    when = local_to_utc(day, time, zone)
    networks = list(dict.fromkeys(networks))
    return {
        "uid": _uid(client_id, when, networks, text),
        "texts": {n: text for n in networks},
        "links": {n: get("link") for n in networks},
        "notes": row.get("notes") or "",
        "planned_at": when,
        "all_day": all_day,
        "networks": networks,
        "text": text,
        "category": get("category"),
        "title": get("title"),
        "campaign": get("campaign"),
        "media": [m.strip() for m in get("media").split("|") if m.strip()],
    }

"""Bulk import of posts from CSV: each broken row reported with its line and reason.

Columns (header row, UTF-8, comma-separated, RFC 4180 quoting):
``date,time,networks,text,category,media,title,campaign`` — date ``YYYY-MM-DD``, time
``HH:MM`` in the client's zone (empty = all-day), networks separated by ``|`` or spaces,
media file names relative to the CSV's folder separated by ``|``. A row identical to a post
already there (same time, networks and text) adds nothing, so a second import adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db_busy import BATCH, commit_batch
from app.errors import TribuneError, ValidationError
from app.i18n import translate
from app.limits import check_year
from app.models.posts import Post
from app.services import audit
from app.services.media_guard import resolve_media
from app.services.network_data import IngestResult, RowError
from app.services.posts import VariantInput, client_zone, create_post, local_to_utc
from app.services.posts_counters import PUBLISHABLE_NETWORKS
from app.services.posts_media import store_media

REQUIRED = ("date", "networks", "text")


def _uid(client_id: int, when: dt.datetime, networks: list[str], text: str) -> str:
    raw = f"{client_id}|{when.isoformat()}|{','.join(sorted(networks))}|{text}"
    return "csv-" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def import_csv(
    session: Session, client_id: int, data: str, *, base_dir: Path | None = None
) -> IngestResult:
    zone = client_zone(session, client_id)
    # newline=None: universal newlines, so a file with CR-only line endings reads too
    reader = csv.DictReader(io.StringIO(data.lstrip("\ufeff"), newline=None))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValidationError(
            translate("PostsCsv", "Missing columns in the CSV header: {columns}").format(
                columns=", ".join(missing)
            )
        )
    reader.fieldnames = header
    known = set(session.scalars(select(Post.uid).where(Post.client_id == client_id)))
    added = dupes = 0
    errors: list[RowError] = []
    for done, row in enumerate(reader):
        if done and done % BATCH == 0:  # other writers get in between batches (docs/pitfalls.md)
            commit_batch(session)
        line = reader.line_num
        try:
            fields = _row(row, zone, client_id)
        except ValueError as exc:
            errors.append(RowError(line, "", str(exc)))
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
                fields["variants"] = [
                    VariantInput(n, fields["text"], media=media) for n in fields.pop("networks")
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
    return IngestResult(added, dupes, tuple(errors))


def _row(row: dict, zone, client_id: int) -> dict:
    get = lambda k: (row.get(k) or "").strip()  # noqa: E731
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
    return {
        "uid": _uid(client_id, when, networks, text),
        "planned_at": when,
        "all_day": all_day,
        "networks": list(dict.fromkeys(networks)),
        "text": text,
        "category": get("category"),
        "title": get("title"),
        "campaign": get("campaign"),
        "media": [m.strip() for m in get("media").split("|") if m.strip()],
    }

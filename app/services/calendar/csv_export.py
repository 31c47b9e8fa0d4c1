"""The posts CSV export (the README's "CSV export"): Tribune's import layout, re-importable.

One row per post and network: ``date,time,networks,text,category,media,title,campaign,
link,uid,status`` — the date and time in the client's zone (time empty for an all-day
post), the network's own text and link. ``uid`` lets the import put the rows of one post
back together and recognise posts already there, so importing the export into the same
client adds nothing. UTF-8 with a BOM (a spreadsheet shows the accents), cells that a
spreadsheet would run as formulas quoted (:mod:`app.csvsafe`; the import reads them back),
written aside and checked before it appears (:func:`app.safefile.write_bytes_checked`).
Media stay in Tribune: the ``media`` column is left empty.
"""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import csvsafe
from app.i18n import translate
from app.models.posts import Post
from app.safefile import write_bytes_checked
from app.services.calendar.posts import client_zone

COLUMNS = (
    "date", "time", "networks", "text", "category", "media", "title", "campaign", "link",
    "uid", "status",
)  # fmt: skip


def export_csv_bytes(session: Session, client_id: int) -> tuple[bytes, int]:
    zone = client_zone(session, client_id)
    posts = session.scalars(
        select(Post)
        .where(Post.client_id == client_id)
        .options(selectinload(Post.variants))
        .order_by(Post.planned_at, Post.id)
    ).all()
    buf = io.StringIO()
    out = csvsafe.writer(buf, lineterminator="\r\n")
    out.writerow(COLUMNS)
    rows = 0
    for post in posts:
        local = post.planned_at.astimezone(zone)
        time = "" if post.all_day else local.strftime("%H:%M")
        for v in sorted(post.variants, key=lambda v: v.network):
            out.writerow(
                [
                    local.date().isoformat(), time, v.network, v.text, post.category, "",
                    post.title, post.campaign, v.link, post.uid, post.status,
                ]
            )  # fmt: skip
            rows += 1
    return ("\ufeff" + buf.getvalue()).encode("utf-8"), rows


def export_csv(session: Session, client_id: int, out: str | Path) -> int:
    """Write the client's posts to ``out``; returns the number of rows."""
    data, rows = export_csv_bytes(session, client_id)
    write_bytes_checked(out, data, lambda path: _verify(path, rows))
    return rows


def _verify(path: Path, rows: int) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    read = list(csv.reader(io.StringIO(text, newline="")))
    if not read or tuple(read[0]) != COLUMNS or len(read) - 1 != rows:
        raise OSError(errno.EIO, translate("PostsCsv", "the file written is incomplete"))

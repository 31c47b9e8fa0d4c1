"""Media attachments stored once per client by SHA-256.

The bytes go into the database (:mod:`app.services.calendar.media_store`), so every seat of an
agency can publish them and backups carry them; the copy in this machine's media folder is only a
local cache for previews.
"""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import media_dir
from app.db_writes import insert_ignore
from app.errors import ValidationError
from app.i18n import translate
from app.models.base import table_of
from app.models.posts import MediaAsset
from app.services.calendar.counters import media_problems
from app.services.calendar.media_store import put_file

ALLOWED_MIME = (
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "video/mp4",
    "video/quicktime",
)


@dataclass(frozen=True)
class MediaInfo:
    id: int
    sha256: str
    filename: str
    mime: str
    size: int
    path: str
    alt_text: str = ""  # its description for screen readers (app/services/calendar/media_alt)
    alt_version: int = 1


def _info(m: MediaAsset) -> MediaInfo:
    return MediaInfo(
        m.id, m.sha256, m.filename, m.mime, m.size, m.path, m.alt_text or "", m.version or 1
    )


def store_media(session: Session, client_id: int, source: str | Path) -> MediaInfo:
    """Copy ``source`` into the media folder once (same bytes → same row and file)."""
    src = Path(source)
    if not src.is_file():
        raise ValidationError(
            translate("PostsMedia", "File not found: {path}").format(path=src), "media"
        )
    mime = mimetypes.guess_type(src.name)[0] or "application/octet-stream"
    if mime not in ALLOWED_MIME:
        raise ValidationError(
            translate(
                "PostsMedia", "{name}: only images (JPEG, PNG, GIF, WebP) and videos (MP4, MOV)."
            ).format(name=src.name),
            "media",
        )
    digest = hashlib.sha256()
    with src.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    put_file(session, src, sha, mime)  # streamed in chunks; kept once for every client
    folder = media_dir() / sha[:2]
    target = folder / (sha + src.suffix.lower())
    # Two seats attaching the same new file at the same instant both find no row: a select
    # then an insert met the unique key on the second. ON CONFLICT DO NOTHING, then the row
    # read back — theirs or ours (pitfalls: insert_ignore announces it on the change feed).
    row = {
        "client_id": client_id,
        "sha256": sha,
        "filename": src.name[:300],
        "mime": mime,
        "size": src.stat().st_size,
        "path": str(target),
    }
    insert_ignore(session, table_of(MediaAsset), [row])
    asset = session.scalars(
        select(MediaAsset).where(MediaAsset.client_id == client_id, MediaAsset.sha256 == sha)
    ).one()
    if asset.path != str(target) and Path(asset.path).exists():
        return _info(asset)  # this seat already has its copy where the row says
    if not target.exists():  # the local cache for previews
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(src, tmp)
        tmp.replace(target)
    if asset.path != str(target):
        asset.path = str(target)
        session.flush()
    return _info(asset)


def media_for(
    session: Session, client_id: int, ids: list[int] | tuple[int, ...]
) -> list[MediaInfo]:
    if not ids:
        return []
    rows = {
        m.id: m
        for m in session.scalars(
            select(MediaAsset).where(MediaAsset.client_id == client_id, MediaAsset.id.in_(ids))
        )
    }
    return [_info(rows[i]) for i in ids if i in rows]


def read_media_bytes(session: Session, media: MediaInfo) -> bytes:
    """The bytes of a stored file (a picture for a document's thumbnail): the local copy when
    this seat has one, else the chunks in the database. Raises OSError when neither has it."""
    try:
        return Path(media.path).read_bytes()
    except OSError:
        pass
    from app.models.media import MediaChunk

    parts = session.scalars(
        select(MediaChunk.data).where(MediaChunk.sha256 == media.sha256).order_by(MediaChunk.seq)
    ).all()
    data = b"".join(bytes(p) for p in parts)
    if not data or hashlib.sha256(data).hexdigest() != media.sha256:
        raise FileNotFoundError(media.filename)
    return data


def check_media(session: Session, client_id: int, network: str, ids: Iterable[int]) -> list[str]:
    files = media_for(session, client_id, list(ids))
    remote = [i for i, m in enumerate(files) if m.path.startswith(("https://", "http://"))]
    return media_problems(network, [(m.filename, m.mime, m.size) for m in files], remote)

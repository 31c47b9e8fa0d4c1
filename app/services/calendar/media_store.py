"""Attached files in the database: every seat publishes the same bytes.

A file is stored once by its SHA-256 in ``media_blob`` with its bytes in ``media_chunk``
rows of at most :data:`CHUNK` bytes, written and read one chunk at a time (a 300 MB video
never sits whole in memory). Backups carry them like any other row.

Publishing copies a post's files to a private temporary folder for the connectors
(:func:`files_for`), checking their hash on the way; a file the database lacks is taken from
the local media folder when it is still there (and stored, for the other seats). A missing
or damaged file raises :class:`MediaMissing`, a refusal of that post alone.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import mimetypes
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from app.connectors.base import Rejected
from app.connectors.contract import DueVariant, MediaRef
from app.db import Database, insert_ignore
from app.i18n import translate
from app.models.base import utcnow
from app.models.media import MediaBlob, MediaChunk
from app.services.calendar.media_address import FETCHED_BY_NETWORK, download_address, is_address

CHUNK = 1 << 20


class MediaMissing(Rejected):
    """A post's file is in neither the database nor the local media folder."""


def has_blob(session: Session, sha256: str) -> bool:
    blob = session.get(MediaBlob, sha256)
    return blob is not None and (blob.chunks > 0 or blob.size == 0)


def put_file(session: Session, path: Path | str, sha256: str, mime: str) -> bool:
    """Store the file's bytes under ``sha256`` unless already there; False if it does not
    hash to ``sha256`` (changed on disk). Two seats storing the same file is harmless."""
    path = Path(path)
    if has_blob(session, sha256):
        return True
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for part in iter(lambda: fh.read(CHUNK), b""):
            digest.update(part)
    if digest.hexdigest() != sha256:
        return False
    row = {"sha256": sha256, "size": 0, "mime": mime or "", "chunks": 0, "created_at": utcnow()}
    insert_ignore(session, cast(Table, MediaBlob.__table__), [row])
    size = seq = 0
    with path.open("rb") as fh:
        for part in iter(lambda: fh.read(CHUNK), b""):
            insert_ignore(
                session,
                cast(Table, MediaChunk.__table__),
                [{"sha256": sha256, "seq": seq, "data": part}],
            )
            size, seq = size + len(part), seq + 1
    session.execute(
        update(MediaBlob)
        .where(MediaBlob.sha256 == sha256)
        .values(size=size, chunks=seq)
        .execution_options(synchronize_session=False)
    )
    return True


def write_blob(db: Database, sha256: str, target: Path) -> bool:
    """Copy the stored bytes to ``target`` chunk by chunk; False when absent or damaged."""
    with db.read() as s:
        blob = s.get(MediaBlob, sha256)
        if blob is None or (blob.chunks == 0 and blob.size != 0):
            return False
        chunks = blob.chunks
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for seq in range(chunks):  # one chunk per query: memory stays at one chunk
            with db.read() as s:
                data = s.scalar(
                    select(MediaChunk.data).where(
                        MediaChunk.sha256 == sha256, MediaChunk.seq == seq
                    )
                )
            if data is None:
                return False
            data = bytes(data)
            digest.update(data)
            out.write(data)
    return digest.hexdigest() == sha256


def _missing(name: str) -> MediaMissing:
    return MediaMissing(
        translate("PostsMedia", "The file {name} is missing: attach it again.").format(name=name)
    )


@contextlib.contextmanager
def files_for(db: Database, item: DueVariant) -> Iterator[DueVariant]:
    """``item`` (a DueVariant) with each media path pointing at a temporary copy of the
    stored bytes; the copies are deleted when the block ends. Web addresses stay as they are
    for the networks that fetch pictures from them (Google, Threads, Instagram); for the
    others the picture is downloaded here, within the network's size limit."""
    media = getattr(item, "media", ()) or ()
    if not media:
        yield item
        return
    with tempfile.TemporaryDirectory(prefix="tribune-media-") as folder:
        refs: list[MediaRef] = []
        for index, ref in enumerate(media):
            if is_address(ref.path):
                if item.network not in FETCHED_BY_NETWORK:
                    target = Path(folder) / f"{index}-address"
                    mime = download_address(ref.path, target, item.network)
                    named = target.with_suffix(mimetypes.guess_extension(mime) or "")
                    target.rename(named)  # connectors read the type from the name too
                    ref = dataclasses.replace(ref, path=str(named), mime=mime)
                refs.append(ref)
                continue
            name = Path(ref.path).name or ref.sha256
            target = Path(folder) / f"{index}-{name}"
            if not ref.sha256:
                raise _missing(name)
            if not write_blob(db, ref.sha256, target):
                _store_local(db, ref)  # first use of a file from before: store it now
                if not write_blob(db, ref.sha256, target):
                    raise _missing(name)
            refs.append(dataclasses.replace(ref, path=str(target)))
        yield dataclasses.replace(item, media=tuple(refs))


def _store_local(db: Database, ref: MediaRef) -> None:
    local = Path(ref.path)
    try:
        if local.is_file():
            with db.session() as s:
                put_file(s, local, ref.sha256, ref.mime)
    except OSError:
        pass


def stored_shas(session: Session, shas: list[str]) -> Iterator[str]:
    """Which of ``shas`` have their bytes in the database."""
    if not shas:
        return iter(())
    return iter(
        session.scalars(
            select(MediaBlob.sha256).where(MediaBlob.sha256.in_(shas), MediaBlob.chunks > 0)
        ).all()
    )

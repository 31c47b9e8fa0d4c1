"""Backup and restore: one file holding every row, portable between SQLite and PostgreSQL.

The file is a zip with ``manifest.json`` (format, schema revisions, and per table its row
count and SHA-256), one JSON Lines member per table and the media files under ``media/``.
Secrets are never in it: they live in the keyring, not the database. A backup is written to a
temporary name, verified (zip CRC and every checksum) and only then moved into place; it never
overwrites a database or a file that is not a Tribune backup.

Restoring first checks the whole archive (:mod:`app.services.database.backup_check`), keeps a
copy of the current data (a file copy of a SQLite database, a backup archive of a PostgreSQL one),
then stages the rows batch by batch in temporary tables (other seats keep writing) and
replaces the content in one short transaction whose row counts are checked before it commits:
a failure, or a restore that gives up waiting, leaves the target exactly as it was. A backup
taken on SQLite restores on PostgreSQL.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import LargeBinary, Table, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.types import DateTime

import app
from app import db_busy as busy
from app.config import data_dir, media_dir
from app.db import MIGRATIONS_DIR, Database, copy_sqlite_file
from app.errors import StorageError
from app.i18n import translate
from app.models import Base, import_all
from app.safefile import check_target, checked_output, verify_zip
from app.services.database.backup_check import (
    FORMAT,
    check_backup_target,
    table_entries,
    verify_archive,
)
from app.services.database.backup_check import (
    read_manifest as read_manifest,  # re-exported: the CLI and the app check a file first
)
from app.services.database.restore_swap import restore_staged

if TYPE_CHECKING:  # Alembic is imported only to check or restore a backup
    from alembic.script import ScriptDirectory

_Row = dict[str, Any]  # a table's row, as read from or written to the archive

FORMAT_VERSION = 2
BATCH = 2000
# media_chunk rows are 1 MiB each: a few at a time, or a 100 MB video costs 2 GB of memory
BLOB_BATCH = {"media_chunk": 4}


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    tables: dict[str, int]
    previous_copy: Path | None = None

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def _tables() -> list[Table]:
    import_all()
    # The change feed's log is not data: its ids must keep growing for the seats' watchers.
    return [
        t
        for t in Base.metadata.sorted_tables
        if not t.name.startswith("alembic") and t.name != "change_log"
    ]


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decoder(table: Table) -> Callable[[_Row], _Row]:
    kinds: dict[str, str] = {}
    for col in table.columns:
        impl = getattr(col.type, "impl", col.type)
        if isinstance(impl, DateTime):
            kinds[col.name] = "datetime"
        elif isinstance(impl, LargeBinary):
            kinds[col.name] = "bytes"
        elif type(impl).__name__ == "Date":
            kinds[col.name] = "date"

    def decode(row: _Row) -> _Row:
        for name, kind in kinds.items():
            value = row.get(name)
            if value is None:
                continue
            if kind == "datetime":
                parsed = dt.datetime.fromisoformat(value)
                if parsed.tzinfo is None:
                    parsed = parsed.replace(tzinfo=dt.UTC)
                row[name] = parsed
            elif kind == "date":
                row[name] = dt.date.fromisoformat(value)
            elif kind == "bytes":
                row[name] = base64.b64decode(value["$b64"])
        return row

    return decode


def write_backup(
    db: Database, out: Path | str, progress: Callable[[str], None] | None = None
) -> BackupSummary:
    """Write every row of ``db`` and its media to ``out`` (temporary name, verified, moved)."""
    out = check_target(out)
    check_backup_target(out, db.sqlite_path)
    with checked_output(out, _verify_written, private=True) as tmp:  # every client's data
        counts = _write_archive(db, tmp, progress)
    return BackupSummary(out, counts)


def _verify_written(tmp: Path) -> None:
    verify_zip(tmp)
    verify_archive(tmp, {t.name for t in _tables()}, _all_revisions(), _head_revisions())


def _write_archive(
    db: Database, tmp: Path, progress: Callable[[str], None] | None
) -> dict[str, int]:
    counts: dict[str, int] = {}
    entries: dict[str, dict[str, Any]] = {}
    media: dict[str, dict[str, Any]] = {}
    with db.read() as session, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        if db.dialect == "postgresql":  # one snapshot for every table
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        for table in _tables():
            if progress:
                progress(table.name)
            n = 0
            files: list[tuple[str, str | None]] = []
            digest = hashlib.sha256()
            with zf.open(f"tables/{table.name}.jsonl", "w") as member:
                order = list(table.primary_key.columns) or list(table.columns)
                result = session.execute(
                    select(table)
                    .order_by(*order)
                    .execution_options(yield_per=BLOB_BATCH.get(table.name, BATCH))
                )
                for row in result.mappings():
                    line = json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False)
                    data = (line + "\n").encode("utf-8")
                    digest.update(data)
                    member.write(data)
                    n += 1
                    if table.name == "media_assets":
                        files.append((row["sha256"], row["path"]))
            for sha, path in files:
                _add_media(zf, media, sha, path)
            counts[table.name] = n
            entries[table.name] = {"rows": n, "sha256": digest.hexdigest()}
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": app.__version__,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "source_dialect": db.dialect,
            "revisions": sorted(db.current_revisions()),
            "tables": entries,
            "media": media,
        }
        zf.writestr("manifest.json", json.dumps(manifest, indent=2))
    return counts


def _media_member(sha: str, path: str) -> str:
    return f"media/{sha[:2]}/{sha}{Path(path).suffix.lower()}"


def _add_media(
    zf: zipfile.ZipFile, media: dict[str, dict[str, Any]], sha: str, path: str | None
) -> None:
    source = Path(path or "")
    member = _media_member(sha, path or "")
    if member in media or not source.is_file():
        return  # a file lost before the backup: the row still comes along
    digest = hashlib.sha256()
    with source.open("rb") as src, zf.open(member, "w") as dst:
        for chunk in iter(lambda: src.read(1 << 20), b""):
            digest.update(chunk)
            dst.write(chunk)
    media[member] = {"sha256": digest.hexdigest(), "size": source.stat().st_size}


def _rows(zf: zipfile.ZipFile, name: str, decode: Callable[[_Row], _Row]) -> Iterator[_Row]:
    with zf.open(f"tables/{name}.jsonl") as member:
        for line in member:
            if line.strip():
                yield decode(json.loads(line))


def verify_backup(db: Database, path: Path | str) -> dict[str, Any]:
    """The manifest of a backup whose every member was checked (else one-line error)."""
    return verify_archive(path, {t.name for t in _tables()}, _all_revisions(), _head_revisions())


def keep_current_data(db: Database) -> Path | None:
    """A copy of what a restore or a move is about to replace: the SQLite file itself, or a
    verified backup archive of a PostgreSQL database, in the data folder."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = db.sqlite_path
    if path is not None:
        if not path.exists():
            return None
        target = path.with_name(f"{path.name}.before-restore-{stamp}")
        copy_sqlite_file(path, target)
        return target
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return write_backup(db, folder / f"before-restore-{stamp}.zip").path


def restore_backup(
    db: Database,
    path: Path | str,
    progress: Callable[[str], None] | None = None,
    *,
    keep_copy: bool = True,
) -> BackupSummary:
    """Replace the content of ``db`` with the backup at ``path``, all or nothing.

    The archive is verified whole before anything is touched; with ``keep_copy`` the current
    data is kept first (see :func:`keep_current_data`)."""
    path = Path(path)
    manifest = verify_backup(db, path)
    entries = table_entries(manifest)
    db.upgrade()
    previous = keep_current_data(db) if keep_copy else None
    media = _restore_media(path, manifest)
    try:
        counts = _replace_content(db, path, entries, media, progress)
    except SQLAlchemyError as exc:  # the transaction rolled back: the data is as it was
        busy.raise_if_busy(exc)  # another seat's lock outlasted the wait: the one busy line
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise StorageError(
            translate(
                "Backup", "Restore refused by the database, nothing changed: {reason}"
            ).format(reason=reason[0] if reason else type(exc).__name__)
        ) from None
    return BackupSummary(path, counts, previous)


def _replace_content(
    db: Database,
    path: Path,
    entries: dict[str, dict[str, Any]],
    media: dict[str, str],
    progress: Callable[[str], None] | None,
) -> dict[str, int]:
    """Staged batch by batch, then swapped in one short checked transaction
    (:mod:`app.services.database.restore_swap`)."""
    tables = _tables()
    with zipfile.ZipFile(path) as zf:

        def batches(table: Table) -> Iterator[list[_Row]] | None:
            if table.name not in entries:
                return None
            return _batches(zf, table, media)

        expected = {name: entry.get("rows", 0) for name, entry in entries.items()}
        reset: Callable[[Session], None] | None = None
        if db.dialect == "postgresql":
            reset = lambda session: _reset_sequences(session, tables)  # noqa: E731
        return restore_staged(db, tables, batches, expected, progress, reset)


def _batches(zf: zipfile.ZipFile, table: Table, media: dict[str, str]) -> Iterator[list[_Row]]:
    decode = _decoder(table)
    known = {c.name for c in table.columns}
    batch: list[_Row] = []
    size = BLOB_BATCH.get(table.name, BATCH)
    for row in _rows(zf, table.name, decode):
        row = {k: v for k, v in row.items() if k in known}
        if table.name == "media_assets":
            member = _media_member(row.get("sha256") or "", row.get("path") or "")
            row["path"] = media.get(member, row.get("path"))
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _restore_media(path: Path, manifest: dict[str, Any]) -> dict[str, str]:
    """Put the backup's media files in the media folder; ``{member: stored path}``."""
    placed: dict[str, str] = {}
    members = manifest.get("media") or {}
    if not members:
        return placed
    root = media_dir()
    with zipfile.ZipFile(path) as zf:
        for member in members:
            target = root / Path(member).relative_to("media")
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                tmp = target.with_name(target.name + ".part")
                with zf.open(member) as src, open(tmp, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                tmp.replace(target)
            placed[member] = str(target)
    return placed


def _script() -> ScriptDirectory:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg)


def _all_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def _head_revisions() -> set[str]:
    return set(_script().get_heads())


def _reset_sequences(session: Session, tables: list[Table]) -> None:
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
            )
        )

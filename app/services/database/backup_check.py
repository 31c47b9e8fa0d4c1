"""What a backup must prove before anything is touched, and where one may be written.

A backup's manifest lists, for every table, the member holding its rows, their number and
the member's SHA-256, and for every media file its SHA-256 and size. :func:`verify_archive`
reads the whole archive against it — every member present, whole (zip CRC), hashed, counted,
every line JSON — and refuses in one line an archive that is incomplete, inconsistent or
from a newer Tribune. Only then may a restore begin.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.i18n import translate

FORMAT = "tribune-backup"
FORMAT_VERSIONS = (1, 2)  # 1: row counts only (older Tribune); 2: counts and SHA-256
SQLITE_MAGIC = b"SQLite format 3\x00"
# what reading a damaged zip may raise (found by tests/app/test_fuzz_import_restore.py)
_BROKEN_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member
)


def _not_a_backup(path: Path) -> ValidationError:
    return ValidationError(translate("Backup", "{path} is not a Tribune backup.").format(path=path))


def _damaged(path: Path, what: str) -> ValidationError:
    return ValidationError(
        translate(
            "Backup", "The backup {path} is damaged or incomplete ({what}); nothing was restored."
        ).format(path=path, what=what)
    )


def read_manifest(path: Path | str) -> dict[str, Any]:
    path = Path(path)
    if path.is_dir():
        raise _not_a_backup(path)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
    except FileNotFoundError:
        raise ValidationError(
            translate("Backup", "No such backup file: {path}").format(path=path)
        ) from None
    except (KeyError, ValueError, *_BROKEN_ZIP):
        raise _not_a_backup(path) from None
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT
        or manifest.get("format_version") not in FORMAT_VERSIONS
    ):
        raise _not_a_backup(path)
    return manifest


def table_entries(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{table: {"rows": n, "sha256": hex or None}}`` whatever the format version."""
    tables = manifest.get("tables")
    if not isinstance(tables, dict):
        return {}
    out: dict[str, dict[str, Any]] = {}
    for name, entry in tables.items():
        if isinstance(entry, int) and not isinstance(entry, bool):
            out[name] = {"rows": entry, "sha256": None}
        elif isinstance(entry, dict):
            out[name] = {"rows": entry.get("rows"), "sha256": entry.get("sha256")}
        else:
            out[name] = {"rows": None, "sha256": None}
    return out


def verify_archive(
    path: Path | str, known_tables: set[str], known_revisions: set[str], head: set[str]
) -> dict[str, Any]:
    """The manifest, once every member has been checked against it (else ValidationError)."""
    path = Path(path)
    manifest = read_manifest(path)
    revisions = manifest.get("revisions")
    if (
        not isinstance(revisions, list)
        or not revisions
        or not all(isinstance(r, str) for r in revisions)
    ):
        raise _damaged(path, translate("Backup", "no schema revision"))
    unknown = set(revisions) - known_revisions
    if unknown:
        raise ValidationError(
            translate(
                "Backup", "This backup comes from a newer Tribune ({revs}); update first."
            ).format(revs=", ".join(sorted(unknown)))
        )
    entries = table_entries(manifest)
    if not entries:
        raise _damaged(path, translate("Backup", "no table listed"))
    strange = set(entries) - known_tables
    if strange:
        raise _damaged(
            path,
            translate("Backup", "unknown tables {names}").format(names=", ".join(sorted(strange))),
        )
    expected = known_tables if set(revisions) == head else {"clients"}
    missing = expected - set(entries)
    if missing:
        raise _damaged(
            path,
            translate("Backup", "tables missing: {names}").format(names=", ".join(sorted(missing))),
        )
    media = manifest.get("media") or {}
    if not isinstance(media, dict):
        raise _damaged(path, translate("Backup", "a media file is missing"))
    versioned = manifest.get("format_version", 1) >= 2
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            listed = {f"tables/{name}.jsonl" for name in entries}
            extra = {n for n in names if n.startswith("tables/")} - listed
            if extra:
                raise _damaged(path, translate("Backup", "unlisted members"))
            for name, entry in entries.items():
                _check_table(zf, path, name, entry, names, versioned)
            for member, entry in media.items():
                _check_media(zf, path, member, entry, names)
    except _BROKEN_ZIP:
        raise _damaged(path, translate("Backup", "unreadable archive")) from None
    return manifest


def _check_table(
    zf: zipfile.ZipFile,
    path: Path,
    name: str,
    entry: dict[str, Any],
    names: set[str],
    versioned: bool,
) -> None:
    member = f"tables/{name}.jsonl"
    rows = entry.get("rows")
    if not isinstance(rows, int) or isinstance(rows, bool) or rows < 0:
        raise _damaged(path, translate("Backup", "no row count for {table}").format(table=name))
    if versioned and not isinstance(entry.get("sha256"), str):
        raise _damaged(path, translate("Backup", "no checksum for {table}").format(table=name))
    if member not in names:
        raise _damaged(path, translate("Backup", "{table} is missing").format(table=name))
    digest = hashlib.sha256()
    count = 0
    pending = b""
    with zf.open(member) as fh:  # zipfile checks the CRC at the end of the member
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                count += _check_line(path, name, line)
    count += _check_line(path, name, pending)
    if versioned and digest.hexdigest() != entry["sha256"]:
        raise _damaged(
            path, translate("Backup", "{table} does not match its checksum").format(table=name)
        )
    if count != rows:
        raise _damaged(
            path,
            translate("Backup", "{table} holds {found} rows, the manifest says {rows}").format(
                table=name, found=count, rows=rows
            ),
        )


def _check_line(path: Path, table: str, line: bytes) -> int:
    if not line.strip():
        return 0
    try:
        row = json.loads(line)
    except ValueError:
        row = None
    if not isinstance(row, dict):
        raise _damaged(
            path, translate("Backup", "a row of {table} is unreadable").format(table=table)
        )
    return 1


def _check_media(
    zf: zipfile.ZipFile, path: Path, member: str, entry: object, names: set[str]
) -> None:
    if (
        not isinstance(entry, dict)
        or not isinstance(entry.get("sha256"), str)
        or not member.startswith("media/")
        or ".." in member.split("/")
        or member not in names
    ):
        raise _damaged(path, translate("Backup", "a media file is missing"))
    digest = hashlib.sha256()
    with zf.open(member) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != entry["sha256"]:
        raise _damaged(path, translate("Backup", "a media file does not match its checksum"))


def check_backup_target(out: Path, live: Path | None) -> None:
    """Refuse to write a backup over the live database, any SQLite database, or any existing
    file that is not a Tribune backup (what it would destroy is not ours to destroy)."""
    if live is not None:
        live_names = {live} | {live.with_name(live.name + s) for s in ("-wal", "-shm", "-journal")}
        resolved = {os.path.realpath(p) for p in live_names}
        if os.path.realpath(out) in resolved:
            raise ValidationError(
                translate("Backup", "{path} is the database itself: choose another file.").format(
                    path=out
                )
            )
    if not out.exists():
        return
    if not out.is_file():
        raise ValidationError(
            translate("Backup", "{path} is not a regular file: choose another file.").format(
                path=out
            )
        )
    try:
        with open(out, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ValidationError(
            translate("Backup", "Cannot read {path}: {reason}").format(
                path=out, reason=exc.strerror or exc
            )
        ) from None
    if head == SQLITE_MAGIC:
        raise ValidationError(
            translate("Backup", "{path} is a database: a backup never overwrites one.").format(
                path=out
            )
        )
    try:
        read_manifest(out)
    except ValidationError:
        raise ValidationError(
            translate(
                "Backup", "{path} exists and is not a Tribune backup: choose another file."
            ).format(path=out)
        ) from None

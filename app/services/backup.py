"""Backup and restore: one file holding every row, portable between SQLite and PostgreSQL.

The file is a zip with ``manifest.json`` (format, schema revisions, row counts) and one JSON
Lines member per table. Secrets are never in it: they live in the keyring, not the database.
Restoring replaces the whole content of the target database in one transaction, so a failure
leaves the target exactly as it was. A backup taken on SQLite restores on PostgreSQL: that is
how an agency moves from one laptop to a shared server.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import LargeBinary, Table, delete, insert, select, text
from sqlalchemy.types import DateTime

import app
from app.db import Database
from app.errors import StorageError, ValidationError
from app.i18n import translate
from app.models import Base

FORMAT = "tribune-backup"
FORMAT_VERSION = 1
BATCH = 2000


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    tables: dict[str, int]

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def _tables() -> list[Table]:
    # The change feed's log is not data: its ids must keep growing for the seats' watchers.
    return [
        t
        for t in Base.metadata.sorted_tables
        if not t.name.startswith("alembic") and t.name != "change_log"
    ]


def _encode(value):
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decoder(table: Table) -> Callable[[dict], dict]:
    kinds = {}
    for col in table.columns:
        impl = getattr(col.type, "impl", col.type)
        if isinstance(impl, DateTime):
            kinds[col.name] = "datetime"
        elif isinstance(impl, LargeBinary):
            kinds[col.name] = "bytes"
        elif type(impl).__name__ == "Date":
            kinds[col.name] = "date"

    def decode(row: dict) -> dict:
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
    """Write every row of ``db`` to ``out`` (written to a temporary name, then renamed)."""
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise ValidationError(
            translate("Backup", "The folder {folder} does not exist.").format(folder=out.parent)
        )
    tmp = out.with_name(out.name + ".part")
    counts: dict[str, int] = {}
    try:
        with db.read() as session, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for table in _tables():
                if progress:
                    progress(table.name)
                n = 0
                with zf.open(f"tables/{table.name}.jsonl", "w") as member:
                    stream = io.TextIOWrapper(member, encoding="utf-8")
                    order = list(table.primary_key.columns) or list(table.columns)
                    result = session.execute(
                        select(table).order_by(*order).execution_options(yield_per=BATCH)
                    )
                    for row in result.mappings():
                        stream.write(
                            json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False)
                        )
                        stream.write("\n")
                        n += 1
                    stream.flush()
                    stream.detach()
                counts[table.name] = n
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": app.__version__,
                "created_at": dt.datetime.now(dt.UTC).isoformat(),
                "source_dialect": db.dialect,
                "revisions": sorted(db.current_revisions()),
                "tables": counts,
            }
            zf.writestr("manifest.json", json.dumps(manifest, indent=2))
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            translate("Backup", "Cannot write the backup {path}: {reason}").format(
                path=out, reason=exc.strerror or exc
            )
        ) from None
    return BackupSummary(out, counts)


def read_manifest(path: Path | str) -> dict:
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
    except FileNotFoundError:
        raise ValidationError(
            translate("Backup", "No such backup file: {path}").format(path=path)
        ) from None
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, OSError):
        raise ValidationError(
            translate("Backup", "{path} is not a Tribune backup.").format(path=path)
        ) from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise ValidationError(
            translate("Backup", "{path} is not a Tribune backup.").format(path=path)
        )
    return manifest


def _rows(zf: zipfile.ZipFile, name: str, decode) -> Iterator[dict]:
    with zf.open(f"tables/{name}.jsonl") as member:
        for line in io.TextIOWrapper(member, encoding="utf-8"):
            if line.strip():
                yield decode(json.loads(line))


def restore_backup(
    db: Database, path: Path | str, progress: Callable[[str], None] | None = None
) -> BackupSummary:
    """Replace the content of ``db`` with the backup at ``path``, all or nothing."""
    path = Path(path)
    manifest = read_manifest(path)
    unknown = set(manifest.get("revisions", [])) - _known_revisions(db)
    if unknown:
        raise ValidationError(
            translate(
                "Backup", "This backup comes from a newer Tribune ({revs}); update first."
            ).format(revs=", ".join(sorted(unknown)))
        )
    db.upgrade()
    tables = _tables()
    counts: dict[str, int] = {}
    with zipfile.ZipFile(path) as zf, db.session() as session:
        names = set(zf.namelist())
        for table in reversed(tables):
            session.execute(delete(table))
        for table in tables:
            member = f"tables/{table.name}.jsonl"
            counts[table.name] = 0
            if member not in names:
                continue  # a table added after the backup was written: stays empty
            if progress:
                progress(table.name)
            decode = _decoder(table)
            known = {c.name for c in table.columns}
            batch: list[dict] = []
            for row in _rows(zf, table.name, decode):
                batch.append({k: v for k, v in row.items() if k in known})
                if len(batch) >= BATCH:
                    session.execute(insert(table), batch)
                    counts[table.name] += len(batch)
                    batch.clear()
            if batch:
                session.execute(insert(table), batch)
                counts[table.name] += len(batch)
        if db.dialect == "postgresql":
            _reset_sequences(session, tables)
    return BackupSummary(path, counts)


def _known_revisions(db: Database) -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _reset_sequences(session, tables: list[Table]) -> None:
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

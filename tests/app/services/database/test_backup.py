"""Backups that prove themselves: nothing is restored from an archive that is not whole, the
current data is kept first, and a backup never overwrites what it must not (issue #19)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import StorageError, ValidationError
from app.models.client import Client
from app.models.posts import MediaAsset
from app.services.calendar.media import store_media
from app.services.clients import workspaces as clients
from app.services.database.backup import restore_backup, write_backup
from tests.conftest import db_url_of

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def names(db) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(Client.name)))


def seed(db, *people: str) -> None:
    with db.session() as s:
        for name in people:
            clients.create_client(s, name)


def rewrite(src: Path, dst: Path, *, drop=(), replace=None, manifest=None) -> None:
    """A copy of the archive ``src`` with members dropped or replaced, manifest edited."""
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            data = replace.get(item.filename, zin.read(item.filename))
            if item.filename == "manifest.json" and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            zout.writestr(item.filename, data)


@pytest.fixture
def backup(db, tmp_path):
    seed(db, "Boulangerie Martin", "Mairie de Lyon")
    out = tmp_path / "agency.zip"
    write_backup(db, out)
    return out


def test_manifest_carries_checksum_and_count_of_every_member(db, backup):
    with zipfile.ZipFile(backup) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for name, entry in manifest["tables"].items():
            data = zf.read(f"tables/{name}.jsonl")
            assert entry["sha256"] == hashlib.sha256(data).hexdigest()
            assert entry["rows"] == data.count(b"\n")
    assert manifest["tables"]["clients"]["rows"] == 2
    assert not list(backup.parent.glob("*.part"))


@pytest.mark.parametrize(
    "damage",
    ["manifest_only", "missing_table", "shortened", "count_lies", "newer_revision", "no_tables"],
)
def test_restore_refuses_damaged_archive_and_touches_nothing(db, backup, tmp_path, damage):
    seed(db, "Client du jour")  # what must survive
    before = names(db)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(backup) as zf:
        members = zf.namelist()
        clients_rows = zf.read("tables/clients.jsonl")
    if damage == "manifest_only":
        rewrite(backup, bad, drop=[m for m in members if m != "manifest.json"])
    elif damage == "missing_table":
        rewrite(backup, bad, drop=["tables/clients.jsonl"])
    elif damage == "shortened":
        rewrite(backup, bad, replace={"tables/clients.jsonl": clients_rows.split(b"\n")[0] + b"\n"})
    elif damage == "count_lies":  # checksum recomputed by a forger, count left
        short = clients_rows.split(b"\n")[0] + b"\n"

        def fix(m):
            m["tables"]["clients"]["sha256"] = hashlib.sha256(short).hexdigest()
            return m

        rewrite(backup, bad, replace={"tables/clients.jsonl": short}, manifest=fix)
    elif damage == "newer_revision":
        rewrite(backup, bad, manifest=lambda m: {**m, "revisions": ["9999_from_the_future"]})
    else:
        rewrite(backup, bad, manifest=lambda m: {**m, "tables": {}})
    with pytest.raises(ValidationError) as err:
        restore_backup(db, bad)
    assert "\n" not in err.value.message
    if damage == "newer_revision":
        assert "newer Tribune" in err.value.message
    else:
        assert "damaged or incomplete" in err.value.message
    assert names(db) == before


def test_restore_keeps_a_copy_of_the_current_data_first(db, backup, tribune_home):
    seed(db, "Client du jour")
    result = restore_backup(db, backup)
    assert names(db) == ["Boulangerie Martin", "Mairie de Lyon"]
    kept = result.previous_copy
    assert kept is not None and kept.exists()
    if db.is_sqlite:  # a file copy of the database
        with sqlite3.connect(kept) as conn:
            rows = {r[0] for r in conn.execute("SELECT name FROM clients")}
        assert "Client du jour" in rows
    else:  # a verified backup archive in the data folder, restorable
        assert kept.parent == tribune_home / "backups"
        restore_backup(db, kept, keep_copy=False)
        assert "Client du jour" in names(db)


def test_restore_refused_by_the_database_rolls_back(db, backup, tmp_path):
    seed(db, "Client du jour")
    before = names(db)
    bad = tmp_path / "dupes.zip"
    with zipfile.ZipFile(backup) as zf:
        rows = zf.read("tables/clients.jsonl")
    first = rows.split(b"\n")[0] + b"\n"
    doubled = first + first  # the same primary key twice: checksums fine, the database says no

    def fix(m):
        m["tables"]["clients"] = {"rows": 2, "sha256": hashlib.sha256(doubled).hexdigest()}
        return m

    rewrite(backup, bad, replace={"tables/clients.jsonl": doubled}, manifest=fix)
    with pytest.raises(StorageError) as err:
        restore_backup(db, bad, keep_copy=False)
    assert "nothing changed" in err.value.message
    assert names(db) == before


def test_media_files_travel_with_the_backup(db, tmp_path, tribune_home, monkeypatch):
    picture = tmp_path / "vitrine.png"
    picture.write_bytes(PNG)
    with db.session() as s:
        cid = clients.create_client(s, "Fleuriste").id
        store_media(s, cid, picture)
    out = tmp_path / "with-media.zip"
    write_backup(db, out)
    shutil.rmtree(tribune_home / "media")  # another machine: an empty media folder
    restore_backup(db, out, keep_copy=False)
    with db.read() as s:
        stored = s.scalars(select(MediaAsset.path)).one()
    assert Path(stored).read_bytes() == PNG
    assert Path(stored).is_relative_to(tribune_home / "media")


def test_backup_refuses_to_overwrite_the_database_or_a_foreign_file(sqlite_db, tmp_path):
    seed(sqlite_db, "Boulangerie Martin")
    live = sqlite_db.sqlite_path
    size = live.stat().st_size
    with pytest.raises(ValidationError, match="database itself"):
        write_backup(sqlite_db, live)
    assert live.stat().st_size == size and live.read_bytes().startswith(b"SQLite format 3")
    other = tmp_path / "other.sqlite3"
    shutil.copy(live, other)
    with pytest.raises(ValidationError, match="is a database"):
        write_backup(sqlite_db, other)
    notes = tmp_path / "notes.txt"
    notes.write_text("précieux")
    with pytest.raises(ValidationError, match="not a Tribune backup"):
        write_backup(sqlite_db, notes)
    assert notes.read_text() == "précieux"
    with pytest.raises(StorageError, match="is a folder"):
        write_backup(sqlite_db, tmp_path)
    # an older backup may be replaced
    old = tmp_path / "old.zip"
    write_backup(sqlite_db, old)
    seed(sqlite_db, "Mairie de Lyon")
    assert write_backup(sqlite_db, old).tables["clients"] == 2


def test_cli_backup_over_live_database_is_one_line_exit_1(cli, tmp_path):
    url = f"sqlite:///{tmp_path}/live.sqlite3"
    assert cli("client", "add", "Gardé", db_url=url).returncode == 0
    out = cli("backup", "--out", str(tmp_path / "live.sqlite3"), db_url=url)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "database itself" in out.stderr
    listed = json.loads(cli("client", "list", "--json", db_url=url).stdout)
    assert [c["name"] for c in listed] == ["Gardé"]


def test_cli_restore_of_manifest_only_archive_is_refused(cli, tmp_path, db):
    src = f"sqlite:///{tmp_path}/src.sqlite3"
    cli("client", "add", "Source", db_url=src)
    archive = tmp_path / "a.zip"
    assert cli("backup", "--out", str(archive), db_url=src).returncode == 0
    stripped = tmp_path / "stripped.zip"
    rewrite(
        archive, stripped, drop=[n for n in zipfile.ZipFile(archive).namelist() if "tables/" in n]
    )
    target = db_url_of(db)
    seed(db, "Cible")
    out = cli("restore", str(stripped), db_url=target)
    assert out.returncode == 1 and out.stderr.count("\n") == 1, out.stderr
    assert "Restored" not in out.stdout
    assert names(db) == ["Cible"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 1


def test_a_backup_from_an_older_tribune_still_restores_with_its_counts_checked(
    db, backup, tmp_path
):
    """Format 1 (before checksums) carries row counts only: they are still checked."""

    def v1(m, rows=None):
        tables = {name: entry["rows"] for name, entry in m["tables"].items()}
        if rows is not None:
            tables["clients"] = rows
        return {**m, "format_version": 1, "tables": tables}

    old = tmp_path / "v1.zip"
    rewrite(backup, old, manifest=v1)
    seed(db, "Client du jour")
    restore_backup(db, old, keep_copy=False)
    assert names(db) == ["Boulangerie Martin", "Mairie de Lyon"]
    lying = tmp_path / "v1-lying.zip"
    rewrite(backup, lying, manifest=lambda m: v1(m, rows=5))
    with pytest.raises(ValidationError, match="damaged or incomplete"):
        restore_backup(db, lying, keep_copy=False)
    assert names(db) == ["Boulangerie Martin", "Mairie de Lyon"]


def test_backup_is_private_and_exports_keep_the_usual_permissions(sqlite_db, tmp_path):
    import os
    import stat

    from app.safefile import write_bytes_checked

    backup_file = tmp_path / "private.zip"
    write_backup(sqlite_db, backup_file)
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    old = os.umask(0o022)
    try:
        shared = write_bytes_checked(tmp_path / "shared.csv", b"a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644

"""Fuzzing the doors where outside files come in: the inbox CSV importer and restore.

Whatever the bytes, the result is a clean outcome (rows in, row errors, or one TribuneError)
and never a crash; a restore that fails leaves the data exactly as it was (issue #19).
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.errors import TribuneError
from app.models.client import Client
from app.services.clients import workspaces as clients
from app.services.database.backup import restore_backup, write_backup
from app.services.inbox.csv_import import COLUMNS, import_csv, parse_rows

HEADER = ",".join(COLUMNS)
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "2026-03-01T10:00:00+01:00",
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-12:00",
            "2026-02-30T10:00:00Z",
            "=cmd|' /C calc'!A0",
            "<img src=/etc/passwd>",
            "\x00",
            "\r",
            '"',
            "mastodon",
            "comment",
        ]
    ),
)
row = st.lists(cell, min_size=0, max_size=len(COLUMNS) + 2)


def render(rows: list[list[str]], line_end: str) -> str:
    out = io.StringIO()
    import csv

    csv.writer(out, lineterminator=line_end).writerows(rows)
    return HEADER + line_end + out.getvalue()


@settings(max_examples=300, deadline=None)
@given(st.lists(row, max_size=8), st.sampled_from(["\n", "\r\n", "\r"]))
def test_inbox_csv_parser_never_crashes(rows, line_end):
    try:
        good, errors = parse_rows(render(rows, line_end))
    except TribuneError as exc:
        assert "\n" not in exc.message
        return
    for _line, message in good:
        assert 1900 <= message.received_at.year <= 2200
    assert all(e.line >= 2 for e in errors)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_inbox_csv_parser_takes_any_text(text):
    try:
        parse_rows(text)
    except TribuneError:
        pass


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(row, min_size=1, max_size=6))
def test_inbox_csv_import_into_a_real_database(sqlite_db, tmp_path, rows):
    with sqlite_db.session() as s:
        existing = s.scalar(select(Client.id).where(Client.name == "Fuzz"))
        cid = existing or clients.create_client(s, "Fuzz").id
    path = tmp_path / "fuzz.csv"
    path.write_text(render(rows, "\n"), encoding="utf-8")
    try:
        report = import_csv(sqlite_db, cid, path)
    except TribuneError:
        return
    assert report.added + report.duplicates + len(report.errors) >= 0


@pytest.fixture(scope="module")
def archive_bytes(tmp_path_factory, sqlite_template):
    import shutil

    from app.db import Database

    folder = tmp_path_factory.mktemp("fuzz-backup")
    shutil.copy(sqlite_template, folder / "src.sqlite3")
    db = Database(f"sqlite:///{folder / 'src.sqlite3'}")
    with db.session() as s:
        clients.create_client(s, "Boulangerie Martin")
        clients.create_client(s, "Mairie de Lyon")
    write_backup(db, folder / "a.zip")
    db.dispose()
    return folder / "a.zip"  # a path: hypothesis prints it whole on a failure


def mutate(data: bytes, how: str, at: int, value: int) -> bytes:
    if how == "flip":
        i = at % len(data)
        return data[:i] + bytes([data[i] ^ (value or 1)]) + data[i + 1 :]
    if how == "truncate":
        return data[: at % len(data)]
    # rewrite a member inside a valid zip
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    names = sorted(members)
    name = names[at % len(names)]
    if how == "drop":
        del members[name]
    elif how == "manifest":
        manifest = json.loads(members["manifest.json"])
        key = sorted(manifest)[value % len(manifest)]
        manifest[key] = [None, 0, "x", {}, [], -1][value % 6]
        members["manifest.json"] = json.dumps(manifest).encode()
    else:  # "line": cut or double a line of a member
        lines = members[name].split(b"\n")
        j = value % max(1, len(lines))
        lines = lines[:j] + lines[j + 1 :] if value % 2 else lines[: j + 1] + lines[j:]
        members[name] = b"\n".join(lines)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for n, content in members.items():
            zout.writestr(n, content)
    return out.getvalue()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    how=st.sampled_from(["flip", "truncate", "drop", "manifest", "line"]),
    at=st.integers(min_value=0, max_value=10**6),
    value=st.integers(min_value=0, max_value=255),
)
def test_a_mangled_backup_restores_whole_or_not_at_all(
    sqlite_db, tmp_path, archive_bytes, how, at, value
):
    with sqlite_db.session() as s:
        if not s.scalar(select(Client.id).where(Client.name == "Gardé")):
            clients.create_client(s, "Gardé")
    with sqlite_db.read() as s:
        before = sorted(s.scalars(select(Client.name)))
    bad = tmp_path / "mangled.zip"
    bad.write_bytes(mutate(archive_bytes.read_bytes(), how, at, value))
    try:
        restore_backup(sqlite_db, bad, keep_copy=False)
    except TribuneError as exc:
        assert "\n" not in exc.message
        with sqlite_db.read() as s:
            assert sorted(s.scalars(select(Client.name))) == before
        return
    with sqlite_db.read() as s:  # accepted: then it is the backup, whole
        assert sorted(s.scalars(select(Client.name))) == ["Boulangerie Martin", "Mairie de Lyon"]
    with sqlite_db.session() as s:  # back to the starting point for the next example
        clients.create_client(s, "Gardé")

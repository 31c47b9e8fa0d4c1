"""Media from a posts CSV stay inside its folder and are what they claim (issue #19)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from app.config import media_dir
from app.models.posts import MediaAsset
from app.services.calendar.csv_import import import_csv
from app.services.clients import workspaces as clients

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
HEADER = "date,time,networks,text,category,media\n"


@pytest.fixture
def layout(tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.png").write_bytes(PNG)
    folder = tmp_path / "campagne"
    folder.mkdir()
    (folder / "ok.png").write_bytes(PNG)
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.png").write_bytes(PNG)
    os.symlink(outside / "secret.png", folder / "lien.png")
    os.symlink(outside, folder / "dossier")
    (folder / "faux.png").write_bytes(b"#!/bin/sh\necho not a picture\n")
    os.mkfifo(folder / "tube.png")
    (folder / "rep.png").mkdir()
    return folder, outside


def test_media_outside_the_csv_folder_or_not_what_they_claim_are_refused(sqlite_db, layout):
    folder, outside = layout
    rows = [
        ("ok.png", None),
        ("sub/inner.png", None),
        ("../private/secret.png", "leaves"),
        (str(outside / "secret.png"), "absolute"),
        ("lien.png", "outside"),
        ("dossier/secret.png", "outside"),
        ("faux.png", "content"),
        ("tube.png", "regular file"),
        ("rep.png", "regular file"),
        ("C:\\Windows\\win.ini", "absolute"),
        ("sub/../../private/secret.png", "leaves"),
    ]
    text = HEADER + "".join(
        f"2026-01-{i + 5:02d},09:00,facebook,post {i},,{name}\n" for i, (name, _) in enumerate(rows)
    )
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Boulangerie").id
        result = import_csv(s, cid, text, base_dir=folder)
    assert result.added == 2
    reasons = {e.line: e.reason for e in result.errors}
    for line, (name, why) in enumerate(rows, start=2):
        if why is None:
            assert line not in reasons
        else:
            assert why in reasons[line] and "\n" not in reasons[line], (name, reasons.get(line))
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(MediaAsset)) == 1  # ok == inner
    stored = [p.read_bytes() for p in media_dir().rglob("*") if p.is_file()]
    assert stored == [PNG]


def test_oversized_media_is_refused(sqlite_db, tmp_path, monkeypatch):
    monkeypatch.setattr("app.services.calendar.media_guard.MAX_IMAGE_BYTES", 1000)
    (tmp_path / "grand.png").write_bytes(PNG + b"\x00" * 2000)
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Boulangerie").id
        result = import_csv(s, cid, HEADER + "2026-01-05,09:00,x,t,,grand.png\n", base_dir=tmp_path)
    assert result.added == 0 and "larger than" in result.errors[0].reason

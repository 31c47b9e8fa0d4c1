"""CSV bulk import, media stored once by hash, approval and its PDF sheet."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from app.config import media_dir
from app.errors import ValidationError
from app.services.calendar import posts
from app.services.calendar.approval import record_decision, submit_for_review
from app.services.calendar.csv_import import import_csv
from app.services.calendar.query import posts_between
from app.services.clients import workspaces as clients

ALL = (dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC))


def _client(db):
    with db.session() as s:
        return clients.create_client(s, "Boulangerie").id


def test_csv_rows_reported_by_line_rest_in_nothing_twice(db, tmp_path):
    cid = _client(db)
    (tmp_path / "galette.png").write_bytes(b"\x89PNG fake image bytes")
    csv_text = (
        "date,time,networks,text,category,media\n"
        "2026-01-06,08:30,facebook|instagram,"
        '"La galette est là 👑, frangipane !",produit,galette.png\n'
        "2026-01-07,25:00,facebook,heure impossible,,\n"
        "2026-01-08,09:00,tiktok,réseau inconnu,,\n"
        '2026-01-09,09:00,x,"multi\nligne",coulisses,\n'
        "2026-01-10,09:00,facebook,,,\n"
        "2026-01-11,09:00,facebook,image absente,,absente.jpg\n"
        "2026-03-29,02:30,x,trou de l'heure d'été,,\n"
    )
    with db.session() as s:
        result = import_csv(s, cid, csv_text, base_dir=tmp_path)
    assert result.added == 3
    lines = {e.line: e.reason for e in result.errors}
    assert sorted(lines) == [3, 4, 7, 8]  # line numbers in the file (row 5 spans two lines)
    assert "25:00" in lines[3] and "tiktok" in lines[4] and "empty" in lines[7]
    assert "absente.jpg" in lines[8]
    with db.session() as s:
        again = import_csv(s, cid, csv_text, base_dir=tmp_path)
        chips = posts_between(s, cid, *ALL)
    assert (again.added, again.duplicates) == (0, 3)
    assert len(chips) == 3
    galette = chips[0]
    assert galette.networks == ("facebook", "instagram")
    assert galette.planned_at == dt.datetime(2026, 1, 6, 7, 30, tzinfo=dt.UTC)
    assert chips[2].planned_at == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)
    with db.read() as s:
        full = posts.get_post(s, cid, galette.id)
    # the same file on two variants is stored once
    assert full.variants[0].media == full.variants[1].media and len(full.variants[0].media) == 1
    stored = [p for p in media_dir().rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].read_bytes() == b"\x89PNG fake image bytes"


def test_csv_missing_columns_writes_nothing(db):
    cid = _client(db)
    with pytest.raises(ValidationError, match="networks"), db.session() as s:
        import_csv(s, cid, "date,text\n2026-01-01,bonjour\n")


def test_approval_flow_and_sheet(db, tmp_path, qapp):
    # qapp: a QApplication first, or the PDF code would create a bare QGuiApplication that
    # later widget tests in this process cannot use.
    cid = _client(db)
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#d83b8a"))
    image.save(str(tmp_path / "crepes.png"))
    from app.services.calendar.media import store_media

    with db.session() as s:
        media_id = store_media(s, cid, tmp_path / "crepes.png").id
        a = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 2, 10, 9, tzinfo=dt.UTC),
            title="Chandeleur",
            variants=[
                posts.VariantInput(
                    "facebook", "Crêpes <b>maison</b> & cidre\nDeuxième ligne", media=(media_id,)
                )
            ],
        )
        b = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 2, 12, 9, tzinfo=dt.UTC),
            title="Promo",
            variants=[posts.VariantInput("x", "Promo")],
        )
        sent = submit_for_review(s, cid, *ALL)
    assert sorted(sent) == sorted([a.id, b.id])
    from app.documents.calendar_approval import render_approval_sheet

    out = tmp_path / "sheet.pdf"
    with db.read() as s:
        result = render_approval_sheet(s, cid, dt.date(2026, 2, 1), dt.date(2026, 2, 28), out)
    assert result.pages >= 1
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Crêpes <b>maison</b> & cidre" in text  # plain text, escaped, not rendered as HTML
    assert "Chandeleur" in text and "Facebook" in text and "page 1 / " in text
    # the client speaks French: the sheet does too, and the app keeps its own language
    assert "Publications à valider — Boulangerie" in text and "Brouillon" not in text
    assert text.count("Commentaire :") == 2  # a decision box for each post waiting for it
    from app.i18n import translate

    assert translate("CalendarLocale", "en_GB") == "en_GB"
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert len(listing.stdout.strip().splitlines()) == 3  # header, rule, the attached image
    with pytest.raises(ValidationError), db.session() as s:
        record_decision(s, cid, b.id, approved=False, comment="  ")
    with db.session() as s:
        record_decision(s, cid, a.id, approved=True, comment="Parfait")
        record_decision(s, cid, b.id, approved=False, comment="Trop commercial")
        posts.set_status(s, cid, a.id, "scheduled")
    with db.read() as s:
        assert posts.get_post(s, cid, a.id).status == "scheduled"
        rejected = posts.get_post(s, cid, b.id)
        assert (rejected.status, rejected.status_reason) == ("draft", "Trop commercial")
        assert [e.action for e in posts.history(s, cid, b.id)][-1] == "rejected"

"""The approval sheet as a client reads it: only what waits for a decision, dates in words,
one post never split across pages, a box and comment lines per post, a sign-off block."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

from app.documents.calendar_approval import render_approval_sheet
from app.services.calendar import posts
from app.services.calendar.approval import record_decision, submit_for_review
from app.services.clients import workspaces as clients

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{2}:\d{2}\b")


def _pages(pdf) -> list[str]:
    count = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout,
        ).group(1)
    )
    return [
        subprocess.run(
            ["pdftotext", "-raw", "-f", str(n), "-l", str(n), pdf, "-"],
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def _sheet(db, tmp_path, language):
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs", language=language, timezone="Europe/Paris").id
        ids = []
        for day in range(1, 16):
            ids.append(
                posts.create_post(
                    s,
                    cid,
                    planned_at=dt.datetime(2026, 12, day, 7, 15, tzinfo=dt.UTC),
                    title=f"Bouquet {day}",
                    variants=[
                        posts.VariantInput(
                            "facebook",
                            f"Bouquet du jour numéro {day} : renoncules et anémones.\n" * 3,
                        ),
                        posts.VariantInput("instagram", f"Bouquet {day} #AquarelleEtPetales"),
                    ],
                ).id
            )
        submit_for_review(
            s,
            cid,
            dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
            dt.datetime(2026, 12, 16, tzinfo=dt.UTC),
        )
        record_decision(s, cid, ids[-1], approved=True)  # the 15th: already approved
    out = tmp_path / f"sheet-{language}.pdf"
    with db.read() as s:
        render_approval_sheet(s, cid, dt.date(2026, 12, 1), dt.date(2026, 12, 31), out)
    return _pages(str(out))


def test_french_sheet_reads_as_a_client_expects(sqlite_db, tmp_path):
    pages = _sheet(sqlite_db, tmp_path, "fr")
    text = "\n".join(pages)
    assert not ISO.search(text), ISO.search(text)
    assert "mardi 1er décembre 2026, 8 h 15" in text.replace("\u00a0", " ")
    assert "du 1er au 31 décembre 2026" in text.replace("\u00a0", " ")
    # 14 posts wait for the client; the published one only in the part for information
    assert text.count("Commentaire :") == 14
    assert "Pour information" in text and "Bouquet 15" in text
    assert "AquarelleEtPetales" in text  # handles unbroken
    assert "Signature" in pages[-1]
    assert "84 / " not in text and "/ 2200" not in text  # no character counts
    # every post's heading, text and decision box on one page
    for day in range(1, 15):
        when = f"{day}{'er' if day == 1 else ''} décembre 2026, 8 h 15"
        holder = [p for p in pages if re.search(rf"(?<!\d){when}", p.replace("\u00a0", " "))]
        assert len(holder) == 1, when
        block = holder[0].replace("\u00a0", " ")
        after = block[re.search(rf"(?<!\d){when}", block).start() :]
        assert f"Bouquet {day} #AquarelleEtPetales" in after and "Commentaire" in after


def test_english_sheet_has_english_dates(sqlite_db, tmp_path):
    text = "\n".join(_sheet(sqlite_db, tmp_path, "en")).replace("\u00a0", " ")
    assert not ISO.search(text)
    assert "Tuesday 1 December 2026, 8:15 AM" in text
    assert text.count("Comment:") == 14 and "For information" in text and "Bouquet 15" in text


def _fill(path, values):
    """Tick and type as a PDF reader does: /V and /AS of the boxes, /V of the text."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(path))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = path.with_name("filled.pdf")
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def test_the_sheet_is_a_form_the_client_fills_and_tribune_reads_back(sqlite_db, tmp_path):
    from pypdf import PdfReader

    from app.services.calendar.approval_import import import_approval_sheet

    with sqlite_db.session() as s:
        c = clients.create_client(s, "Fleurs", language="fr", timezone="Europe/Paris")
        ids = [
            posts.create_post(
                s,
                c.id,
                planned_at=dt.datetime(2026, 12, day, 9, tzinfo=dt.UTC),
                title=f"Bouquet {day}",
                variants=[posts.VariantInput("facebook", f"Texte {day}")],
            ).id
            for day in (2, 9, 16, 23)
        ]
        submit_for_review(
            s, c.id, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
        )
        versions = {p: posts.get_post(s, c.id, p).version for p in ids}
    sheet = tmp_path / "sheet.pdf"
    with sqlite_db.read() as s:
        render_approval_sheet(s, c.id, dt.date(2026, 12, 1), dt.date(2026, 12, 31), sheet)
    info = subprocess.run(["pdfinfo", str(sheet)], capture_output=True, text=True).stdout
    assert "AcroForm" in info
    reader = PdfReader(str(sheet))
    names = set(reader.get_fields())
    assert {
        f"post-{p}-v{versions[p]}-{k}" for p in ids for k in ("ok", "change", "comment")
    } <= names
    # each post's boxes sit on the page that shows that post
    for number, page in enumerate(reader.pages):
        text = " ".join(page.extract_text().split())
        for annot in page.get("/Annots") or []:
            name = annot.get_object()["/T"]
            pid = int(name.split("-")[1])
            day = {ids[i]: d for i, d in enumerate((2, 9, 16, 23))}[pid]
            assert f"Bouquet {day}" in text, (number, name)

    a, b, c3, d = ids
    filled = _fill(
        sheet,
        {
            f"post-{a}-v{versions[a]}-ok": "/Yes",
            f"post-{a}-v{versions[a]}-comment": "Parfait",
            f"post-{b}-v{versions[b]}-change": "/Yes",
            f"post-{b}-v{versions[b]}-comment": "Trop long, raccourcir",
            f"post-{c3}-v{versions[c3]}-change": "/Yes",  # no comment
        },
    )
    with sqlite_db.session() as s:
        posts.update_post(s, c.id, d, title="Bouquet 23 modifié")  # changed after the sheet
    with sqlite_db.session() as s:
        result = import_approval_sheet(s, c.id, filled.read_bytes())
    assert result.approved == (a,) and set(result.to_change) == {b, c3}
    assert [pid for pid, _ in result.skipped] == [d]
    with sqlite_db.read() as s:
        assert posts.get_post(s, c.id, a).status == "approved"
        assert posts.get_post(s, c.id, b).status_reason == "Trop long, raccourcir"
        assert posts.get_post(s, c.id, c3).status == "draft"
        assert posts.get_post(s, c.id, d).status == "in_review"


def test_a_sheet_of_another_client_or_not_a_sheet_is_refused(sqlite_db, tmp_path):
    import pytest

    from app.errors import ValidationError
    from app.services.calendar.approval_import import import_approval_sheet

    with sqlite_db.session() as s:
        one = clients.create_client(s, "Un", language="fr").id
        two = clients.create_client(s, "Deux", language="fr").id
        pid = posts.create_post(
            s,
            one,
            planned_at=dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC),
            title="T",
            variants=[posts.VariantInput("facebook", "x")],
        ).id
        submit_for_review(
            s, one, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
        )
    sheet = tmp_path / "one.pdf"
    with sqlite_db.read() as s:
        render_approval_sheet(s, one, dt.date(2026, 12, 1), dt.date(2026, 12, 31), sheet)
    with sqlite_db.session() as s, pytest.raises(ValidationError, match="another client"):
        import_approval_sheet(s, two, sheet.read_bytes())
    with sqlite_db.session() as s, pytest.raises(ValidationError, match="readable PDF"):
        import_approval_sheet(s, one, b"%PDF-1.4 broken")
    with sqlite_db.read() as s:
        assert posts.get_post(s, one, pid).status == "in_review"


def test_cli_writes_the_sheet_and_imports_the_filled_one(sqlite_db, tmp_path, cli):
    import json

    from tests.conftest import db_url_of

    with sqlite_db.session() as s:
        c = clients.create_client(s, "Boulangerie", language="fr")
        pid = posts.create_post(
            s,
            c.id,
            planned_at=dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC),
            title="Galette",
            variants=[posts.VariantInput("instagram", "La galette arrive")],
        ).id  # a draft: the CLI sends it to review as the app does
    url = db_url_of(sqlite_db)
    sheet = tmp_path / "sheet.pdf"
    made = cli(
        "calendar",
        "approval",
        c.slug,
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
        "--out",
        str(sheet),
        db_url=url,
    )
    assert made.returncode == 0, made.stderr
    with sqlite_db.read() as s:
        version = posts.get_post(s, c.id, pid).version
    filled = _fill(sheet, {f"post-{pid}-v{version}-ok": "/Yes"})
    done = cli("calendar", "approval-import", c.slug, str(filled), "--json", db_url=url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["approved"] == [pid]
    bad = cli("calendar", "approval-import", c.slug, str(tmp_path / "absent.pdf"), db_url=url)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1


def test_cli_sheet_in_the_language_asked_under_the_agencys_name(sqlite_db, tmp_path, cli):
    from app.services.people import agency as agency_service
    from tests.conftest import db_url_of

    with sqlite_db.session() as s:
        agency_service.save_agency(s, name="Social & Co", colour="#0f766e")
        c = clients.create_client(s, "Boulangerie", language="fr", timezone="Europe/Paris")
        for day in range(1, 9):
            posts.create_post(
                s,
                c.id,
                planned_at=dt.datetime(2026, 12, day, 9, tzinfo=dt.UTC),
                title=f"Galette {day}",
                variants=[
                    posts.VariantInput("instagram", "La galette arrive : « frangipane » !\n" * 4)
                ],
            )
    url = db_url_of(sqlite_db)
    sheets = {}
    for language in ("en", "fr"):
        sheet = tmp_path / f"sheet-{language}.pdf"
        args = ["--from", "2026-12-01", "--to", "2026-12-31", "--out", str(sheet)]
        made = cli("calendar", "approval", c.slug, *args, "--language", language, db_url=url)
        assert made.returncode == 0, made.stderr
        sheets[language] = _pages(str(sheet))
    english = "\n".join(sheets["en"])
    assert "Posts to approve" in english and "Approved" in english and "To change" in english
    assert "Tuesday 1 December 2026, 10:00 AM" in english.replace("\u00a0", " ")
    for french_word in ("Validée", "Commentaire", "décembre", "Bon à valider"):
        assert french_word not in english
    french = "\n".join(sheets["fr"])
    assert "Publications à valider" in french and not ISO.search(french)
    for language, pages in sheets.items():
        for n, page in enumerate(pages, start=1):
            lines = [line for line in page.splitlines() if line.strip()]
            assert "Social & Co" in lines[0] and "Boulangerie" in lines[0], lines[0]
            assert lines[-1].endswith(f"page {n} / {len(pages)}"), (language, lines[-1])
        # French spacing never broken at a line's end
        assert (
            not [
                line
                for line in "\n".join(pages).splitlines()
                if line.strip() and (line.lstrip()[0] in ":;!?»" or line.rstrip().endswith("«"))
            ]
            or language == "en"
        )

"""The charter PDF read back with poppler: sections, tables, signatures, pages, fonts."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from app.documents.charter_pdf import export_charter_pdf, gather
from app.errors import StorageError
from app.i18n import install_translators
from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.people import agency as agency_service

UNICODE = "Œuvre « guillemets » — 10 € ✓ Ωmega ğüş Ærø ß"


def _text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))


@pytest.fixture(scope="module", autouse=True)
def english_app(qapp):
    """A QApplication (as in the app; a bare QGuiApplication would break later widget tests)
    speaking English: the French PDF must come from the charter's language, not the app's."""
    install_translators("en")
    yield


def _charter(db, language="fr", long=False, sign=False):
    with db.session() as s:
        agency_service.save_agency(s, name="Social & Co", address="12 rue de la République, Lyon")
        c = clients.create_client(s, f"Aquarelle {language}", language=language)
        sophie = clients.save_contact(s, c.id, name="Sophie Garnier", role="Service client")
        doc = charter.ensure_charter(s, c.id)
        sec = {x.key: x for x in doc.sections}
        paragraphs = "".join(
            f"<p>Paragraphe {i} : la réclamation est lue, évaluée et suivie jusqu'au bout.</p>"
            for i in range(1, 161 if long else 2)
        )
        charter.save_section(s, c.id, sec["context"].id, html=f"<p>{UNICODE}</p>{paragraphs}")
        charter.save_section(
            s,
            c.id,
            sec["escalation"].id,
            data={
                "rows": [
                    {
                        "category": "complaint",
                        "topic": "livraison",
                        "contact": sophie.id,
                        "delay": 150,
                    },
                ]
            },
        )
        charter.save_section(
            s,
            c.id,
            sec["networks"].id,
            data={
                "rows": [
                    {
                        "network": "instagram",
                        "handle": "aquarelle.petales",
                        "posts_min": 4,
                        "posts_max": 7,
                        "best_hours": "18:00-21:00",
                    },
                ]
            },
        )
        charter.save_section(
            s,
            c.id,
            sec["objectives"].id,
            data={
                "rows": [
                    {
                        "label": "Abonnés",
                        "kpi": "followers",
                        "target": 36000.0,
                        "period": "quarter",
                    },
                    {
                        "label": "Engagement",
                        "kpi": "engagement_rate",
                        "target": 4.5,
                        "unit": "%",
                        "period": "month",
                    },
                ]
            },
        )
        if sign:
            charter_signing.record_signature(
                s,
                c.id,
                doc.version.id,
                [
                    charter.SignatoryInfo(
                        "agency", "Thomas Leroy", "Directeur", dt.date(2026, 3, 2)
                    ),
                    charter.SignatoryInfo("client", "Sophie Garnier", "SAV", dt.date(2026, 3, 3)),
                ],
            )
        return c.id


def test_french_pdf_has_everything_an_agency_sends(sqlite_db, tmp_path):
    cid = _charter(sqlite_db, "fr", long=True, sign=True)
    with sqlite_db.read() as s:
        inp = gather(s, cid)
    out = tmp_path / "charte.pdf"
    result = export_charter_pdf(inp, out)
    text = _text(out)
    pages = _pages(out)
    assert result.pages == pages and pages >= 6  # 160 paragraphs flow over several pages
    # cover
    assert "Charte de community" in text and "Aquarelle fr" in text and "Social & Co" in text
    assert "signée" in text
    # table of contents and numbered sections
    assert "Sommaire" in text
    assert re.search(r"7\. Matrice d'escalade\s+\d+", text)
    assert "12. Reporting" in text
    # tables laid out as tables, values in French
    assert re.search(r"Réclamation\s+livraison\s+Sophie Garnier \(Service client\)\s+2 h 30", text)
    assert re.search(r"Abonnés\s+Abonnés\s+36\s000", text)  # narrow no-break space
    assert "4,5" in text
    assert "Lundi" in text and re.search(r"9\sh – 18\sh", text)  # in words, not 09:00
    # any Unicode typed renders (no missing glyph boxes in the text layer)
    assert UNICODE in text
    # the agency's header and footer on every page, the cover included, "page X / Y"
    for n, page in enumerate(text.split("\f")[:pages], start=1):
        assert f"page {n} / {pages}" in page
        head = page.strip().splitlines()[0]
        assert "Social & Co" in head and "Aquarelle fr" in head
    assert "Charte v1 — Aquarelle fr" in text
    # signature page: both parties, names, dates, "Lu et approuvé"
    last = text.split("\f")[pages - 1]
    assert "Signatures" in last and last.count("Lu et approuvé") == 2
    assert "Pour l'agence — Social & Co" in last and "Pour le client — Aquarelle fr" in last
    assert "Thomas Leroy" in last and "3 mars 2026" in last
    # every font embedded
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), fonts
    assert any("DejaVuSans" in r[0] for r in rows)
    # PDF/A-1b, so that the signed copy can be archived
    head = out.read_bytes()
    assert b"pdfaid:part" in head and b"%PDF-1.4" in head[:16]


def test_english_draft_pdf(sqlite_db, tmp_path):
    cid = _charter(sqlite_db, "en")
    with sqlite_db.read() as s:
        inp = gather(s, cid)
    out = tmp_path / "charter.pdf"
    export_charter_pdf(inp, out)
    text = _text(out)
    pages = _pages(out)
    assert "Community management\ncharter" in text and "Not signed yet" in text
    assert f"page 2 / {pages}" in text
    assert text.count("Read and approved") == 2
    assert "Escalation matrix" in text and "Complaint" in text
    # a draft is marked on every page, not only on the cover
    for page in text.split("\f")[:pages]:
        assert "DRAFT — not signed" in page


def test_a_french_draft_is_marked_on_every_page_and_a_signed_one_nowhere(sqlite_db, tmp_path):
    draft = _charter(sqlite_db, "fr", long=True)
    with sqlite_db.read() as s:
        export_charter_pdf(gather(s, draft), tmp_path / "projet.pdf")
    pages = _text(tmp_path / "projet.pdf").split("\f")[: _pages(tmp_path / "projet.pdf")]
    assert len(pages) >= 6 and all("PROJET — non signé" in p for p in pages)


def test_tables_read_as_a_client_reads_them(sqlite_db, tmp_path):
    """Words and handles whole, labels capitalised, dates in words, never an ISO date."""
    from app.documents.style import column_widths

    cid = _charter(sqlite_db, "fr", long=True, sign=True)
    with sqlite_db.read() as s:
        export_charter_pdf(gather(s, cid), tmp_path / "c.pdf")
    raw = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / "c.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", raw)
    assert "Instagram aquarelle.petales 4 7" in raw
    assert "Réclamation" in raw  # a label, capitalised, not the lower-case key
    # a column is never narrower than its longest word (handles are not cut)
    widths = column_widths(
        ["Réseau", "Compte", "Min. / semaine"], [["Instagram", "AquarelleEtPetales", "4"]]
    )
    assert sum(widths) == 100
    assert widths[1] > widths[0] > 0 and widths[2] >= 10
    # too many long words for the page: the columns held wide by no-break spaces give way,
    # the handle keeps its width
    header = ["Network", "Account", "Posts/week min", "Posts/week max", "Best hours", "Mix"]
    hours = "12:00\u00a0PM\u00a0– 2:00\u00a0PM, 6:00\u00a0PM\u00a0– 9:00\u00a0PM"
    row = ["Facebook", "AquarelleEtPetales", "5", "10", hours, "bouquets\u00a040, offres\u00a020"]
    widths = column_widths(header, [row, ["Instagram", "x", "4", "7", "9\u00a0h", "x"] * 1])
    assert widths[1] * 1.7 >= 18 * 2.05 + 4.5 - 1  # mm of a 170 mm body
    # read back in English too: handles whole, hours in the English way
    with sqlite_db.read() as s:
        export_charter_pdf(gather(s, cid, language="en"), tmp_path / "en.pdf")
    raw_en = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / "en.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Instagram aquarelle.petales 4 7" in raw_en and "Complaint" in raw_en
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", raw_en)


def test_unwritable_output_leaves_nothing(sqlite_db, tmp_path):
    cid = _charter(sqlite_db)
    with sqlite_db.read() as s:
        inp = gather(s, cid)
    out = tmp_path / "out"
    out.mkdir()
    a_file = out / "note.txt"
    a_file.write_text("x")
    for bad in (out / "missing" / "x.pdf", a_file / "x.pdf", out):
        with pytest.raises(StorageError, match="Cannot write the PDF"):
            export_charter_pdf(inp, bad)
    assert sorted(p.name for p in out.iterdir()) == ["note.txt"]


LONG = " ".join(
    f"mot{'s' * (i % 4)} {':;!?'[i % 4]}" + (" « citation »" if i % 3 == 0 else "")
    for i in range(300)
)


def _raw(path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def _broken_spacing(pages: list[str]) -> list[str]:
    return [
        line
        for page in pages
        for line in page.splitlines()
        if line.strip() and (line.lstrip()[0] in ":;!?»" or line.rstrip().endswith("«"))
    ]


def test_french_spacing_in_the_text_and_english_labels_on_request(sqlite_db, tmp_path):
    """The CM's French text keeps its no-break spaces (no line starting with ':' or '»'),
    whether the labels are French or, with language="en", English."""
    cid = _charter(sqlite_db, "fr")
    with sqlite_db.session() as s:
        doc = charter.load(s, cid)
        context = next(x for x in doc.sections if x.key == "context")
        charter.save_section(s, cid, context.id, html=f"<p>{LONG}</p>")
    with sqlite_db.read() as s:
        french = export_charter_pdf(gather(s, cid), tmp_path / "fr.pdf")
        english = export_charter_pdf(gather(s, cid, language="en"), tmp_path / "en.pdf")
    for result, contents, page_label in (
        (french, "Sommaire", "page {n} / {pages}"),
        (english, "Contents", "page {n} / {pages}"),
    ):
        pages = _raw(result.path)
        assert len(pages) == result.pages
        assert _broken_spacing(pages) == []
        assert contents in pages[1]
        for n, page in enumerate(pages, start=1):
            lines = [line for line in page.splitlines() if line.strip()]
            assert "Social & Co" in lines[0] and "Aquarelle fr" in lines[0]
            assert page_label.format(n=n, pages=result.pages) in lines[-1]
    english_text = "\n".join(_raw(english.path))
    assert "Sommaire" not in english_text and "Signatures" in english_text
    assert "For the agency — Social & Co" in english_text and "DRAFT — not signed" in english_text


def test_cli_exports_the_charter_in_the_language_asked(sqlite_db, tmp_path, cli):
    from tests.conftest import db_url_of

    _charter(sqlite_db, "fr")
    url = db_url_of(sqlite_db)
    out = tmp_path / "charter-en.pdf"
    done = cli(
        "charter", "export", "aquarelle-fr", "--language", "en", "--out", str(out), db_url=url
    )
    assert done.returncode == 0, done.stderr
    text = _text(out)
    assert "Contents" in text and "Sommaire" not in text and "page 1 / " in text
    bad = cli(
        "charter", "export", "aquarelle-fr", "--language", "de", "--out", str(out), db_url=url
    )
    assert bad.returncode != 0 and "Traceback" not in bad.stderr

"""The charter PDF's pages, read back with poppler as a client reads them: a long table's
rows are never cut between two pages and its header is repeated on each page it runs over;
a charter still close to the template (headings with nothing under them yet) does not get
a page per heading. In French and in English."""

from __future__ import annotations

import re
import subprocess

import pytest

from app.documents.charter_pdf import export_charter_pdf, gather
from app.documents.layout import block_ends, keep_headings_with_content, widowed_headings
from app.i18n import install_translators
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.people import agency as agency_service

ROWS = 24


@pytest.fixture(scope="module", autouse=True)
def english_app(qapp):
    install_translators("en")
    yield


def _pages(path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def _long_table_charter(db, language: str) -> int:
    with db.session() as s:
        agency_service.save_agency(s, name="Social & Co")
        c = clients.create_client(s, f"Long & Fils {language}", language=language)
        contact = clients.save_contact(
            s, c.id, name="Sophie Garnier-Delacroix", role="Responsable du service client"
        )
        doc = charter.ensure_charter(s, c.id)
        words = "livraison en retard, colis abîmé, produit manquant ou non conforme " * 3
        rows = [
            {
                "category": ("complaint", "question", "abuse", "request")[n % 4],
                # a start and an end word in each row: both must be on the same page
                "topic": f"debut{n:02d} {words * (1 + n % 3)}bout{n:02d}",
                "contact": contact.id,
                "delay": 60 * (1 + n % 5),
            }
            for n in range(ROWS)
        ]
        charter.save_section(s, c.id, doc.section("escalation").id, data={"rows": rows})
        return c.id


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_long_table_keeps_each_row_whole_and_repeats_its_header(sqlite_db, tmp_path, language):
    cid = _long_table_charter(sqlite_db, language)
    with sqlite_db.read() as s:
        inp = gather(s, cid, language=language)
    out = tmp_path / f"long-{language}.pdf"
    export_charter_pdf(inp, out)
    pages = _pages(out)
    starts = {n: i for n in range(ROWS) for i, p in enumerate(pages) if f"debut{n:02d}" in p}
    ends = {n: i for n in range(ROWS) for i, p in enumerate(pages) if f"bout{n:02d}" in p}
    assert sorted(starts) == sorted(ends) == list(range(ROWS))
    cut = [n for n in range(ROWS) if starts[n] != ends[n]]
    assert cut == [], f"rows cut between two pages: {cut}"
    table_pages = sorted(set(starts.values()))
    assert len(table_pages) >= 3  # the table does run over several pages
    header = "Catégorie de message" if language == "fr" else "Message category"
    for i in table_pages:  # the header on each of them (<thead>)
        assert header.split()[0] in pages[i], f"no header on page {i + 1}"
    # the rows in their order, none lost or repeated
    order = [int(m) for p in pages for m in re.findall(r"debut(\d\d)", p)]
    assert order == list(range(ROWS))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_template_charter_gets_no_page_per_empty_heading(sqlite_db, tmp_path, language):
    with sqlite_db.session() as s:
        c = clients.create_client(s, f"Nouveau {language}", language=language)
        charter.ensure_charter(s, c.id)  # headings with empty bullets under them
        cid = c.id
    with sqlite_db.read() as s:
        inp = gather(s, cid, language=language)
    out = tmp_path / f"template-{language}.pdf"
    result = export_charter_pdf(inp, out)
    pages = _pages(out)
    assert result.pages <= 6, result.pages  # cover, contents, 3 pages, signatures (19 before)
    scope = [i for i, p in enumerate(pages) if "4. " in p]
    autonomy = [i for i, p in enumerate(pages) if "6. " in p]
    assert scope and autonomy and autonomy[-1] - scope[-1] <= 1
    bullets = [line for page in pages for line in page.splitlines() if line.strip() == "•"]
    assert bullets == []  # no empty bullet printed


def test_an_empty_paragraph_under_a_heading_does_not_send_it_to_another_page():
    body = "<h3>Sujets traités</h3><ul><li></li></ul><h3>Suite</h3><p>Texte</p>"
    marked = keep_headings_with_content(body)
    assert '<a name="k0">&nbsp;</a>' in marked  # an anchor that stays where it is
    assert '<a name="k1"></a>Texte' in marked  # a paragraph with words: as before


def test_a_heading_with_nothing_of_its_own_is_not_kept_with_the_next_section():
    body = "<h2>6. Autonomie</h2><h3>Seul</h3><h2>7. Matrice</h2><table><tr><td>x</td>"
    marked = keep_headings_with_content(body)
    assert 'name="k0"' not in marked and 'name="k1"' not in marked  # the next section's
    assert 'name="k2"' in marked  # … table is its own
    assert widowed_headings({"h0": 3, "h2": 3, "k2": 4}) == {2}


def test_a_row_ends_with_its_longest_cell():
    assert block_ends({"keep-r1": 2, "keep-r1-end0": 2, "keep-r1-end1": 3, "keep-s-x-end": 5}) == {
        "r1": 3,
        "s-x": 5,
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_approval_sheets_rows_for_information_are_never_cut(sqlite_db, tmp_path, language):
    """The same row keeping in the approval sheet's list for information (posts the client
    already approved): a long title never leaves its last words alone on the next page."""
    import datetime as dt

    from app.documents.calendar_approval import render_approval_sheet
    from app.services.calendar import posts
    from app.services.calendar.approval import record_decision, submit_for_review

    count = 60
    with sqlite_db.session() as s:
        cid = clients.create_client(s, f"Fleurs {language}", language=language).id
        ids = [
            posts.create_post(
                s,
                cid,
                planned_at=dt.datetime(2026, 12, 1 + n % 28, 7 + n % 12, 15, tzinfo=dt.UTC),
                title=f"debut{n:02d} "
                + "bouquet de renoncules et d'anémones " * (1 + n % 4)
                + f"bout{n:02d}",
                variants=[posts.VariantInput("facebook", f"Bouquet {n}")],
            ).id
            for n in range(count)
        ]
        submit_for_review(
            s, cid, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
        )
        for pid in ids:
            record_decision(s, cid, pid, approved=True)  # all approved: for information
    out = tmp_path / f"sheet-{language}.pdf"
    with sqlite_db.read() as s:
        render_approval_sheet(s, cid, dt.date(2026, 12, 1), dt.date(2026, 12, 31), out, language)
    pages = _pages(out)
    assert len(pages) >= 2  # the list does run over a page
    starts = {n: i for n in range(count) for i, p in enumerate(pages) if f"debut{n:02d}" in p}
    ends = {n: i for n in range(count) for i, p in enumerate(pages) if f"bout{n:02d}" in p}
    assert sorted(starts) == sorted(ends) == list(range(count))
    assert [n for n in range(count) if starts[n] != ends[n]] == []


def test_an_agency_without_a_name_gets_no_question_mark_nor_empty_dash(sqlite_db, tmp_path):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Sans agence", language="fr")
        charter.ensure_charter(s, c.id)
        cid = c.id
    with sqlite_db.read() as s:
        inp = gather(s, cid, language="fr")
    out = tmp_path / "sans-agence.pdf"
    export_charter_pdf(inp, out)
    pages = _pages(out)
    assert "Entre" not in pages[0] and "?" not in pages[0]
    assert "Pour l'agence Pour le client" in pages[-1] and "Pour l'agence —" not in pages[-1]


def test_a_row_whose_short_cells_stay_behind_while_its_first_cell_moves_on_is_moved_whole():
    """Seen on the approval sheet: Qt put a row's one-line cells (network, status) at the foot
    of page 1 and the whole of its two-line date cell on page 2, so the row's start and its
    longest end were both on page 2 — it must still count as cut."""
    from app.documents.layout import KeepTogether

    keep = KeepTogether()
    keep.update({"keep-info-6": 1, "keep-info-6-end0": 1, "keep-info-6-end3": 1})  # whole
    assert keep.moved == set()
    anchors = {
        "keep-info-7": 2,
        "keep-info-7-end0": 2,
        "keep-info-7-end1": 2,
        "keep-info-7-end2": 1,
        "keep-info-7-end3": 1,
    }
    keep.update(anchors)
    assert keep.moved == {"info-7"}
    assert "page-break-before" in keep.style("info-7")

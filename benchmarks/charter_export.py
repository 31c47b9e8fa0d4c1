"""Export of a 20-page charter against printing the same HTML with a bare QTextDocument.

    QT_QPA_PLATFORM=offscreen python benchmarks/charter_export.py

Tribune's time covers reading the charter from SQLite, building the HTML, laying it out
(twice: the table of contents needs the page numbers) and painting pages with footers.
The raw operation is ``QTextDocument.setHtml`` + ``print_`` to a ``QPdfWriter`` of the same
HTML (final page numbers already in it). Aim: ratio ≤ 1.5.

The aim predates the documents' page rules (no heading alone at a page's bottom, a section's
table kept whole on one page, ``app/documents/layout.py``): each rule that moves something
costs a whole new layout of the document, which the bare print does not do. The script
prints how many layouts the export needed and what one costs, so the ratio can be read.
"""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 5


def build_charter(db) -> int:
    from app.services.charter import versions as charter
    from app.services.clients import workspaces as clients
    from app.services.people import agency as agency_service

    with db.session() as s:
        agency_service.save_agency(s, name="Social & Co", address="Lyon")
        c = clients.create_client(s, "Banc d'essai", language="fr")
        contact = clients.save_contact(s, c.id, name="Sophie Garnier", role="SAV")
        doc = charter.ensure_charter(s, c.id)
        sec = {x.key: x for x in doc.sections}
        text = " ".join(["La réclamation est lue, évaluée, traitée et suivie jusqu'au bout."] * 6)
        for key in ("context", "scope", "intervention", "autonomy", "crisis"):
            body = "".join(f"<h3>Point {i}</h3><p>{text}</p>" for i in range(1, 24))
            charter.save_section(s, c.id, sec[key].id, html=body)
        rows = [
            {"category": "complaint", "topic": f"sujet {i}", "contact": contact.id, "delay": 60 * i}
            for i in range(1, 60)
        ]
        charter.save_section(s, c.id, sec["escalation"].id, data={"rows": rows})
    return c.id


def main() -> int:
    from app.db import Database
    from app.documents.charter_pdf import CSS, charter_html, export_charter_pdf, gather
    from app.documents.pdf import BASE_CSS, FONT_FAMILY, ensure_fonts
    from app.i18n import document_language

    ensure_fonts()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    tmp = Path(tempfile.mkdtemp(prefix="tribune-bench-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)  # the run's files, gone after it
    db = Database(f"sqlite:///{tmp / 'bench.sqlite3'}")
    db.upgrade()
    cid = build_charter(db)

    def tribune() -> int:
        with db.read() as s:
            inp = gather(s, cid)
        return export_charter_pdf(inp, tmp / "tribune.pdf").pages

    pages = tribune()
    with db.read() as s:
        inp = gather(s, cid)
    with document_language("fr"):
        html = charter_html(inp, {})

    def bare() -> int:
        doc = QTextDocument()
        doc.setDefaultFont(QFont(FONT_FAMILY, 10))
        doc.setDefaultStyleSheet(BASE_CSS + CSS)
        doc.setHtml(html)
        writer = QPdfWriter(str(tmp / "bare.pdf"))
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(20, 18, 20, 22),
                QPageLayout.Unit.Millimeter,
            )
        )
        doc.print_(writer)
        return 0

    def timed(fn) -> float:
        samples = []
        for _ in range(RUNS):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    bare()
    import subprocess

    info = subprocess.run(["pdfinfo", str(tmp / "bare.pdf")], capture_output=True, text=True)
    bare_pages = next(
        (line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")), "?"
    )
    t_bare = timed(bare)
    t_tribune = timed(tribune)
    import app.documents.pdf as pdf_module

    layout_times: list[float] = []
    anchor_pages = pdf_module.anchor_pages

    def counted(doc, height):  # each call lays the document out anew (Qt lays out lazily)
        start = time.perf_counter()
        found = anchor_pages(doc, height)
        layout_times.append(time.perf_counter() - start)
        return found

    pdf_module.anchor_pages = counted
    tribune()
    pdf_module.anchor_pages = anchor_pages
    print(f"charter: {pages} pages (bare QTextDocument: {bare_pages} pages)")
    print(f"bare QTextDocument.print_: {t_bare * 1000:.0f} ms")
    print(f"tribune charter export:    {t_tribune * 1000:.0f} ms")
    print(f"ratio: {t_tribune / t_bare:.2f} (aim ≤ 1.5)")
    print(
        f"  {len(layout_times)} layouts of the whole document (one, then one per page rule "
        f"that moved something, then the contents' page numbers settled), "
        f"{statistics.median(layout_times) * 1000:.0f} ms each (median)"
    )
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

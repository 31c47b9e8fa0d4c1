"""The charter as a PDF to sign: cover, table of contents, numbered sections, signatures.

The HTML is built from a :class:`CharterDoc` in the charter's own language (not the app's),
every user-typed table cell escaped, then rendered by the shared renderer
:func:`app.documents.pdf.render_html_pdf` (A4, DejaVu fonts embedded, "page X / Y" footer).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from app.documents import wording
from app.documents.charter_cells import AFTER_TABLE as AFTER_TABLE
from app.documents.charter_cells import TABLE as TABLE
from app.documents.charter_cells import _capital as _capital
from app.documents.charter_cells import _cell as _cell
from app.documents.charter_cells import _clock as _clock
from app.documents.charter_cells import _closed_day as _closed_day
from app.documents.charter_cells import _date as _date
from app.documents.charter_cells import _esc as _esc
from app.documents.charter_cells import _hours as _hours
from app.documents.charter_cells import _number as _number
from app.documents.charter_cells import _row as _row
from app.documents.charter_cells import _style as _style
from app.documents.charter_cells import _table as _table
from app.documents.layout import HeadingKeeper
from app.documents.pdf import (
    KeepTogether,
    PdfResult,
    ensure_fonts,
    render_html_pdf,
)
from app.documents.style import (
    DocumentStyle,
    initials_logo,
    normal_accent,
)
from app.errors import StorageError
from app.i18n import document_language
from app.i18n import document_translate as translate
from app.services.charter.labels import status_label
from app.services.charter.schema import SCHEMAS
from app.services.charter.versions import CharterDoc, SectionInfo, load
from app.services.clients import workspaces as clients
from app.services.people import agency as agency_service
from app.textsafe import strip_foreign_images

# a template's empty bullets ("<ul><li></li></ul>" under each heading): nothing to print
_EMPTY_ITEMS = re.compile(r"<(ul|ol)[^>]*>(?:\s*<li[^>]*>\s*(?:<br\s*/?>)?\s*</li>)+\s*</\1>", re.I)

CSS = """
.cover-title { font-size: 26pt; font-weight: 600; color: #1d2536; }
.cover-client { font-size: 20pt; color: #2b3750; }
.cover-meta td { padding: 5pt 12pt 5pt 0; font-size: 11pt; }
.toc td { padding: 3pt 0; font-size: 10.5pt; }
.guidance { color: #5b6477; font-size: 8.5pt; }
.sign td { padding: 6px; font-size: 10.5pt; }
a { text-decoration: none; }
.toc a { color: #1d2536; }
.draft { color: #b3261e; font-weight: 600; }
"""


@dataclass(frozen=True)
class CharterPdfInput:
    doc: CharterDoc
    client_colour: str = "#3b6fd8"
    client_logo: bytes | None = field(default=None, repr=False)
    agency_name: str = ""
    agency_address: str = ""
    agency_logo: bytes | None = field(default=None, repr=False)
    today: dt.date = field(default_factory=dt.date.today)
    agency_colour: str = ""
    language: str = ""  # of the labels and dates; "" = the charter's own language

    @property
    def lang(self) -> str:
        return self.language or self.doc.version.language


def gather(
    session: Session,
    client_ref: str | int,
    number: int | None = None,
    language: str | None = None,
) -> CharterPdfInput:
    """Everything the PDF needs, read in one session (the rendering needs none).

    ``language`` ("fr", "en") sets the labels and dates; default the charter's own language
    (the sections' texts are printed as they were written)."""
    client = clients.find_client(session, client_ref)
    agency = agency_service.agency(session)
    return CharterPdfInput(
        load(session, client.id, number),
        client.colour,
        client.logo,
        agency.name,
        agency.address,
        agency.logo,
        agency_colour=agency.colour,
        language=language or "",
    )


def _section_html(
    number: int,
    section: SectionInfo,
    contacts: dict[int, str],
    lang: str,
    keep: KeepTogether,
    first: bool = False,
    content_language: str = "",
) -> str:
    kind = SCHEMAS[section.key].kind
    key = f"s-{section.key}"
    style = " style='page-break-before: always'" if first else keep.style(key)
    title = keep.anchor(key, f"{number}. {_esc(section.title)}")
    out = [f"<h2{style}><a name='s-{section.key}'></a>{title}</h2>"]
    # a section's heading and its table on one page when they fit
    if kind == "style":
        out.append(_style(section) + keep.end(key))
    elif kind in ("table", "delays"):
        out.append(_table(section, contacts, lang, keep) + keep.end(key))
    if section.html.strip():
        # no file or URL read into the PDF; the text typeset in the language it was written
        # in (a French charter printed with English labels keeps its French spacing)
        text = _EMPTY_ITEMS.sub("", strip_foreign_images(section.html))
        out.append(wording.typeset_html(text, content_language or lang))
    if kind == "delays":
        out.append(_hours(section, lang, keep))
    return "".join(out)


def charter_html(
    inp: CharterPdfInput, anchors: dict[str, int], keep: KeepTogether | None = None
) -> str:
    keep = keep or KeepTogether()
    doc = inp.doc
    lang = inp.lang
    v = doc.version
    when = v.signed_at or v.sent_at or v.updated_at
    agency, client = _esc(inp.agency_name.strip()), _esc(doc.client_name)
    # an agency that has not given its name yet: no "?" logo, no "Between — client"
    masthead = (
        "<img src='agency-logo' width='70' height='70'>"
        f"<br><b>{agency}</b><br><span class='small muted'>{_esc(inp.agency_address)}</span>"
        if agency
        else "&nbsp;"
    )
    cover = [
        f"<table width='100%'><tr><td width='50%'>{masthead}",
        "</td><td width='50%' align='right'><img src='client-logo' width='70' height='70'>",
        "</td></tr></table><p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p>",
        f"<p class='cover-title'>{_esc(v.title)}</p>",
        f"<p class='cover-client'>{client}</p><p>&nbsp;</p><table class='cover-meta'>",
        _row(translate("CharterPdf", "Version"), f"<b>{v.number}</b>"),
        _row(translate("CharterPdf", "Date"), _esc(_date(when, lang))),
        _row(translate("CharterPdf", "Status"), _esc(_capital(status_label(v.status)))),
        _row(translate("CharterPdf", "Between"), f"{agency} — {client}") if agency else "",
        "</table>",
    ]
    if v.status in ("draft", "sent_for_signature"):
        warning = translate("CharterPdf", "Not signed yet: this version is not in force.")
        cover.append(f"<p>&nbsp;</p><p class='draft'>{_esc(warning)}</p>")
    contents = translate("CharterPdf", "Contents")
    toc = [
        f"<h1 style='page-break-before: always'>{_esc(contents)}</h1>",
        "<table class='toc' width='100%'>",
    ]
    for i, s in enumerate(doc.sections, 1):
        page = anchors.get(f"s-{s.key}", "")
        link = f"<a href='#s-{s.key}'>{i}. {_esc(s.title)}</a>"
        toc.append(f"<tr><td>{link}</td><td align='right'>{page}</td></tr>")
    sign_title = translate("CharterPdf", "Signatures")
    page = anchors.get("signatures", "")
    toc.append(f"<tr><td>{_esc(sign_title)}</td><td align='right'>{page}</td></tr></table>")
    body = []
    for i, s in enumerate(doc.sections, 1):
        body.append(_section_html(i, s, doc.contacts, lang, keep, i == 1, doc.version.language))
    return "".join(cover + toc + body + [_signatures(doc, inp)])


def _signatures(doc: CharterDoc, inp: CharterPdfInput) -> str:
    """Two columns (agency, client), one table row per line so both sides stay aligned."""
    lang = inp.lang
    by_side = {s.side: s for s in doc.signatories}
    line = "…………………………………………"
    heads = {
        "agency": translate("CharterPdf", "For the agency — {name}").format(name=inp.agency_name)
        if inp.agency_name.strip()
        else translate("CharterPdf", "For the agency"),
        "client": translate("CharterPdf", "For the client — {name}").format(name=doc.client_name),
    }
    labels = (
        translate("CharterPdf", "Name: {value}"),
        translate("CharterPdf", "Role: {value}"),
        translate("CharterPdf", "Date: {value}"),
    )
    approved = translate("CharterPdf", "Handwritten: “Read and approved”")
    signature = translate("CharterPdf", "Signature")
    box = (
        "<table width='100%' border='1' cellspacing='0' "
        "style='border-color:#1d2536; border-style:solid;'><tr><td>"
        + "<p>&nbsp;</p>" * 7
        + f"<p class='small muted'>{_esc(signature)}</p></td></tr></table>"
    )
    rows: list[list[str]] = [[], [], [], [], [], []]
    for side in ("agency", "client"):
        s = by_side.get(side)
        values = (
            _esc(s.name) if s else line,
            _esc(s.role) if s and s.role else line,
            _esc(_date(s.signed_on, lang)) if s and s.signed_on else line,
        )
        rows[0].append(f"<b>{_esc(heads[side])}</b>")
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            rows[i + 1].append(_esc(label).replace("{value}", value))
        rows[4].append(f"<i>{_esc(approved)}</i>")
        rows[5].append(box)
    table = "".join(
        "<tr>" + "".join(f"<td width='50%'>{cell}</td>" for cell in row) + "</tr>" for row in rows
    )
    intro = translate(
        "CharterPdf",
        "The parties have read this charter, version {n}, and agree to apply it from the date "
        "of the last signature.",
    ).format(n=doc.version.number)
    title = translate("CharterPdf", "Signatures")
    return (
        f"<h1 style='page-break-before: always'><a name='signatures'></a>{_esc(title)}</h1>"
        f"<p>{_esc(intro)}</p>"
        f"<table class='sign' width='100%' cellspacing='6' cellpadding='12'>{table}</table>"
    )


def export_charter_pdf(inp: CharterPdfInput, out: str | os.PathLike[str]) -> PdfResult:
    """Write the charter of ``inp`` to ``out`` (StorageError if the folder is not writable)."""
    ensure_fonts()
    doc = inp.doc
    if Path(out).expanduser().is_dir():
        raise StorageError(
            translate("CharterPdf", "Cannot write the PDF to {path}: it is a folder.").format(
                path=out
            )
        )
    with document_language(inp.lang):
        images = {
            "client-logo": inp.client_logo or initials_logo(doc.client_name, inp.client_colour),
            "agency-logo": inp.agency_logo or initials_logo(inp.agency_name or "?", "#1d2536"),
        }
        footer = translate("CharterPdf", "Charter v{n} — {client}").format(
            n=doc.version.number, client=doc.client_name
        )
        page_label = translate("CharterPdf", "page {page} / {pages}")
        title = f"{doc.version.title} — {doc.client_name}"

        keep = KeepTogether()

        def build(anchors: dict[str, int]) -> str:
            with document_language(inp.lang):
                return charter_html(inp, anchors, keep)

        unsigned = doc.version.status in ("draft", "sent_for_signature")
        return render_html_pdf(
            # no heading alone at a page's bottom, no section table across two pages
            HeadingKeeper(build, keep),
            out,
            title=title,
            footer_left=footer,
            page_label=page_label,
            css=CSS,
            style=DocumentStyle(
                agency_name=inp.agency_name or "Tribune",
                client_name=doc.client_name,
                language=inp.lang,
                accent=normal_accent(inp.agency_colour),
                agency_logo=inp.agency_logo,
                client_logo=inp.client_logo,
            ),
            images=images,
            # on every page, not only the cover: a page printed alone still says it
            watermark=translate("CharterPdf", "DRAFT — not signed") if unsigned else "",
            archival=True,  # the signed copy is kept for years: PDF/A-1b
        )

"""The charter as a PDF to sign: cover, table of contents, numbered sections, signatures.

The HTML is built from a :class:`CharterDoc` in the charter's own language (not the app's),
every user-typed table cell escaped, then rendered by the shared renderer
:func:`app.documents.pdf.render_html_pdf` (A4, DejaVu fonts embedded, "page X / Y" footer).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.documents import wording
from app.documents.layout import HeadingKeeper
from app.documents.pdf import (
    KeepTogether,
    PdfResult,
    ensure_fonts,
    render_html_pdf,
)
from app.documents.style import (
    DocumentStyle,
    column_widths,
    initials_logo,
    normal_accent,
)
from app.errors import StorageError
from app.i18n import document_language
from app.services.charter.compare import cell_text
from app.services.charter.labels import column_label, status_label, translate, weekday_label
from app.services.charter.schema import SCHEMAS, parse_hours
from app.services.charter.versions import CharterDoc, SectionInfo, load
from app.services.clients import workspaces as clients
from app.services.people import agency as agency_service
from app.textsafe import strip_foreign_images

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
# Qt lays a heading right under a table (a table's bottom margin is ignored): a small
# paragraph after each table gives the next heading its air.
AFTER_TABLE = "<p style='font-size: 6pt; margin: 0'>&nbsp;</p>"
TABLE = (
    '<table class="grid" width="100%" border="1" cellspacing="0" '
    'style="border-color:#c5cddb; border-style:solid;">'
)


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
    session, client_ref, number: int | None = None, language: str | None = None
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


def _esc(text) -> str:
    return html.escape(str(text or ""))


def _date(value: dt.date | dt.datetime | None, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return wording.long_date(value, language, weekday=False)


def _cell(column, value, contacts: dict[int, str], lang: str) -> str:
    if column.type in ("int", "float") and value not in (None, ""):
        return _number(value, lang)
    text = cell_text(column.type, value, contacts)
    if column.type == "hours" and text:
        try:  # "12:00-14:00" as "12 h – 14 h" / "12:00 PM – 2:00 PM"
            windows = parse_hours(text)
        except ValueError:
            return text
        return ", ".join(
            # a window breaks after its dash only
            f"{wording.clock_time(a, lang)}\u00a0– {wording.clock_time(b, lang)}"
            for a, b in windows
        )
    if column.type == "mix":  # "bouquets 40" kept on one line
        return re.sub(r" (?=\d)", "\u00a0", text)
    if column.type in ("choice", "category", "actions"):
        # labels are lower-case words inside sentences; a table cell starts with a capital
        text = text[:1].upper() + text[1:]
    return text


def _table(section: SectionInfo, contacts: dict[int, str], lang: str) -> str:
    schema = SCHEMAS[section.key]
    rows = (section.data or {}).get("rows", [])
    if not rows:
        nothing = translate("CharterPdf", "Nothing agreed yet.")
        return f"<p class='muted'>{_esc(nothing)}</p>"
    header = [column_label(section.key, c.key) for c in schema.columns]
    cells = [[_cell(c, r.get(c.key), contacts, lang) for c in schema.columns] for r in rows]
    widths = column_widths(header, cells)
    head = "".join(f"<th width='{w}%'>{_esc(h)}</th>" for h, w in zip(header, widths, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in cells)
    # <thead>: Qt repeats the header row on each page the table runs over
    return f"{TABLE}<thead><tr>{head}</tr></thead>{body}</table>{AFTER_TABLE}"


def _closed_day(value: str, language: str) -> str:
    """ "2026-12-24" as "24 décembre 2026"; anything else as it was written."""
    try:
        return wording.long_date(dt.date.fromisoformat(value), language, weekday=False)
    except (TypeError, ValueError):
        return value


def _clock(value: str, lang: str) -> str:
    """ "08:00" as "8 h" in French, "8:00 AM" in English; anything else as it was written."""
    try:
        return wording.clock_time(dt.time.fromisoformat(value), lang)
    except (TypeError, ValueError):
        return str(value)


def _hours(section: SectionInfo, lang: str, keep: KeepTogether) -> str:
    hours = (section.data or {}).get("business_hours") or {}
    title = translate("CharterPdf", "Business hours")
    key = f"hours-{section.key}"
    # the week's table and its notes on one page, under their heading
    parts = [f"<h3{keep.style(key)}>{keep.anchor(key, _esc(title))}</h3>", TABLE]
    for day in range(7):
        spans = hours.get("days", {}).get(str(day))
        text = (
            ", ".join(f"{_clock(a, lang)}\u00a0– {_clock(b, lang)}" for a, b in spans)
            if spans
            else translate("CharterPdf", "closed")
        )
        parts.append(
            f"<tr><td width='30%'>{_esc(weekday_label(day))}</td><td>{_esc(text)}</td></tr>"
        )
    parts.append("</table>" + AFTER_TABLE)
    notes = []
    if hours.get("country"):
        region = hours["country"] + (f"-{hours['subdivision']}" if hours.get("subdivision") else "")
        notes.append(
            translate("CharterPdf", "Public holidays of {region} are closed.").format(region=region)
        )
    if hours.get("closed_days"):
        notes.append(
            translate("CharterPdf", "Also closed: {days}.").format(
                days=", ".join(_closed_day(d, lang) for d in hours["closed_days"])
            )
        )
    parts.extend(f"<p class='small muted'>{_esc(n)}</p>" for n in notes)
    return "".join(parts) + keep.end(key)


def _style(section: SectionInfo) -> str:
    data = section.data or {}
    yes, no = translate("CharterPdf", "yes"), translate("CharterPdf", "no")
    rows = [
        (
            translate("CharterPdf", "Register"),
            cell_text("choice", data.get("register", "vous"), {}),
        ),
        (translate("CharterPdf", "Emojis"), yes if data.get("emojis", True) else no),
        (translate("CharterPdf", "Signature"), data.get("signature") or "—"),
        (translate("CharterPdf", "Words to use"), ", ".join(data.get("words_to_use", [])) or "—"),
        (
            translate("CharterPdf", "Words to avoid"),
            ", ".join(data.get("words_to_avoid", [])) or "—",
        ),
        (translate("CharterPdf", "Watch words"), ", ".join(data.get("watch_words", [])) or "—"),
    ]
    body = "".join(f"<tr><th width='30%'>{_esc(a)}</th><td>{_esc(b)}</td></tr>" for a, b in rows)
    return f"{TABLE}{body}</table>{AFTER_TABLE}"


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
        out.append(_table(section, contacts, lang) + keep.end(key))
    if section.html.strip():
        # no file or URL read into the PDF; the text typeset in the language it was written
        # in (a French charter printed with English labels keeps its French spacing)
        text = strip_foreign_images(section.html)
        out.append(wording.typeset_html(text, content_language or lang))
    if kind == "delays":
        out.append(_hours(section, lang, keep))
    return "".join(out)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _row(label: str, value_html: str) -> str:
    return f"<tr><td class='muted' width='110'>{_esc(label)}</td><td>{value_html}</td></tr>"


def _number(value, language: str) -> str:
    """12000 → "12 000", 4.5 → "4,5" in French (non-breaking thousands separator)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    if language == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def charter_html(
    inp: CharterPdfInput, anchors: dict[str, int], keep: KeepTogether | None = None
) -> str:
    keep = keep or KeepTogether()
    doc = inp.doc
    lang = inp.lang
    v = doc.version
    when = v.signed_at or v.sent_at or v.updated_at
    agency, client = _esc(inp.agency_name), _esc(doc.client_name)
    cover = [
        "<table width='100%'><tr><td width='50%'><img src='agency-logo' width='70' height='70'>",
        f"<br><b>{agency}</b><br><span class='small muted'>{_esc(inp.agency_address)}</span>",
        "</td><td width='50%' align='right'><img src='client-logo' width='70' height='70'>",
        "</td></tr></table><p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p>",
        f"<p class='cover-title'>{_esc(v.title)}</p>",
        f"<p class='cover-client'>{client}</p><p>&nbsp;</p><table class='cover-meta'>",
        _row(translate("CharterPdf", "Version"), f"<b>{v.number}</b>"),
        _row(translate("CharterPdf", "Date"), _esc(_date(when, lang))),
        _row(translate("CharterPdf", "Status"), _esc(_capital(status_label(v.status)))),
        _row(translate("CharterPdf", "Between"), f"{agency} — {client}"),
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
        "agency": translate("CharterPdf", "For the agency — {name}").format(name=inp.agency_name),
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


def export_charter_pdf(inp: CharterPdfInput, out) -> PdfResult:
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

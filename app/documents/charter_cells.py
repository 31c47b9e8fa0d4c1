"""The charter document's small parts: cells, tables, opening hours, style and dates in words."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from app.documents import wording
from app.documents.pdf import (
    KeepTogether,
)
from app.documents.style import (
    column_widths,
)
from app.i18n import document_translate as translate
from app.services.charter.compare import cell_text
from app.services.charter.labels import column_label, weekday_label
from app.services.charter.schema import SCHEMAS, Column, parse_hours
from app.services.charter.versions import SectionInfo

# Qt lays a heading right under a table (a table's bottom margin is ignored): a small
# paragraph after each table gives the next heading its air.
AFTER_TABLE = "<p style='font-size: 6pt; margin: 0'>&nbsp;</p>"


TABLE = (
    '<table class="grid" width="100%" border="1" cellspacing="0" '
    'style="border-color:#c5cddb; border-style:solid;">'
)


_BREAK = "page-break-before: always;"


def _esc(text: object) -> str:
    return html.escape(str(text or ""))


def _date(value: dt.date | dt.datetime | None, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return wording.long_date(value, language, weekday=False)


def _cell(column: Column, value: Any, contacts: dict[int, str], lang: str) -> str:
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


def _table(
    section: SectionInfo, contacts: dict[int, str], lang: str, keep: KeepTogether | None = None
) -> str:
    """A section's rows: the header repeated on each page (``<thead>``), and with ``keep``
    each row kept whole — a row that would run over two pages starts the next one, where
    the table opens again with its header."""
    schema = SCHEMAS[section.key]
    rows = (section.data or {}).get("rows", [])
    if not rows:
        nothing = translate("CharterPdf", "Nothing agreed yet.")
        return f"<p class='muted'>{_esc(nothing)}</p>"
    header = [column_label(section.key, c.key) for c in schema.columns]
    cells = [[_cell(c, r.get(c.key), contacts, lang) for c in schema.columns] for r in rows]
    widths = column_widths(header, cells)
    head = "".join(f"<th width='{w}%'>{_esc(h)}</th>" for h, w in zip(header, widths, strict=True))
    opening = f"<thead><tr>{head}</tr></thead>"
    parts = [TABLE + opening]
    for n, row in enumerate(cells):
        key = f"row-{section.key}-{n}"
        if keep is None:
            inner = [_esc(c) for c in row]
        else:
            inner = keep.row(key, row)
            if n and key in keep.moved:  # cut here: the rest of the table on the next page
                parts.append("</table>" + TABLE.replace('style="', f'style="{_BREAK} ') + opening)
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in inner) + "</tr>")
    return "".join(parts) + f"</table>{AFTER_TABLE}"


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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _row(label: str, value_html: str) -> str:
    return f"<tr><td class='muted' width='110'>{_esc(label)}</td><td>{value_html}</td></tr>"


def _number(value: object, language: str) -> str:
    """12000 → "12 000", 4.5 → "4,5" in French (non-breaking thousands separator)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    if language == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text

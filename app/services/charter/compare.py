"""Compare two versions of a charter: which sections changed, and the differences.

Each section is turned into lines of plain text (its rich text, then one line per table row,
with contacts by name and delays as "4 h"); :mod:`difflib` compares word by word. The result
is HTML with every user text escaped, insertions green and deletions red struck through.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from sqlalchemy.orm import Session

from app.i18n import document_translate as translate
from app.services.charter.labels import choice_label, column_label, weekday_label
from app.services.charter.schema import SCHEMAS, format_delay
from app.services.charter.versions import CharterDoc, SectionInfo, load

INS = '<span style="background-color:#c9f2d0; color:#0b5d1e;">'
DEL = '<span style="background-color:#f8d0d0; color:#8a1010; text-decoration:line-through;">'


@dataclass(frozen=True)
class SectionDiff:
    key: str
    title: str
    status: str  # "same", "changed", "added", "removed"
    diff_html: str  # highlighted differences (empty when "same")


@dataclass(frozen=True)
class VersionComparison:
    client_id: int
    old_number: int
    new_number: int
    sections: tuple[SectionDiff, ...]

    @property
    def changed(self) -> tuple[SectionDiff, ...]:
        return tuple(s for s in self.sections if s.status != "same")


class _Text(HTMLParser):
    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "li", "br", "tr", "table", "ul", "ol"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_lines(fragment: str) -> list[str]:
    parser = _Text()
    parser.feed(fragment or "")
    text = "".join(parser.parts)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip(" •\t")]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def cell_text(col_type: str, value: Any, contacts: dict[int, str]) -> str:
    if value in (None, "", []):
        return "—"
    if col_type == "contact":
        return contacts.get(value, translate("CharterCompare", "(deleted contact)"))
    if col_type == "delay":
        return format_delay(value)
    if col_type in ("choice", "category"):  # a cell starts with a capital: "Réclamation"
        return _capital(choice_label(value))
    if col_type == "actions":
        return _capital(", ".join(choice_label(a) for a in value))
    if col_type == "bool":
        yes_no = translate("CharterCompare", "yes") if value else translate("CharterCompare", "no")
        return _capital(yes_no)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def section_lines(section: SectionInfo, contacts: dict[int, str]) -> list[str]:
    lines = html_to_lines(section.html)
    schema = SCHEMAS.get(section.key)
    data = section.data or {}
    if schema is not None and schema.columns:
        for row in data.get("rows", []):
            cells = [
                f"{column_label(section.key, c.key)}: {cell_text(c.type, row.get(c.key), contacts)}"
                for c in schema.columns
            ]
            lines.append(" | ".join(cells))
    if schema is not None and schema.kind == "delays":
        hours = data.get("business_hours") or {}
        for day in range(7):
            spans = hours.get("days", {}).get(str(day))
            if spans:
                lines.append(f"{weekday_label(day)}: " + ", ".join(f"{a}–{b}" for a, b in spans))
        if hours.get("closed_days"):
            lines.append(", ".join(hours["closed_days"]))
    if schema is not None and schema.kind == "style":
        for key in (
            "register",
            "emojis",
            "signature",
            "words_to_use",
            "words_to_avoid",
            "watch_words",
        ):
            value = data.get(key)
            if isinstance(value, list):
                value = ", ".join(value)
            lines.append(f"{key}: {value}")
    return lines


def _words(lines: list[str]) -> list[str]:
    tokens: list[str] = []
    for line in lines:
        tokens.extend(re.findall(r"\S+|\s+", line))
        tokens.append("\n")
    return tokens


def diff_html(old: list[str], new: list[str]) -> str:
    """Word-level differences of two texts as escaped HTML (paragraph per line)."""
    a, b = _words(old), _words(new)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(DEL + html.escape("".join(a[i1:i2])) + "</span>")
        if j2 > j1:
            out.append(INS + html.escape("".join(b[j1:j2])) + "</span>")
    text = "".join(out).strip("\n")
    return "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())


def compare_docs(old: CharterDoc, new: CharterDoc) -> VersionComparison:
    contacts = {**old.contacts, **new.contacts}
    result: list[SectionDiff] = []
    old_by_key = {s.key: s for s in old.sections}
    new_keys = {s.key for s in new.sections}
    for section in new.sections:
        before = old_by_key.get(section.key)
        new_lines = [section.title, *section_lines(section, contacts)]
        if before is None:
            result.append(
                SectionDiff(section.key, section.title, "added", diff_html([], new_lines))
            )
            continue
        old_lines = [before.title, *section_lines(before, contacts)]
        if old_lines == new_lines:
            result.append(SectionDiff(section.key, section.title, "same", ""))
        else:
            result.append(
                SectionDiff(section.key, section.title, "changed", diff_html(old_lines, new_lines))
            )
    for section in old.sections:
        if section.key not in new_keys:
            lines = [section.title, *section_lines(section, contacts)]
            result.append(SectionDiff(section.key, section.title, "removed", diff_html(lines, [])))
    return VersionComparison(old.client_id, old.version.number, new.version.number, tuple(result))


def compare_versions(
    session: Session, client_id: int, old_number: int, new_number: int
) -> VersionComparison:
    """Differences from version ``old_number`` to version ``new_number``."""
    return compare_docs(load(session, client_id, old_number), load(session, client_id, new_number))

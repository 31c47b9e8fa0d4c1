"""What a CSV file from another tool is, before reading it: encoding, separator, date order.

Other tools and spreadsheets write CSV their own way: Excel in French saves with ``;`` and in
Windows-1252 (sometimes with a ``sep=;`` first line), exports from American tools write
month-first dates (03/14/2026), French ones day-first (14/03/2026). The importers ask this
module, then say what they read ("`;`-separated, Windows-1252, day-first dates") before
importing, so nothing is guessed silently.
"""

from __future__ import annotations

import _csv
import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import charset_normalizer

from app.i18n import translate

DELIMITERS = (",", ";", "\t")
_SLASHED = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


@dataclass(frozen=True)
class CsvText:
    text: str
    encoding: str  # "utf-8", or what charset-normalizer found ("cp1252", …)
    delimiter: str

    @property
    def rows(self) -> _csv.Reader:
        # newline=None: universal newlines, so a file with CR-only line endings reads too
        return csv.reader(io.StringIO(self.text, newline=None), delimiter=self.delimiter)

    def describe(self) -> str:
        """One line for the user: "separator ';', encoding cp1252"."""
        names = {",": ",", ";": ";", "\t": "tab"}
        return translate("Csv", "separator « {sep} », encoding {encoding}").format(
            sep=names.get(self.delimiter, self.delimiter), encoding=self.encoding
        )


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: UTF-8 (with or without a BOM) first,
    else the encoding charset-normalizer finds, else Windows-1252 (Excel on Windows)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Excel's Western European code page reads every byte; prefer it to a near-twin guess
    if encoding in ("latin_1", "iso8859_15", "cp1250", "cp1252"):
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace"), "cp1252"


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def delimiter_of(text: str) -> str:
    """The separator of the header line: the one that occurs most outside quotes."""
    line = _first_line(text)
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_text(text: str, encoding: str = "utf-8") -> CsvText:
    text = text.lstrip("\ufeff")
    first = _first_line(text)
    if first.lower().startswith("sep=") and len(first.strip()) <= 6:  # Excel's hint line
        sep = first.strip()[4:5] or ","
        rest = text.split("\n", 1)[1] if "\n" in text else ""
        return CsvText(rest, encoding, sep)
    return CsvText(text, encoding, delimiter_of(text))


def read_bytes(data: bytes) -> CsvText:
    text, encoding = decode(data)
    return read_text(text, encoding)


def date_order(values: Iterable[str], default: str) -> tuple[str, str]:
    """``("dmy" | "mdy", why)`` for slashed dates (03/04/2026): a first number above 12 can
    only be a day, a second above 12 only a day too; without such a value the layout's
    convention (``default``) holds. Both kinds in one file is an error, never a guess."""
    day_first = month_first = ""
    for value in values:
        m = _SLASHED.match(value or "")
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 and b <= 12 and not day_first:
            day_first = value.strip()
        elif b > 12 and a <= 12 and not month_first:
            month_first = value.strip()
    if day_first and month_first:
        raise ValueError(
            translate(
                "Csv",
                "The dates mix two orders: « {a} » is day-first, « {b} » month-first; "
                "export the file again without editing it in a spreadsheet.",
            ).format(a=day_first, b=month_first)
        )
    if day_first:
        return "dmy", translate("Csv", "day-first (« {value} » has a day above 12)").format(
            value=day_first
        )
    if month_first:
        return "mdy", translate("Csv", "month-first (« {value} » has a day above 12)").format(
            value=month_first
        )
    if default == "dmy":
        return "dmy", translate("Csv", "day-first (the convention of this layout)")
    return "mdy", translate("Csv", "month-first (the convention of this layout)")


def semicolon_hint(reading: CsvText) -> str:
    """Said in a refusal when a file is not comma-separated, so the user sees why."""
    if reading.delimiter == ",":
        return ""
    return translate("Csv", "The file is separated by « {sep} » (read as such).").format(
        sep="tab" if reading.delimiter == "\t" else reading.delimiter
    )

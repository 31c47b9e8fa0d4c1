"""The characters of a calendar file: UTF-8 as RFC 5545 says, or what was really used.

Outlook and older tools still write Windows-1252/Latin-1; files stitched together by hand
mix UTF-8 and Latin-1 lines. Reading those as UTF-8 with replacement characters silently
turns "café" into "caf�": instead the encoding is detected (``charset-normalizer``) and the
import report says the file was not UTF-8 and how it was read.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from app.errors import ValidationError
from app.i18n import translate

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACK = "cp1252"  # what a Windows tool writes when it does not write UTF-8


@dataclass(frozen=True)
class Decoded:
    text: str
    note: str = ""  # empty when the file was plain UTF-8


def decode(data: bytes) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            if codec.startswith("utf-8"):
                return Decoded(text)
            return Decoded(text, _note_not_utf8(codec))
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not data.startswith(b"BEGIN"):
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise ValidationError(
                translate("Ical", "This is not an iCalendar file: it is not text.")
            )
        return Decoded(str(best), _note_not_utf8(best.encoding))
    lines = data.splitlines(keepends=True)
    good, bad = [], []
    for number, line in enumerate(lines, start=1):
        try:
            line.decode("utf-8")
            if any(b >= 0x80 for b in line):
                good.append(number)
        except UnicodeDecodeError:
            bad.append(number)
    if good:  # real UTF-8 lines beside broken ones: mend only the broken lines
        fallback = _guess(b"".join(lines[n - 1] for n in bad))
        broken = set(bad)
        text = "".join(
            line.decode(fallback, errors="replace") if n in broken else line.decode("utf-8")
            for n, line in enumerate(lines, start=1)
        )
        shown = ", ".join(str(n) for n in bad[:5]) + (" …" if len(bad) > 5 else "")
        return Decoded(
            text,
            translate(
                "Ical", "The file is not valid UTF-8: line(s) {lines} were read as {encoding}."
            ).format(lines=shown, encoding=fallback),
        )
    encoding = _guess(data)
    return Decoded(data.decode(encoding, errors="replace"), _note_not_utf8(encoding))


_RRULE_RE = re.compile(r"^((?:RRULE|EXRULE)[^:\n]*:)([^\r\n]*)$", re.I | re.M)


def mend_rrules(unfolded: str) -> str:
    """Microsoft CDO writes ``BYDAY=MO, TU, WE``: RFC 5545 has no spaces in a RECUR value."""
    return _RRULE_RE.sub(lambda m: m.group(1) + re.sub(r"\s+", "", m.group(2)), unfolded)


def _guess(data: bytes) -> str:
    results = charset_normalizer.from_bytes(data)
    plausible = [m.encoding for m in results]
    # On a few words 1250, 1252 and 1257 read equally well: a calendar that is not UTF-8
    # almost always comes from a Western Windows, so 1252 wins when it is plausible at all.
    # (Latin-1 and 1252 agree on letters; 1252 also has € – « » ’ where Latin-1 has controls.)
    if not plausible or {"cp1252", "latin_1", "iso8859_15", "ascii"} & set(plausible):
        return _FALLBACK
    try:  # charset-normalizer keeps one of the encodings that read the bytes the same way
        if data.decode(_FALLBACK) == data.decode(plausible[0]):
            return _FALLBACK
    except (UnicodeDecodeError, LookupError):
        pass
    return plausible[0]


def _note_not_utf8(encoding: str) -> str:
    return translate("Ical", "The file is not UTF-8: it was read as {encoding}.").format(
        encoding=encoding
    )

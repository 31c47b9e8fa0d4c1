"""Dates, times, numbers and French typography as a client reads them in a document.

Every value a Tribune document prints goes through here, in the document's language, so no
ISO date or bare decimal point reaches a client: "mardi 1er décembre 2026, 8 h 15" and
"36 000" in French, "Tuesday 1 December 2026, 8:15 AM" and "36,000" in English. QLocale
(QtCore only) gives the names and separators; the French conventions that QLocale does not
apply (the ordinal "1er", "8 h 15", non-breaking spaces before high punctuation and inside
guillemets) are written here, once.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from PySide6.QtCore import QDate, QLocale

from app.i18n import language_locale

NBSP = "\u00a0"  # before : and inside « »
NNBSP = "\u202f"  # narrow no-break space: before ; ! ? and between thousands


def locale_for(language: str) -> QLocale:
    """The QLocale of a document language ("fr" → French of France, anything else English)."""
    return language_locale(language)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: dt.date, language: str, *, weekday: bool = True) -> str:
    """ "mardi 1er décembre 2026" / "Tuesday 1 December 2026" (``weekday=False`` drops it)."""
    loc = locale_for(language)
    if language == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        text = f"{number}{NBSP}{loc.monthName(day.month)} {day.year}"
        return f"{loc.dayName(day.isoweekday())} {text}" if weekday else text
    pattern = "dddd d MMMM yyyy" if weekday else "d MMMM yyyy"
    return loc.toString(_qdate(day), pattern)


def day_month(day: dt.date, language: str) -> str:
    """ "1er décembre" / "1 December"."""
    if language == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        return f"{number}{NBSP}{locale_for(language).monthName(day.month)}"
    return locale_for(language).toString(_qdate(day), "d MMMM")


def weekday_day_month(day: dt.date, language: str) -> str:
    """ "mardi 1er décembre" / "Tuesday 1 December", for a list under a dated heading."""
    return f"{locale_for(language).dayName(day.isoweekday())} {day_month(day, language)}"


def clock_time(moment: dt.time | dt.datetime, language: str) -> str:
    """ "8 h 15", "14 h" / "8:15 AM"."""
    if language == "fr":
        if moment.minute:
            return f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"
        return f"{moment.hour}{NBSP}h"
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{hour}:{moment.minute:02d}{NBSP}{suffix}"


def long_datetime(moment: dt.datetime, language: str) -> str:
    """ "mardi 1er décembre 2026, 8 h 15" / "Tuesday 1 December 2026, 8:15 AM"."""
    return f"{long_date(moment.date(), language)}, {clock_time(moment, language)}"


def period(start: dt.date, end: dt.date, language: str, *, year: bool = True) -> str:
    """ "du 1er au 5 décembre 2026" / "1–5 December 2026", the shortest form that stays clear
    (``year=False`` drops the year of a period within one year: "du 1er au 5 décembre")."""
    loc = locale_for(language)
    tail = f" {end.year}" if year or start.year != end.year else ""
    if language == "fr":
        if (start.year, start.month) == (end.year, end.month):
            first = "1er" if start.day == 1 else str(start.day)
            return f"du {first} au {day_month(end, language)}{tail}"
        if start.year == end.year:
            return f"du {day_month(start, language)} au {day_month(end, language)}{tail}"
        first, last = (long_date(d, language, weekday=False) for d in (start, end))
        return f"du {first} au {last}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {loc.monthName(end.month)}{tail}"
    if start.year == end.year:
        return f"{day_month(start, language)} – {day_month(end, language)}{tail}"
    first, last = (long_date(d, language, weekday=False) for d in (start, end))
    return f"{first} – {last}"


def number(value: float, language: str, decimals: int = 0) -> str:
    """ "36 000" (narrow no-break space) / "36,000"; "12,5" / "12.5"."""
    loc = locale_for(language)
    text = loc.toString(float(value), "f", decimals) if decimals else loc.toString(round(value))
    if language == "fr":
        text = text.replace("\u00a0", NNBSP).replace(" ", NNBSP)
    return text


def percent(value: float, language: str, decimals: int = 0) -> str:
    """ "12 %" (no-break space) / "12%"."""
    text = number(value, language, decimals)
    return f"{text}{NBSP}%" if language == "fr" else f"{text}%"


_HIGH = re.compile(r"(?<=\S)\s*([;!?]+)(?=\s|$)")
_COLON = re.compile(r"(?<=\S)\s*:(?=\s|$)")


def french_spaces(text: str) -> str:
    """French typography for running text: a no-break space before : ; ! ? and inside « ».

    Leaves URLs and times alone (a colon followed by a non-space, as in "https://" or "8:15").
    """
    text = _HIGH.sub(lambda m: NNBSP + m.group(1), text)
    text = _COLON.sub(NBSP + ":", text)
    text = re.sub(r"«\s*", "«" + NBSP, text)
    text = re.sub(r"\s*»", NBSP + "»", text)
    return text


def typeset(text: str, language: str) -> str:
    """Running text of a document: French spacing in French, untouched in English."""
    return french_spaces(text) if language == "fr" else text


# A tag, a comment, or a whole <style>/<head> element whose text is not running text.
_MARKUP = re.compile(
    r"(<style\b.*?</style\s*>|<head\b.*?</head\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I
)
_LEADING = re.compile(r"^[ \t\u00a0\u202f]*([:;!?])(?=\s|$)")


def typeset_html(markup: str, language: str) -> str:
    """:func:`typeset` applied to the text between the tags of ``markup``, never inside a tag,
    an attribute or a style sheet. Each piece of text is unescaped, typeset and escaped again,
    so an escaped ``&amp;`` or ``&lt;`` stays escaped and untrusted text stays plain text.

    The narrow no-break spaces become no-break spaces (U+00A0), the only kind Qt's rich text
    keeps. A text that starts with the punctuation ("<b>Note</b> : …") is joined to the word before
    the tag by a no-break space too.
    """
    if language != "fr":
        return markup
    out = []
    for piece in _MARKUP.split(markup):
        if not piece or piece.startswith("<"):
            out.append(piece)
            continue
        text = html.unescape(piece)
        if out:
            text = _LEADING.sub(lambda m: NBSP + m.group(1), text)
        # Qt's HTML parser turns every space but U+00A0 into a plain, breakable space (a
        # narrow no-break space too): in a document, the no-break space is U+00A0.
        out.append(html.escape(french_spaces(text).replace(NNBSP, NBSP), quote=False))
    return "".join(out)


__all__ = [
    "NBSP",
    "NNBSP",
    "clock_time",
    "day_month",
    "french_spaces",
    "locale_for",
    "long_date",
    "long_datetime",
    "number",
    "percent",
    "period",
    "typeset",
    "typeset_html",
    "weekday_day_month",
]

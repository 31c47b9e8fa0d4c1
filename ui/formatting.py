"""Dates, times and numbers as the interface shows them, in the interface's language.

One place for every date a screen prints, so no ISO "2026-12-06 19:00" reaches a user:
"dim. 6 déc. 2026, 19:00" in French, "Sun 6 Dec 2026, 7:00 PM" in English. The forms are
short (lists, chips, tooltips); documents for clients have their own, longer forms in
:mod:`app.documents.wording`.

The language is the one of the installed catalogue: the French catalogue translates the
marker below to "fr", so the interface and its dates always agree (a French interface on an
English system prints French dates, and the reverse).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSize, Qt, QTime
from PySide6.QtWidgets import QLabel


def ui_language() -> str:
    """ "fr" when the French catalogue is installed, else "en"."""
    code = QCoreApplication.translate(
        "Formatting", "en", "the code of this catalogue's language: fr, en"
    )
    return "fr" if code.strip().lower() == "fr" else "en"


def ui_locale(language: str | None = None) -> QLocale:
    """The QLocale of ``language`` (default: the interface's) — the documents' own."""
    from app.documents.wording import locale_for

    return locale_for(language or ui_language())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _local(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    return moment.astimezone(zone) if zone is not None else moment


def time_text(moment: dt.datetime | dt.time, language: str | None = None) -> str:
    """ "19:00" / "7:00 PM"."""
    language = language or ui_language()
    pattern = "HH:mm" if language == "fr" else "h:mm AP"
    return ui_locale(language).toString(QTime(moment.hour, moment.minute), pattern)


def date_text(day: dt.date, language: str | None = None, *, year: bool = True) -> str:
    """ "dim. 6 déc. 2026" / "Sun 6 Dec 2026" (``year=False``: "dim. 6 déc.")."""
    if isinstance(day, dt.datetime):
        day = day.date()
    pattern = "ddd d MMM yyyy" if year else "ddd d MMM"
    return ui_locale(language).toString(_qdate(day), pattern)


def datetime_text(
    moment: dt.datetime,
    zone: dt.tzinfo | None = None,
    language: str | None = None,
    *,
    year: bool = True,
) -> str:
    """ "dim. 6 déc. 2026, 19:00" / "Sun 6 Dec 2026, 7:00 PM", in ``zone`` if given."""
    local = _local(moment, zone)
    return f"{date_text(local.date(), language, year=year)}, {time_text(local, language)}"


def compact_datetime(
    moment: dt.datetime,
    zone: dt.tzinfo | None = None,
    language: str | None = None,
    *,
    now: dt.datetime | None = None,
) -> str:
    """For a narrow column: "6 déc., 19:00" / "6 Dec, 7:00 PM" (the year only when it is not
    the year of ``now``)."""
    local = _local(moment, zone)
    now = _local(now or dt.datetime.now(dt.UTC), local.tzinfo)
    pattern = "d MMM" if local.year == now.year else "d MMM yyyy"
    day = ui_locale(language).toString(_qdate(local.date()), pattern)
    return f"{day}, {time_text(local, language)}"


def edit_format(language: str | None = None) -> str:
    """A QDateTimeEdit's display format matching :func:`datetime_text` (set the edit's locale
    to :func:`ui_locale` too): "dim. 6 déc. 2026, 19:00" / "Sun 6 Dec 2026, 7:00 PM"."""
    language = language or ui_language()
    return "ddd d MMM yyyy, HH:mm" if language == "fr" else "ddd d MMM yyyy, h:mm AP"


def number_text(value: float, decimals: int = 0, language: str | None = None) -> str:
    """ "36 000" / "36,000"; "12,5" / "12.5"."""
    loc = ui_locale(language)
    if decimals:
        return loc.toString(float(value), "f", decimals)
    return loc.toString(round(value))


def shown_handle(handle: str) -> str:
    """A handle as people write it: "@name"; ids and URNs (Facebook, LinkedIn) as they are,
    and never "@@" when the network already gave the "@" (Mastodon, Bluesky, X)."""
    if not handle or handle.startswith("@") or ":" in handle or handle.isdigit():
        return handle
    return "@" + handle


def account_text(network: str, handle: str) -> str:
    """An account as users know it: "Mastodon @brand", never the internal "mastodon brand"."""
    from app.models.client import network_label

    return f"{network_label(network)} {shown_handle(handle)}".strip()


class ElidedLabel(QLabel):
    """A one-line plain-text label that never asks for the width of its text: it shows as
    much as fits, with "…", and keeps the whole text in :meth:`full_text`.

    Its minimum width is :meth:`setMinimumWidth`'s (0 by default), so a long client name or
    server message cannot widen the window. :meth:`text` is the whole text,
    :meth:`shown_text` what fits; with ``auto_tooltip`` an elided text is whole in the
    tooltip."""

    def __init__(
        self,
        text: str = "",
        parent=None,
        *,
        auto_tooltip: bool = False,
        fixed_hint: int | None = None,
    ) -> None:
        """``fixed_hint``: the width asked for whatever the text (a status chip)."""
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self._auto_tooltip = auto_tooltip
        self._fixed_hint = fixed_hint
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = " ".join((text or "").split())  # one line
        self._elide()
        self.updateGeometry()

    setText = set_full_text

    def full_text(self) -> str:
        return self._full

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What the label shows: the text, elided when it does not fit."""
        return super().text()

    def _room(self) -> int:
        # a few pixels for the overhang of bold and italic glyphs
        return max(0, self.contentsRect().width() - 2 * self.margin() - 4)

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self._room())
        QLabel.setText(self, shown)
        if self._auto_tooltip:
            from app.textsafe import tooltip

            self.setToolTip(tooltip(self._full) if shown != self._full else "")

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._fixed_hint is not None:
            return QSize(self._fixed_hint, hint.height())
        extra = self.width() - self._room() if self.width() > 0 else 2 * self.margin()
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(self._full), metrics.boundingRect(self._full).width())
        width += extra + 6
        return QSize(max(width, self.minimumWidth()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # a style sheet's font or padding
        super().changeEvent(event)
        self._elide()


__all__ = [
    "ElidedLabel",
    "account_text",
    "compact_datetime",
    "date_text",
    "datetime_text",
    "edit_format",
    "number_text",
    "shown_handle",
    "time_text",
    "ui_language",
    "ui_locale",
]

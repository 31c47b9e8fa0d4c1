"""Periods of the dashboard and the report: the last 28 days, a week, month, quarter or a
custom range, and the one before.

A period is a closed range of local dates (the client's calendar days). The previous
period of a week, month or quarter is the previous week, month or quarter; of the last 28
days or a custom range, the same number of days just before it. The Charts area opens on
the last 28 days: on the 5th of a month, "this month" would be four days of data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import translate
from app.limits import YEAR_MAX

PERIOD_KINDS = ("last28", "week", "month", "quarter", "custom")
ROLLING_DAYS = 28
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    kind: str
    start: dt.date
    end: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(self.days)]

    def is_partial(self, today: dt.date) -> bool:
        """The period is still running: it has started and ends after ``today``."""
        return self.start <= today < self.end

    def previous(self) -> Period:
        if self.kind == "last28":
            return Period(
                "last28",
                self.start - dt.timedelta(days=self.days),
                self.start - dt.timedelta(days=1),
            )
        if self.kind == "week":
            return Period(
                "week", self.start - dt.timedelta(days=7), self.start - dt.timedelta(days=1)
            )
        if self.kind in ("month", "quarter"):
            months = 1 if self.kind == "month" else 3
            start = _add_months(self.start, -months)
            return Period(self.kind, start, self.start - dt.timedelta(days=1))
        return Period(
            "custom", self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1)
        )

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` periods later (negative: earlier)."""
        period = self
        for _ in range(abs(steps)):
            period = period.previous() if steps < 0 else period._next()
        return period

    def _next(self) -> Period:
        if self.kind == "last28":
            return Period(
                "last28", self.end + dt.timedelta(days=1), self.end + dt.timedelta(days=self.days)
            )
        if self.kind == "week":
            return Period("week", self.end + dt.timedelta(days=1), self.end + dt.timedelta(days=7))
        if self.kind in ("month", "quarter"):
            months = 1 if self.kind == "month" else 3
            start = self.end + dt.timedelta(days=1)
            return Period(self.kind, start, _add_months(start, months) - dt.timedelta(days=1))
        return Period(
            "custom", self.end + dt.timedelta(days=1), self.end + dt.timedelta(days=self.days)
        )


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_for(kind: str, anchor: dt.date, end: dt.date | None = None) -> Period:
    """The week, month or quarter containing ``anchor``, the 28 days ending on it; custom is
    ``anchor``..``end``."""
    if kind == "last28":
        return Period("last28", anchor - dt.timedelta(days=ROLLING_DAYS - 1), anchor)
    if kind == "week":
        start = anchor - dt.timedelta(days=anchor.weekday())
        return Period("week", start, start + dt.timedelta(days=6))
    if kind == "month":
        start = anchor.replace(day=1)
        return Period("month", start, _add_months(start, 1) - dt.timedelta(days=1))
    if kind == "quarter":
        start = dt.date(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 1)
        return Period("quarter", start, _add_months(start, 3) - dt.timedelta(days=1))
    if kind == "custom":
        end = end or anchor
        if end < anchor:
            raise ValidationError(
                translate("Dashboard", "The end of the period is before its start."), field="end"
            )
        if (end - anchor).days > 3 * 366:
            raise ValidationError(
                translate("Dashboard", "A period can cover three years at most."), field="end"
            )
        return Period("custom", anchor, end)
    raise ValidationError(
        translate(
            "Dashboard", "Unknown period: {kind} (last28, week, month, quarter or custom)."
        ).format(kind=kind),
        field="kind",
    )


def parse_month(text: str) -> Period:
    """ "2026-03" → March 2026; anything else is a clear :class:`ValidationError`."""
    match = MONTH_RE.match((text or "").strip())
    if (
        not match
        or not 1 <= int(match.group(2)) <= 12
        or not 1970 <= int(match.group(1)) <= YEAR_MAX
    ):
        raise ValidationError(
            translate("Report", 'Invalid month "{value}": expected YYYY-MM, e.g. 2026-03.').format(
                value=text
            ),
            field="month",
        )
    return period_for("month", dt.date(int(match.group(1)), int(match.group(2)), 1))

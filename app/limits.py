"""The range of dates and numbers Tribune accepts from files and options.

Python's dates stop at years 1 and 9999 and an aware time near either end overflows when it
is converted to UTC or to the client's zone; SQLite and PostgreSQL integers stop at 2^63.
Input outside these ranges is refused where it is read, in one line, instead of failing
later deep inside an export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.i18n import translate

YEAR_MIN = 1900
YEAR_MAX = 2200
INT_MAX = 2**31 - 1  # the columns are INTEGER (32 bits on PostgreSQL)


def check_year(value: dt.date | dt.datetime, what: str = "") -> None:
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValueError(
            translate("Limits", "the date {value} is outside {low}–{high}").format(
                value=(what or value.isoformat())[:40], low=YEAR_MIN, high=YEAR_MAX
            )
        )


def check_int(value: int, what: str = "") -> None:
    if not -INT_MAX - 1 <= value <= INT_MAX:
        raise ValueError(
            translate("Limits", "the number {value} is too large").format(
                value=(what or str(value))[:40]
            )
        )


def bounded_int(low: int = 0, high: int = INT_MAX) -> Callable[[str], int]:
    """An ``argparse`` type: an integer between ``low`` and ``high``, else one-line error."""
    import argparse

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                translate("Limits", "not a whole number: {value}").format(value=text[:40])
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                translate("Limits", "{value} is not between {low} and {high}").format(
                    value=text[:40], low=low, high=high
                )
            )
        return value

    return parse


__all__ = ["INT_MAX", "YEAR_MAX", "YEAR_MIN", "bounded_int", "check_int", "check_year"]

"""CSV that a spreadsheet reads as data, never as formulas (OWASP "CSV injection").

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
by Excel, LibreOffice and Google Sheets (``=cmd|' /C calc'!A0``, ``=HYPERLINK(...)``). Every
CSV Tribune writes goes through :func:`writer`, which prefixes such text cells with a single
quote. Numbers stay numbers: ``-3`` written from an int is not text from the internet.
"""

from __future__ import annotations

import _csv
import csv
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet must read it: a formula-looking string is quoted."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


if TYPE_CHECKING:
    from _typeshed import SupportsWrite


class _SafeWriter:
    def __init__(self, inner: _csv.Writer) -> None:
        self._inner = inner

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._inner.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(fh: SupportsWrite[str], **kwargs: Any) -> _SafeWriter:
    """``csv.writer`` whose text cells cannot become formulas."""
    return _SafeWriter(csv.writer(fh, **kwargs))


__all__ = ["TRIGGERS", "safe_cell", "writer"]

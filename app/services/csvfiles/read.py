"""Reading back what :mod:`app.csvsafe` wrote: a text cell it quoted (``'=…``) is the text
``=…`` again, so Tribune's own CSV exports re-import unchanged."""

from __future__ import annotations

from app.csvsafe import TRIGGERS


def unquote(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value

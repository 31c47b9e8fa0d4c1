"""Column mappings for CSV files from tools Tribune does not know, saved per client.

``parse_map("text=Message,date=Date,network=Réseau")`` reads what the user typed; a mapping
used for an import is saved under the client and the file's headers, and
:func:`saved_mapping` finds it again for the next file with the same headers.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import insert_ignore
from app.errors import ValidationError
from app.i18n import translate
from app.models.base import table_of, utcnow
from app.models.csv_mappings import CsvMapping

POST_FIELDS = ("date", "time", "networks", "text", "media", "title", "category", "campaign", "link")
ALIASES = {"network": "networks", "réseau": "networks", "texte": "text", "heure": "time"}


def parse_map(spec: str) -> dict[str, str]:
    """``field=Column`` pairs separated by commas; a column name may hold spaces."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        name, sep, column = part.partition("=")
        name = ALIASES.get(name.strip().lower(), name.strip().lower())
        if not sep or not column.strip():
            raise ValidationError(
                translate("PostsCsv", "« {part} » is not field=Column.").format(part=part.strip())
            )
        if name not in POST_FIELDS:
            raise ValidationError(
                translate("PostsCsv", "Unknown field « {name} »: fields are {fields}.").format(
                    name=name, fields=", ".join(POST_FIELDS)
                )
            )
        mapping[name] = column.strip()
    if not mapping:
        raise ValidationError(translate("PostsCsv", "The column mapping is empty."))
    return mapping


def signature(header: list[str]) -> str:
    names = sorted(h.strip().lower() for h in header if h.strip())
    return hashlib.sha256("\x1f".join(names).encode()).hexdigest()


def saved_mapping(
    session: Session, client_id: int, kind: str, header: list[str]
) -> dict[str, Any] | None:
    return session.scalar(
        select(CsvMapping.mapping).where(
            CsvMapping.client_id == client_id,
            CsvMapping.kind == kind,
            CsvMapping.signature == signature(header),
        )
    )


def save_mapping(
    session: Session, client_id: int, kind: str, header: list[str], mapping: dict[str, Any]
) -> None:
    """Keep ``mapping`` for files with these headers (two seats saving it: one row)."""
    sig = signature(header)
    row = {
        "client_id": client_id,
        "kind": kind,
        "signature": sig,
        "headers": [h.strip() for h in header],
        "mapping": dict(mapping),
        "updated_at": utcnow(),
    }
    if insert_ignore(session, table_of(CsvMapping), [row]) == 1:
        return
    existing = session.scalar(
        select(CsvMapping).where(
            CsvMapping.client_id == client_id, CsvMapping.kind == kind, CsvMapping.signature == sig
        )
    )
    if existing is not None and existing.mapping != mapping:
        existing.mapping = dict(mapping)

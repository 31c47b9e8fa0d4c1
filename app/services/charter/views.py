"""A charter as the screens and documents see it: frozen views of versions and sections."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import translate
from app.models import Client, Contact
from app.models.charter import CharterSection, CharterVersion
from app.services.charter.schema import SCHEMAS, Issue, section_issues

EDITABLE = ("draft",)


@dataclass(frozen=True)
class VersionSummary:
    id: int
    number: int
    status: str
    language: str
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime
    sent_at: dt.datetime | None
    signed_at: dt.datetime | None
    superseded_at: dt.datetime | None
    based_on_id: int | None
    scan_filename: str
    scan_sha256: str

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


@dataclass(frozen=True)
class SectionInfo:
    id: int
    key: str
    kind: str
    position: int
    title: str
    guidance: str
    html: str
    data: dict[str, Any] = field(hash=False, compare=True)
    revision: int = 1
    issues: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class SignatoryInfo:
    side: str  # "agency" or "client"
    name: str
    role: str = ""
    signed_on: dt.date | None = None


@dataclass(frozen=True)
class CharterDoc:
    client_id: int
    client_name: str
    client_timezone: str
    version: VersionSummary
    sections: tuple[SectionInfo, ...]
    signatories: tuple[SignatoryInfo, ...]
    contacts: dict[int, str] = field(default_factory=dict, hash=False)  # id -> "Name (role)"

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(i for s in self.sections for i in s.issues)

    def section(self, key: str) -> SectionInfo | None:
        return next((s for s in self.sections if s.key == key), None)


# -- reading ----------------------------------------------------------------------------------
def _client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(translate("Charter", "Unknown client (id {id}).").format(id=client_id))
    return client


def _summary(v: CharterVersion) -> VersionSummary:
    return VersionSummary(
        v.id,
        v.number,
        v.status,
        v.language,
        v.title,
        v.created_at,
        v.updated_at,
        v.sent_at,
        v.signed_at,
        v.superseded_at,
        v.based_on_id,
        v.scan_filename,
        v.scan_sha256,
    )


def _contacts(session: Session, client_id: int) -> dict[int, str]:
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.role)
        .where(Contact.client_id == client_id)
        .order_by(Contact.name)
    )
    return {cid: (f"{name} ({role})" if role else name) for cid, name, role in rows}


def _section_info(s: CharterSection, contact_ids: set[int]) -> SectionInfo:
    data = copy.deepcopy(s.data or {})
    issues = section_issues(s.key, data)
    for col in SCHEMAS[s.key].columns:
        if col.type != "contact":
            continue
        for i, row in enumerate(data.get("rows", [])):
            value = row.get(col.key)
            if value not in (None, "") and value not in contact_ids:
                issues.append(
                    Issue(
                        s.key,
                        i,
                        col.key,
                        translate("Charter", "Row {row}: this contact no longer exists.").format(
                            row=i + 1
                        ),
                    )
                )
    return SectionInfo(
        s.id,
        s.key,
        s.kind,
        s.position,
        s.title,
        s.guidance,
        s.html,
        data,
        s.revision,
        tuple(issues),
    )

"""Charter versions: create from a template, edit sections, sign, start a new draft.

Lifecycle: draft → sent_for_signature → signed → superseded. Only a draft is edited; a signed
version is frozen (:class:`Conflict` on any change) and :func:`start_new_draft` copies it into
a new draft. Every function takes the caller's Session (one unit of work) and returns frozen
dataclasses. Structured values are checked by :mod:`app.services.charter.schema`.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Table, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.config import resources_dir
from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models.base import utcnow
from app.models.charter import CharterSection, CharterVersion
from app.services.charter.conflicts import section_conflict as _section_conflict
from app.services.charter.schema import SCHEMAS
from app.services.charter.validate import validate_data
from app.services.charter.views import (
    EDITABLE,
    _client,
    _contacts,
    _section_info,
    _summary,
)
from app.services.charter.views import CharterDoc as CharterDoc
from app.services.charter.views import SectionInfo as SectionInfo
from app.services.charter.views import SignatoryInfo as SignatoryInfo
from app.services.charter.views import VersionSummary as VersionSummary
from app.services.people import audit
from app.services.people.actor import current_actor


def list_versions(session: Session, client_id: int) -> list[VersionSummary]:
    _client(session, client_id)
    rows = session.scalars(
        select(CharterVersion)
        .where(CharterVersion.client_id == client_id)
        .order_by(CharterVersion.number.desc())
    )
    return [_summary(v) for v in rows]


def _version(session: Session, client_id: int, number: int | None) -> CharterVersion:
    query = select(CharterVersion).where(CharterVersion.client_id == client_id)
    if number is None:
        query = query.order_by(CharterVersion.number.desc()).limit(1)
    else:
        query = query.where(CharterVersion.number == number)
    version = session.scalars(query).first()
    if version is None:
        client = _client(session, client_id)
        if number is None:
            raise NotFound(
                translate("Charter", "{client} has no charter yet.").format(client=client.name)
            )
        raise NotFound(
            translate("Charter", "{client} has no charter version {n}.").format(
                client=client.name, n=number
            )
        )
    return version


def load(session: Session, client_id: int, number: int | None = None) -> CharterDoc:
    """Version ``number`` of the client's charter (default: the latest one)."""
    version = _version(session, client_id, number)
    return _doc(session, version)


def _doc(session: Session, version: CharterVersion) -> CharterDoc:
    client = _client(session, version.client_id)
    contacts = _contacts(session, client.id)
    ids = set(contacts)
    return CharterDoc(
        client.id,
        client.name,
        client.timezone,
        _summary(version),
        tuple(_section_info(s, ids) for s in version.sections),
        tuple(SignatoryInfo(g.side, g.name, g.role, g.signed_on) for g in version.signatories),
        contacts,
    )


def version_by_id(session: Session, client_id: int, version_id: int) -> CharterVersion:
    version = session.get(CharterVersion, version_id)
    if version is None or version.client_id != client_id:
        raise NotFound(translate("Charter", "Unknown charter version."))
    return version


# -- creating ---------------------------------------------------------------------------------
def template(language: str) -> dict[str, Any]:
    """The section template for ``language`` (fr or en) from resources/templates."""
    lang = language if language in ("fr", "en") else "en"
    path = Path(resources_dir()) / "templates" / f"charter_{lang}.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def ensure_charter(session: Session, client_id: int) -> CharterDoc:
    """The latest version; a first draft from the template in the client's language if none."""
    client = _client(session, client_id)
    exists = session.scalar(
        select(func.count(CharterVersion.id)).where(CharterVersion.client_id == client_id)
    )
    if not exists:
        return create_from_template(session, client_id, client.language)
    return load(session, client_id)


def create_from_template(session: Session, client_id: int, language: str) -> CharterDoc:
    client = _client(session, client_id)
    tpl = template(language)
    version = CharterVersion(
        client_id=client_id,
        number=_next_number(session, client_id),
        status="draft",
        language=language,
        title=tpl["title"],
    )
    for position, sec in enumerate(tpl["sections"]):
        version.sections.append(
            CharterSection(
                key=sec["key"],
                kind=SCHEMAS[sec["key"]].kind,
                position=position,
                title=sec["title"],
                guidance=sec.get("guidance", ""),
                html=sec.get("html", ""),
                data=copy.deepcopy(sec.get("data") or {}),
            )
        )
    session.add(version)
    session.flush()
    audit.record(
        session,
        "charter.created",
        client=client,
        target_type="charter_version",
        target_id=version.id,
        details={"number": version.number},
    )
    return _doc(session, version)


def _next_number(session: Session, client_id: int) -> int:
    top = session.scalar(
        select(func.max(CharterVersion.number)).where(CharterVersion.client_id == client_id)
    )
    return int(top or 0) + 1


def start_new_draft(session: Session, client_id: int) -> CharterDoc:
    """A new draft copied from the latest version; the existing draft if there is one."""
    latest = _version(session, client_id, None)
    if latest.status == "draft":
        return _doc(session, latest)
    version = CharterVersion(
        client_id=client_id,
        number=latest.number + 1,
        status="draft",
        language=latest.language,
        title=latest.title,
        based_on_id=latest.id,
    )
    for s in latest.sections:
        version.sections.append(
            CharterSection(
                key=s.key,
                kind=s.kind,
                position=s.position,
                title=s.title,
                guidance=s.guidance,
                html=s.html,
                data=copy.deepcopy(s.data or {}),
            )
        )
    session.add(version)
    session.flush()
    audit.record(
        session,
        "charter.new_draft",
        client_id=client_id,
        target_type="charter_version",
        target_id=version.id,
        details={"number": version.number, "from": latest.number},
    )
    return _doc(session, version)


# -- editing ----------------------------------------------------------------------------------
def _editable(version: CharterVersion) -> None:
    if version.status not in EDITABLE:
        if version.status in ("signed", "superseded"):
            msg = translate(
                "Charter",
                "Version {n} is signed and frozen; start a new draft to change the charter.",
            )
        else:
            msg = translate(
                "Charter",
                "Version {n} was sent for signature; take it back to draft to change it.",
            )
        raise Conflict(msg.format(n=version.number))


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_FONT_FAMILY = re.compile(r"font-family:(?:\s*'[^']*'|[^;\"'])*;?\s*", re.I)


def clean_html(html: str) -> str:
    """Keep the body of a QTextEdit document (its <head> style is rebuilt at rendering)."""
    m = _BODY.search(html or "")
    body = m.group(1) if m else (html or "")
    # The editor's screen font must not leak into the PDF (which embeds DejaVu only).
    return _FONT_FAMILY.sub("", body).strip()


def save_section(
    session: Session,
    client_id: int,
    section_id: int,
    *,
    html: str | None = None,
    data: dict[str, Any] | None = None,
    title: str | None = None,
    expected_revision: int | None = None,
) -> SectionInfo:
    """Save what the user typed in one section of a draft; return the section as stored.

    Raises:
        NotFound: unknown section for this client.
        Conflict: the version is not a draft, or someone saved the section meanwhile.
        ValidationError: a value of the wrong shape (the row is named); nothing is saved.
    """
    section = session.get(
        CharterSection, section_id, with_for_update=True, populate_existing=True
    )  # PostgreSQL: a colleague saving this section now is waited for, then read
    if section is None or section.version.client_id != client_id:
        raise NotFound(translate("Charter", "Unknown charter section."))
    _editable(section.version)
    if expected_revision is not None and section.revision != expected_revision:
        raise _section_conflict(session, section, html, data)
    contacts = set(_contacts(session, client_id))
    if data is not None:
        stale = {
            row.get(col.key)
            for col in SCHEMAS[section.key].columns
            if col.type == "contact"
            for row in (section.data or {}).get("rows", [])
        }
        section.data = validate_data(section.key, data, contacts | stale)
    if html is not None:
        section.html = clean_html(html)
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise ValidationError(translate("Charter", "A section needs a title."), field="title")
        section.title = title[:300]
    section.updated_at = utcnow()
    section.updated_by = current_actor()
    # Each section has its own revision: the version row's date moves without its revision,
    # so two people saving two sections never conflict.
    versions = cast(Table, CharterVersion.__table__)
    moved = session.execute(
        versions.update()
        .where(
            versions.c.id == section.version_id,
            versions.c.status.in_(EDITABLE),  # not sent for signature meanwhile
        )
        .values(updated_at=section.updated_at)
    )
    if cast(CursorResult[Any], moved).rowcount == 0:
        session.refresh(section.version)
        _editable(section.version)
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        again = session.get(CharterSection, section_id)
        if again is None:  # gone meanwhile (its version deleted)
            raise NotFound(translate("Charter", "Unknown charter section.")) from None
        raise _section_conflict(session, again, html, data) from None
    return _section_info(section, contacts)


def reorder_sections(session: Session, client_id: int, version_id: int, keys: list[str]) -> None:
    version = version_by_id(session, client_id, version_id)
    _editable(version)
    by_key = {s.key: s for s in version.sections}
    if sorted(keys) != sorted(by_key):
        raise ValidationError(translate("Charter", "The new order must list every section once."))
    for position, key in enumerate(keys):
        by_key[key].position = position
    version.updated_at = utcnow()
    session.flush()

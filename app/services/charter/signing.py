"""Signing a charter version: send for signature, record signatories, the scanned copy.

A signed version is frozen; signing supersedes the version signed before. The scanned signed
PDF is stored in the database with its SHA-256 and checked against it when read back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models.base import utcnow
from app.models.charter import CharterSignatory, CharterVersion
from app.services.charter.conflicts import version_conflict
from app.services.charter.versions import _doc, _editable, version_by_id
from app.services.charter.views import SignatoryInfo, VersionSummary, _summary
from app.services.people import audit, require


# -- signature --------------------------------------------------------------------------------
def send_for_signature(session: Session, client_id: int, version_id: int) -> VersionSummary:
    require(session, "write", client_id)
    version = version_by_id(session, client_id, version_id)
    if version.status != "draft":  # sent, signed or taken elsewhere since it was shown
        raise version_conflict(session, version, "sent_for_signature")
    _editable(version)
    issues = _doc(session, version).issues
    if issues:
        raise ValidationError(
            translate("Charter", "The charter is not complete ({n} issues), first: {first}").format(
                n=len(issues), first=issues[0].message
            )
        )
    version.status = "sent_for_signature"
    version.sent_at = utcnow()
    audit.record(
        session,
        "charter.sent",
        client_id=client_id,
        target_type="charter_version",
        target_id=version.id,
        details={"number": version.number},
    )
    session.flush()
    return _summary(version)


def back_to_draft(session: Session, client_id: int, version_id: int) -> VersionSummary:
    require(session, "write", client_id)
    version = version_by_id(session, client_id, version_id)
    if version.status != "sent_for_signature":
        raise version_conflict(session, version, "draft")
    version.status = "draft"
    version.sent_at = None
    audit.record(
        session,
        "charter.withdrawn",
        client_id=client_id,
        target_type="charter_version",
        target_id=version.id,
    )
    session.flush()
    return _summary(version)


def check_scan(data: bytes) -> str:
    """The SHA-256 of a scanned signed PDF; ValidationError unless it is a PDF."""
    if not data or not data.lstrip()[:5] == b"%PDF-":
        raise ValidationError(translate("Charter", "The signed copy must be a PDF file."))
    if len(data) > 50 * 1024 * 1024:
        raise ValidationError(translate("Charter", "The signed copy is larger than 50 MB."))
    return hashlib.sha256(data).hexdigest()


def record_signature(
    session: Session,
    client_id: int,
    version_id: int,
    signatories: list[SignatoryInfo],
    *,
    scan: bytes | None = None,
    scan_filename: str = "",
    signed_at: dt.datetime | None = None,
) -> VersionSummary:
    """Mark a version signed (by one person per side at least); the signed one before is
    superseded. The scanned copy, if given, is stored with its SHA-256. A lead's (or an
    administrator's): the server refuses it to anyone else too."""
    require(session, "sign", client_id)
    version = version_by_id(session, client_id, version_id)
    if version.status not in ("draft", "sent_for_signature"):
        raise version_conflict(session, version, "signed")
    sides = {s.side for s in signatories if s.name.strip()}
    if sides != {"agency", "client"}:
        raise ValidationError(
            translate("Charter", "Give the name of a signatory for the agency and for the client.")
        )
    if version.status == "draft" and _doc(session, version).issues:
        raise ValidationError(
            translate("Charter", "The charter is not complete; fix the issues before signing.")
        )
    if scan is not None:
        version.scan_sha256 = check_scan(scan)
        version.scan = scan
        version.scan_filename = Path(scan_filename or "signed.pdf").name[:300]
    now = utcnow()
    version.signed_at = signed_at or now
    for previous in session.scalars(
        select(CharterVersion).where(
            CharterVersion.client_id == client_id,
            CharterVersion.status == "signed",
            CharterVersion.id != version.id,
        )
    ):
        previous.status = "superseded"
        previous.superseded_at = version.signed_at
    version.status = "signed"
    version.signatories.clear()
    for s in signatories:
        if s.name.strip():
            version.signatories.append(
                CharterSignatory(
                    side=s.side,
                    name=s.name.strip()[:200],
                    role=s.role.strip()[:200],
                    signed_on=s.signed_on,
                )
            )
    audit.record(
        session,
        "charter.signed",
        client_id=client_id,
        target_type="charter_version",
        target_id=version.id,
        details={"number": version.number, "sha256": version.scan_sha256},
    )
    session.flush()
    return _summary(version)


def attach_scan(
    session: Session, client_id: int, version_id: int, data: bytes, filename: str
) -> VersionSummary:
    require(session, "sign", client_id)
    version = version_by_id(session, client_id, version_id)
    if version.status not in ("signed", "superseded"):
        raise Conflict(translate("Charter", "Attach the signed copy to a signed version."))
    version.scan_sha256 = check_scan(data)
    version.scan = data
    version.scan_filename = Path(filename or "signed.pdf").name[:300]
    audit.record(
        session,
        "charter.scan_attached",
        client_id=client_id,
        target_type="charter_version",
        target_id=version.id,
        details={"sha256": version.scan_sha256},
    )
    session.flush()
    return _summary(version)


def scan_of(session: Session, client_id: int, version_id: int) -> tuple[str, bytes, str]:
    """(file name, bytes, sha256) of the stored signed copy; NotFound if none or altered."""
    version = version_by_id(session, client_id, version_id)
    if not version.scan:
        raise NotFound(translate("Charter", "No signed copy is attached to this version."))
    if hashlib.sha256(version.scan).hexdigest() != version.scan_sha256:
        raise Conflict(translate("Charter", "The stored signed copy does not match its SHA-256."))
    return version.scan_filename, version.scan, version.scan_sha256

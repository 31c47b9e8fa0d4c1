"""A charter section saved by two people, or a version whose status another seat changed
meanwhile: what the conflict shows (theirs against mine, who and when)."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict
from app.i18n import translate
from app.models import AuditEvent, Client
from app.models.charter import CharterSection, CharterVersion
from app.services.charter.labels import status_label
from app.services.versions import hhmm, stale


def section_conflict(
    session: Session, section: CharterSection, html: str | None, data: dict[str, Any] | None
) -> Conflict:
    """Someone saved this section since it was read: theirs against mine."""
    if html is not None:
        mine, theirs = html_text(html), html_text(section.html)
    else:
        mine = json.dumps(data or {}, ensure_ascii=False, indent=1)
        theirs = json.dumps(section.data or {}, ensure_ascii=False, indent=1)
    client = session.get(Client, section.version.client_id)
    return stale(
        "section",
        section.title,
        target_id=section.id,
        mine=mine,
        theirs=theirs,
        by=section.updated_by,
        at=section.updated_at,
        version=section.revision,
        field="html" if html is not None else "data",
        zone=client.timezone if client else None,
    )


def version_conflict(session: Session, version: CharterVersion, wanted: str) -> Conflict:
    """Someone sent, signed or took back this version since it was shown: ``wanted`` (the
    status this seat asked for) against the status it has now, with who changed it last."""
    last = session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.target_type == "charter_version",
            AuditEvent.target_id == str(version.id),
        )
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(1)
    ).first()
    client = session.get(Client, version.client_id)
    zone = client.timezone if client else None
    by, at = (last.actor, last.at) if last else ("", version.updated_at)
    conflict = stale(
        "charter_version",
        translate("CharterLabels", "Version {n}").format(n=version.number),
        target_id=version.id,
        mine=status_label(wanted),
        theirs=status_label(version.status),
        by=by,
        at=at,
        version=version.revision,
        field="status",
        zone=zone,
    )
    # what happened, not only that something did: "Version 1 now: signed (Léa, 10:42)"
    message = translate(
        "CharterLabels", "Version {n} now: {status} ({who}, {time}); your change was not saved."
    ).format(
        n=version.number,
        status=status_label(version.status),
        who=by or translate("CharterLabels", "someone else"),
        time=hhmm(at, zone),
    )
    return Conflict(message, conflict.details)


def html_text(html: str) -> str:
    """The text of a section's rich text, for comparing two versions side by side."""
    from html import unescape

    html = re.sub(r"<(head|style)[^>]*>.*?</\1>", "", html or "", flags=re.I | re.S)
    text = re.sub(r"<(br|/p|/li|/h\d)[^>]*>", "\n", html, flags=re.I)
    return unescape(re.sub(r"<[^>]+>", "", text)).strip()

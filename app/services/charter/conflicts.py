"""A charter section saved by two people: what the conflict shows (theirs against mine)."""

from __future__ import annotations

import json
import re

from sqlalchemy.orm import Session

from app.errors import Conflict
from app.models import Client
from app.models.charter import CharterSection
from app.services.versions import stale


def section_conflict(
    session: Session, section: CharterSection, html: str | None, data: dict | None
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


def html_text(html: str) -> str:
    """The text of a section's rich text, for comparing two versions side by side."""
    from html import unescape

    html = re.sub(r"<(head|style)[^>]*>.*?</\1>", "", html or "", flags=re.I | re.S)
    text = re.sub(r"<(br|/p|/li|/h\d)[^>]*>", "\n", html, flags=re.I)
    return unescape(re.sub(r"<[^>]+>", "", text)).strip()

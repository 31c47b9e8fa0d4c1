"""The crisis thresholds a charter sets, read from its crisis section.

Charters write their alert signals as sentences ("Plus de 10 messages négatifs sur un même
sujet en une heure.", "Reprise par un compte de plus de 50 000 abonnés."), in the section's
text and in the "how" column of its contacts. The numbers are read from those sentences:

* ``N abonnés|followers`` → an author is influential above N (default 50,000);
* ``N messages|plaintes|commentaires|avis (négatifs) … en une heure|par heure|per hour`` →
  complaints per hour that make a crisis (default 10), also the negative listening spike;
* ``N fois|times`` (the usual rate) → how far above the usual rate (default 3).

Watch words come from the charter's style section through ``rules_in_force``. With no charter,
or sentences without numbers, the defaults hold; ``source`` says which values the charter set.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.connectors.text import html_to_text
from app.models import Contact
from app.models.charter import CharterSection
from app.services.charter.in_force import rules_in_force, version_in_force

DEFAULT_INFLUENCER = 50_000
DEFAULT_PER_HOUR = 10
DEFAULT_FACTOR = 3.0

_NUMBER = r"(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)(\s*k\b)?"
_INFLUENCER = re.compile(_NUMBER + r"\s*(?:abonn[ée]e?s?|followers?|fans)", re.I)
_PER_HOUR = re.compile(
    _NUMBER + r"\s+(?:messages?|plaintes?|commentaires?|avis|mentions?|complaints?|posts?)\b"
    r"[^.;\n]{0,80}?(?:en une heure|par heure|/ ?h\b|per hour|an hour|in one hour|in an hour)",
    re.I,
)
_FACTOR = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:fois|times|x)\b", re.I)


@dataclass(frozen=True)
class Thresholds:
    influencer_followers: int = DEFAULT_INFLUENCER
    complaints_per_hour: int = DEFAULT_PER_HOUR
    factor: float = DEFAULT_FACTOR
    watch_words: tuple[str, ...] = ()
    contacts: tuple[tuple[str, str], ...] = ()  # (name, e-mail) of the crisis section
    source: frozenset[str] = field(default_factory=frozenset)  # set by the charter


def _number(match: re.Match[str]) -> int:
    value = int(re.sub(r"[^\d]", "", match.group(1)))
    return value * 1000 if match.group(2) else value


def parse_thresholds(text: str) -> dict[str, Any]:
    """The thresholds written in a crisis section's sentences (only those found)."""
    out: dict[str, Any] = {}
    if m := _INFLUENCER.search(text):
        out["influencer_followers"] = _number(m)
    if m := _PER_HOUR.search(text):
        out["complaints_per_hour"] = _number(m)
    if m := _FACTOR.search(text):
        out["factor"] = float(m.group(1).replace(",", "."))
    return out


def thresholds_for(session: Session, client_id: int, at: dt.datetime | None = None) -> Thresholds:
    rules = rules_in_force(session, client_id, at)
    version, _signed = version_in_force(session, client_id, at)
    found: dict[str, Any] = {}
    contacts: list[tuple[str, str]] = []
    if version is not None:
        section = session.scalar(
            select(CharterSection).where(
                CharterSection.version_id == version.id, CharterSection.key == "crisis"
            )
        )
        if section is not None:
            rows = (section.data or {}).get("rows", [])
            text = "\n".join(
                [html_to_text(section.html or "")] + [str(r.get("how") or "") for r in rows]
            )
            found = parse_thresholds(text)
            ids = [r.get("contact") for r in rows if isinstance(r.get("contact"), int)]
            if ids:
                by_id = {
                    c.id: c
                    for c in session.scalars(
                        select(Contact).where(Contact.client_id == client_id, Contact.id.in_(ids))
                    )
                }
                contacts = [(by_id[i].name, by_id[i].email) for i in ids if i in by_id]
    return Thresholds(
        watch_words=tuple(w for w in rules.watch_words if w.strip()),
        contacts=tuple(contacts),
        source=frozenset(found),
        **found,
    )

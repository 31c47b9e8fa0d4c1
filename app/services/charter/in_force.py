"""The rules in force for a client at a date: a charter version's sections read into
:class:`~app.services.charter.rules.CharterRules` (the shapes live in that module)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Client, Contact
from app.models.base import utcnow
from app.models.charter import CharterSection, CharterVersion
from app.services.charter.labels import choice_label
from app.services.charter.rules import (
    DEFAULT_DELAYS_MINUTES,
    BusinessHours,
    CharterRules,
    EscalationRule,
    ModerationRule,
    NetworkVolume,
    Objective,
    ResponseDelay,
    Style,
    default_rules,
)
from app.services.charter.schema import parse_hours, parse_mix, parse_time


def version_in_force(
    session: Session, client_id: int, at: dt.datetime | None = None
) -> tuple[CharterVersion | None, bool]:
    """(version, signed): the signed version in force at ``at``, else the latest draft."""
    at = at or utcnow()
    signed = session.scalars(
        select(CharterVersion)
        .where(
            CharterVersion.client_id == client_id,
            CharterVersion.status.in_(("signed", "superseded")),
            CharterVersion.signed_at <= at,
        )
        .order_by(CharterVersion.signed_at.desc(), CharterVersion.number.desc())
        .limit(1)
    ).first()
    if signed is not None:
        return signed, True
    draft = session.scalars(
        select(CharterVersion)
        .where(CharterVersion.client_id == client_id)
        .order_by(
            CharterVersion.status.in_(("draft", "sent_for_signature")).desc(),
            CharterVersion.number.desc(),
        )
        .limit(1)
    ).first()
    return draft, False


def read_rules(
    session: Session, client_id: int, timezone: str, at: dt.datetime | None
) -> CharterRules | None:
    version, signed = version_in_force(session, client_id, at)
    if version is None:
        return None
    sections = {
        s.key: (s.data or {})
        for s in session.scalars(
            select(CharterSection).where(CharterSection.version_id == version.id)
        )
    }
    contacts = {
        c.id: c for c in session.scalars(select(Contact).where(Contact.client_id == client_id))
    }
    delays_data = sections.get("delays", {})
    delays = {c: ResponseDelay(c, m) for c, m in DEFAULT_DELAYS_MINUTES.items()}
    for row in delays_data.get("rows", []):
        if row.get("category") and isinstance(row.get("delay"), int):
            delays[row["category"]] = ResponseDelay(row["category"], row["delay"])
    style_data = sections.get("style", {})
    return CharterRules(
        client_id=client_id,
        status="signed" if signed else "draft",
        version_number=version.number,
        signed=signed,
        business_hours=_hours(delays_data.get("business_hours"), timezone),
        delays=delays,
        escalation=tuple(_escalation(sections.get("escalation", {}), contacts)),
        moderation=tuple(
            ModerationRule(
                r["key"],
                r.get("label") or choice_label(r["key"]),
                tuple(r.get("actions") or ()),
                bool(r.get("second_approval")),
            )
            for r in sections.get("moderation", {}).get("rows", [])
            if r.get("key")
        ),
        networks=tuple(_networks(sections.get("networks", {}))),
        objectives=tuple(
            Objective(
                r.get("kpi") or "other",
                r.get("label") or "",
                float(r.get("target") or 0),
                r.get("period") or "month",
                r.get("unit") or "",
            )
            for r in sections.get("objectives", {}).get("rows", [])
        ),
        style=Style(
            register=style_data.get("register", "vous"),
            emojis=bool(style_data.get("emojis", True)),
            signature=style_data.get("signature", ""),
            words_to_use=tuple(style_data.get("words_to_use", ())),
            words_to_avoid=tuple(style_data.get("words_to_avoid", ())),
        ),
        watch_words=tuple(style_data.get("watch_words", ())),
        crisis_contacts=tuple(
            contacts[r["contact"]].name
            for r in sections.get("crisis", {}).get("rows", [])
            if r.get("contact") in contacts
        ),
        version_id=version.id,
        signed_at=version.signed_at if signed else None,
    )


def _hours(data: dict[str, Any] | None, timezone: str) -> BusinessHours:
    if not data:
        return BusinessHours(timezone=timezone)
    days = {}
    for day, windows in (data.get("days") or {}).items():
        spans = tuple((parse_time(a), parse_time(b)) for a, b in windows)
        if spans:
            days[int(day)] = spans
    return BusinessHours(
        timezone=timezone,
        days=days,
        public_holidays_country=data.get("country") or None,
        public_holidays_subdivision=data.get("subdivision") or None,
        extra_closed_days=frozenset(dt.date.fromisoformat(d) for d in data.get("closed_days", [])),
    )


def _escalation(data: dict[str, Any], contacts: dict[int, Contact]) -> Iterator[EscalationRule]:
    for r in data.get("rows", []):
        contact = contacts.get(r.get("contact"))
        if contact is None or not (r.get("category") or (r.get("topic") or "").strip()):
            continue  # incomplete rows are flagged in the editor, never guessed here
        yield EscalationRule(
            r.get("category") or None,
            (r.get("topic") or "").strip(),
            contact.id,
            contact.name,
            contact.email,
            int(r.get("delay") or 0),
        )


def _networks(data: dict[str, Any]) -> Iterator[NetworkVolume]:
    for r in data.get("rows", []):
        if not r.get("network"):
            continue
        try:
            hours = parse_hours(r.get("best_hours") or "")
        except ValueError:
            hours = ()
        try:
            mix = parse_mix(r.get("content_mix") or "")
        except ValueError:
            mix = {}
        yield NetworkVolume(
            r["network"],
            r.get("handle") or "",
            int(r.get("posts_min") or 0),
            int(r.get("posts_max") or 0),
            hours,
            mix,
        )


def rules_in_force(session: Session, client_id: int, at: dt.datetime | None = None) -> CharterRules:
    """The rules for ``client_id`` at ``at`` (default: now). See the module docstring."""
    client = session.get(Client, client_id)
    timezone = client.timezone if client is not None else "Europe/Paris"
    rules = read_rules(session, client_id, timezone, at)
    return rules if rules is not None else default_rules(client_id, timezone)

"""The audit trail: every sensitive change leaves an entry that outlives its client.

Each entry carries the authenticated person (their database login on PostgreSQL, where the
server refuses an entry in someone else's name) and their display name at the time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Client


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    client_id: int | None
    client_name: str
    action: str
    target_type: str
    target_id: str
    details: dict[str, Any]
    actor_login: str = ""


@dataclass(frozen=True)
class AuditFilter:
    client_id: int | None = None
    actor_login: str | None = None
    action: str | None = None  # exact, or a prefix ending with "." (e.g. "people.")
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    search: str = ""


def record(
    session: Session,
    action: str,
    *,
    client: Client | None = None,
    client_id: int | None = None,
    target_type: str = "",
    target_id: str | int = "",
    details: dict[str, Any] | None = None,
    actor: str | None = None,
) -> AuditEvent:
    """Add an audit entry to the current unit of work (committed with the change itself).

    ``actor`` only labels an entry made on someone's behalf; the login is always the
    connected person's."""
    from app.services.people import whoami

    # No autoflush while the entry is made: the change it is about is flushed with it, so
    # that its before/after joins it (see audit_edits).
    with session.no_autoflush:
        person = whoami(session)
        if client is None and client_id is not None:
            client = session.get(Client, client_id)  # its name outlives it in the trail
    event = AuditEvent(
        actor=actor or person.name,
        actor_login=person.login,
        client_id=client.id if client is not None else client_id,
        client_name=client.name if client is not None else "",
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        details=details or {},
    )
    session.add(event)
    return event


_Q = TypeVar("_Q", bound=Select[Any])


def _filtered(query: _Q, f: AuditFilter) -> _Q:
    if f.client_id is not None:
        query = query.where(AuditEvent.client_id == f.client_id)
    if f.actor_login:
        query = query.where(AuditEvent.actor_login == f.actor_login)
    if f.action:
        if f.action.endswith("."):
            query = query.where(AuditEvent.action.startswith(f.action, autoescape=True))
        else:
            query = query.where(AuditEvent.action == f.action)
    if f.start is not None:
        query = query.where(AuditEvent.at >= f.start)
    if f.end is not None:
        query = query.where(AuditEvent.at < f.end)
    if f.search.strip():
        pattern = f"%{f.search.strip().lower()}%"
        query = query.where(
            func.lower(AuditEvent.actor).like(pattern)
            | func.lower(AuditEvent.action).like(pattern)
            | func.lower(AuditEvent.client_name).like(pattern)
            | func.lower(AuditEvent.target_id).like(pattern)
        )
    return query


def _entry(e: AuditEvent) -> AuditEntry:
    return AuditEntry(
        e.id,
        e.at,
        e.actor,
        e.client_id,
        e.client_name,
        e.action,
        e.target_type,
        e.target_id,
        dict(e.details or {}),
        e.actor_login,
    )


def entries(
    session: Session,
    *,
    client_id: int | None = None,
    action: str | None = None,
    limit: int = 200,
    offset: int = 0,
    filter: AuditFilter | None = None,
) -> list[AuditEntry]:
    f = filter or AuditFilter(client_id=client_id, action=action)
    query = _filtered(select(AuditEvent), f).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    return [_entry(e) for e in session.scalars(query.limit(limit).offset(offset))]


def count(
    session: Session,
    *,
    client_id: int | None = None,
    action: str | None = None,
    filter: AuditFilter | None = None,
) -> int:
    f = filter or AuditFilter(client_id=client_id, action=action)
    return int(session.scalar(_filtered(select(func.count(AuditEvent.id)), f)) or 0)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: a leading = + - @ tab or CR is quoted away."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_csv(session: Session, f: AuditFilter, limit: int = 100_000) -> str:
    """The filtered trail as CSV (UTF-8 text, header row), safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["at", "login", "person", "client", "action", "target", "id", "details"])
    for e in entries(session, limit=limit, filter=f):
        writer.writerow(
            _cell(v)
            for v in (
                e.at.isoformat(),
                e.actor_login,
                e.actor,
                e.client_name,
                e.action,
                e.target_type,
                e.target_id,
                json.dumps(e.details, ensure_ascii=False, sort_keys=True, default=str),
            )
        )
    return out.getvalue()

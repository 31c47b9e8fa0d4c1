"""The audit trail: every sensitive change leaves an entry that outlives its client."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Client
from app.services.actor import current_actor


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
    details: dict


def record(
    session: Session,
    action: str,
    *,
    client: Client | None = None,
    client_id: int | None = None,
    target_type: str = "",
    target_id: str | int = "",
    details: dict | None = None,
    actor: str | None = None,
) -> AuditEvent:
    """Add an audit entry to the current unit of work (committed with the change itself)."""
    event = AuditEvent(
        actor=actor or current_actor(),
        client_id=client.id if client is not None else client_id,
        client_name=client.name if client is not None else "",
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        details=details or {},
    )
    session.add(event)
    return event


def entries(
    session: Session,
    *,
    client_id: int | None = None,
    action: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[AuditEntry]:
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if client_id is not None:
        query = query.where(AuditEvent.client_id == client_id)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    rows = session.scalars(query.limit(limit).offset(offset))
    return [
        AuditEntry(
            e.id,
            e.at,
            e.actor,
            e.client_id,
            e.client_name,
            e.action,
            e.target_type,
            e.target_id,
            dict(e.details or {}),
        )
        for e in rows
    ]


def count(session: Session, *, client_id: int | None = None, action: str | None = None) -> int:
    query = select(func.count(AuditEvent.id))
    if client_id is not None:
        query = query.where(AuditEvent.client_id == client_id)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    return int(session.scalar(query) or 0)

"""The before and after of every edit to what people change by hand, in the audit trail.

A ``before_flush`` listener (installed once per process by :mod:`app.db`) compares each
changed row of the tables below with what was loaded, and adds one ``<table>.edit`` entry
(or ``<table>.delete`` with the row as it was) to the same unit of work, in the name of the
connected person. Machine bookkeeping (versions, timestamps, publishing and sync state) is
left out so the trail stays about people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from app.models import AuditEvent

# table -> the columns worth recording (None: every column but the volatile ones)
# (clients have their own "client.update" entry with the changes)
TRACKED: dict[str, tuple[str, ...] | None] = {
    "contacts": None,
    "network_accounts": ("network", "handle", "base_url", "display_name"),
    "posts": (
        "title",
        "planned_at",
        "all_day",
        "category",
        "tags",
        "campaign",
        "status",
        "status_reason",
        "notes",
    ),
    "post_variants": ("network", "account_id", "text", "link", "first_comment", "media"),
    "inbox_saved_replies": None,
    "inbox_escalation_smtp": None,
    "staff": ("display_name", "role", "all_clients", "suspended"),
    # the inbox: triage (the service's own entry, e.g. "inbox.status", gets the before/after)
    "inbox_messages": (
        "status",
        "status_reason",
        "resolution",
        "category",
        "priority",
        "assignee_id",
        "tags",
    ),
    "inbox_notes": ("text",),
    "inbox_escalations": (
        "contact_name",
        "contact_email",
        "due_at",
        "reminded_at",
        "answered_at",
        "answer",
        "subject",
        "body",
    ),
    "charter_sections": ("title", "html", "data"),
    "staff_members": None,
    "agency_profile": None,
}
# Deletions the services do not record themselves.
DELETES_TRACKED = {"inbox_saved_replies"}
# Additions the services do not record themselves.
INSERTS_TRACKED = {"inbox_notes"}
# The service writes its own entry for these (target type): the before/after joins it, and
# for a message, a change no entry claims is machine bookkeeping (the sync marking it
# answered); an escalation's gets its own entry (a query may flush it before the service's).
JOINS = {"inbox_messages": "message", "inbox_escalations": "escalation"}
JOIN_ONLY = {"inbox_messages"}
# The fields each of those entries is about (an action not listed takes every field).
ACTION_FIELDS = {
    "inbox.status": {"status", "status_reason", "resolution"},
    "inbox.category": {"category"},
    "inbox.priority": {"priority"},
    "inbox.assign": {"assignee_id", "status"},
    "inbox.tags": {"tags"},
    "inbox.escalation.answer": {"status", "answer", "answered_at"},
    "inbox.escalation.remind": {"reminded_at"},
}
# Saved every few seconds while someone types: one entry per person and section per window
# (the next entry's "before" holds what the skipped saves did).
THROTTLED = {"charter_sections": dt.timedelta(minutes=10)}
LONG_TEXT = 20_000  # characters of a text kept in an entry
VOLATILE = {"id", "version", "revision", "created_at", "updated_at", "last_seen_at", "uid"}


# the audit entries a service added in this unit of work, by (target type, target id)
Pending = dict[tuple[str, str], list["AuditEvent"]]


def _plain(value: Any) -> Any:
    if isinstance(value, str) and len(value) > LONG_TEXT:
        return value[:LONG_TEXT] + "…"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _columns(obj: Any, table: str) -> Iterator[str]:
    wanted = TRACKED[table]
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in VOLATILE or (wanted is not None and attr.key not in wanted):
            continue
        yield attr.key


def _client_id(obj: Any, table: str) -> Any:
    if table == "clients":
        return obj.id
    if table == "charter_sections":  # no column of its own: its version's
        return getattr(getattr(obj, "version", None), "client_id", None)
    return getattr(obj, "client_id", None)


def _pending_entries(session: Session) -> Pending:
    """The entries the services added in this unit of work, by (target type, target id)."""
    from app.models import AuditEvent

    out: Pending = {}
    for entry in session.new:
        if isinstance(entry, AuditEvent) and entry.target_type in JOINS.values():
            out.setdefault((entry.target_type, str(entry.target_id)), []).append(entry)
            escalation = (entry.details or {}).get("escalation_id")
            if escalation is not None:  # an entry about a message, for one of its escalations
                out.setdefault(("escalation", str(escalation)), []).append(entry)
    return out


def _join_pending(
    pending: Pending, obj: Any, table: str, before: dict[str, Any], after: dict[str, Any]
) -> set[str]:
    """Give the entries the service added for this row in the same unit of work the before
    and after of the fields they are about; returns the fields so claimed."""
    kind = JOINS.get(table)
    if kind is None:
        return set()
    claimed: set[str] = set()
    for entry in pending.get((kind, str(obj.id)), ()):
        details = entry.details or {}
        fields = [k for k in before if k in ACTION_FIELDS.get(entry.action, before)]
        fields = [k for k in fields if k not in details.get("before", {})]
        if fields:  # (a message and its escalation may both join one entry)
            entry.details = {
                **details,
                "before": {**details.get("before", {}), **{k: before[k] for k in fields}},
                "after": {**details.get("after", {}), **{k: after[k] for k in fields}},
            }
            claimed.update(fields)
    return claimed


def _recently_recorded(session: Session, obj: Any, table: str) -> bool:
    from sqlalchemy import select

    from app.models import AuditEvent, utcnow
    from app.services.people import whoami

    window = THROTTLED.get(table)
    if window is None:
        return False
    with session.no_autoflush:
        return (
            session.scalar(
                select(AuditEvent.id)
                .where(
                    AuditEvent.action == f"{table}.edit",
                    AuditEvent.target_type == table,
                    AuditEvent.target_id == str(obj.id),
                    AuditEvent.actor_login == whoami(session).login,
                    AuditEvent.at >= utcnow() - window,
                )
                .limit(1)
            )
            is not None
        )


def _record(session: Session, obj: Any, table: str, action: str, details: dict[str, Any]) -> None:
    from app.models import AuditEvent
    from app.services.people import whoami

    person = whoami(session)
    client_id = _client_id(obj, table)
    session.add(
        AuditEvent(
            actor=person.name,
            actor_login=person.login,
            client_id=client_id,
            client_name=obj.name if table == "clients" else "",
            action=f"{table}.{action}",
            target_type=table,
            target_id=str(
                getattr(obj, "id", None)
                or getattr(obj, "message_id", None)
                or getattr(obj, "client_id", "")
            ),
            details=details,
        )
    )


def capture_edits(session: Session, _flush_context: object, _instances: object) -> None:
    if session.info.get("tribune_no_edit_trail"):
        return
    if session.new or session.deleted or session.dirty:
        from app.services.people import touch_on_write

        touch_on_write(session)  # the person's last activity (throttled)
    for obj in list(session.new):
        table = getattr(obj, "__tablename__", None)
        if table in INSERTS_TRACKED:
            after = {k: _plain(getattr(obj, k)) for k in _columns(obj, table)}
            _record(session, obj, table, "add", {"after": after})
    pending = None  # built once, when a tracked row changed
    for obj in list(session.dirty):
        table = getattr(obj, "__tablename__", None)
        if table not in TRACKED or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before: dict[str, Any] = {}
        after = {}  # (typed by the insert loop above)
        for key in _columns(obj, table):
            history = state.attrs[key].history
            if not history.deleted or not history.added:
                continue  # not loaded before, or unchanged
            old, new = history.deleted[0], history.added[0]
            if old != new:
                before[key], after[key] = _plain(old), _plain(new)
        if pending is None:
            pending = _pending_entries(session)
        _join_pending(pending, obj, table, before, after)
        if table in JOIN_ONLY:  # a person's change has its service's entry; the rest is sync
            continue
        if before and not _recently_recorded(session, obj, table):
            _record(session, obj, table, "edit", {"before": before, "after": after})
    for obj in list(session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table in DELETES_TRACKED:
            before = {k: _plain(getattr(obj, k)) for k in _columns(obj, table)}
            _record(session, obj, table, "delete", {"before": before})


def install() -> None:
    if not event.contains(Session, "before_flush", capture_edits):
        event.listen(Session, "before_flush", capture_edits)

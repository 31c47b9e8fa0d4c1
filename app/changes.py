"""The change feed: every committed write says what it changed, for every seat to react.

Captured in one place, on the sessions of :class:`app.db.Database` (:func:`install`):

- ``after_flush`` collects the ORM objects added, modified and deleted, per mapped table;
- ``do_orm_execute`` collects ``session.execute(insert/update/delete(...))`` (client and row
  ids read from the statement's parameters and ``client_id = …`` / ``id IN (…)`` criteria);
- :func:`announce` is how other paths say it themselves (:func:`app.db.bulk_insert`, raw
  connections);
- ``before_commit`` writes one ``change_log`` row per (kind, client) in the SAME transaction
  and, on PostgreSQL, ``pg_notify('tribune_changes', '<last id>')``, delivered at commit.
  No lock: each row carries its transaction's id (``xid``) and a reader only reads rows of
  transactions older than the oldest one still running, in (xid, id) order
  (:func:`app.change_set.changes_since`), so a row committed late is never skipped.

Readers ask :func:`changes_since` after a :data:`Cursor`. Headless: no Qt here (``ui/live.py``
is the watcher).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeGuard

from sqlalchemy import (
    Delete,
    String,
    Update,
    cast,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import (
    ORMExecuteState,
    Session,
    SessionTransaction,
    UOWTransaction,
    sessionmaker,
)
from sqlalchemy.sql import visitors
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, ColumnElement

from app.change_set import Change, ChangeSet, Cursor, _change, changes_since, start
from app.models.base import table_of, utcnow
from app.models.changes import ChangeLog
from app.services.people.actor import current_actor

CHANNEL = "tribune_changes"
KEEP = dt.timedelta(days=1)
MAX_IDS = 500  # beyond this, a change says "many" (ids None) rather than list them all

# This process is one seat. Other processes (another window, the CLI, a colleague's computer)
# are other seats.
SEAT = f"{uuid.uuid4().hex[:12]}"

# table → kind in the app's vocabulary, and the column naming the change's subject row
# (a note's message, a variant's post); None: the row's own id. Tables absent: not announced.
TABLES: dict[str, tuple[str, str | None]] = {
    "clients": ("clients", None),
    "contacts": ("clients", None),
    "staff_members": ("clients", None),
    "agency_profile": ("clients", None),
    "agency_apps": ("clients", None),
    "network_accounts": ("accounts", None),
    "account_health_events": ("accounts", "account_id"),
    "inbox_messages": ("inbox", None),
    "inbox_notes": ("inbox", "message_id"),
    "inbox_escalations": ("inbox", "message_id"),
    "inbox_moderation": ("inbox", "message_id"),
    "inbox_saved_replies": ("inbox", None),
    "inbox_escalation_smtp": ("inbox", None),
    "inbox_reply_drafts": ("drafts", "message_id"),
    "posts": ("posts", None),
    "post_variants": ("posts", "post_id"),
    "post_events": ("posts", "post_id"),
    "media_assets": ("media", None),  # by media id: never mistaken for a post id
    "publish_attempts": ("sync", None),
    "charter_versions": ("charter", None),
    "charter_sections": ("charter", "version_id"),
    "charter_signatories": ("charter", "version_id"),
    "metric_account_days": ("metrics", None),
    "metric_post_days": ("metrics", None),
    "report_commentaries": ("metrics", None),
    "sync_cursors": ("sync", None),
    "sync_runs": ("sync", "account_id"),
    "listening_streams": ("listening", None),
    "listening_items": ("listening", None),
    "crisis_alerts": ("listening", None),
    "competitor_samples": ("metrics", None),  # daily numbers, drawn in the Charts area
    "holding_drafts": ("posts", "post_id"),
    "csv_mappings": ("posts", None),
    "crisis_episodes": ("listening", None),
}
# Tables announced under a second kind too, by their own row ids: a charter section is a
# "charter" change of its version and a "charter_section" change of itself (what an editor
# showing that section needs to know).
ALSO: dict[str, str] = {"charter_sections": "charter_section"}
# Child tables without a client_id: where to find it.
_PARENTS = {
    "charter_sections": ("version", "charter_versions", "version_id"),
    # (without it the entry had no client, and row security refused it to a scoped lead)
    "charter_signatories": ("version", "charter_versions", "version_id"),
}


# -- collecting ---------------------------------------------------------------------------------
_PENDING = "tribune_changes"


def _pending(session: Session) -> dict[tuple[str, int | None], set[int] | None]:
    pending: dict[tuple[str, int | None], set[int] | None] = session.info.setdefault(_PENDING, {})
    return pending


def announce(
    session: Session, kind: str, client_id: int | None, ids: Iterable[int] | None = None
) -> None:
    """Say that this transaction changed ``ids`` (None: unknown/many) of ``kind``."""
    key = (kind, client_id)
    pending = _pending(session)
    if ids is None:
        pending[key] = None
        return
    if key not in pending:
        pending[key] = set(ids)
    known = pending[key]
    if known is not None:
        known.update(ids)
        if len(known) > MAX_IDS:
            pending[key] = None


def announce_rows(session: Session, table_name: str, rows: list[dict[str, Any]]) -> None:
    """Announce inserted rows given as dicts (Core inserts): by client, with subject ids."""
    spec = TABLES.get(table_name)
    if spec is None or not rows:
        return
    kind, subject = spec
    by_client: dict[int | None, set[int] | None] = {}
    for row in rows:
        cid = row.get("client_id") if table_name != "clients" else row.get("id")
        sid = row.get(subject or "id")
        if sid is None:
            by_client[cid] = None
            continue
        known = by_client.setdefault(cid, set())
        if known is not None:
            known.add(sid)
    for cid, ids in by_client.items():
        announce(session, kind, cid, ids)


def _object_change(session: Session, obj: Any) -> tuple[str, int | None, int | None] | None:
    table: str = getattr(obj, "__tablename__", "")
    spec = TABLES.get(table)
    if spec is None:
        return None
    kind, subject = spec
    row_id = getattr(obj, subject or "id", None)
    if table == "clients":
        return kind, obj.id, obj.id
    client_id = getattr(obj, "client_id", None)
    if client_id is None and table in _PARENTS:
        attr, parent_table, column = _PARENTS[table]
        parent = inspect(obj).attrs[attr].loaded_value
        if parent is not None and hasattr(parent, "client_id"):
            client_id = parent.client_id
        else:
            parent_id = getattr(obj, column, None)
            if parent_id is not None:
                parent_t = ChangeLog.metadata.tables[parent_table]
                client_id = session.connection().scalar(
                    select(parent_t.c.client_id).where(parent_t.c.id == parent_id)
                )
    return kind, client_id, row_id


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    for objs, check in ((session.new, False), (session.dirty, True), (session.deleted, False)):
        for obj in objs:
            if check and not session.is_modified(obj, include_collections=False):
                continue
            found = _object_change(session, obj)
            if found is not None:
                kind, client_id, row_id = found
                announce(session, kind, client_id, None if row_id is None else (row_id,))
                also = ALSO.get(obj.__tablename__)
                if also is not None:
                    announce(session, also, client_id, (obj.id,))


def _criteria(whereclause: ColumnElement[Any] | None) -> tuple[int | None, set[int] | None]:
    """``client_id = X`` and ``id IN (…)`` / ``id = X`` found in a WHERE clause."""
    client_id, ids = None, None
    if whereclause is None:
        return client_id, ids
    for node in visitors.iterate(whereclause):
        if not isinstance(node, BinaryExpression):
            continue
        name = getattr(node.left, "name", None)
        right = node.right
        value = getattr(right, "value", None) if isinstance(right, BindParameter) else None
        if value is None and hasattr(right, "element"):  # IN (…) wraps its parameter
            value = getattr(right.element, "value", None)
        if name == "client_id" and isinstance(value, int):
            client_id = value
        elif name == "id" and isinstance(value, int):
            ids = {value}
        elif name == "id" and isinstance(value, list | tuple) and len(value) <= MAX_IDS:
            ids = {v for v in value if isinstance(v, int)}
    return client_id, ids


def _all_dicts(rows: Sequence[object]) -> TypeGuard[list[dict[str, Any]]]:
    return all(isinstance(r, dict) for r in rows)


def _do_orm_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    stmt = state.statement
    table = getattr(stmt, "table", None)
    name = getattr(table, "name", None)
    if name not in TABLES:
        return
    params = state.parameters
    if state.is_insert:
        rows = params if isinstance(params, list) else [params] if params else []
        if rows and _all_dicts(rows) and name != "clients" and all("client_id" in r for r in rows):
            announce_rows(state.session, name, rows)
            return
        announce(state.session, TABLES[name][0], None, None)
        return
    # an update or a delete (inserts returned above)
    where = stmt.whereclause if isinstance(stmt, Update | Delete) else None
    client_id, ids = _criteria(where)
    kind, subject = TABLES[name]
    if name in ALSO:
        announce(state.session, ALSO[name], client_id, ids)
    if subject is not None:
        ids = None  # the statement names the rows, not their subjects
    if name == "clients":
        client_id = client_id or (next(iter(ids)) if ids and len(ids) == 1 else None)
    announce(state.session, kind, client_id, ids)


# -- writing the log ------------------------------------------------------------------------------
_last_prune = 0.0
_local = threading.local()


def _before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()  # collect what the commit would flush
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    conn = session.connection()
    if not _has_log(conn):
        return  # a database not migrated yet (the upgrade itself, an old file in a test)
    at, actor = utcnow(), current_actor()[:120]
    rows = [
        {
            "at": at,
            "seat": SEAT,
            "actor": actor,
            "kind": kind,
            "client_id": client_id,
            "ids": None if ids is None else sorted(ids),
        }
        for (kind, client_id), ids in sorted(
            pending.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
        )
    ]
    table = table_of(ChangeLog)
    if conn.dialect.name == "postgresql":
        # No lock: each row names its transaction; readers wait for older ones (see reading).
        # One round trip: the rows, their transaction id and the NOTIFY delivered at commit.
        xid = text("pg_current_xact_id()::text::bigint")
        ins = (
            insert(table)
            .values([{**row, "xid": xid} for row in rows])
            .returning(table.c.id, table.c.xid)
            .cte("ins")
        )
        last = select(func.max(ins.c.id)).scalar_subquery()
        notify = func.pg_notify(CHANNEL, cast(last, String))
        got = conn.execute(select(ins.c.id, ins.c.xid, notify).order_by(ins.c.id)).all()
        written = [_change(int(g[0]), row, int(g[1])) for g, row in zip(got, rows, strict=True)]
    else:  # SQLite: one writer at a time, ids commit in order
        written = [
            _change(
                conn.execute(insert(table).values(**row).returning(table.c.id)).scalar_one(), row
            )
            for row in rows
        ]
    _prune(conn)
    session.info["tribune_written"] = written


def _has_log(conn: Connection) -> bool:
    """Whether change_log exists, remembered per pooled connection once it does."""
    info = conn.connection.info
    if not info.get("tribune_change_log"):
        info["tribune_change_log"] = conn.dialect.has_table(conn, "change_log")
    return bool(info["tribune_change_log"])  # has_table's bool


def _after_commit(session: Session) -> None:
    written = session.info.pop("tribune_written", None)
    for recorder in getattr(_local, "recorders", ()):
        if written:
            recorder.extend(written)


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop("tribune_written", None)


def _prune(conn: Connection) -> None:
    """At most once a minute per process: drop what no seat still needs (an indexed range)."""
    global _last_prune
    now = time.monotonic()
    if now - _last_prune < 60:
        return
    _last_prune = now
    table = table_of(ChangeLog)
    conn.execute(delete(table).where(table.c.at < utcnow() - KEEP))


def _after_soft_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction; a savepoint keeps what came before
        _after_rollback(session)


_HOOKS = (
    ("after_flush", _after_flush),
    ("do_orm_execute", _do_orm_execute),
    ("before_commit", _before_commit),
    ("after_commit", _after_commit),
    ("after_soft_rollback", _after_soft_rollback),
)


def install(target: sessionmaker[Session]) -> None:
    """Capture the changes of every session ``target`` (a sessionmaker) makes."""
    for name, hook in _HOOKS:
        event.listen(target, name, hook)


def uninstall(target: sessionmaker[Session]) -> None:
    """Stop capturing (the benchmark's "plain write" baseline)."""
    for name, hook in _HOOKS:
        event.remove(target, name, hook)


@contextlib.contextmanager
def recording() -> Iterator[list[Change]]:
    """Collect the changes committed by this thread inside the block (an operation's own)."""
    recorders = getattr(_local, "recorders", None)
    if recorders is None:
        recorders = _local.recorders = []
    mine: list[Change] = []
    recorders.append(mine)
    try:
        yield mine
    finally:
        recorders.remove(mine)


__all__ = [
    "CHANNEL",
    "SEAT",
    "Change",
    "ChangeSet",
    "Cursor",
    "announce",
    "announce_rows",
    "changes_since",
    "install",
    "recording",
    "start",
]

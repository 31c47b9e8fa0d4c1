"""Reading the inbox: filtered, keyset-paged lists and a message's conversation.

A page is the next ``limit`` rows after a cursor in SQL order — newest first, or soonest due
first for the overdue list — so the first page of a client with a million messages in the
database reads about ``limit`` index entries. Rows are frozen dataclasses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import translate
from app.models import StaffMember, utcnow
from app.models.inbox import (
    Escalation,
    InboxMessage,
    InboxNote,
    ModerationAction,
)
from app.services.inbox import pages as inbox_pages
from app.services.inbox.held import HELD_RULE, shown_held
from app.services.inbox.rows import MessageRow
from app.services.inbox.search import search_condition

SNIPPET = 240


@dataclass(frozen=True)
class InboxFilter:
    statuses: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    assignee_id: int | None = None
    unassigned: bool = False
    overdue: bool = False
    search: str = ""
    include_deleted: bool = False
    tag: str = ""  # messages carrying this tag (exact, case-sensitive)


@dataclass(frozen=True)
class Cursor:
    key: dt.datetime
    id: int


@dataclass(frozen=True)
class Page:
    rows: tuple[MessageRow, ...]
    next: Cursor | None


@dataclass(frozen=True)
class NoteInfo:
    id: int
    author: str
    text: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ThreadItem:
    id: int
    author: str
    text: str
    at: dt.datetime
    ours: bool
    reply_state: str
    hidden: bool
    deleted: bool


@dataclass(frozen=True)
class MessageDetail:
    id: int
    client_id: int
    network: str
    external_id: str
    kind: str
    author: str
    author_handle: str
    text: str
    url: str
    received_at: dt.datetime
    status: str
    status_reason: str
    category: str
    priority: int
    assignee_id: int | None
    assignee: str
    tags: tuple[str, ...]
    newcomer: bool
    due_at: dt.datetime | None
    first_answer_at: dt.datetime | None
    resolved_at: dt.datetime | None
    resolution: str
    hidden: bool
    deleted: bool
    author_banned: bool
    version: int
    thread: tuple[ThreadItem, ...] = ()
    history: tuple[MessageRow, ...] = ()
    notes: tuple[NoteInfo, ...] = ()
    escalation_ids: tuple[int, ...] = ()
    pending_moderation: tuple[int, ...] = field(default_factory=tuple)
    # applied moderation: (action, state on the network, the network's words) — see
    # app.services.inbox.moderation_push
    network_moderation: tuple[tuple[str, str, str], ...] = ()


_M = InboxMessage.__table__.c  # Core columns: list pages skip the ORM's row machinery
_S = StaffMember.__table__.c
_LIST_COLUMNS = (
    _M.id,
    _M.network,
    _M.kind,
    _M.author,
    _M.author_handle,
    func.substr(_M.text, 1, SNIPPET),
    _M.received_at,
    _M.status,
    _M.category,
    _M.priority,
    func.coalesce(_S.name, ""),
    _M.due_at,
    _M.newcomer,
    _M.hidden,
    _M.deleted,
    _M.sentiment,
)


_new = tuple.__new__


def _row(values: Iterable[object]) -> MessageRow:
    """A MessageRow from a row of :data:`_LIST_COLUMNS` (see :mod:`app.services.inbox.rows`)."""
    return _new(MessageRow, values)


def _filtered(session: Session, client_id: int, filt: InboxFilter, now: dt.datetime) -> Select[Any]:
    """The messages matching ``filt``: their ids only (what ``count`` needs; without the
    staff join and the text the server counts on the listed-messages index alone)."""
    query = select(_M.id).where(_M.client_id == client_id, _M.ours.is_(False))
    if filt.statuses:
        query = query.where(_M.status.in_(filt.statuses))
    if filt.networks:
        query = query.where(_M.network.in_(filt.networks))
    if filt.categories:
        query = query.where(_M.category.in_(filt.categories))
    if filt.unassigned:
        query = query.where(_M.assignee_id.is_(None))
    elif filt.assignee_id is not None:
        query = query.where(_M.assignee_id == filt.assignee_id)
    if filt.overdue:
        query = query.where(_M.due_at < now)
    if not filt.include_deleted:
        query = query.where(_M.deleted.is_(False))
    if filt.tag.strip():
        query = query.where(inbox_pages.tag_condition()).params(
            p_tag=inbox_pages.tag_like(filt.tag)
        )
    if filt.search.strip():
        cond = search_condition(session, client_id, filt.search)
        if cond is not None:
            query = query.where(cond)
    return query


def page(
    session: Session | Connection,
    client_id: int,
    filt: InboxFilter = InboxFilter(),
    after: Cursor | None = None,
    limit: int = 100,
    now: dt.datetime | None = None,
) -> Page:
    """The next ``limit`` messages after ``after``: newest first (overdue: most late first).

    Takes a Session or, cheaper for the list model, a Core ``Connection``."""
    conn = session.connection() if isinstance(session, Session) else session
    rows = inbox_pages.page_rows(
        conn, client_id, filt, after, limit, now or utcnow(), MessageRow, _LIST_COLUMNS
    )
    nxt = None
    if len(rows) == limit:
        last = rows[-1]
        key = last.due_at if filt.overdue else last.received_at
        assert key is not None  # the overdue filter keeps only messages with a due time
        nxt = Cursor(key, last.id)
    return Page(rows, nxt)


def count(
    session: Session,
    client_id: int,
    filt: InboxFilter = InboxFilter(),
    now: dt.datetime | None = None,
) -> int:
    query = _filtered(session, client_id, filt, now or utcnow()).subquery()
    return int(session.connection().scalar(select(func.count()).select_from(query)) or 0)


def search(session: Session, client_id: int, text: str, limit: int = 100) -> list[MessageRow]:
    """The newest messages of the client that match ``text`` (accent-insensitive)."""
    return list(page(session, client_id, InboxFilter(search=text), limit=limit).rows)


def get_message(
    session: Session, client_id: int, message_id: int, *, lock: bool = False
) -> InboxMessage:
    """The message of this client (NotFound otherwise); ``lock``: for a write that checks
    what it read (PostgreSQL waits for a colleague's write on it, then reads theirs)."""
    msg = session.get(
        InboxMessage,
        message_id,
        with_for_update=lock or None,
        populate_existing=lock,
    )
    if msg is None or msg.client_id != client_id:
        raise NotFound(translate("Inbox", "No message {id} for this client.").format(id=message_id))
    return msg


def _thread(session: Session, msg: InboxMessage) -> tuple[ThreadItem, ...]:
    root = msg
    for _ in range(20):  # climb to the root
        if root.parent_id is None:
            break
        parent = session.get(InboxMessage, root.parent_id)
        if parent is None or parent.client_id != msg.client_id:
            break
        root = parent
    items = [root]
    frontier = [root.id]
    for _ in range(10):  # and down, level by level
        if not frontier:
            break
        children = list(
            session.scalars(
                select(InboxMessage)
                .where(InboxMessage.client_id == msg.client_id)
                .where(InboxMessage.parent_id.in_(frontier))
                .order_by(InboxMessage.received_at, InboxMessage.id)
                .limit(200)
            )
        )
        items.extend(children)
        frontier = [c.id for c in children]
    items.sort(key=lambda m: (m.received_at, m.id))
    return tuple(
        ThreadItem(
            m.id, m.author, m.text, m.received_at, m.ours, m.reply_state, m.hidden, m.deleted
        )
        for m in items
    )


def detail(session: Session, client_id: int, message_id: int, history: int = 20) -> MessageDetail:
    """A message with its thread, the author's earlier messages, notes and escalations."""
    m = get_message(session, client_id, message_id)
    # get_one: the foreign key keeps the assignee there (raises, as .name on None did, if not)
    assignee = session.get_one(StaffMember, m.assignee_id).name if m.assignee_id else ""
    earlier: tuple[MessageRow, ...] = ()
    if m.author_handle:
        earlier = tuple(
            _row(r)
            for r in session.connection().execute(
                select(*_LIST_COLUMNS)
                .select_from(
                    InboxMessage.__table__.outerjoin(StaffMember.__table__, _S.id == _M.assignee_id)
                )
                .where(
                    InboxMessage.client_id == client_id,
                    InboxMessage.network == m.network,
                    InboxMessage.author_handle == m.author_handle,
                    InboxMessage.id != m.id,
                    InboxMessage.ours.is_(False),
                )
                .order_by(InboxMessage.received_at.desc())
                .limit(history)
            )
        )
    notes = tuple(
        NoteInfo(n.id, n.author, n.text, n.created_at)
        for n in session.scalars(
            select(InboxNote)
            .where(InboxNote.message_id == m.id)
            .order_by(InboxNote.created_at, InboxNote.id)
        )
    )
    escalations = tuple(
        session.scalars(
            select(Escalation.id).where(Escalation.message_id == m.id).order_by(Escalation.id)
        )
    )
    moderation = session.execute(
        select(
            ModerationAction.id,
            ModerationAction.state,
            ModerationAction.action,
            ModerationAction.network_state,
            ModerationAction.network_message,
            ModerationAction.rule_key,
            ModerationAction.requested_by,
        )
        .where(ModerationAction.message_id == m.id)
        .order_by(ModerationAction.id)
    ).all()
    pending = tuple(r.id for r in moderation if r.state == "pending")
    on_network = tuple(
        (
            r.action,
            r.network_state,
            shown_held(r.requested_by) if r.rule_key == HELD_RULE else r.network_message,
        )
        for r in moderation
        if r.state == "applied" and r.network_state
    )
    return MessageDetail(
        m.id,
        m.client_id,
        m.network,
        m.external_id,
        m.kind,
        m.author,
        m.author_handle,
        m.text,
        m.url,
        m.received_at,
        m.status,
        m.status_reason,
        m.category,
        m.priority,
        m.assignee_id,
        assignee,
        tuple(m.tags or ()),
        m.newcomer,
        m.due_at,
        m.first_answer_at,
        m.resolved_at,
        m.resolution,
        m.hidden,
        m.deleted,
        m.author_banned,
        m.version,
        _thread(session, m),
        earlier,
        notes,
        escalations,
        pending,
        on_network,
    )

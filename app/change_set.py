"""What the change feed delivers: :class:`Change` (one transaction, one kind, one client) and
:class:`ChangeSet` (changes delivered together), which the areas ask what concerns them; and
how a reader reads them from ``change_log`` (:func:`changes_since`).

Reading without skipping (PostgreSQL, several writers at once, no lock): a change_log row
carries its transaction's id (``xid``, ``pg_current_xact_id()``). A transaction gets its xid
at its first write, so every transaction still running, and every one yet to write, has an
xid at least the oldest running one's (``pg_snapshot_xmin(pg_current_snapshot())``, the
*horizon*). Rows below the horizon are therefore final: all committed (or never will be) and
all visible to the statement that computed it. A reader reads only those, in (xid, id) order,
and remembers the (xid, id) it saw last (a :data:`Cursor`); whatever commits later has a
larger (xid, id). A long-running writer holds the horizon back: the rows of younger
transactions wait for it (:attr:`ChangeSet.held`), they are not lost. SQLite has one writer at
a time: rows carry xid 0 and ids commit in order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    RowMapping,
    exists,
    literal,
    literal_column,
    select,
    tuple_,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models.changes import ChangeLog

# Where a reader is in the log: the (xid, id) of the last row it read.
Cursor = tuple[int, int]


@dataclass(frozen=True)
class Change:
    """What one transaction changed of one kind for one client (None: any client)."""

    kind: str
    client_id: int | None
    ids: frozenset[int] | None  # None: unknown or many
    seat: str = ""
    actor: str = ""
    at: dt.datetime | None = None
    id: int = 0  # the change_log row
    xid: int = 0  # its transaction (PostgreSQL), 0 on SQLite


@dataclass(frozen=True)
class ChangeSet:
    """Changes delivered together (one poll, one operation). Areas ask it what concerns them."""

    changes: tuple[Change, ...] = ()
    last_id: int = 0
    local: bool = False  # delivered by this seat's own operation, not read from the log
    _index: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    cursor: Cursor = (0, 0)  # read from the log: read on after this
    held: bool = False  # rows committed after a transaction still running wait for it

    def __bool__(self) -> bool:
        return bool(self.changes)

    def kinds(self) -> set[str]:
        return {c.kind for c in self.changes}

    def touches(self, kind: str, client_id: int | None = None) -> bool:
        """Anything of ``kind`` for ``client_id`` (or for any client when None)?"""
        return any(
            c.kind == kind and (client_id is None or c.client_id in (None, client_id))
            for c in self.changes
        )

    def ids(self, kind: str, client_id: int | None = None) -> set[int] | None:
        """The ids of ``kind`` changed for ``client_id``; None if some change did not say."""
        out: set[int] = set()
        for c in self.changes:
            if c.kind == kind and (client_id is None or c.client_id in (None, client_id)):
                if c.ids is None:
                    return None
                out |= c.ids
        return out

    def by(self, kind: str, client_id: int | None, row_id: int) -> Change | None:
        """The latest change of that row (for "changed by … at …" notices)."""
        for c in reversed(self.changes):
            same = c.kind == kind and c.client_id in (None, client_id)
            if same and (c.ids is None or row_id in c.ids):
                return c
        return None

    def without_seat(self, seat: str) -> ChangeSet:
        kept = tuple(c for c in self.changes if c.seat != seat)
        return ChangeSet(kept, self.last_id, self.local, cursor=self.cursor, held=self.held)

    @staticmethod
    def merge(sets: Iterable[ChangeSet]) -> ChangeSet:
        sets = list(sets)
        return ChangeSet(
            tuple(c for s in sets for c in s.changes),
            max((s.last_id for s in sets), default=0),
            all(s.local for s in sets) if sets else False,
            cursor=max((s.cursor for s in sets), default=(0, 0)),
            held=any(s.held for s in sets),
        )


# -- reading ----------------------------------------------------------------------------------
def _change(row_id: int, row: RowMapping | Mapping[str, Any], xid: int = 0) -> Change:
    ids = row["ids"]
    return Change(
        kind=row["kind"],
        client_id=row["client_id"],
        ids=None if ids is None else frozenset(ids),
        seat=row["seat"],
        actor=row["actor"],
        at=row["at"],
        id=row_id,
        xid=xid,
    )


# Computed in the reading statement itself: the same snapshot decides what is final and reads it.
_HORIZON: ColumnElement[int] = literal_column(
    "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
)


def _postgres(conn: Session | Connection) -> bool:
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    return bind.dialect.name == "postgresql"


def start(conn: Session | Connection) -> Cursor:
    """Where a new reader starts: after the newest row that is final (see the module)."""
    table = ChangeLog.__table__
    query = select(table.c.xid, table.c.id).order_by(table.c.xid.desc(), table.c.id.desc())
    if _postgres(conn):
        query = query.where(table.c.xid < _HORIZON)
    row = conn.execute(query.limit(1)).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def changes_since(
    conn: Session | Connection, after: Cursor = (0, 0), *, limit: int = 1000
) -> ChangeSet:
    """Changes committed after ``after``, oldest first, never one twice or skipped
    (``conn``: a Connection or Session; see the module)."""
    table = ChangeLog.__table__
    postgres = _postgres(conn)
    mark = tuple_(*(literal(int(v), BigInteger()) for v in after))  # xid8 passes 2**31
    query = select(table).where(tuple_(table.c.xid, table.c.id) > mark)
    # younger rows committed, waiting for an older transaction (computed once, same snapshot)
    later = table.alias("later")  # not correlated with the rows read
    waiting = exists().where(later.c.xid >= _HORIZON)
    if postgres:
        query = query.add_columns(waiting.label("held")).where(table.c.xid < _HORIZON)
    result = conn.execute(query.order_by(table.c.xid, table.c.id).limit(limit)).mappings().all()
    found = tuple(_change(row["id"], row, row["xid"]) for row in result)
    cursor = (found[-1].xid, found[-1].id) if found else after
    held = False
    if postgres:  # with the rows when there are some, else one more question
        held = bool(result[0]["held"]) if result else bool(conn.execute(select(waiting)).scalar())
    return ChangeSet(found, found[-1].id if found else 0, cursor=cursor, held=held)


__all__ = ["Change", "ChangeSet", "Cursor", "changes_since", "start"]

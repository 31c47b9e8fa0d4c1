"""The inbox list's row: the driver's tuple itself, read through named properties.

A page of 100 rows used to cost as much Python as the SQL itself: one object per row, its
dates parsed and its flags turned into ``bool`` whether the screen shows the row or not.
A :class:`MessageRow` is now the row the driver returned, retyped in C
(``tuple.__new__``, about 0.1 µs); a date is parsed only when something reads it (the
list formats the rows it shows, once, then keeps the cells). Reading the same property
twice gives equal values; rows built by keyword from already typed values (the author's
history, the tests) read the same way.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import TYPE_CHECKING, Any

_UTC = dt.UTC
_fromiso = dt.datetime.fromisoformat


def instant(value: Any) -> dt.datetime | None:
    """An instant as a driver gives it, aware in UTC: SQLite's stored text (naive UTC, or
    with an offset when another tool wrote it), PostgreSQL's or SQLAlchemy's datetime."""
    if value is None:
        return None
    if type(value) is str:
        try:
            return _fromiso(value + "+00:00")
        except ValueError:
            when = _fromiso(value)
            return when.replace(tzinfo=_UTC) if when.tzinfo is None else when.astimezone(_UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=_UTC)  # type: ignore[no-any-return]
    return value.astimezone(_UTC)  # type: ignore[no-any-return]


FIELDS = (
    "id",
    "network",
    "kind",
    "author",
    "author_handle",
    "snippet",
    "received_at",
    "status",
    "category",
    "priority",
    "assignee",
    "due_at",
    "newcomer",
    "hidden",
    "deleted",
    "sentiment",
)


class MessageRow(tuple[Any, ...]):
    """One message as the list shows it (immutable; fields in :data:`FIELDS` order)."""

    __slots__ = ()

    def __new__(
        cls,
        id: int,
        network: str,
        kind: str,
        author: str,
        author_handle: str,
        snippet: str,
        received_at: dt.datetime | str,
        status: str,
        category: str,
        priority: int,
        assignee: str,
        due_at: dt.datetime | str | None,
        newcomer: bool | int,
        hidden: bool | int,
        deleted: bool | int,
        sentiment: int,
    ) -> MessageRow:
        return tuple.__new__(
            cls,
            (
                id, network, kind, author, author_handle, snippet, received_at, status,
                category, priority, assignee, due_at, newcomer, hidden, deleted, sentiment,
            ),
        )  # fmt: skip

    if TYPE_CHECKING:
        id: int
        network: str
        kind: str
        author: str
        author_handle: str
        snippet: str
        status: str
        category: str
        priority: int
        assignee: str
        sentiment: int
    else:  # C-level getters: reading a plain field costs no Python call
        id = property(itemgetter(0))
        network = property(itemgetter(1))
        kind = property(itemgetter(2))
        author = property(itemgetter(3))
        author_handle = property(itemgetter(4))
        snippet = property(itemgetter(5))
        status = property(itemgetter(7))
        category = property(itemgetter(8))
        priority = property(itemgetter(9))
        assignee = property(itemgetter(10))
        sentiment = property(itemgetter(15))

    @property
    def received_at(self) -> dt.datetime:
        return instant(self[6])  # type: ignore[return-value]  # never NULL

    @property
    def due_at(self) -> dt.datetime | None:
        return instant(self[11])

    @property
    def newcomer(self) -> bool:
        return bool(self[12])

    @property
    def hidden(self) -> bool:
        return bool(self[13])

    @property
    def deleted(self) -> bool:
        return bool(self[14])

    def __getnewargs__(self) -> tuple[Any, ...]:  # pickling, copy
        return tuple(self)

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in FIELDS)
        return f"MessageRow({values})"

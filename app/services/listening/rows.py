"""The listening list's row: the driver's tuple itself, read through named properties (as
the inbox's :class:`app.services.inbox.rows.MessageRow`).

A page of 100 items used to build one object per row (a dictionary of twelve fields and
its instant parsed), which cost more than half of what the SQL costs. An :class:`ItemRow` is
the row the driver returned, retyped in C (``tuple.__new__``); its instant is parsed when
something reads it. Rows compare (and hash) by their values as read, so the fast path's row
(the stored text of the instant) equals the ORM's (a datetime) for the same item.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from app.services.inbox.rows import instant

FIELDS = (
    "id", "stream_id", "network", "external_id", "author", "author_handle", "author_followers",
    "text", "url", "published_at", "sentiment", "status",
)  # fmt: skip
_WHEN = FIELDS.index("published_at")


class ItemRow(tuple[Any, ...]):
    """One listening item as the list shows it (immutable; fields in :data:`FIELDS` order)."""

    __slots__ = ()

    def __new__(
        cls,
        id: int,
        stream_id: int | None,
        network: str,
        external_id: str,
        author: str,
        author_handle: str,
        author_followers: int | None,
        text: str,
        url: str,
        published_at: dt.datetime | str,
        sentiment: str,
        status: str,
    ) -> ItemRow:
        return tuple.__new__(
            cls,
            (
                id, stream_id, network, external_id, author, author_handle, author_followers,
                text, url, published_at, sentiment, status,
            ),
        )  # fmt: skip

    if TYPE_CHECKING:
        id: int
        stream_id: int | None
        network: str
        external_id: str
        author: str
        author_handle: str
        author_followers: int | None
        text: str
        url: str
        sentiment: str
        status: str
    else:  # C-level getters: reading a plain field costs no Python call
        id = property(itemgetter(0))
        stream_id = property(itemgetter(1))
        network = property(itemgetter(2))
        external_id = property(itemgetter(3))
        author = property(itemgetter(4))
        author_handle = property(itemgetter(5))
        author_followers = property(itemgetter(6))
        text = property(itemgetter(7))
        url = property(itemgetter(8))
        sentiment = property(itemgetter(10))
        status = property(itemgetter(11))

    @property
    def published_at(self) -> dt.datetime:
        return instant(self[_WHEN])  # type: ignore[return-value]  # never NULL

    def values(self) -> tuple[Any, ...]:
        """The fields as read (the instant an aware datetime, whatever the driver gave)."""
        return (*self[:_WHEN], self.published_at, *self[_WHEN + 1 :])

    def _replace(self, **changes: Any) -> ItemRow:
        """A copy with ``changes`` (``row._replace(status="dismissed")``, as a NamedTuple)."""
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise TypeError(f"ItemRow has no field {', '.join(sorted(unknown))}")
        return tuple.__new__(
            type(self), (changes.get(n, v) for n, v in zip(FIELDS, self, strict=True))
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ItemRow):
            return self.values() == other.values()
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self.values())

    def __getnewargs__(self) -> tuple[Any, ...]:  # pickling, copy
        return tuple(self)

    def __repr__(self) -> str:
        values = ", ".join(
            f"{name}={value!r}" for name, value in zip(FIELDS, self.values(), strict=True)
        )
        return f"ItemRow({values})"

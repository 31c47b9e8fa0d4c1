"""What the change feed delivers: :class:`Change` (one transaction, one kind, one client) and
:class:`ChangeSet` (changes delivered together), which the areas ask what concerns them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field


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


@dataclass(frozen=True)
class ChangeSet:
    """Changes delivered together (one poll, one operation). Areas ask it what concerns them."""

    changes: tuple[Change, ...] = ()
    last_id: int = 0
    local: bool = False  # delivered by this seat's own operation, not read from the log
    _index: dict = field(default_factory=dict, compare=False, repr=False)

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
        return ChangeSet(kept, self.last_id, self.local)

    @staticmethod
    def merge(sets: Iterable[ChangeSet]) -> ChangeSet:
        sets = list(sets)
        return ChangeSet(
            tuple(c for s in sets for c in s.changes),
            max((s.last_id for s in sets), default=0),
            all(s.local for s in sets) if sets else False,
        )


__all__ = ["Change", "ChangeSet"]

"""The counts shown beside a client in the sidebar, as plain values.

Kept apart from :mod:`app.services.clients.badges` (which queries the database) so that the sidebar
can be built before SQLAlchemy is imported: the window shows first, data comes after.
"""

from __future__ import annotations

from typing import NamedTuple


class Badges(NamedTuple):
    """A named tuple rather than a frozen dataclass: it is imported before the window's first
    paint, where ``dataclasses`` and its generated code cost a few milliseconds."""

    unread: int = 0
    overdue: int = 0
    crisis: bool = False
    accounts_attention: int = 0

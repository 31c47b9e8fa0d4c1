"""The counts shown beside a client in the sidebar, as plain values.

Kept apart from :mod:`app.services.clients.badges` (which queries the database) so that the sidebar
can be built before SQLAlchemy is imported: the window shows first, data comes after.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Badges:
    unread: int = 0
    overdue: int = 0
    crisis: bool = False
    accounts_attention: int = 0

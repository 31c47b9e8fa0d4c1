"""Counts shown as badges beside each client in the sidebar.

One query per kind for all clients at once (GROUP BY client), never one per client.
Features contribute their counts here: the inbox (unread, overdue, crisis) and the
connectors (accounts needing attention).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import NetworkAccount
from app.services.clients.badge_values import Badges

__all__ = ["Badges", "client_badges"]


def client_badges(session: Session) -> dict[int, Badges]:
    counts: dict[int, dict[str, Any]] = {}

    def put(client_id: int, **values: int) -> None:
        counts.setdefault(client_id, {}).update(values)

    rows = session.execute(
        select(NetworkAccount.client_id, func.count(NetworkAccount.id))
        .where(NetworkAccount.status.in_(("reconnect_needed", "error")))
        .group_by(NetworkAccount.client_id)
    )
    for client_id, n in rows:
        put(client_id, accounts_attention=int(n))
    # FEATURE-BADGES-BEGIN
    from app.services.inbox import crisis as inbox_crisis

    for cid, n in inbox_crisis.unread_counts(session).items():
        put(cid, unread=n)
    for cid, n in inbox_crisis.overdue_counts(session).items():
        put(cid, overdue=n)
    for cid, level in inbox_crisis.crisis_levels(session).items():
        put(cid, crisis=level.alert)
    from app.services.sync.health import attention_counts  # connectors

    for cid, n in attention_counts(session).items():  # adds tokens that expire within a week
        put(cid, accounts_attention=n)
    # FEATURE-BADGES-END
    return {cid: Badges(**values) for cid, values in counts.items()}

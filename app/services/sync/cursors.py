"""The stored cursors of each account, by stream (inbox, check, samples).

They belong to the account row, not to its token: a reconnect keeps them.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.db import Database, insert_ignore
from app.models.base import utcnow
from app.models.sync import SyncCursor


def load_cursor(db: Database, account_id: int, stream: str = "inbox") -> dict[str, Any]:
    with db.read() as s:
        value = s.scalar(
            select(SyncCursor.value).where(
                SyncCursor.account_id == account_id, SyncCursor.stream == stream
            )
        )
    return dict(value or {})


def save_cursor(
    s: Session, client_id: int, account_id: int, value: dict[str, Any], stream: str = "inbox"
) -> None:
    row = s.scalar(
        select(SyncCursor).where(SyncCursor.account_id == account_id, SyncCursor.stream == stream)
    )
    if row is None:
        fresh = {
            "client_id": client_id,
            "account_id": account_id,
            "stream": stream,
            "value": dict(value),
            "updated_at": utcnow(),
        }
        if insert_ignore(s, cast(Table, SyncCursor.__table__), [fresh]) == 1:
            return
        row = s.scalars(  # written by another seat meanwhile
            select(SyncCursor).where(
                SyncCursor.account_id == account_id, SyncCursor.stream == stream
            )
        ).one()
    row.value, row.updated_at = dict(value), utcnow()

"""seats index: the inbox's listed messages (not ours, not deleted) per client, newest first

Twenty seats refresh the inbox's first page and its count all day. The page read
``ix_inbox_messages_client_received`` and threw away our own and deleted messages row by row;
the count visited the heap for 50,000 rows a client (60-80 ms on a loaded server). This
partial index has exactly the list's predicate: the page is an index range, the count an
index-only scan (measured by benchmarks/seats20.py).

Revision ID: 0019_seats_index
Revises: 0018_competitors
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_seats_index"
down_revision = "0018_competitors"
branch_labels = None
depends_on = None

NAME = "ix_inbox_messages_listed"
# The predicate as each dialect renders ``ours.is_(False)``: the planners match it literally.
PG_WHERE = "ours IS false AND deleted IS false"
SQLITE_WHERE = "ours IS 0 AND deleted IS 0"


def upgrade() -> None:
    op.create_index(
        NAME,
        "inbox_messages",
        ["client_id", "received_at", "id"],
        postgresql_where=sa.text(PG_WHERE),
        sqlite_where=sa.text(SQLITE_WHERE),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="inbox_messages", if_exists=True)

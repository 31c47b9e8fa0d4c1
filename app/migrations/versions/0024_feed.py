"""feed: change_log rows carry their transaction's id, so writers take no lock

The change feed used to serialise every write of the agency on one advisory lock so that
change_log ids committed in id order. Now each row records the writing transaction's id
(PostgreSQL's ``pg_current_xact_id()``, 64-bit, never wraps) and readers only read rows whose
transaction is older than the oldest one still running, ordered by (xid, id) — the
transactional-outbox technique (docs/changes.md). SQLite keeps one writer at a time: its rows
carry 0 and are read by id.

Rows written before this revision get 0: they sort before every new one.

Revision ID: 0024_feed
Revises: 0023_rights_more
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_feed"
down_revision = "0023_rights_more"
branch_labels = None
depends_on = None

INDEX = "ix_change_log_xid_id"


def upgrade() -> None:
    bind = op.get_bind()
    columns = {c["name"] for c in sa.inspect(bind).get_columns("change_log")}
    if "xid" not in columns:
        with op.batch_alter_table("change_log") as batch:
            batch.add_column(
                sa.Column("xid", sa.BigInteger(), nullable=False, server_default=sa.text("0"))
            )
    op.create_index(INDEX, "change_log", ["xid", "id"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="change_log", if_exists=True)
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("xid")

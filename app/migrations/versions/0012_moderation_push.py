"""inbox: moderation actions carry their state on the network (pushed by the sync)

Revision ID: 0012_moderation_push
Revises: 0011_merge_heads
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_moderation_push"
down_revision = "0011_merge_heads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Actions applied before this version stay local (""): they were never sent.
    with op.batch_alter_table("inbox_moderation") as batch:
        batch.add_column(
            sa.Column("network_state", sa.String(length=12), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("network_message", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("inbox_moderation") as batch:
        batch.drop_column("network_message")
        batch.drop_column("network_state")

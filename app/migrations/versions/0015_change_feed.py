"""change feed: every committed write logs what it touched, for the other seats

Revision ID: 0015_change_feed
Revises: 0014_edit_versions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_change_feed"
down_revision = "0014_edit_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No foreign key to clients: a deleted client's last changes must still be announced.
    op.create_table(
        "change_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seat", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("ids", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
        if_not_exists=True,
    )
    op.create_index("ix_change_log_at", "change_log", ["at"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_change_log_at", table_name="change_log")
    op.drop_table("change_log")

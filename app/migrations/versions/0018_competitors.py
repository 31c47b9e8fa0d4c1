"""competitors: a competitor's public numbers sampled once a day per client

Revision ID: 0018_competitors
Revises: 0017_listening
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0018_competitors"
down_revision = "0017_listening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "competitor_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("handle", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("followers", sa.Integer(), nullable=True),
        sa.Column("posts_total", sa.Integer(), nullable=True),
        sa.Column("posts_7d", sa.Integer(), nullable=False),
        sa.Column("engagements_7d", sa.Integer(), nullable=False),
        sa.Column("sampled_at", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_competitor_samples_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competitor_samples")),
        sa.UniqueConstraint(
            "client_id",
            "network",
            "handle",
            "day",
            name=op.f("uq_competitor_samples_client_id_network_handle_day"),
        ),
    )
    op.create_index("ix_competitor_samples_client_day", "competitor_samples", ["client_id", "day"])
    from app.services.people.rls import enable_client_rls

    enable_client_rls(op, "competitor_samples")


def downgrade() -> None:
    op.drop_index("ix_competitor_samples_client_day", table_name="competitor_samples")
    op.drop_table("competitor_samples")

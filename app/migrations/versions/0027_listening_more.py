"""listening, more: one holding message per client and hour, whichever seat clicks first

Revision ID: 0027_listening_more
Revises: 0023_rights_more

``holding_drafts`` holds the claim of an hour's holding message (unique per client and hour):
"Draft the holding message" clicked on two seats at once gives one post, the second seat gets
the first one's. Deleting the post (ON DELETE CASCADE) frees the hour.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0027_listening_more"
down_revision = "0024_feed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holding_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("hour", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("created", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_holding_drafts_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_holding_drafts_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holding_drafts")),
        sa.UniqueConstraint("client_id", "hour", name=op.f("uq_holding_drafts_client_id_hour")),
    )
    from app.services.people.rls import enable_client_rls

    enable_client_rls(op, "holding_drafts")


def downgrade() -> None:
    op.drop_table("holding_drafts")

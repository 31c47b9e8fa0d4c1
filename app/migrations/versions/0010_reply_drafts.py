"""inbox: reply drafts autosaved per message and person

Revision ID: 0010_reply_drafts
Revises: 0008_inbox_more
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0010_reply_drafts"
down_revision = "0008_inbox_more"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_reply_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_inbox_reply_drafts_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["inbox_messages.id"],
            name=op.f("fk_inbox_reply_drafts_message_id_inbox_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_reply_drafts")),
        sa.UniqueConstraint(
            "message_id", "author", name=op.f("uq_inbox_reply_drafts_message_id_author")
        ),
    )
    op.create_index(
        op.f("ix_inbox_reply_drafts_client_id"), "inbox_reply_drafts", ["client_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_inbox_reply_drafts_client_id"), table_name="inbox_reply_drafts")
    op.drop_table("inbox_reply_drafts")

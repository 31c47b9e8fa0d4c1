"""inbox: per-client SMTP settings for escalation e-mails (the password stays in the keyring)

Revision ID: 0008_inbox_more
Revises: 0004_inbox
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0008_inbox_more"
down_revision = "0004_inbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_escalation_smtp",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=253), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("sender", sa.String(length=254), nullable=False),
        sa.Column("starttls", sa.Boolean(), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_inbox_escalation_smtp_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_inbox_escalation_smtp")),
    )


def downgrade() -> None:
    op.drop_table("inbox_escalation_smtp")

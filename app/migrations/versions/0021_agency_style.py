"""agency style: the agency's colour, the accent of its documents

Revision ID: 0021_agency_style
Revises: 0020_networks
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_agency_style"
down_revision = "0020_networks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agency_profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("colour", sa.String(length=9), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("agency_profile", schema=None) as batch_op:
        batch_op.drop_column("colour")

"""networks: the agency's own app ids per network (Meta, LinkedIn, Google, X)

The app id is not a secret: it sits in the database, shared by every seat; the app secret
goes to each computer's keyring.

Revision ID: 0020_networks
Revises: 0019_seats_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.services.people.rls import grant_agency_table

revision = "0020_networks"
down_revision = "0019_seats_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agency_apps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=40), nullable=False),
        sa.Column("app_id", sa.String(length=300), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_apps")),
        sa.UniqueConstraint("network", name=op.f("uq_agency_apps_network")),
    )
    grant_agency_table(op, "agency_apps")


def downgrade() -> None:
    op.drop_table("agency_apps")

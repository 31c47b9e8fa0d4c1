"""csv_mappings: the column mappings a client's CSV files were imported with, for reuse

Revision ID: 0022_csv_mappings
Revises: 0021_agency_style
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0022_csv_mappings"
down_revision = "0021_agency_style"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "csv_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"],
            name=op.f("fk_csv_mappings_client_id_clients"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_csv_mappings")),
        sa.UniqueConstraint(
            "client_id", "kind", "signature",
            name=op.f("uq_csv_mappings_client_id_kind_signature"),
        ),
    )  # fmt: skip
    op.create_index(op.f("ix_csv_mappings_client_id"), "csv_mappings", ["client_id"], unique=False)

    # A client table: the people's row security and the group roles' privileges (0016).
    from app.services.people.rls import enable_client_rls

    enable_client_rls(op, "csv_mappings")


def downgrade() -> None:
    op.drop_index(op.f("ix_csv_mappings_client_id"), table_name="csv_mappings")
    op.drop_table("csv_mappings")

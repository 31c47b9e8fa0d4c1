"""rights, more: only a lead signs a charter, enforced by PostgreSQL

Revision ID: 0023_rights_more
Revises: 0022_csv_mappings

A trigger on ``charter_versions`` and ``charter_signatories`` refuses (SQLSTATE 42501) to
anyone but a lead or an administrator: marking a version signed (or un-signing it), changing
its signature date or signed copy, and writing its signatories. Nothing changes on SQLite,
where a local file cannot enforce anything.
"""

from __future__ import annotations

from alembic import op

from app.services.people import rls

revision = "0023_rights_more"
down_revision = "0022_csv_mappings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        rls.signing_policies(bind.exec_driver_sql)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        rls.drop_signing_policies(bind.exec_driver_sql)

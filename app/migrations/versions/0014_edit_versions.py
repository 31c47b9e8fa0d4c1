"""versions on everything a person edits, and who changed it last (no edit lost)

Posts already carry a version; their variants, contacts, accounts, saved replies and
escalations get one; every edited row records who changed it and when, so a conflict can
say "Alice changed it at 14:05". An approval keeps a hash of the content the client saw.

Revision ID: 0014_edit_versions
Revises: 0013_seats_leases
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0014_edit_versions"
down_revision = "0013_seats_leases"
branch_labels = None
depends_on = None

_UTC = sa.DateTime(timezone=True)

# table -> columns to add (name, type, server default or None for nullable)
COLUMNS: dict[str, list[tuple[str, sa.types.TypeEngine[Any], str | None]]] = {
    "posts": [("updated_by", sa.String(200), ""), ("approved_hash", sa.String(64), "")],
    "post_variants": [
        ("version", sa.Integer(), "1"),
        ("updated_by", sa.String(200), ""),
        ("updated_at", _UTC, None),
    ],
    "inbox_messages": [("updated_by", sa.String(200), ""), ("updated_at", _UTC, None)],
    "charter_sections": [("updated_by", sa.String(200), "")],
    "contacts": [
        ("version", sa.Integer(), "1"),
        ("updated_by", sa.String(200), ""),
        ("updated_at", _UTC, None),
    ],
    "network_accounts": [("version", sa.Integer(), "1"), ("updated_by", sa.String(200), "")],
    "inbox_saved_replies": [
        ("version", sa.Integer(), "1"),
        ("updated_by", sa.String(200), ""),
        ("updated_at", _UTC, None),
    ],
    "inbox_escalations": [
        ("version", sa.Integer(), "1"),
        ("updated_by", sa.String(200), ""),
        ("updated_at", _UTC, None),
    ],
}


def _existing(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        have = _existing(table)
        todo = [c for c in columns if c[0] not in have]  # idempotent: re-run adds nothing
        if not todo:
            continue
        with op.batch_alter_table(table) as batch:
            for name, type_, default in todo:
                if default is None:
                    batch.add_column(sa.Column(name, type_, nullable=True))
                else:
                    batch.add_column(sa.Column(name, type_, nullable=False, server_default=default))


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        have = _existing(table)
        with op.batch_alter_table(table) as batch:
            for name, _type, _default in reversed(columns):
                if name in have:
                    batch.drop_column(name)

"""merge the feature branches (charter, calendar, inbox, connectors, metrics) into one head

The features were built side by side, each migration branching from the foundation; from
here on a new migration has a single parent again.

Revision ID: 0011_merge_heads
Revises: 0002_charter, 0003_calendar, 0005_connectors, 0006_metrics, 0010_reply_drafts
"""

from __future__ import annotations

revision = "0011_merge_heads"
down_revision = (
    "0002_charter",
    "0003_calendar",
    "0005_connectors",
    "0006_metrics",
    "0010_reply_drafts",
)
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

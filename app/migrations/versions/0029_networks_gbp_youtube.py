"""networks, Google and YouTube: a channel's views to date beside its daily numbers

Revision ID: 0029_networks_gbp_youtube
Revises: 0027_listening_more

YouTube gives a channel's views as a lifetime total (``statistics.viewCount``), not a day's
count: ``metric_account_days.views_total`` keeps it as given (64-bit: a large channel passes
two billion). The other columns stay daily figures.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_networks_gbp_youtube"
down_revision = "0027_listening_more"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("metric_account_days")}
    if "views_total" in columns:
        return
    with op.batch_alter_table("metric_account_days") as batch:
        batch.add_column(sa.Column("views_total", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("metric_account_days") as batch:
        batch.drop_column("views_total")

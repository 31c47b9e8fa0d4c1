"""media alt text: a description of each photo and video, for screen readers

Revision ID: 0031_media_alt
Revises: 0030_listening_episodes

The description lives on the client's media asset — one per picture, reused by every post
and every network that shows it — with its own ``version`` (and who changed it, when), so
that two seats describing the same picture meet a conflict instead of overwriting each other.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0031_media_alt"
down_revision = "0030_listening_episodes"
branch_labels = None
depends_on = None

COLUMNS = ("alt_text", "version", "updated_by", "updated_at")


def upgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("media_assets")}
    with op.batch_alter_table("media_assets") as batch:
        if "alt_text" not in present:
            batch.add_column(sa.Column("alt_text", sa.Text(), nullable=False, server_default=""))
        if "version" not in present:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        if "updated_by" not in present:
            batch.add_column(
                sa.Column("updated_by", sa.String(length=200), nullable=False, server_default="")
            )
        if "updated_at" not in present:
            batch.add_column(sa.Column("updated_at", app.models.base.UTCDateTime(), nullable=True))


def downgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("media_assets")}
    with op.batch_alter_table("media_assets") as batch:
        for name in reversed(COLUMNS):
            if name in present:
                batch.drop_column(name)

"""listening episodes: the holding message is one per crisis episode, not per clock hour

Revision ID: 0030_listening_episodes
Revises: 0029_networks_gbp_youtube

``crisis_episodes`` keeps a client's crisis from its first signal until a seat says it is
over (or it lapses after a quiet day); a partial unique index lets at most one be open per
client, claimed with INSERT … ON CONFLICT DO NOTHING by whichever seat comes first.
``holding_drafts`` is keyed by the episode instead of the UTC hour (two clicks either side
of hh:00 used to give two drafts). Its rows were only claims of past hours: they are dropped
with the table (their posts stay in the calendar).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0030_listening_episodes"
down_revision = "0029_networks_gbp_youtube"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from app.services.people.rls import enable_client_rls

    op.create_table(
        "crisis_episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("last_signal_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("closed_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_crisis_episodes_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crisis_episodes")),
    )
    op.create_index(
        "uq_crisis_episodes_open",
        "crisis_episodes",
        ["client_id"],
        unique=True,
        sqlite_where=sa.text("closed_at IS NULL"),
        postgresql_where=sa.text("closed_at IS NULL"),
    )
    op.create_index(
        "ix_crisis_episodes_client_opened", "crisis_episodes", ["client_id", "opened_at"]
    )
    enable_client_rls(op, "crisis_episodes")

    op.drop_table("holding_drafts")
    op.create_table(
        "holding_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("created", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_holding_drafts_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["crisis_episodes.id"],
            name=op.f("fk_holding_drafts_episode_id_crisis_episodes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_holding_drafts_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holding_drafts")),
        sa.UniqueConstraint("episode_id", name=op.f("uq_holding_drafts_episode_id")),
    )
    enable_client_rls(op, "holding_drafts")


def downgrade() -> None:
    from app.services.people.rls import enable_client_rls

    op.drop_table("holding_drafts")
    op.create_table(
        "holding_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("hour", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("created", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_holding_drafts_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_holding_drafts_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holding_drafts")),
        sa.UniqueConstraint("client_id", "hour", name=op.f("uq_holding_drafts_client_id_hour")),
    )
    enable_client_rls(op, "holding_drafts")
    op.drop_index("ix_crisis_episodes_client_opened", table_name="crisis_episodes")
    op.drop_index("uq_crisis_episodes_open", table_name="crisis_episodes")
    op.drop_table("crisis_episodes")

"""people and rights: staff by login, client grants, held releases, enforced by PostgreSQL

Revision ID: 0016_people_rights
Revises: 0015_change_feed

On PostgreSQL this also creates the group roles, the ``tribune_can_see`` function, the table
privileges and row-level security on every table with a ``client_id`` (enumerated from the
catalogue, so tables of earlier migrations are all covered); the role running the upgrade
becomes the first administrator. Later migrations adding a client-scoped table call
``app.services.people.rls.enable_client_rls(op, "table")``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base
from app.services.people import rls

revision = "0016_people_rights"
down_revision = "0015_change_feed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("all_clients", sa.Boolean(), nullable=False),
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", app.models.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("login", name=op.f("uq_staff_login")),
    )
    op.create_table(
        "client_grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("granted_by", sa.String(length=63), nullable=False),
        sa.Column("granted_at", app.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_client_grants_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_grants_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_grants")),
        sa.UniqueConstraint(
            "staff_id", "client_id", name=op.f("uq_client_grants_staff_id_client_id")
        ),
    )
    op.create_index(
        op.f("ix_client_grants_client_id"), "client_grants", ["client_id"], unique=False
    )
    op.create_table(
        "release_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("target_type", sa.String(length=10), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("requested_login", sa.String(length=63), nullable=False),
        sa.Column("requested_name", sa.String(length=200), nullable=False),
        sa.Column("requested_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("decided_login", sa.String(length=63), nullable=False),
        sa.Column("decided_name", sa.String(length=200), nullable=False),
        sa.Column("decided_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_release_approvals_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_approvals")),
        sa.UniqueConstraint(
            "target_type", "target_id", name=op.f("uq_release_approvals_target_type_target_id")
        ),
    )
    op.create_index(
        "ix_release_approvals_client_state",
        "release_approvals",
        ["client_id", "state"],
        unique=False,
    )
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(
            sa.Column("actor_login", sa.String(length=63), nullable=False, server_default="")
        )
    with op.batch_alter_table("inbox_moderation") as batch:
        batch.add_column(
            sa.Column("requested_login", sa.String(length=63), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("decided_login", sa.String(length=63), nullable=False, server_default="")
        )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        rls.setup(
            bind.exec_driver_sql,
            lambda sql: [row[0] for row in bind.exec_driver_sql(sql)],
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in [
            *rls.client_scoped_tables(lambda sql: [r[0] for r in bind.exec_driver_sql(sql)]),
            "clients",
            "staff",
        ]:
            bind.exec_driver_sql(f'ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY')
            bind.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
            for (policy,) in bind.exec_driver_sql(
                "SELECT policyname FROM pg_policies WHERE tablename = %s "
                "AND schemaname = current_schema()",
                (table,),
            ).all():
                bind.exec_driver_sql(f'DROP POLICY "{policy}" ON "{table}"')
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS tribune_identity ON inbox_moderation")
    with op.batch_alter_table("inbox_moderation") as batch:
        batch.drop_column("decided_login")
        batch.drop_column("requested_login")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("actor_login")
    op.drop_index("ix_release_approvals_client_state", table_name="release_approvals")
    op.drop_table("release_approvals")
    op.drop_index(op.f("ix_client_grants_client_id"), table_name="client_grants")
    op.drop_table("client_grants")
    op.drop_table("staff")
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS tribune_can_see(integer, text)")
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS tribune_visible_clients(text)")
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS tribune_touch()")
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS tribune_check_identity()")

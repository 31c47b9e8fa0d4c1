"""listening: streams per client, the items they found, authors' audience, crisis alerts

Revision ID: 0017_listening
Revises: 0016_people_rights
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0017_listening"
down_revision = "0016_people_rights"
branch_labels = None
depends_on = None


# Search as the inbox's (0004_inbox): SQLite, an FTS5 external-content table over a view that
# puts the client into the text as a token, kept by triggers; PostgreSQL, a GIN index on the
# same document folded by tribune_fold() (created by 0004_inbox).
_DOC = "'tribuneclient' || {p}client_id || ' ' || {p}author || ' ' || {p}author_handle || ' ' || {p}text"
SQLITE_FTS = [
    "CREATE VIEW listening_fts_doc AS SELECT id, " + _DOC.format(p="") + " AS doc"
    " FROM listening_items",
    "CREATE VIRTUAL TABLE listening_fts USING fts5(doc, content='listening_fts_doc',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER listening_fts_ai AFTER INSERT ON listening_items BEGIN"
    " INSERT INTO listening_fts(rowid, doc) VALUES (new.id, " + _DOC.format(p="new.") + "); END",
    "CREATE TRIGGER listening_fts_ad AFTER DELETE ON listening_items BEGIN"
    " INSERT INTO listening_fts(listening_fts, rowid, doc) VALUES ('delete', old.id, "
    + _DOC.format(p="old.")
    + "); END",
    "CREATE TRIGGER listening_fts_au AFTER UPDATE OF text, author, author_handle, client_id"
    " ON listening_items BEGIN"
    " INSERT INTO listening_fts(listening_fts, rowid, doc) VALUES ('delete', old.id, "
    + _DOC.format(p="old.")
    + ");"
    " INSERT INTO listening_fts(rowid, doc) VALUES (new.id, " + _DOC.format(p="new.") + "); END",
]
PG_FTS = [
    "CREATE INDEX ix_listening_items_search ON listening_items USING gin"
    " (to_tsvector('simple'::regconfig, tribune_fold(" + _DOC.format(p="") + ")))",
]


def _client_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["client_id"],
        ["clients.id"],
        name=op.f(f"fk_{table}_client_id_clients"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "listening_streams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("query", sa.String(length=500), nullable=False),
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("cursor", sa.JSON(), nullable=False),
        sa.Column("created", app.models.base.UTCDateTime(), nullable=False),
        _client_fk("listening_streams"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listening_streams")),
        sa.UniqueConstraint(
            "client_id", "network", "kind", "query",
            name=op.f("uq_listening_streams_client_id_network_kind_query"),
        ),
    )  # fmt: skip
    op.create_index(
        op.f("ix_listening_streams_client_id"), "listening_streams", ["client_id"], unique=False
    )
    op.create_table(
        "listening_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("stream_id", sa.Integer(), nullable=True),
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("author_handle", sa.String(length=200), nullable=False),
        sa.Column("author_followers", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("published_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("sentiment", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=14), nullable=False),
        _client_fk("listening_items"),
        sa.ForeignKeyConstraint(
            ["stream_id"], ["listening_streams.id"],
            name=op.f("fk_listening_items_stream_id_listening_streams"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listening_items")),
        sa.UniqueConstraint(
            "client_id", "network", "external_id",
            name=op.f("uq_listening_items_client_id_network_external_id"),
        ),
    )  # fmt: skip
    op.create_index(
        "ix_listening_items_client_published",
        "listening_items",
        ["client_id", "published_at", "id"],
        unique=False,
    )
    op.create_index("ix_listening_items_stream", "listening_items", ["stream_id"], unique=False)
    for sql in SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else PG_FTS:
        op.execute(sql)
    op.create_table(
        "listening_authors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("handle", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("followers", sa.Integer(), nullable=False),
        sa.Column("refreshed_at", app.models.base.UTCDateTime(), nullable=False),
        _client_fk("listening_authors"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listening_authors")),
        sa.UniqueConstraint(
            "client_id", "network", "handle",
            name=op.f("uq_listening_authors_client_id_network_handle"),
        ),
    )  # fmt: skip
    op.create_table(
        "crisis_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("signal", sa.String(length=30), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("delivery", sa.Text(), nullable=False),
        _client_fk("crisis_alerts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crisis_alerts")),
        sa.UniqueConstraint("client_id", "key", name=op.f("uq_crisis_alerts_client_id_key")),
    )
    op.create_index(
        "ix_crisis_alerts_client_at", "crisis_alerts", ["client_id", "at"], unique=False
    )

    # Client tables: the people's row security and the group roles' privileges (0016).
    from app.services.people.rls import enable_client_rls

    for table in ("listening_streams", "listening_items", "listening_authors", "crisis_alerts"):
        enable_client_rls(op, table)


def downgrade() -> None:
    op.drop_index("ix_crisis_alerts_client_at", table_name="crisis_alerts")
    op.drop_table("crisis_alerts")
    op.drop_table("listening_authors")
    if op.get_bind().dialect.name == "sqlite":
        for name in ("listening_fts_ai", "listening_fts_ad", "listening_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS listening_fts")
        op.execute("DROP VIEW IF EXISTS listening_fts_doc")
    else:
        op.execute("DROP INDEX IF EXISTS ix_listening_items_search")
    op.drop_index("ix_listening_items_stream", table_name="listening_items")
    op.drop_index("ix_listening_items_client_published", table_name="listening_items")
    op.drop_table("listening_items")
    op.drop_index(op.f("ix_listening_streams_client_id"), table_name="listening_streams")
    op.drop_table("listening_streams")

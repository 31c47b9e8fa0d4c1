"""seats: sync locks per account, leases on sends, media bytes in the database

Revision ID: 0013_seats_leases
Revises: 0012_moderation_push

* ``sync_locks``: which seat syncs an account, since and until when (one sync per account
  across the agency; on SQLite the row is the lock, on PostgreSQL it says who holds the
  advisory lock).
* ``publish_attempts.seat`` / ``lease_until``: a send belongs to the seat that started it
  until its lease expires; only then may another seat recover it.
* ``media_blob`` / ``media_chunk``: attached files by SHA-256, their bytes in 1 MiB chunks,
  so every seat can publish them and backups carry them. Files already in the local media
  folder are copied in here when they are readable (the others on first use).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0013_seats_leases"
down_revision = "0012_moderation_push"
branch_labels = None
depends_on = None

CHUNK = 1 << 20


def upgrade() -> None:
    op.create_table(
        "sync_locks",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("seat", sa.String(length=200), nullable=False),
        sa.Column("since", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("until", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["network_accounts.id"],
            name=op.f("fk_sync_locks_account_id_network_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_sync_locks")),
    )
    with op.batch_alter_table("publish_attempts") as batch:
        batch.add_column(
            sa.Column("seat", sa.String(length=200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("lease_until", app.models.base.UTCDateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "media_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_media_blob")),
    )
    op.create_table(
        "media_chunk",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["media_blob.sha256"],
            name=op.f("fk_media_chunk_sha256_media_blob"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_media_chunk")),
    )
    _import_local_files()


def _import_local_files() -> None:
    """Copy the readable local media files in, chunk by chunk (never a whole file in memory)."""
    import datetime as dt
    import hashlib
    from pathlib import Path

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT DISTINCT sha256, mime, path FROM media_assets")).all()
    blob = sa.table(
        "media_blob",
        sa.column("sha256"),
        sa.column("size"),
        sa.column("mime"),
        sa.column("chunks"),
        sa.column("created_at", app.models.base.UTCDateTime(timezone=True)),
    )
    chunk = sa.table("media_chunk", sa.column("sha256"), sa.column("seq"), sa.column("data"))
    done: set[str] = set()
    for sha, mime, path in rows:
        if sha in done or not path:
            continue
        file = Path(str(path))
        try:
            if not file.is_file():
                continue
            digest = hashlib.sha256()
            with file.open("rb") as fh:
                for part in iter(lambda: fh.read(CHUNK), b""):
                    digest.update(part)
            if digest.hexdigest() != sha:
                continue  # changed on disk: left for the user to attach again
            conn.execute(
                blob.insert().values(
                    sha256=sha,
                    size=0,
                    mime=mime or "",
                    chunks=0,
                    created_at=dt.datetime.now(dt.UTC),
                )
            )
            size = seq = 0
            with file.open("rb") as fh:
                for part in iter(lambda: fh.read(CHUNK), b""):
                    conn.execute(chunk.insert().values(sha256=sha, seq=seq, data=part))
                    size += len(part)
                    seq += 1
            conn.execute(blob.update().where(blob.c.sha256 == sha).values(size=size, chunks=seq))
            done.add(sha)
        except OSError:  # unreadable half-way: nothing of it stays, first use tries again
            conn.execute(chunk.delete().where(chunk.c.sha256 == sha))
            conn.execute(blob.delete().where(blob.c.sha256 == sha))


def downgrade() -> None:
    op.drop_table("media_chunk")
    op.drop_table("media_blob")
    with op.batch_alter_table("publish_attempts") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("seat")
    op.drop_table("sync_locks")

"""Media every seat can publish: the bytes live in the database. A picture attached on one
seat goes out from another seat's process (its own data folder, the first seat's file gone);
a post whose file is nowhere fails alone and the account's later posts go out; a send
another seat still holds does not block them either."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from app.models import NetworkAccount
from app.models.posts import MediaAsset, Post, PostVariant
from app.models.sync import PublishAttempt
from app.services.calendar import media as posts_media
from app.services.sync.lock import lease_seconds
from tests.app.services.sync.test_seats_common import agency, due_posts, finish, start_seats
from tests.conftest import db_url_of
from tests.servers.x import XServer

PICTURE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 9000  # 2.3 MB: three chunks


def test_a_picture_attached_on_seat_a_is_published_by_seat_b(
    db, real_keyring, tmp_path, monkeypatch
):
    seat_a, seat_b = tmp_path / "seat-a", tmp_path / "seat-b"
    seat_a.mkdir()
    seat_b.mkdir()
    source = tmp_path / "affiche.png"
    source.write_bytes(PICTURE)
    with XServer() as server:
        client_id, slug = agency(db, server)
        monkeypatch.setenv("TRIBUNE_HOME", str(seat_a))  # seat A's data folder
        with db.session() as s:
            media = posts_media.store_media(s, client_id, source)
        for local in seat_a.rglob("*.png"):  # seat A's laptop is away: only the database
            local.unlink()
        source.unlink()
        due_posts(db, client_id, ["L'affiche du festival"], media=[media.id])
        ((rc, data, err),) = finish(start_seats(1, db_url_of(db), slug, seat_b))
        assert rc == 0, err
        assert data["accounts"][0]["published"] == 1, data
        assert server.uploads == 1
        assert PICTURE in server.upload_bodies[0]  # the very bytes, read back from the database
    with db.read() as s:
        assert s.scalars(select(PostVariant.publish_state)).one() == "published"
    assert hashlib.sha256(PICTURE).hexdigest() == media.sha256


def test_a_post_whose_file_is_missing_fails_alone_and_later_posts_go_out(
    db, real_keyring, tribune_home
):
    with XServer() as server:
        client_id, slug = agency(db, server)
        with db.session() as s:
            ghost = MediaAsset(
                client_id=client_id,
                sha256="0" * 64,
                filename="perdue.jpg",
                mime="image/jpeg",
                size=1234,
                path=str(tribune_home / "nowhere" / "perdue.jpg"),
            )
            s.add(ghost)
            s.flush()
            ghost_id = ghost.id
        missing, text_only = due_posts(db, client_id, ["Avec photo"], media=[ghost_id]) + (
            due_posts(db, client_id, ["Sans photo, après"])
        )
        # a send another seat holds (lease still running) must not block anything either
        with db.read() as s:
            account_id = s.scalar(select(NetworkAccount.id))
        (held,) = due_posts(db, client_id, ["Envoyé par un autre poste"])
        with db.session() as s:
            variant = s.scalars(select(PostVariant).where(PostVariant.post_id == held)).one()
            variant.publish_state = "sending"
            s.add(
                PublishAttempt(
                    client_id=client_id,
                    account_id=account_id,
                    kind="post",
                    ref_id=variant.id,
                    network="x",
                    idempotency_key=variant.idempotency_key,
                    state="sending",
                    payload={},
                    seat="other-laptop:4242:abcd",
                    lease_until=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lease_seconds()),
                )
            )
        (later,) = due_posts(db, client_id, ["Encore un, plus tard"])
        ((rc, data, err),) = finish(start_seats(1, db_url_of(db), slug, tribune_home))
        assert rc == 0, err
        result = data["accounts"][0]
        assert (result["published"], result["failed"]) == (2, 1), result
        assert sorted(t["text"] for t in server.tweets) == [
            "Encore un, plus tard",
            "Sans photo, après",
        ]
    with db.read() as s:
        states = dict(s.execute(select(PostVariant.post_id, PostVariant.publish_state)).all())
        reason = s.scalar(select(PostVariant.last_error).where(PostVariant.post_id == missing))
        post_status = s.get(Post, missing).status
    assert states == {
        missing: "failed",
        text_only: "published",
        held: "sending",
        later: "published",
    }
    assert "perdue.jpg" in reason and "missing" in reason
    assert post_status == "failed"


def test_the_migration_moves_existing_local_files_into_the_database(tmp_path):
    """A database one revision behind, with a picture in the local media folder and one
    whose file is gone: the first is copied in by the upgrade, the second stays missing."""
    from alembic import command

    from app.db import Database
    from app.services.calendar.media_store import write_blob

    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = db._alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0012_moderation_push")
    kept = tmp_path / "media" / "kept.png"
    kept.parent.mkdir()
    kept.write_bytes(PICTURE)
    sha = hashlib.sha256(PICTURE).hexdigest()
    from sqlalchemy import column, insert, table

    from app.models import Client
    from app.models.base import UTCDateTime, utcnow

    # media_assets as it was at that revision (0031 added the description's columns)
    old_assets = table(
        "media_assets",
        *(column(n) for n in ("client_id", "sha256", "filename", "mime", "size", "path")),
        column("created_at", UTCDateTime()),
    )
    with db.session() as s:  # the clients table is the same at both revisions
        client = Client(name="Ancien", slug="ancien")
        s.add(client)
        s.flush()
        for digest, path in [(sha, kept), ("1" * 64, tmp_path / "gone.png")]:
            s.execute(
                insert(old_assets).values(
                    client_id=client.id,
                    sha256=digest,
                    filename=path.name,
                    mime="image/png",
                    size=1,
                    path=str(path),
                    created_at=utcnow(),
                )
            )
    db.upgrade()
    kept.unlink()  # from now on the database alone has it
    out = tmp_path / "back.png"
    assert write_blob(db, sha, out) and out.read_bytes() == PICTURE
    assert not write_blob(db, "1" * 64, tmp_path / "nothing.png")
    db.dispose()


@pytest.mark.postgres
def test_a_backup_carries_the_media_bytes_from_sqlite_to_postgresql(
    sqlite_db, pg_db, tribune_home, tmp_path
):
    from app.services.calendar.media_store import write_blob
    from app.services.clients import workspaces as clients
    from app.services.database import backup

    source = tmp_path / "clip.mp4"
    source.write_bytes(PICTURE * 2)  # 4.6 MB: five chunk rows
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Vidéos")
    with sqlite_db.session() as s:
        media = posts_media.store_media(s, client.id, source)
    summary = backup.write_backup(sqlite_db, tmp_path / "agency.zip")
    assert summary.tables["media_chunk"] == 5 and summary.tables["media_blob"] == 1
    backup.restore_backup(pg_db, tmp_path / "agency.zip")
    out = tmp_path / "restored.mp4"
    assert write_blob(pg_db, media.sha256, out)
    assert out.read_bytes() == PICTURE * 2

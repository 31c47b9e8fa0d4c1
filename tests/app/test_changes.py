"""The change feed in the core, on a real SQLite file and a real PostgreSQL server: every
committed write logs what it changed (ORM objects, Core statements, bulk inserts), a rollback
logs nothing, another process is another seat, and PostgreSQL notifies at commit only."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap

import pytest
from sqlalchemy import select, update

from app import changes
from app.connectors.contract import IncomingMessage
from app.db import bulk_insert
from app.models.changes import ChangeLog
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import triage as inbox_triage
from tests.conftest import db_url_of
from tests.harness import popen as forked

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _msg(ext: str) -> IncomingMessage:
    return IncomingMessage(
        network="facebook",
        external_id=ext,
        kind="comment",
        author=f"Auteur {ext}",
        author_handle=f"h{ext}",
        text="Bonjour",
        received_at=T0,
        in_reply_to="",
        url=f"https://example.org/{ext}",
    )


def _since(db, after=(0, 0)):
    with db.engine.connect() as conn:
        return changes.changes_since(conn, after)


def _mark(db) -> changes.Cursor:
    with db.engine.connect() as conn:
        return changes.start(conn)


def test_orm_writes_are_logged_with_client_ids_seat_and_actor(db):
    start = _mark(db)
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        b = clients.create_client(s, "Boulangerie").id
    got = _since(db, start)
    assert got.touches("clients", a) and got.touches("clients", b)
    assert {c.seat for c in got.changes} == {changes.SEAT}
    assert {c.actor for c in got.changes} == {"Camille Test"}

    with db.session() as s:
        inbox_ingest.ingest_messages(s, a, [_msg("1"), _msg("2")], now=T0)
    after_ingest = _since(db, got.cursor)
    assert after_ingest.touches("inbox", a) and not after_ingest.touches("inbox", b)
    with db.read() as s:
        ids = list(s.scalars(select(InboxMessage.id).where(InboxMessage.client_id == a)))

    with db.session() as s:
        inbox_triage.set_status(s, a, [ids[0]], "in_progress")
    status = _since(db, after_ingest.cursor)
    assert status.kinds() == {"inbox"}
    assert status.ids("inbox", a) == {ids[0]}
    assert status.by("inbox", a, ids[0]).actor == "Camille Test"
    assert not status.touches("inbox", b)


def test_core_update_bulk_insert_and_explicit_announce(db):
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(s, a, [_msg("1"), _msg("2"), _msg("3")], now=T0)
    start = _mark(db)
    with db.read() as s:
        ids = sorted(s.scalars(select(InboxMessage.id)))
    with db.session() as s:
        s.execute(
            update(InboxMessage)
            .where(InboxMessage.client_id == a, InboxMessage.id.in_(ids[:2]))
            .values(priority=2)
        )
    got = _since(db, start)
    assert got.ids("inbox", a) == set(ids[:2])

    table = ChangeLog.metadata.tables["metric_account_days"]
    with db.session() as s:
        acc_id = clients.add_account(s, a, "mastodon", "@aq", base_url="https://m.example").id
    mark = _mark(db)
    with db.session() as s:
        bulk_insert(
            s,
            table,
            [
                {"client_id": a, "account_id": acc_id, "day": dt.date(2026, 3, d), "followers": d}
                for d in (1, 2)
            ],
        )
        changes.announce(s, "sync", a, [acc_id])
    got = _since(db, mark)
    assert got.touches("metrics", a) and got.ids("sync", a) == {acc_id}


def test_a_rollback_logs_nothing_and_one_row_per_kind_and_client(db):
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
    start = _mark(db)
    with pytest.raises(RuntimeError), db.session() as s:
        inbox_ingest.ingest_messages(s, a, [_msg("9")], now=T0)
        raise RuntimeError("boom")
    assert not _since(db, start)
    with db.session() as s:
        inbox_ingest.ingest_messages(s, a, [_msg(str(n)) for n in range(20)], now=T0)
    got = _since(db, start)
    assert [(c.kind, c.client_id) for c in got.changes] == [("inbox", a)]


def test_another_process_is_another_seat(db):
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
    start = _mark(db)
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.clients import workspaces as clients
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            clients.update_client(s, {a}, sector="Fleurs")
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    got = _since(db, start)
    assert got.touches("clients", a)
    assert all(c.seat != changes.SEAT for c in got.changes)
    assert got.without_seat(changes.SEAT) == got


def test_recording_returns_what_this_thread_committed(db):
    with changes.recording() as mine, db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
    assert [(c.kind, c.client_id) for c in mine] == [("clients", a)]
    assert mine[0].id == _mark(db)[1]


def test_old_rows_are_pruned(db, monkeypatch):
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
    with db.session() as s:
        s.execute(update(ChangeLog).values(at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)))
    monkeypatch.setattr(changes, "_last_prune", 0.0)
    with db.session() as s:
        clients.update_client(s, a, sector="Fleurs")
    with db.read() as s:
        left = s.execute(select(ChangeLog.kind, ChangeLog.at)).all()
    assert [kind for kind, _at in left] == ["clients"]  # the new one; the old ones went
    assert left[0].at.year > 2020


@pytest.mark.postgres
def test_postgres_notifies_at_commit_only(pg_db):
    import psycopg

    url = db_url_of(pg_db).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute(f"LISTEN {changes.CHANNEL}")
        with pg_db.session() as s:
            clients.create_client(s, "Aquarelle")
            s.flush()
            assert list(listener.notifies(timeout=0.3, stop_after=1)) == []  # not yet
        got = list(listener.notifies(timeout=5, stop_after=1))
    assert [n.channel for n in got] == [changes.CHANNEL]
    assert int(got[0].payload) == _mark(pg_db)[1]


def test_a_section_is_a_charter_change_and_a_section_change(db):
    from app.services.charter import versions as charter

    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        doc = charter.ensure_charter(s, a)
    section = doc.section("context")
    start = _mark(db)
    with db.session() as s:
        charter.save_section(s, a, section.id, html="<p>Nouveau</p>")
    got = _since(db, start)
    assert got.ids("charter_section", a) == {section.id}
    assert got.ids("charter", a) == {doc.version.id}


def test_deleting_a_client_and_core_deletes_are_announced(db):
    from sqlalchemy import delete

    from app.models.inbox import SavedReply

    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(s, a, [_msg("1")], now=T0)
    start = _mark(db)
    with db.session() as s:
        s.execute(delete(SavedReply).where(SavedReply.client_id == a))
    assert _since(db, start).touches("inbox", a)
    mark = _mark(db)
    with db.session() as s:
        clients.delete_client(s, a, "Aquarelle")
    got = _since(db, mark)
    assert got.ids("clients", a) == {a}


def test_a_rolled_back_savepoint_keeps_what_the_transaction_did_before(db):
    from app.services.calendar import posts
    from app.services.calendar.posts import VariantInput

    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
    start = _mark(db)
    with db.session() as s:
        p = posts.create_post(s, a, planned_at=T0, variants=[VariantInput("mastodon", "A")])
        with pytest.raises(RuntimeError), s.begin_nested():  # a row of an import that fails
            posts.create_post(s, a, planned_at=T0, variants=[VariantInput("mastodon", "B")])
            raise RuntimeError("bad row")
    got = _since(db, start)
    assert p.id in got.ids("posts", a)

"""Four eyes for real: identities from the server, not names; a junior's reply waits for a
lead. Each person is their own login on the real PostgreSQL server."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from app.connectors.contract import IncomingMessage
from app.errors import PermissionDenied, ValidationError
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import moderation
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from app.services.people import admin, audit, releases
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from tests.harness.seats import seat_context

pytestmark = pytest.mark.postgres
agency = people_fixtures.agency
T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def staffed(agency):
    """Aquarelle, two messages, and five people granted it (plus Other, granted to nobody)."""
    boss = agency.db()
    with boss.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        clients.create_client(s, "Other")
        inbox_ingest.ingest_messages(
            s,
            cid,
            [
                IncomingMessage("mastodon", "1", "comment", "Troll", "troll", "Sale étranger", T0),
                IncomingMessage("mastodon", "2", "comment", "Ana", "ana", "Vous livrez ?", T0),
            ],
        )
        ids = {inbox.detail(s, cid, r.id).text: r.id for r in inbox.page(s, cid).rows}
        for who, name, role in (
            ("alice", "Alice Martin", "lead"),
            ("bruno", "Bruno Petit", "lead"),
            ("camille", "Camille Roux", "cm"),
            ("jules", "Jules Blanc", "junior"),
        ):
            admin.add_person(s, agency.login(who), name, role, PASSWORD, clients=["aquarelle"])
    boss.dispose()
    seats = {who: agency.db(who) for who in ("alice", "bruno", "camille", "jules")}
    yield agency, cid, ids, seats
    for db in seats.values():
        db.dispose()


def test_a_lead_cannot_approve_their_own_request_even_under_another_name(staffed, monkeypatch):
    agency, cid, ids, seats = staffed
    hate = ids["Sale étranger"]
    with seats["alice"].session() as s:
        inbox_triage.set_category(s, cid, [hate], "abuse")
        pending = moderation.request(s, cid, hate, "delete", "hate")
    assert pending.state == "pending" and pending.requested_by == "Alice Martin"
    # Alice renames herself: she is still the login that asked.
    monkeypatch.setenv("TRIBUNE_USER", "Bruno Petit")
    with pytest.raises(ValidationError, match="second person"), seats["alice"].session() as s:
        moderation.approve(s, cid, pending.id)
    # A community manager is a second person but not a lead: refused by the app …
    with pytest.raises(PermissionDenied, match="lead"), seats["camille"].session() as s:
        moderation.approve(s, cid, pending.id)
    # … and by the server when she tries it by hand.
    with agency.psql("camille") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "UPDATE inbox_moderation SET state = 'applied', decided_login = current_user,"
            " decided_by = 'Bruno Petit' WHERE id = %s",
            (pending.id,),
        )
    with agency.psql("alice") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(  # nor can Alice sign with Bruno's login
            "UPDATE inbox_moderation SET state = 'applied', decided_login = %s WHERE id = %s",
            (agency.login("bruno"), pending.id),
        )
    with seats["bruno"].session() as s:
        done = moderation.approve(s, cid, pending.id)
    assert (done.state, done.requested_by, done.decided_by) == (
        "applied",
        "Alice Martin",
        "Bruno Petit",
    )
    with seats["bruno"].read() as s:
        (entry,) = audit.entries(s, client_id=cid, action="inbox.moderation")
        assert inbox.detail(s, cid, hate).deleted
    assert entry.actor_login == agency.login("bruno")
    assert entry.details["requested_login"] == agency.login("alice")


def test_a_juniors_reply_leaves_only_once_a_lead_approves_it(staffed):
    agency, cid, ids, seats = staffed
    question = ids["Vous livrez ?"]
    with seats["jules"].session() as s:
        reply_id = inbox_replies.create_reply(s, cid, question, "Oui, partout en France.")
    with seats["jules"].read() as s:
        d = inbox.detail(s, cid, question)
        assert (d.status, d.first_answer_at) == ("in_progress", None)  # nothing left yet
    # Not selected for sending, whoever runs the sync.
    for who in ("jules", "camille", "alice"):
        with seats[who].read() as s:
            assert inbox_ingest.due_replies(s, cid) == [], who
    # The junior cannot release it himself, by the app or by hand.
    with seats["jules"].read() as s:
        (held,) = releases.pending(s, cid)
    assert (held.target_id, held.text) == (reply_id, "Oui, partout en France.")
    with pytest.raises(PermissionDenied), seats["jules"].session() as s:
        releases.approve(s, cid, held.id)
    with agency.psql("jules") as conn:
        cur = conn.execute(
            "UPDATE inbox_messages SET reply_state = 'queued' WHERE id = %s", (reply_id,)
        )
        assert cur.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO inbox_messages (client_id, network, external_id, kind, author,"
                " author_handle, text, received_at, in_reply_to, url, status, status_reason,"
                " category, sentiment, priority, tags, newcomer, ours, reply_state,"
                " reply_private, reply_error, hidden, deleted, author_banned, version)"
                " VALUES (%s, 'mastodon', 'sneaky', 'comment', 'x', '', 'Sneaky', now(), '', '',"
                " 'answered', '', 'other', 0, 0, '[]', false, true, 'queued', false, '', false,"
                " false, false, 1)",
                (cid,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE release_approvals SET state = 'approved'")
    with pytest.raises(PermissionDenied), seats["camille"].session() as s:
        releases.approve(s, cid, held.id)
    with seats["alice"].session() as s:
        done = releases.approve(s, cid, held.id)
    assert (done.requested_login, done.decided_login) == (
        agency.login("jules"),
        agency.login("alice"),
    )
    with seats["camille"].read() as s:
        assert [r.reply_id for r in inbox_ingest.due_replies(s, cid)] == [reply_id]
        d = inbox.detail(s, cid, question)
        assert d.status == "answered" and d.first_answer_at == done.decided_at
        (entry,) = audit.entries(s, client_id=cid, action="inbox.reply.release")
    assert (entry.details["written_by"], entry.details["approved_by"]) == (
        "Jules Blanc",
        "Alice Martin",
    )


def test_a_junior_cannot_approve_nor_schedule_a_post(staffed):
    from app.services.calendar import approval as posts_approval
    from app.services.calendar import posts
    from app.services.calendar.post_types import VariantInput

    agency, cid, _ids, seats = staffed
    with seats["jules"].session() as s:
        post = posts.create_post(
            s,
            cid,
            title="Printemps",
            planned_at=T0 + dt.timedelta(days=3),
            variants=[VariantInput("mastodon", "La collection de printemps est là")],
        )
        posts.set_status(s, cid, post.id, "in_review")
    with pytest.raises(PermissionDenied), seats["jules"].session() as s:
        posts_approval.record_decision(s, cid, post.id, True)
    with agency.psql("jules") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE posts SET status = 'scheduled' WHERE id = %s", (post.id,))
    with seats["alice"].session() as s:
        approved = posts_approval.record_decision(s, cid, post.id, True, decided_by="Cliente")
    assert approved.status == "approved"
    with pytest.raises(PermissionDenied), seats["jules"].session() as s:
        posts.set_status(s, cid, post.id, "scheduled")


def _approve_holding_the_lock(url, cid, action_id, locked, release):
    """A lead's seat in its own process: approves, then keeps the transaction open."""
    from app.db import Database
    from app.services.inbox import moderation

    db = Database(url)
    with db.session() as s:
        moderation.approve(s, cid, action_id)
        locked.set()
        release.wait(20)
    db.dispose()


def test_two_leads_approving_at_once_get_one_decision_and_one_clear_refusal(staffed):
    from app.errors import Conflict

    agency, cid, ids, seats = staffed
    hate = ids["Sale étranger"]
    with seats["camille"].session() as s:
        inbox_triage.set_category(s, cid, [hate], "abuse")
        pending = moderation.request(s, cid, hate, "delete", "hate")
    ctx = seat_context()
    locked, release = ctx.Event(), ctx.Event()
    bruno = ctx.Process(
        target=_approve_holding_the_lock,
        args=(agency.url_for("bruno"), cid, pending.id, locked, release),
    )
    bruno.start()
    try:
        assert locked.wait(60), "Bruno's seat did not get as far as the approval"
        import threading

        threading.Timer(1.0, release.set).start()  # Alice waits on the lock meanwhile
        with pytest.raises(Conflict, match="already decided"), seats["alice"].session() as s:
            moderation.approve(s, cid, pending.id)
    finally:
        release.set()
        bruno.join(30)
    assert bruno.exitcode == 0
    with seats["alice"].read() as s:
        (row,) = moderation.history(s, cid, hate)
    assert (row.state, row.decided_by) == ("applied", "Bruno Petit")

"""YouTube comments held for review: fetched from their own list, stored hidden with an entry
saying YouTube holds them, and decided by the charter's moderation rules — restored →
published, deleted by a rule → rejected, banned only when a rule allows it and someone chose
it — each sent once (two seats syncing at the same moment included), all in the audit trail.
Real HTTP on loopback against a local Google, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import select

from app.connectors.http import Http
from app.models import AuditEvent
from app.services.clients import workspaces as clients
from app.services.inbox import moderation
from app.services.inbox import reading as inbox
from app.services.inbox.held import HELD_RULE
from app.services.people import actor
from app.services.sync.engine import sync_client
from tests.conftest import db_url_of
from tests.harness.seats import seat_context
from tests.servers.google import CHANNEL, GoogleServer

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


def _sync(db, cid):
    return sync_client(
        db,
        cid,
        token_of=lambda cu, au: "yt-token",
        http=Http(httpx.Client(timeout=5), retries=0),
        now=NOW,
        samples=False,
    )


def _client(db, srv) -> int:
    srv.tokens.add("yt-token")
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        clients.add_account(s, cid, "youtube", CHANNEL, base_url=srv.base_url + "/youtube/v3")
    return cid


def _messages(db, cid) -> dict[str, tuple[int, bool]]:
    """{external id: (message id, hidden)} of every message, deleted ones included."""
    with db.read() as s:
        rows = inbox.page(s, cid, inbox.InboxFilter(include_deleted=True)).rows
        return {inbox.detail(s, cid, r.id).external_id: (r.id, r.hidden) for r in rows}


def _history(db, cid, mid):
    with db.read() as s:
        return [(m.action, m.rule_key, m.network_state) for m in moderation.history(s, cid, mid)]


def test_held_comments_come_in_hidden_and_the_charter_decides(db):
    with GoogleServer() as srv:
        cid = _client(db, srv)
        srv.add_comment(1, "Superbe vidéo !")
        srv.add_comment(2, "Gagnez un iPhone, cliquez ici", held=True)
        srv.add_comment(3, "Vous ouvrez le dimanche ?", held=True)
        srv.add_comment(4, "Propos haineux", held=True)
        assert _sync(db, cid).ok
        got = _messages(db, cid)
        assert {k: v[1] for k, v in got.items()} == {
            "Ugz1": False,
            "Ugz2": True,
            "Ugz3": True,
            "Ugz4": True,
        }
        question, spam, hate = got["Ugz3"][0], got["Ugz2"][0], got["Ugz4"][0]
        assert _history(db, cid, question) == [("hide", HELD_RULE, "done")]
        with db.read() as s:
            (held,) = moderation.history(s, cid, question)
        assert held.rule_label == "Held for review by YouTube"
        with db.read() as s:  # what the conversation shows under the message
            detail = inbox.detail(s, cid, question)
        assert detail.hidden
        assert detail.network_moderation == (("hide", "done", "Held for review by YouTube"),)
        assert _sync(db, cid).ok and len(_messages(db, cid)) == 4  # nothing twice
        assert srv.moderated == []  # nothing decided yet: nothing sent

        with db.session() as s:
            moderation.restore(s, cid, question, "Une vraie question de client")
            moderation.request(s, cid, spam, "delete", "spam")
            ban = moderation.request(s, cid, hate, "ban", "hate", note="récidive")
        previous = actor.current_actor()
        actor.set_current_actor("Nadia Chérif")  # the hate rule wants a second person
        try:
            with db.session() as s:
                moderation.approve(s, cid, ban.id)
        finally:
            actor.set_current_actor(previous)
        report = _sync(db, cid)
        assert report.ok and report.accounts[0].moderated == 3
        assert sorted(srv.moderated) == [
            ("Ugz2", "rejected", False),  # deleted: rejected, the author not banned
            ("Ugz3", "published", False),
            ("Ugz4", "rejected", True),  # a rule allowing a ban, chosen and approved
        ]
        assert _history(db, cid, question) == [("hide", HELD_RULE, "restored")]
        assert _messages(db, cid)["Ugz3"][1] is False
        # the published comment now shows in YouTube's public list: still one message
        assert _sync(db, cid).ok and len(_messages(db, cid)) == 4
        assert len(srv.moderated) == 3  # sent once
        with db.read() as s:
            actions = list(
                s.scalars(
                    select(AuditEvent.action).where(
                        AuditEvent.client_id == cid, AuditEvent.target_id == str(question)
                    )
                )
            )
        assert actions.count("inbox.moderation.held") == 1
        assert "inbox.moderation.restore" in actions
        assert actions.count("inbox.moderation.network") == 1


def test_a_deleted_comment_is_rejected_without_banning_its_author(db):
    with GoogleServer() as srv:
        cid = _client(db, srv)
        srv.add_comment(1, "Gagnez un iPhone, cliquez ici")  # public, then deleted by rule
        assert _sync(db, cid).ok
        (mid, hidden) = _messages(db, cid)["Ugz1"]
        assert hidden is False and _history(db, cid, mid) == []
        with db.session() as s:
            moderation.request(s, cid, mid, "delete", "spam")
        assert _sync(db, cid).ok
        assert srv.moderated == [("Ugz1", "rejected", False)]


def _seat(url: str, cid: int, base: str, start, out) -> None:
    from app.connectors.http import Http
    from app.db import Database
    from app.services.sync.engine import sync_client

    db = Database(url)
    try:
        start.wait(120)  # both seats ready: they sync at the same instant
        report = sync_client(
            db,
            cid,
            token_of=lambda cu, au: "yt-token",
            http=Http(retries=0),
            now=NOW,
            samples=False,
        )
        out.put(("ok", sum(a.moderated for a in report.accounts)))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def test_two_seats_syncing_at_once_publish_a_held_comment_once(db):
    with GoogleServer() as srv:
        cid = _client(db, srv)
        srv.add_comment(5, "Vous ouvrez le dimanche ?", held=True)
        assert _sync(db, cid).ok
        (mid, _hidden) = _messages(db, cid)["Ugz5"]
        with db.session() as s:
            moderation.restore(s, cid, mid, "Une vraie question de client")
        ctx = seat_context()
        out = ctx.Queue()
        start = ctx.Barrier(2)
        procs = [
            ctx.Process(target=_seat, args=(db_url_of(db), cid, srv.base_url, start, out))
            for _ in range(2)
        ]
        for p in procs:
            p.start()
        results = [out.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(30)
        assert all(r[0] == "ok" for r in results), results
        assert sorted(r[1] for r in results) == [0, 1]
        assert srv.moderated == [("Ugz5", "published", False)]
        assert _history(db, cid, mid) == [("hide", HELD_RULE, "restored")]

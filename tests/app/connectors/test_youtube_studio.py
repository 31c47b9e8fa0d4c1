"""A held YouTube comment decided in YouTube Studio, not in Tribune: at the next sync it leaves
the held state — published there, it shows in the inbox's normal list; rejected there, it is
deleted (the original kept) — once, in the audit trail, nothing sent to YouTube. The held
entry's words are translated for the reader, not stored in the syncing seat's language.
Real HTTP on loopback against a local Google, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import func, select

from app.connectors.http import Http
from app.i18n import install_translators
from app.models import AuditEvent
from app.models.inbox import ModerationAction
from app.services.clients import workspaces as clients
from app.services.inbox import moderation
from app.services.inbox import reading as inbox
from app.services.inbox.held import HELD_RULE
from app.services.sync.engine import sync_client
from tests.servers.google import CHANNEL, GoogleServer

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


def _sync(db, cid):
    report = sync_client(
        db,
        cid,
        token_of=lambda cu, au: "yt-token",
        http=Http(httpx.Client(timeout=5), retries=0),
        now=NOW,
        samples=False,
    )
    assert report.ok, report
    return report


def _client(db, srv) -> int:
    srv.tokens.add("yt-token")
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        clients.add_account(s, cid, "youtube", CHANNEL, base_url=srv.base_url + "/youtube/v3")
    return cid


def _inbox(db, cid, **flt) -> dict[str, tuple[int, bool]]:
    """{external id: (message id, hidden)} of the messages the filter lists."""
    with db.read() as s:
        rows = inbox.page(s, cid, inbox.InboxFilter(**flt)).rows
        return {inbox.detail(s, cid, r.id).external_id: (r.id, r.hidden) for r in rows}


def _history(db, cid, mid):
    with db.read() as s:
        return [(m.action, m.rule_key, m.network_state) for m in moderation.history(s, cid, mid)]


def _decided_events(db, cid) -> list[dict]:
    with db.read() as s:
        return list(
            s.scalars(
                select(AuditEvent.details).where(
                    AuditEvent.client_id == cid,
                    AuditEvent.action == "inbox.moderation.network_decided",
                )
            )
        )


def test_a_held_comment_decided_in_youtube_studio_leaves_the_held_state(db):
    with GoogleServer() as srv:
        cid = _client(db, srv)
        srv.add_comment(1, "Superbe vidéo !")
        srv.add_comment(2, "Vous ouvrez le dimanche ?", held=True)
        srv.add_comment(3, "Gagnez un iPhone", held=True)
        srv.add_comment(4, "Et le lundi ?", held=True)
        _sync(db, cid)
        got = _inbox(db, cid, include_deleted=True)
        assert {k: v[1] for k, v in got.items()} == {
            "Ugz1": False,
            "Ugz2": True,
            "Ugz3": True,
            "Ugz4": True,
        }
        question, spam, other = got["Ugz2"][0], got["Ugz3"][0], got["Ugz4"][0]

        srv.decide_in_studio(2, "published")  # the owner, in YouTube Studio
        srv.decide_in_studio(3, "rejected")
        _sync(db, cid)
        shown = _inbox(db, cid)  # the normal list
        assert shown["Ugz2"] == (question, False)
        assert "Ugz3" not in shown
        assert _inbox(db, cid, include_deleted=True)["Ugz3"] == (spam, True)
        assert _history(db, cid, question) == [("hide", HELD_RULE, "restored")]
        assert _history(db, cid, spam) == [("hide", HELD_RULE, "rejected")]
        assert _history(db, cid, other) == [("hide", HELD_RULE, "done")]  # still held
        with db.read() as s:
            assert inbox.detail(s, cid, question).network_moderation[0][:2] == (
                "hide",
                "restored",
            )
            assert inbox.detail(s, cid, other).network_moderation == (
                ("hide", "done", "Held for review by YouTube"),
            )
        # asked by id, in one request, only for what left the held list
        (lookup,) = srv.requests_to("/youtube/v3/comments")
        (ids,) = [p[3:] for p in lookup[3].replace("%2C", ",").split("&") if p[:3] == "id="]
        assert sorted(ids.split(",")) == ["Ugz2", "Ugz3"]
        assert srv.moderated == []  # YouTube decided: nothing sent back

        _sync(db, cid)  # nothing twice
        assert sorted(e["decision"] for e in _decided_events(db, cid)) == [
            "published",
            "rejected",
        ]
        assert len(srv.requests_to("/youtube/v3/comments")) == 1
        assert len(_inbox(db, cid, include_deleted=True)) == 4


def test_a_comment_published_in_studio_is_stored_when_tribune_never_saw_it(db):
    with GoogleServer() as srv:
        cid = _client(db, srv)
        srv.add_comment(2, "Vous ouvrez le dimanche ?", held=True)
        _sync(db, cid)
        with db.session() as s:  # gone from the inbox (a purge, another client's import…)
            s.execute(ModerationAction.__table__.delete())
            s.execute(inbox.InboxMessage.__table__.delete())
        srv.decide_in_studio(2, "published")
        _sync(db, cid)
        assert _inbox(db, cid)["Ugz2"][1] is False


def test_the_held_words_are_the_readers_language_not_the_syncing_seats(db):
    with GoogleServer() as srv:
        cid = _client(db, srv)
        srv.add_comment(2, "Vous ouvrez le dimanche ?", held=True)
        install_translators("fr")  # the seat that syncs speaks French
        try:
            _sync(db, cid)
        finally:
            install_translators("en")
        with db.read() as s:
            stored = s.scalars(select(ModerationAction.rule_label)).one()
            (mid,) = [r.id for r in inbox.page(s, cid, inbox.InboxFilter()).rows]
            english = inbox.detail(s, cid, mid).network_moderation
            (entry,) = moderation.history(s, cid, mid)
        assert stored == "Held for review by YouTube"  # stored once, in the source language
        assert english == (("hide", "done", "Held for review by YouTube"),)
        assert entry.rule_label == "Held for review by YouTube"
        install_translators("fr")  # a French reader
        try:
            with db.read() as s:
                french = inbox.detail(s, cid, mid).network_moderation
                (entry,) = moderation.history(s, cid, mid)
        finally:
            install_translators("en")
        assert french == (("hide", "done", "Retenu pour examen par YouTube"),)
        assert entry.rule_label == "Retenu pour examen par YouTube"
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(ModerationAction)) == 1


def test_a_restore_waiting_for_the_sync_yields_to_a_rejection_in_studio(db):
    """Restored in Tribune (to be published at the next sync) but rejected in Studio first:
    the sync takes YouTube's decision and sends nothing for a comment that is gone."""
    with GoogleServer() as srv:
        cid = _client(db, srv)
        srv.add_comment(5, "Vous ouvrez le dimanche ?", held=True)
        _sync(db, cid)
        (mid, _hidden) = _inbox(db, cid, include_deleted=True)["Ugz5"]
        with db.session() as s:
            moderation.restore(s, cid, mid, "Une vraie question de client")
        assert _history(db, cid, mid) == [("hide", HELD_RULE, "unhide")]
        srv.decide_in_studio(5, "rejected")
        report = _sync(db, cid)
        assert report.accounts[0].moderated == 0 and srv.moderated == []
        assert _history(db, cid, mid) == [("hide", HELD_RULE, "rejected")]
        assert "Ugz5" not in _inbox(db, cid)
        assert [e["decision"] for e in _decided_events(db, cid)] == ["rejected"]

"""YouTube: the channel connected with the agency's Google app, the comments on its videos
into the inbox, answered once — against a local Google speaking the Data API v3."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from app import secrets
from app.connectors.base import AccountRef, NotSupported
from app.connectors.contract import ModerationToSend, ReplyToSend
from app.connectors.http import Http
from app.connectors.youtube import YouTubeConnector
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.clients.connect import add_candidates, business_candidates
from app.services.inbox import replies as inbox_replies
from app.services.people import agency
from app.services.sync.engine import sync_client
from tests.servers.business import AnyBrowser
from tests.servers.google import CHANNEL, GoogleServer


@pytest.fixture
def channel(real_keyring, sqlite_db):
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Dupré")
    with GoogleServer() as srv:
        srv.register("agency-google", "google-secret")
        with sqlite_db.session() as s:
            agency.set_app_id(s, "google", "agency-google")
        agency.set_app_secret("google", "google-secret")
        browser = AnyBrowser()
        found = business_candidates(
            sqlite_db,
            "youtube",
            open_browser=browser,
            base_url=srv.base_url + "/youtube/v3",
            http=Http(retries=0),
            timeout=10,
        )
        assert [(c.network, c.id, c.name) for c in found] == [("youtube", CHANNEL, "Dupré TV")]
        assert "youtube.force-ssl" in browser.opened[0]
        (account,) = add_candidates(sqlite_db, client.id, found)
        yield sqlite_db, client, account, srv


def _sync(db, client):
    return sync_client(db, client.id, http=Http(httpx.Client(timeout=5), retries=0), samples=False)


def _comments(db):
    with db.read() as s:
        return [
            (m.id, m.kind, m.author, m.text, m.url)
            for m in s.scalars(
                select(InboxMessage)
                .where(InboxMessage.network == "youtube", InboxMessage.ours.is_(False))
                .order_by(InboxMessage.received_at)
            )
        ]


def test_comments_arrive_and_are_answered_once(channel):
    db, client, account, srv = channel
    stored = json.loads(secrets.account_token(client.uid, account.uid))
    assert stored["refresh_token"] and stored["client_secret"] == "google-secret"
    srv.add_comment(1, "La recette de la fougasse ?")
    srv.add_comment(2, "Merci à tous !", ours=True)  # ours: not in the inbox
    srv.add_comment(3, "Vous livrez à Aubagne ?", author="Chloé")
    assert _sync(db, client).ok
    rows = _comments(db)
    assert [r[1:4] for r in rows] == [
        ("comment", "Fan de pain", "La recette de la fougasse ?"),
        ("comment", "Chloé", "Vous livrez à Aubagne ?"),
    ]
    assert rows[1][4] == "https://www.youtube.com/watch?v=vid1&lc=Ugz3"
    assert _sync(db, client).ok and len(_comments(db)) == 2
    with db.session() as s:
        inbox_replies.create_reply(s, client.id, rows[1][0], "Oui, le mardi et le vendredi.")
    report = _sync(db, client)
    assert report.ok and report.accounts[0].replies == 1
    assert [r["snippet"]["parentId"] for r in srv.yt_replies] == ["Ugz3"]
    assert _sync(db, client).ok and len(srv.yt_replies) == 1


def test_an_answer_a_stopped_seat_sent_is_found_not_resent():
    with GoogleServer() as srv, Http(retries=0) as http:
        srv.tokens.add("tok")
        srv.add_comment(3, "Vous livrez ?")
        account = AccountRef(1, 1, "youtube", CHANNEL, srv.base_url + "/youtube/v3", "tok")
        yt = YouTubeConnector(account, http)
        answer = ReplyToSend(7, 1, "youtube", 1, "Ugz3", "Oui, le mardi.", "k")
        assert yt.find_reply(answer, None) is None
        sent = yt.reply(answer)
        assert yt.find_reply(answer, None).external_id == sent.external_id
        assert len(srv.yt_replies) == 1


def test_moderation_by_charter_rule_reaches_youtube():
    with GoogleServer() as srv, Http(retries=0) as http:
        srv.tokens.add("tok")
        account = AccountRef(1, 1, "youtube", CHANNEL, srv.base_url + "/youtube/v3", "tok")
        yt = YouTubeConnector(account, http)
        for action in ("hide", "unhide", "delete", "ban"):
            yt.moderate(ModerationToSend(1, 1, "youtube", 1, action, "Ugz9", "UCfan9", "insult"))
        assert srv.moderated == [
            ("Ugz9", "heldForReview", False),
            ("Ugz9", "published", False),
            ("Ugz9", "rejected", False),
            ("Ugz9", "rejected", True),
        ]
        with pytest.raises(NotSupported):
            yt.moderate(ModerationToSend(1, 1, "youtube", 1, "report", "Ugz9", "UCfan9"))

"""Threads: connected with the agency's Threads app in the browser (long-lived token in the
real keyring), posts published once, replies into the inbox and answered once, the token
renewed before it ends and sent to the Threads host only, insights as metrics — against a
local Threads API over loopback HTTP."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from sqlalchemy import select

from app import secrets
from app.connectors.base import AccountRef, AuthError, BadResponse, Rejected
from app.connectors.contract import DueVariant, MediaRef, ModerationToSend, ReplyToSend
from app.connectors.http import Http
from app.connectors.oauth_flow import AuthorizationError
from app.connectors.threads import ThreadsConnector
from app.connectors.threads_auth import secret_of
from app.models.inbox import InboxMessage
from app.models.sync import PublishAttempt
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.clients.connect import add_candidates, business_candidates
from app.services.inbox import replies as inbox_replies
from app.services.people import agency
from app.services.sync.engine import sync_client
from tests.servers.base import LoopbackServer
from tests.servers.business import AnyBrowser
from tests.servers.threads import USER, USERNAME, ThreadsServer

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def any_loopback_port(monkeypatch):
    monkeypatch.setenv("TRIBUNE_OAUTH_PORT", "0")


def _connector(srv, token, *, saved=None, expires=None):
    secret = secret_of(token, expires.isoformat()) if expires else token
    account = AccountRef(1, 1, "threads", USER, srv.base_url + "/v1.0", secret, save_token=saved)
    return ThreadsConnector(account, Http(httpx.Client(timeout=5), retries=0))


def _token(srv) -> str:
    token = "THlong-test"
    srv.long_lived.add(token)
    return token


def _variant(text, media=(), link=""):
    return DueVariant(1, 1, 1, "threads", 1, text, NOW, "k1", tuple(media), link)


# -- connecting -------------------------------------------------------------------------------
def test_connect_in_the_browser_keeps_a_long_lived_token_in_the_keyring(real_keyring, sqlite_db):
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Dupré")
        agency.set_app_id(s, "threads", "threads-app")
    agency.set_app_secret("threads", "threads-secret")
    with ThreadsServer() as srv:
        srv.register("threads-app", "threads-secret")
        browser = AnyBrowser()
        found = business_candidates(
            sqlite_db,
            "threads",
            open_browser=browser,
            base_url=srv.base_url + "/v1.0",
            http=Http(retries=0),
            timeout=10,
        )
        assert [(c.network, c.id, c.name) for c in found] == [("threads", USER, USERNAME)]
        opened = browser.opened[0]
        assert opened.startswith(srv.base_url + "/oauth/authorize?")
        for scope in ("threads_basic", "threads_content_publish", "threads_read_replies"):
            assert scope in opened
        (account,) = add_candidates(sqlite_db, client.id, found)
        stored = json.loads(secrets.account_token(client.uid, account.uid))
        # the long-lived token (not the short one the code gave), with its end
        assert stored["access_token"] in srv.long_lived
        assert stored["access_token"] not in srv.tokens
        ends = dt.datetime.fromisoformat(stored["expires_at"]) - dt.datetime.now(dt.UTC)
        assert dt.timedelta(days=59) < ends <= dt.timedelta(days=60)
        assert "threads-secret" not in json.dumps(stored)  # the app secret stays apart


@pytest.mark.parametrize("problem", ["denied", "wrong secret"])
def test_a_failed_connection_changes_nothing(real_keyring, sqlite_db, problem):
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Dupré")
        agency.set_app_id(s, "threads", "threads-app")
    agency.set_app_secret("threads", "threads-secret" if problem == "denied" else "other")
    with ThreadsServer() as srv:
        srv.register("threads-app", "threads-secret")
        with pytest.raises(AuthorizationError):
            business_candidates(
                sqlite_db,
                "threads",
                open_browser=AnyBrowser(approve=problem != "denied"),
                base_url=srv.base_url + "/v1.0",
                http=Http(retries=0),
                timeout=10,
            )
        assert not srv.long_lived
    with sqlite_db.read() as s:
        assert clients.list_accounts(s, client.id) == []


# -- publishing -------------------------------------------------------------------------------
def test_text_and_image_posts_are_published_in_two_steps():
    with ThreadsServer(wait_polls=2) as srv:
        threads = _connector(srv, _token(srv))
        threads.http.sleep = lambda s: None
        sent = threads.publish(_variant("Fougasse du jour", link="https://dupre.example"))
        assert srv.published[0]["media_type"] == "TEXT"
        assert srv.published[0]["text"] == "Fougasse du jour\nhttps://dupre.example"
        assert sent.url == f"https://www.threads.net/@{USERNAME}/post/{sent.external_id}"
        image = MediaRef("https://cdn.dupre.example/f.jpg", "image/jpeg", "0" * 64, "Une fougasse")
        threads.publish(_variant("En image", [image]))
        assert srv.published[1]["media_type"] == "IMAGE"
        assert srv.published[1]["image_url"] == image.path
        assert srv.published[1]["alt_text"] == "Une fougasse"
        # each container was looked at until FINISHED before threads_publish
        assert all(c["looks"] == 3 for c in srv.containers.values())


def test_what_threads_would_refuse_is_refused_before_sending():
    with ThreadsServer() as srv:
        threads = _connector(srv, _token(srv))
        with pytest.raises(Rejected, match="501"):
            threads.publish(_variant("é" * 501))
        local = MediaRef("/tmp/f.jpg", "image/jpeg", "0" * 64)
        with pytest.raises(Rejected, match="public https address"):
            threads.publish(_variant("Photo", [local]))
        assert not srv.containers


def test_a_container_threads_could_not_prepare_is_a_refusal():
    with ThreadsServer() as srv:
        srv.fail_container = "Image could not be downloaded"
        threads = _connector(srv, _token(srv))
        image = MediaRef("https://cdn.dupre.example/404.jpg", "image/jpeg", "0" * 64)
        with pytest.raises(Rejected, match="could not be downloaded"):
            threads.publish(_variant("Photo", [image]))
        assert not srv.published


def test_after_a_crash_the_post_is_found_not_published_again():
    with ThreadsServer() as srv:
        threads = _connector(srv, _token(srv))
        variant = _variant("Portes ouvertes samedi")
        since = srv.clock
        assert threads.find_published(variant, since) is None
        sent = threads.publish(variant)
        found = threads.find_published(variant, since)
        assert found.external_id == sent.external_id and found.url == sent.url
        assert len(srv.published) == 1


def _scheduled(db, base_url, text, first=""):
    with db.session() as s:
        c = clients.create_client(s, "Boulangeries Dupré")
        clients.add_account(s, c.id, "threads", USER, base_url=base_url)
        p = posts.create_post(
            s,
            c.id,
            planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
            variants=[VariantInput("threads", text, first_comment=first)],
            title="Portes ouvertes",
            category="produit",
            status="approved",
        )
    with db.session() as s:
        posts.set_status(s, c.id, p.id, "scheduled")
    return c


def _sync(db, client, token, *, saver=None):
    return sync_client(
        db,
        client.id,
        http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
        token_of=lambda cu, au: token,
        token_saver=saver or (lambda cu, au, t: None),
        samples=False,
    )


def test_the_calendar_publishes_once_with_its_first_comment(db):
    with ThreadsServer() as srv:
        client = _scheduled(db, srv.base_url + "/v1.0", "Portes ouvertes 🥐", "Adresses en bio")
        token = _token(srv)
        assert _sync(db, client, token).ok
        post, comment = srv.published
        assert (post["text"], comment["text"]) == ("Portes ouvertes 🥐", "Adresses en bio")
        assert comment["reply_to_id"] == post["id"]
        assert _sync(db, client, token).ok
        assert len(srv.published) == 2  # nothing again at the next sync
        with db.read() as s:
            states = [(a.kind, a.state) for a in s.scalars(select(PublishAttempt))]
        assert sorted(states) == [("comment", "sent"), ("post", "sent")]


# -- replies ----------------------------------------------------------------------------------
def _inbox(db):
    with db.read() as s:
        rows = s.scalars(
            select(InboxMessage)
            .where(InboxMessage.network == "threads", InboxMessage.ours.is_(False))
            .order_by(InboxMessage.received_at)
        )
        return [(m.id, m.external_id, m.author, m.text, m.in_reply_to) for m in rows]


def test_replies_arrive_threaded_and_are_answered_once(sqlite_db):
    with ThreadsServer() as srv:
        srv.add_post("p1", "Fougasse du jour")
        srv.add_reply("r1", "Encore chaude ?", "lea.m", "p1", "p1", "2026-11-19T11:00:00+0000")
        srv.add_reply("r2", "Oui !", USERNAME, "r1", "p1", "2026-11-19T11:05:00+0000")  # ours
        srv.add_reply("r3", "Je passe à 17 h", "lea.m", "r2", "p1", "2026-11-19T11:10:00+0000")
        srv.add_reply("r4", "", "chloe", "p1", "p1", "2026-11-19T11:20:00+0000", "IMAGE")
        client = _scheduled(sqlite_db, srv.base_url + "/v1.0", "unused")
        token = _token(srv)
        assert _sync(sqlite_db, client, token).ok
        rows = _inbox(sqlite_db)
        assert [r[1:] for r in rows] == [
            ("r1", "lea.m", "Encore chaude ?", "p1"),
            ("r3", "lea.m", "Je passe à 17 h", "r2"),
            ("r4", "chloe", "[media: IMAGE]", "p1"),
        ]
        # the conversation came in pages of two, all followed
        assert len(srv.requests_to("/conversation")) >= 2
        with sqlite_db.session() as s:
            inbox_replies.create_reply(s, client.id, rows[1][0], "À tout à l'heure !")
        assert _sync(sqlite_db, client, token).ok
        answers = [p for p in srv.published if p.get("reply_to_id")]
        assert [(a["reply_to_id"], a["text"]) for a in answers] == [("r3", "À tout à l'heure !")]
        assert _sync(sqlite_db, client, token).ok
        assert len([p for p in srv.published if p.get("reply_to_id")]) == 1
        assert len(_inbox(sqlite_db)) == 3  # our answer is not read back as theirs


def test_an_answer_a_stopped_seat_sent_is_found_and_hiding_reaches_threads():
    with ThreadsServer() as srv:
        srv.add_post("p1", "Fougasse")
        srv.add_reply("r1", "Miam", "lea.m", "p1", "p1", "2026-11-19T11:00:00+0000")
        threads = _connector(srv, _token(srv))
        answer = ReplyToSend(7, 1, "threads", 1, "r1", "Merci Léa", "k")
        assert threads.find_reply(answer, NOW) is None
        sent = threads.reply(answer)
        assert threads.find_reply(answer, NOW).external_id == sent.external_id
        threads.moderate(ModerationToSend(1, 1, "threads", 1, "hide", "r1", "@lea.m"))
        assert srv.hidden == {"r1": True}


def test_the_token_never_follows_a_page_to_another_host():
    with ThreadsServer() as srv, LoopbackServer() as elsewhere:
        srv.other_host = elsewhere.base_url
        srv.add_post("p1", "Fougasse")
        for n in range(3):
            srv.add_reply(f"r{n}", "?", "lea.m", "p1", "p1", f"2026-11-19T11:0{n}:00+0000")
        threads = _connector(srv, _token(srv))
        with pytest.raises(BadResponse, match="another host"):
            threads.fetch({})
        assert elsewhere.log == []


# -- the token ----------------------------------------------------------------------------------
def test_the_token_is_renewed_in_its_last_week_and_kept(time_machine):
    time_machine.move_to(NOW, tick=False)
    with ThreadsServer() as srv:
        saved = []
        old = _token(srv)
        threads = _connector(srv, old, saved=saved.append, expires=NOW + dt.timedelta(days=3))
        assert threads.check().display_name == USERNAME
        assert srv.refreshed == 1
        kept = json.loads(saved[-1])
        assert kept["access_token"] != old and kept["access_token"] in srv.long_lived
        assert dt.datetime.fromisoformat(kept["expires_at"]) > NOW + dt.timedelta(days=59)
        # requests after the renewal carry the new token
        assert srv.log[-1][2]["authorization"] == "Bearer " + kept["access_token"]
        fresh = _connector(srv, old, saved=saved.append, expires=NOW + dt.timedelta(days=30))
        fresh.check()
        assert srv.refreshed == 1  # a month left: not renewed


def test_an_ended_token_asks_to_reconnect_without_calling_threads(time_machine):
    time_machine.move_to(NOW, tick=False)
    with ThreadsServer() as srv:
        threads = _connector(srv, _token(srv), expires=NOW - dt.timedelta(hours=1))
        with pytest.raises(AuthError, match="reconnect"):
            threads.check()
        assert srv.log == []
        srv.expired.add("THlong-test")
        with pytest.raises(AuthError):
            _connector(srv, "THlong-test").check()


# -- numbers ----------------------------------------------------------------------------------
def test_insights_become_post_and_account_samples():
    with ThreadsServer() as srv:
        srv.add_post("p1", "Fougasse")
        threads = _connector(srv, _token(srv))
        (post,) = threads.post_samples(["p1"], NOW.date())
        assert (post.impressions, post.reactions, post.comments, post.shares) == (1500, 42, 7, 5)
        (acc,) = threads.account_samples(NOW.date())
        assert (acc.followers, acc.impressions, acc.engagements) == (321, 120, 16)
        query = srv.requests_to("threads_insights")[0][3]
        assert f"since={int(dt.datetime(2026, 11, 20, tzinfo=dt.UTC).timestamp())}" in query

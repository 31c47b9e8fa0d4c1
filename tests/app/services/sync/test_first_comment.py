"""The first comment goes out once, after its post, as an answer to it — on X, Bluesky,
Mastodon and LinkedIn through the sync's publishing queue, Instagram through its connector —
against local servers; a seat stopped mid-comment is recovered by a look-up, not a resend."""

from __future__ import annotations

import datetime as dt
import json

import httpx
from sqlalchemy import select, update

from app.connectors.base import AccountRef
from app.connectors.contract import ReplyToSend
from app.connectors.http import Http
from app.connectors.instagram import InstagramConnector
from app.models.sync import PublishAttempt
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.sync import publish_comments
from app.services.sync.engine import sync_client
from tests.servers.bluesky import BlueskyServer
from tests.servers.graph import GraphServer
from tests.servers.linkedin import ORG, LinkedInServer
from tests.servers.x import XServer

POST = "Portes ouvertes samedi 🥐"
FIRST = "Toutes les adresses : https://dupre.example/boutiques"


def _due(db, network, handle, base_url, first=FIRST):
    with db.session() as s:
        c = clients.create_client(s, "Boulangeries Dupré")
        clients.add_account(s, c.id, network, handle, base_url=base_url)
        p = posts.create_post(
            s,
            c.id,
            planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
            variants=[VariantInput(network, POST, first_comment=first)],
            title="Portes ouvertes",
            category="produit",
            status="approved",
        )
    with db.session() as s:
        posts.set_status(s, c.id, p.id, "scheduled")
    return c.id


def _sync(db, cid, token):
    return sync_client(
        db,
        cid,
        http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
        token_of=lambda cu, au: token,
        samples=False,
    )


def _attempts(db):
    with db.read() as s:
        return [
            (a.kind, a.state) for a in s.scalars(select(PublishAttempt).order_by(PublishAttempt.id))
        ]


def test_x_first_comment_answers_the_post_once(db):
    with XServer() as srv:
        cid = _due(db, "x", "nuagelogiciel", srv.base_url)
        report = _sync(db, cid, "x-user-token")
        assert report.ok, report
        post, comment = srv.tweets
        assert (post["text"], comment["text"]) == (POST, FIRST)
        assert comment["payload"]["reply"] == {"in_reply_to_tweet_id": post["id"]}
        assert _attempts(db) == [("post", "sent"), ("comment", "sent")]
        assert _sync(db, cid, "x-user-token").ok
        assert len(srv.tweets) == 2  # nothing again at the next sync


def test_bluesky_first_comment_is_a_reply_record_to_the_post(sqlite_db):
    with BlueskyServer() as srv:
        cid = _due(sqlite_db, "bluesky", "marque.bsky.social", srv.base_url)
        assert _sync(sqlite_db, cid, "app-pass-1234").ok
        records = list(srv.records.values())
        assert [r["text"] for r in records] == [POST, FIRST]
        (post_key,) = [k for k, r in srv.records.items() if r["text"] == POST]
        assert records[1]["reply"]["parent"]["uri"].endswith(f"/app.bsky.feed.post/{post_key}")
        assert records[1]["reply"]["root"] == records[1]["reply"]["parent"]
        # read from our own repository, not the AppView that may not have indexed it yet
        assert not srv.requests_to("app.bsky.feed.getPosts")


def test_linkedin_first_comment_is_the_organisation_commenting_its_post(sqlite_db):
    with LinkedInServer() as srv:
        cid = _due(sqlite_db, "linkedin", ORG, srv.base_url)
        assert _sync(sqlite_db, cid, "li-token").ok
        post, comment = srv.created[-2:]
        assert post["commentary"] == POST
        assert comment["message"]["text"] == FIRST and comment["actor"] == ORG
        assert comment["object"].startswith("urn:li:share:")


def test_mastodon_first_comment_replies_to_the_status(sqlite_db):
    from tests.servers.mastodon_mock_server import MockServer

    with MockServer() as srv:
        cid = _due(sqlite_db, "mastodon", "alice", srv.base_url)
        assert _sync(sqlite_db, cid, "alice_token").ok
        h = {"Authorization": "Bearer alice_token"}
        me = httpx.get(srv.base_url + "/api/v1/accounts/verify_credentials", headers=h).json()
        rows = httpx.get(f"{srv.base_url}/api/v1/accounts/{me['id']}/statuses", headers=h).json()
        by_text = {r["content"]: r for r in rows}
        post = next(r for t, r in by_text.items() if "Portes ouvertes" in t)
        comment = next(r for t, r in by_text.items() if "adresses" in t)
        assert len(rows) == 2
        assert comment["in_reply_to_id"] == post["id"]


def test_instagram_first_comment_is_a_comment_on_the_media():
    with GraphServer() as srv, Http(retries=0) as http:
        account = AccountRef(1, 1, "instagram", "17841", srv.base_url + "/v21.0", "page-token-xyz")
        connector = InstagramConnector(account, http)
        comment = ReplyToSend(1, 1, "instagram", 1, "ig_new", FIRST, "k:c")
        sent = connector.first_comment(comment)
        assert srv.published[-1] == {"id": sent.external_id, "parent": "ig_new", "message": FIRST}
        assert [r for r in srv.log if r[0] == "POST"][-1][1] == "/v21.0/ig_new/comments"


def test_no_first_comment_no_comment(sqlite_db):
    with XServer() as srv:
        cid = _due(sqlite_db, "x", "nuagelogiciel", srv.base_url, first="")
        assert _sync(sqlite_db, cid, "x-user-token").ok
        assert [t["text"] for t in srv.tweets] == [POST]
        assert _attempts(sqlite_db) == [("post", "sent")]


def test_a_comment_whose_seat_stopped_is_looked_up_not_sent_twice(sqlite_db, monkeypatch):
    with XServer() as srv:
        cid = _due(sqlite_db, "x", "nuagelogiciel", srv.base_url)
        real = publish_comments._close

        def power_cut(db, attempt_id, **values):
            if values.get("state") == "sent":
                raise RuntimeError("power cut after the network took the comment")
            real(db, attempt_id, **values)

        monkeypatch.setattr(publish_comments, "_close", power_cut)
        assert not _sync(sqlite_db, cid, "x-user-token").ok
        assert [t["text"] for t in srv.tweets] == [POST, FIRST]
        assert _attempts(sqlite_db) == [("post", "sent"), ("comment", "sending")]
        monkeypatch.setattr(publish_comments, "_close", real)
        # still leased by this seat: the next sync leaves it alone
        assert _sync(sqlite_db, cid, "x-user-token").ok
        assert _attempts(sqlite_db)[-1] == ("comment", "sending")
        posts_before = len([r for r in srv.log if r[0] == "POST" and r[1] == "/2/tweets"])
        with sqlite_db.session() as s:  # the lease runs out
            s.execute(
                update(PublishAttempt)
                .where(PublishAttempt.kind == "comment")
                .values(lease_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
            )
        assert _sync(sqlite_db, cid, "x-user-token").ok
        assert [t["text"] for t in srv.tweets] == [POST, FIRST]  # found, not resent
        assert len([r for r in srv.log if r[0] == "POST" and r[1] == "/2/tweets"]) == posts_before
        assert _attempts(sqlite_db) == [("post", "sent"), ("comment", "sent")]
        with sqlite_db.read() as s:
            row = s.scalars(select(PublishAttempt).where(PublishAttempt.kind == "comment")).one()
            assert row.external_id == srv.tweets[1]["id"]
            assert json.dumps(row.payload).find(FIRST) >= 0

"""A crisis holding message for a client on Google: drafted with a Google variant, approved by
a lead, it goes out once as a "What's new" post on the Business Profile (the local Google over
loopback HTTP); a holding message Google would read as an offer or an event is not offered for
Google, and said so in one line — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import select

from app.connectors.http import Http
from app.models.sync import PublishAttempt
from app.services.calendar import posts
from app.services.calendar.posts import get_post
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.listening.holding import draft_holding
from app.services.sync.engine import sync_client
from tests.servers.google import PLACE, GoogleServer

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)
WORDS = (
    "Nous avons bien vu vos messages et nous prenons le sujet très au sérieux. Nous revenons "
    "vers vous avant ce soir avec des réponses précises."
)


def _client(db, words: str, base_url: str) -> int:
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        clients.add_account(s, cid, "google", PLACE, base_url=base_url)
        clients.add_account(s, cid, "mastodon", "@dupre", base_url="https://m.example")
    with db.session() as s:
        doc = charter.ensure_charter(s, cid)
        crisis = next(x for x in doc.sections if x.key == "crisis")
        html = f"<h3>Message d'attente</h3><p>« {words} »</p><h3>Qui parle</h3><p>La direction.</p>"
        charter.save_section(s, cid, crisis.id, html=html)
    return cid


def test_the_holding_message_goes_out_once_on_google_as_a_whats_new_post(db):
    with GoogleServer() as srv:
        srv.tokens.add("tok")
        cid = _client(db, WORDS, srv.base_url)
        with db.session() as s:
            drafted = draft_holding(s, cid, now=NOW)
        assert drafted.left_out == ()
        with db.read() as s:
            post = get_post(s, cid, drafted.post.id)
        assert {v.network: v.text for v in post.variants} == {"google": WORDS, "mastodon": WORDS}
        with db.session() as s:  # a lead approves it, then it is scheduled
            posts.set_status(s, cid, post.id, "approved")
        with db.session() as s:
            posts.set_status(s, cid, post.id, "scheduled")
        for _ in range(2):
            sync_client(
                db,
                cid,
                http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=0),
                token_of=lambda cu, au: "tok",
                now=NOW + dt.timedelta(minutes=11),
                samples=False,
            )
        assert [(p["topicType"], p["summary"]) for p in srv.local_posts] == [("STANDARD", WORDS)]
        assert "offer" not in srv.local_posts[0] and "event" not in srv.local_posts[0]
        with db.read() as s:
            states = {
                (a.network, a.state) for a in s.scalars(select(PublishAttempt)) if a.kind == "post"
            }
        assert ("google", "sent") in states


def test_words_google_would_take_for_an_event_are_not_offered_for_google(db):
    words = "Événement : incident au magasin. " + WORDS
    with GoogleServer() as srv:
        cid = _client(db, words, srv.base_url)
        with db.session() as s:
            drafted = draft_holding(s, cid, now=NOW)
        with db.session() as s:
            again = draft_holding(s, cid, now=NOW + dt.timedelta(minutes=1))  # a second click
    (line,) = drafted.left_out
    assert line.startswith("Not offered for Google, which would read its first line as an")
    assert "\n" not in line and again.left_out == (line,) and not again.created
    with db.read() as s:
        post = get_post(s, cid, drafted.post.id)
    assert [v.network for v in post.variants] == ["mastodon"]
    assert "Pas proposé pour Google" in post.notes  # for the lead, in French

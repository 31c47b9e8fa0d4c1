"""Google Business Profile: the place connected in the browser with the agency's app, its
reviews into the inbox as reviews (stars, text, author), answered and the answer edited from
Tribune, the hourly access renewed — against a local Google speaking the documented API."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from app import secrets
from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.clients.connect import add_candidates, business_candidates
from app.services.inbox import replies as inbox_replies
from app.services.people import agency
from app.services.sync.engine import sync_client
from tests.servers.business import AnyBrowser
from tests.servers.google import PLACE, GoogleServer


@pytest.fixture
def place(real_keyring, sqlite_db):
    """A client whose Google place was connected through the browser."""
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
            "google",
            open_browser=browser,
            base_url=srv.base_url,
            http=Http(retries=0),
            timeout=10,
        )
        assert [(c.network, c.id, c.name) for c in found] == [
            ("google", PLACE, "Dupré — Vieux-Port")
        ]
        assert "access_type=offline" in browser.opened[0]
        assert "business.manage" in browser.opened[0]
        (account,) = add_candidates(sqlite_db, client.id, found)
        yield sqlite_db, client, account, srv


def _sync(db, client):
    return sync_client(db, client.id, http=Http(httpx.Client(timeout=5), retries=0), samples=False)


def _reviews(db):
    """(id, kind, author, text, external id) of the reviews in the inbox, oldest first."""
    with db.read() as s:
        return [
            (m.id, m.kind, m.author, m.text, m.external_id)
            for m in s.scalars(
                select(InboxMessage)
                .where(InboxMessage.network == "google", InboxMessage.ours.is_(False))
                .order_by(InboxMessage.received_at)
            )
        ]


def test_the_place_is_connected_with_what_renewal_needs(place):
    db, client, account, srv = place
    stored = json.loads(secrets.account_token(client.uid, account.uid))
    assert stored["access_token"] in srv.tokens
    assert stored["refresh_token"] == "r-" + stored["access_token"]
    assert (stored["client_id"], stored["client_secret"]) == ("agency-google", "google-secret")
    assert stored["access_token"].encode() not in db.sqlite_path.read_bytes()


def test_reviews_arrive_as_reviews_with_stars_and_author(place):
    db, client, _account, srv = place
    srv.add_review(1, "FIVE", "Le meilleur pain du quartier !")
    srv.add_review(2, "TWO", "Attente trop longue.", author="Marc")
    srv.add_review(3, "FOUR", "", anonymous=True)
    report = _sync(db, client)
    assert report.ok, report
    rows = _reviews(db)
    assert [r[1:4] for r in rows] == [
        ("review", "Léa M.", "★★★★★ 5/5\nLe meilleur pain du quartier !"),
        ("review", "Marc", "★★☆☆☆ 2/5\nAttente trop longue."),
        ("review", "A Google user", "★★★★☆ 4/5"),
    ]
    assert _sync(db, client).ok and len(_reviews(db)) == 3  # nothing twice
    srv.add_review(4, "ONE", "Fermé à l'heure d'ouverture.")
    assert _sync(db, client).ok
    assert [r[4] for r in _reviews(db)][-1] == f"{PLACE}/reviews/r4"


def test_a_review_is_answered_once_then_the_answer_edited(place):
    db, client, _account, srv = place
    srv.add_review(2, "TWO", "Attente trop longue.", author="Marc")
    assert _sync(db, client).ok
    (review,) = _reviews(db)
    with db.session() as s:
        inbox_replies.create_reply(s, client.id, review[0], "Merci Marc, nous renforçons l'équipe.")
    report = _sync(db, client)
    assert report.ok and report.accounts[0].replies == 1
    assert srv.replies == [(f"{PLACE}/reviews/r2", "Merci Marc, nous renforçons l'équipe.")]
    assert _sync(db, client).ok and len(srv.replies) == 1  # sent once
    with db.session() as s:  # the edit: a second answer replaces the first on Google
        inbox_replies.create_reply(
            s,
            client.id,
            review[0],
            "Merci Marc : deux vendeuses de plus le samedi.",
            also_if_queued=True,
        )
    assert _sync(db, client).ok
    assert srv.reviews[0]["reviewReply"]["comment"] == (
        "Merci Marc : deux vendeuses de plus le samedi."
    )
    assert len(srv.replies) == 2


def test_an_expired_access_is_renewed_and_kept_in_the_keyring(place):
    db, client, account, srv = place
    srv.add_review(1, "FIVE", "Parfait")
    old = json.loads(secrets.account_token(client.uid, account.uid))["access_token"]
    srv.expired.add(old)
    report = _sync(db, client)
    assert report.ok, report
    assert srv.refreshed == 1 and len(_reviews(db)) == 1
    renewed = json.loads(secrets.account_token(client.uid, account.uid))
    assert renewed["access_token"] != old and renewed["access_token"] in srv.tokens

"""Google Business Profile posts from the calendar: a "What's new" post, an offer or an event
as the Google variant's first line says, with its link and one photo by address; refused
before sending when Google would refuse it; published once, a send whose seat stopped found
on Google rather than doubled; a spent quota waits — against a local Google speaking the My
Business v4 ``localPosts`` API over loopback HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from sqlalchemy import select, update

from app.connectors.base import AccountRef, RateLimited, Rejected
from app.connectors.contract import DueVariant, MediaRef
from app.connectors.google_business import GoogleBusinessConnector
from app.connectors.google_posts import kind_note, read_topic
from app.connectors.http import Http
from app.models.posts import PostVariant as Variant
from app.models.sync import PublishAttempt
from app.networks import NETWORKS, PUBLISHABLE
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.sync import publish
from app.services.sync.engine import sync_client
from tests.servers.google import PLACE, GoogleServer

NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
PHOTO = MediaRef("https://cdn.dupre.example/buche.jpg", "image/jpeg", "0" * 64)


def _google(srv) -> GoogleBusinessConnector:
    srv.tokens.add("tok")
    account = AccountRef(1, 1, "google", PLACE, srv.base_url, "tok")
    return GoogleBusinessConnector(account, Http(httpx.Client(timeout=5), retries=0))


def _variant(text, media=(), link=""):
    return DueVariant(1, 1, 1, "google", 1, text, NOW, "k1", tuple(media), link)


def test_the_first_line_says_what_kind_of_post():
    day = dt.date(2026, 12, 1)
    assert read_topic("Nouvelle fournée à 16 h.", day).kind == "STANDARD"
    assert read_topic("Horaires : 7 h – 19 h\nTous les jours.", day).kind == "STANDARD"
    offer = read_topic("Offre : Bûche -20 % (2026-12-01 → 2026-12-24)\nSur commande.", day)
    assert (offer.kind, offer.title, offer.start, offer.end, offer.summary) == (
        "OFFER",
        "Bûche -20 %",
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 24),
        "Sur commande.",
    )
    event = read_topic("Event: Sourdough workshop (2026-12-12)\nBook at the till.", day)
    assert (event.kind, event.start, event.end) == (
        "EVENT",
        dt.date(2026, 12, 12),
        dt.date(2026, 12, 12),
    )
    today = read_topic("Événement : Dégustation\nVenez goûter.", day)
    assert (today.kind, today.start, today.end) == ("EVENT", day, day)
    for bad in (
        "Offer: (2026-12-01)\nNo title.",
        "Event: Backwards (2026-12-24 → 2026-12-01)",
        "Offer: Not a day (2026-02-30)",
        "Event: " + "x" * 59,
    ):
        with pytest.raises(Rejected):
            read_topic(bad, day)
    assert "Offer:" in kind_note()


def test_google_is_a_network_the_calendar_publishes_to():
    google = NETWORKS["google"]
    assert google.publishable and google.max_length == 1500 and "google" in PUBLISHABLE
    assert google.media.max_count == 1 and google.media.max_video_bytes == 0


def test_a_post_an_offer_and_an_event_go_out_as_local_posts():
    with GoogleServer() as srv:
        google = _google(srv)
        sent = google.publish(_variant("Nouvelle fournée à 16 h.", [PHOTO], "https://dupre.fr"))
        assert sent.external_id == f"{PLACE}/localPosts/p1" and "lpsid=p1" in sent.url
        google.publish(
            _variant(
                "Offre : Bûche -20 % (2026-12-01 → 2026-12-24)\nSur commande.",
                (),
                "https://dupre.fr/b",
            )
        )
        google.publish(
            _variant("Événement : Atelier levain (2026-12-12)\nInscription en boutique.")
        )
        standard, offer, event = reversed(srv.local_posts)
        assert standard["topicType"] == "STANDARD" and standard["summary"] == (
            "Nouvelle fournée à 16 h."
        )
        assert standard["callToAction"] == {"actionType": "LEARN_MORE", "url": "https://dupre.fr"}
        assert standard["media"] == [{"mediaFormat": "PHOTO", "sourceUrl": PHOTO.path}]
        assert offer["topicType"] == "OFFER" and offer["summary"] == "Sur commande."
        assert offer["event"] == {
            "title": "Bûche -20 %",
            "schedule": {
                "startDate": {"year": 2026, "month": 12, "day": 1},
                "endDate": {"year": 2026, "month": 12, "day": 24},
            },
        }
        assert offer["offer"] == {"redeemOnlineUrl": "https://dupre.fr/b"}
        assert "callToAction" not in offer
        assert event["topicType"] == "EVENT" and event["event"]["title"] == "Atelier levain"


def test_an_offer_without_dates_starts_on_the_clients_planned_day():
    """00:30 on 1 January in Paris is still 31 December in UTC: the offer starts on the
    client's day."""
    planned = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    with GoogleServer() as srv:
        google = _google(srv)
        for zone in ("Europe/Paris", "America/Martinique"):
            google.publish(
                DueVariant(1, 1, 1, "google", 1, "Offre : Galette offerte\nPour l'an neuf.",
                           planned, "k", timezone=zone)
            )  # fmt: skip
        paris, martinique = (p["event"]["schedule"]["startDate"] for p in reversed(srv.local_posts))
    assert paris == {"year": 2027, "month": 1, "day": 1}
    assert martinique == {"year": 2026, "month": 12, "day": 31}


def test_what_google_would_refuse_is_refused_before_sending(tmp_path):
    with GoogleServer() as srv:
        google = _google(srv)
        local = MediaRef(str(tmp_path / "buche.jpg"), "image/jpeg", "0" * 64)
        video = MediaRef("https://cdn.dupre.example/v.mp4", "video/mp4", "1" * 64)
        for variant in (
            _variant("x" * 1501),
            _variant("Pain", [local]),
            _variant("Pain", [PHOTO, PHOTO]),
            _variant("Pain", [video]),
            _variant("Offer: Backwards (2026-12-24 → 2026-12-01)"),
        ):
            with pytest.raises(Rejected):
                google.publish(variant)
        assert srv.local_posts == []


def test_google_errors_as_the_other_connectors_say_them():
    with GoogleServer() as srv:
        google = _google(srv)
        quota = {
            "error": {
                "code": 429,
                "message": "Quota exceeded",
                "status": "RESOURCE_EXHAUSTED",
                "errors": [{"reason": "rateLimitExceeded"}],
            }
        }
        srv.post_failures = [
            (403, quota),
            (400, {"error": {"code": 400, "message": "Invalid summary"}}),
        ]
        with pytest.raises(RateLimited):
            google.publish(_variant("Pain"))
        with pytest.raises(Rejected, match="Invalid summary"):
            google.publish(_variant("Pain"))
        assert srv.local_posts == []


def test_after_a_stop_the_post_is_found_not_published_again():
    with GoogleServer() as srv:
        google = _google(srv)
        variant = _variant("Offre : Bûche (2026-12-01 → 2026-12-24)\nSur commande.")
        since = dt.datetime.now(dt.UTC)  # when the send began (Google stamps the real time)
        assert google.find_published(variant, since) is None
        sent = google.publish(variant)
        assert google.find_published(variant, since).external_id == sent.external_id
        later = since + dt.timedelta(days=1)
        assert google.find_published(variant, later) is None  # an older post, not this send's
        other_kind = _variant("Sur commande.")  # same words, a "What's new" post
        assert google.find_published(other_kind, since) is None


def _due_post(db, srv, text: str) -> int:
    srv.tokens.add("tok")
    with db.session() as s:
        c = clients.create_client(s, "Boulangerie Dupré")
        clients.add_account(s, c.id, "google", PLACE, base_url=srv.base_url)
        p = posts.create_post(
            s,
            c.id,
            planned_at=NOW - dt.timedelta(minutes=2),
            variants=[VariantInput("google", text)],
            title="Bûche",
            category="produit",
            status="approved",
        )
    with db.session() as s:
        posts.set_status(s, c.id, p.id, "scheduled")
    return c.id


def _sync(db, cid):
    return sync_client(
        db,
        cid,
        http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
        token_of=lambda cu, au: "tok",
        now=NOW,
        samples=False,
    )


def test_the_calendar_publishes_a_google_post_once(db):
    with GoogleServer() as srv:
        cid = _due_post(db, srv, "Offre : Bûche -20 % (2026-12-01 → 2026-12-24)\nSur commande.")
        for _ in range(2):
            report = _sync(db, cid)
            assert report.ok, report
        assert [(p["topicType"], p["summary"]) for p in srv.local_posts] == [
            ("OFFER", "Sur commande.")
        ]
        with db.read() as s:
            assert [a.state for a in s.scalars(select(PublishAttempt))] == ["sent"]
            (variant,) = s.scalars(select(Variant).where(Variant.network == "google"))
            assert variant.external_id == f"{PLACE}/localPosts/p1"


def test_a_post_whose_seat_stopped_is_found_on_google_not_sent_twice(db, monkeypatch):
    with GoogleServer() as srv:
        cid = _due_post(db, srv, "Nouvelle fournée à 16 h.")
        real = publish._finish

        def power_cut(*args, **kwargs):
            raise RuntimeError("power cut after Google took the post")

        monkeypatch.setattr(publish, "_finish", power_cut)
        assert not _sync(db, cid).ok
        assert len(srv.local_posts) == 1
        monkeypatch.setattr(publish, "_finish", real)
        with db.session() as s:  # the stopped seat's lease runs out
            s.execute(
                update(PublishAttempt).values(lease_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
            )
        assert _sync(db, cid).ok
        assert len(srv.local_posts) == 1  # found, not resent
        with db.read() as s:
            (attempt,) = s.scalars(select(PublishAttempt))
            assert (attempt.state, attempt.external_id) == ("sent", f"{PLACE}/localPosts/p1")

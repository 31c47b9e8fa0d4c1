"""Google offers and events in full: an event's start and end times, an offer's coupon code,
terms and redeem link, read from the Google variant's first lines and sent as Google's
``LocalPost`` fields; what Google would refuse is refused in one line before any request; a
photo from this computer is refused by the calendar's sync without a request — against a
local Google (My Business v4 ``localPosts``) over loopback HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from sqlalchemy import select

from app.connectors.base import AccountRef, Rejected
from app.connectors.contract import DueVariant
from app.connectors.google_business import GoogleBusinessConnector
from app.connectors.http import Http
from app.models.posts import PostVariant
from app.services.calendar import media as posts_media
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from tests.servers.google import PLACE, GoogleServer

NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)


def _google(srv) -> GoogleBusinessConnector:
    srv.tokens.add("tok")
    account = AccountRef(1, 1, "google", PLACE, srv.base_url, "tok")
    return GoogleBusinessConnector(account, Http(httpx.Client(timeout=5), retries=0))


def _variant(text, link=""):
    return DueVariant(1, 1, 1, "google", 1, text, NOW, "k1", (), link)


def test_an_offer_goes_with_its_code_terms_and_redeem_link():
    with GoogleServer() as srv:
        _google(srv).publish(
            _variant(
                "Offre : Bûche -20 % (2026-12-01 → 2026-12-24)\n"
                "Code : BUCHE20\n"
                "Conditions : Une par client, dans la limite des stocks.\n"
                "Sur commande, à retirer en boutique.",
                "https://dupre.fr/buche",
            )
        )
        (offer,) = srv.local_posts
    assert offer["topicType"] == "OFFER"
    assert offer["summary"] == "Sur commande, à retirer en boutique."
    assert offer["offer"] == {
        "redeemOnlineUrl": "https://dupre.fr/buche",
        "couponCode": "BUCHE20",
        "termsConditions": "Une par client, dans la limite des stocks.",
    }
    assert offer["event"]["schedule"] == {
        "startDate": {"year": 2026, "month": 12, "day": 1},
        "endDate": {"year": 2026, "month": 12, "day": 24},
    }


def test_an_event_goes_with_its_start_and_end_times():
    with GoogleServer() as srv:
        google = _google(srv)
        google.publish(_variant("Event: Sourdough workshop (2026-12-12 14:00 → 17:30)\nBook."))
        google.publish(_variant("Événement : Nuit du pain (2026-12-19 21h00 → 2026-12-20 02:00)"))
        afternoon, night = reversed(srv.local_posts)
    assert afternoon["event"] == {
        "title": "Sourdough workshop",
        "schedule": {
            "startDate": {"year": 2026, "month": 12, "day": 12},
            "startTime": {"hours": 14, "minutes": 0, "seconds": 0, "nanos": 0},
            "endDate": {"year": 2026, "month": 12, "day": 12},
            "endTime": {"hours": 17, "minutes": 30, "seconds": 0, "nanos": 0},
        },
    }
    assert afternoon["summary"] == "Book." and "offer" not in afternoon
    schedule = night["event"]["schedule"]
    assert (schedule["endDate"]["day"], schedule["endTime"]["hours"]) == (20, 2)


@pytest.mark.parametrize(
    "text, link, why",
    [
        ("Event: Atelier (2026-12-12 14:00)", "", "both a start time and an end time"),
        ("Event: Atelier (2026-12-12 18:00 → 17:00)", "", "ends before it starts"),
        ("Event: Atelier (2026-12-12 25:00 → 26:00)", "", "a time does not exist"),
        ("Event: Atelier (2026-12-12)\nCode: ATELIER", "", "only with an offer"),
        ("Offer: Bûche\nCode: " + "X" * 59, "", "58 characters"),
        ("Offer: Bûche\nTerms: " + "x" * 5001, "", "5000 characters"),
        ("Offer: Bûche\nCode: B20", "dupre point fr", "not one"),
    ],
)
def test_what_google_would_refuse_is_refused_in_one_line_before_any_request(text, link, why):
    with GoogleServer() as srv:
        with pytest.raises(Rejected, match=why) as refused:
            _google(srv).publish(_variant(text, link))
        assert "\n" not in refused.value.message
        assert srv.local_posts == [] and srv.requests_to("localPosts") == []


def test_the_calendar_refuses_a_photo_from_this_computer_without_calling_google(db, tmp_path):
    photo = tmp_path / "buche.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"1" * 2048)
    with GoogleServer() as srv:
        srv.tokens.add("tok")
        with db.session() as s:
            c = clients.create_client(s, "Boulangerie Dupré")
            clients.add_account(s, c.id, "google", PLACE, base_url=srv.base_url)
            media = posts_media.store_media(s, c.id, photo)
            p = posts.create_post(
                s,
                c.id,
                planned_at=NOW - dt.timedelta(minutes=2),
                variants=[VariantInput("google", "La bûche est là.", media=(media.id,))],
                title="Bûche",
                category="produit",
                status="approved",
            )
        with db.session() as s:
            posts.set_status(s, c.id, p.id, "scheduled")
        sync_client(
            db,
            c.id,
            http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
            token_of=lambda cu, au: "tok",
            now=NOW,
            samples=False,
        )
        assert srv.requests_to("localPosts") == [] and srv.local_posts == []
    with db.read() as s:
        variant = s.scalars(select(PostVariant)).one()
    assert variant.publish_state == "failed"
    assert variant.last_error == (
        "Google only takes a photo at a public https address, not a file from this computer: "
        "not sent. Give the photo with “Add by address…” in the post."
    )

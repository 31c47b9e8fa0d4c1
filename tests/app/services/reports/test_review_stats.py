"""Google reviews in numbers: the reviews the sync brought from a local Google (real HTTP on
loopback), answered from the inbox, counted for a month — average rating, stars, reviews per
month over the year, answer rate, answers within the charter's delay, median answer time —
then drawn in Charts and written on their own page of the monthly report (PDF read back)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import httpx
import pytest
from sqlalchemy import select

from app.charts.figures import build
from app.charts.tables import chart_table
from app.connectors.contract import IncomingMessage
from app.connectors.google_business import stars_text
from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import replies as inbox_replies
from app.services.inbox.ingest import ingest_messages
from app.services.reports.dashboard import dashboard_data
from app.services.reports.periods import parse_month
from app.services.reports.reviews import rating_of, review_stats
from app.services.sync.engine import sync_client
from tests.servers.google import PLACE, GoogleServer

NOV = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=dt.UTC)


@pytest.fixture
def bakery(db):
    """November: four reviews from Google (5, 2, 4 and 1 stars), three answered — two within
    the charter's delay, the complaint four days late — and one October review."""
    with GoogleServer() as srv:
        srv.tokens.add("tok")
        with db.session() as s:
            cid = clients.create_client(s, "Boulangerie Dupré").id
            account = clients.add_account(s, cid, "google", PLACE, base_url=srv.base_url)
        srv.add_review(2, "FIVE", "Le meilleur pain du quartier !")
        srv.add_review(3, "TWO", "Attente trop longue, personnel débordé, je suis déçu.")
        srv.add_review(5, "FOUR", "Bonnes viennoiseries.")
        srv.add_review(9, "ONE", "Fermé à l'heure d'ouverture.")
        report = sync_client(
            db,
            cid,
            token_of=lambda cu, au: "tok",
            http=Http(httpx.Client(timeout=5), retries=0),
            now=_at(10, 8),
            samples=False,
            publish=False,
        )
        assert report.ok, report
    with db.session() as s:
        ingest_messages(
            s,
            cid,
            [
                IncomingMessage(
                    "google",
                    f"{PLACE}/reviews/oct",
                    "review",
                    "Paul",
                    "",
                    stars_text("FOUR", "Très bien."),
                    dt.datetime(2026, 10, 14, 9, tzinfo=dt.UTC),
                    account_id=account.id,
                )
            ],
        )
        ids = {
            m.external_id.rsplit("/", 1)[-1]: m.id
            for m in s.scalars(select(InboxMessage).where(InboxMessage.client_id == cid))
        }
    answers = {"r2": _at(2, 11), "r3": _at(6, 10), "r9": _at(9, 10, 30)}
    for review, when in answers.items():
        with db.session() as s:
            inbox_replies.create_reply(s, cid, ids[review], "Merci pour votre avis.", now=when)
    return cid


def test_the_month_in_numbers(db, bakery):
    assert rating_of("★★★★☆ 4/5\nBien") == 4 and rating_of("Pas d'étoiles") is None
    with db.read() as s:
        stats = review_stats(s, bakery, *NOV)
        october = review_stats(s, bakery, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert (stats.reviews, stats.average, stats.by_stars) == (4, 3.0, (1, 1, 0, 1, 1))
    assert (stats.answered, stats.answer_rate) == (3, 0.75)
    assert stats.within_delay == 2  # the complaint was answered four days later
    assert stats.median_answer_minutes == 60
    assert stats.delay_minutes == 8 * 60  # the charter's delay for a review of no category
    # each review held to its category's delay: the complaint to 2 h, the others to 8 h
    assert [(d.minutes, d.reviews, d.within) for d in stats.by_delay] == [(120, 1, 0), (480, 3, 2)]
    assert [(m.month.month, m.reviews, m.average) for m in stats.months[-2:]] == [
        (10, 1, 4.0),
        (11, 4, 3.0),
    ]
    assert len(stats.months) == 12 and stats.months[0].month == dt.date(2025, 12, 1)
    assert (october.reviews, october.average, october.answered) == (1, 4.0, 0)


def test_charts_draw_the_reviews_and_export_their_numbers(db, bakery):
    from ui.charts.compute import compute_dashboard

    with db.read() as s:
        board = compute_dashboard(s, bakery, parse_month("2026-11"), "fr")
    assert board.data.reviews.reviews == 4
    figure = board.figures["reviews"]
    texts = [t.get_text() for ax in figure.axes for t in ax.texts] + [
        t.get_text() for t in figure.texts
    ]
    assert "75\u00a0%" in texts  # answered
    # within the charter's delay, one bar per delay, each named with it and its reviews
    labels = [t.get_text() for t in figure.axes[1].get_yticklabels()]
    assert labels == ["Answered", "Within 2\u00a0h\nreviews: 1", "Within 8\u00a0h\nreviews: 3"]
    assert "0\u00a0%" in texts and "67\u00a0%" in texts
    assert any("3,0 / 5" in t for t in texts)
    header, rows = chart_table("reviews", board.data)
    assert header == ["month", "reviews", "average_rating"]
    assert rows[-2:] == [["2026-10-01", 1, 4.0], ["2026-11-01", 4, 3.0]]
    assert board.images["reviews"] is not None


def test_no_review_says_so_in_the_chart(db):
    with db.session() as s:
        cid = clients.create_client(s, "Librairie sans avis").id
    with db.read() as s:
        data = dashboard_data(s, cid, parse_month("2026-11"), today=dt.date(2026, 11, 30))
        stats = review_stats(s, cid, *NOV)
    assert not stats.has_reviews and stats.average is None and stats.answer_rate is None
    figure = build("reviews", data, "en")
    assert [t.get_text() for t in figure.axes[0].texts] == [
        "No Google review in the last twelve months."
    ]


def test_the_monthly_report_has_a_reviews_page(db, bakery, tmp_path):
    from app.documents.report_pdf import render_report
    from app.i18n import install_translators

    install_translators("fr")
    try:
        result = render_report(db, bakery, "2026-11", tmp_path / "r.pdf", language="fr")
    finally:
        install_translators("en")
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = text[text.index("Avis Google") :]
    assert "3,0 / 5" in page and "4,0 / 5" in page  # November beside October
    assert "75 %" in page
    # each delay named, with the reviews held to it (October: none held to 2 h)
    assert re.search(r"charte \(2\s?h\s?;\s+0\s?%\s+—\s+avis\s?: 1\)", page), page
    assert re.search(r"charte \(8\s?h\s?;\s+67\s?%\s+0\s?%\s+avis\s?: 3\)", page)
    assert re.search(r"Délai médian de réponse\s+1\s?h\s", page)  # pdftotext drops the NBSP


def test_a_client_without_reviews_has_no_reviews_page(db, tmp_path):
    from app.documents.report_pdf import render_report

    with db.session() as s:
        cid = clients.create_client(s, "Librairie sans avis").id
    result = render_report(db, cid, "2026-11", tmp_path / "r.pdf", language="en")
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Google reviews" not in text

"""Periods, dashboard data (metrics + inbox), and the monthly report PDF read with poppler."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from sqlalchemy import update

from app.connectors.contract import AccountMetricSample, IncomingMessage, PostMetricSample
from app.errors import ValidationError
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox.ingest import ingest_messages
from app.services.reports.commentary import get_commentary, save_commentary
from app.services.reports.dashboard import dashboard_data
from app.services.reports.metrics import record_account_samples, record_post_samples
from app.services.reports.periods import parse_month, period_for

# the instant the report is written at: October 2026 is over, its escalations judged then
NOW = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


def test_periods_and_their_previous():
    month = period_for("month", dt.date(2026, 3, 17))
    assert (month.start, month.end) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert (month.previous().start, month.previous().end) == (
        dt.date(2026, 2, 1),
        dt.date(2026, 2, 28),
    )
    quarter = period_for("quarter", dt.date(2026, 1, 5))
    assert (quarter.previous().start, quarter.previous().end) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
    )
    week = period_for("week", dt.date(2026, 3, 18))  # a Wednesday
    assert week.start == dt.date(2026, 3, 16) and week.previous().start == dt.date(2026, 3, 9)
    custom = period_for("custom", dt.date(2026, 3, 1), dt.date(2026, 3, 10))
    assert custom.previous().end == dt.date(2026, 2, 28) and custom.previous().days == 10
    assert month.shifted(1).start == dt.date(2026, 4, 1)
    with pytest.raises(ValidationError):
        period_for("custom", dt.date(2026, 3, 10), dt.date(2026, 3, 1))


@pytest.mark.parametrize("bad", ["2026-13", "2026-3", "march", "", "2026-00"])
def test_malformed_month_is_a_clear_error(bad):
    with pytest.raises(ValidationError, match="expected YYYY-MM"):
        parse_month(bad)


@pytest.fixture
def shop(db):
    """Two months of metrics for one account, and a few inbox messages in October."""
    with db.session() as s:
        c = clients.create_client(s, "Aquarelle & Pétales", language="fr")
        fb = clients.add_account(
            s, c.id, "facebook", "AquarelleEtPetales", base_url="https://g.example"
        )
        samples = [
            AccountMetricSample(
                fb.id,
                dt.date(2026, 9, 1) + dt.timedelta(days=i),
                followers=1000 + 5 * i,
                impressions=1000 + (200 if i >= 30 else 0),
                engagements=40,
                posts=1 if i % 3 == 0 else 0,
            )
            for i in range(61)
        ]
        record_account_samples(s, c.id, samples)
        record_post_samples(
            s,
            c.id,
            [
                PostMetricSample(
                    "facebook", "p-best", dt.date(2026, 10, 14), impressions=900, reactions=80
                ),
                PostMetricSample(
                    "facebook", "p-low", dt.date(2026, 10, 15), impressions=100, reactions=2
                ),
            ],
            details={
                "p-best": {
                    "text": "Bouquet <b>du mois</b> & fête des mères",
                    "published_at": dt.datetime(2026, 10, 14, 16, 30, tzinfo=dt.UTC),
                }
            },
        )
        received = dt.datetime(2026, 10, 6, 8, 0, tzinfo=dt.UTC)  # a Tuesday, 10:00 in Paris
        items = [
            IncomingMessage("facebook", f"m{i}", "comment", "Léa", "lea", text, received)
            for i, text in enumerate(
                [
                    "Ma commande n'est pas arrivée, remboursement ?",
                    "Bravo, magnifique bouquet !",
                    "Quels horaires dimanche ?",
                ]
            )
        ]
        ingest_messages(s, c.id, items, now=received)
    with db.session() as s:  # the CM answered m0 after 30 minutes, m1 two days later
        for ext, minutes in (("m0", 30), ("m1", 2 * 24 * 60)):
            s.execute(
                update(InboxMessage)
                .where(InboxMessage.external_id == ext)
                .values(first_answer_at=received + dt.timedelta(minutes=minutes))
            )
    return c.id


def test_dashboard_compares_with_the_previous_month(db, shop):
    with db.read() as s:
        data = dashboard_data(s, shop, period_for("month", dt.date(2026, 10, 1)), now=NOW)
    assert data.figure("followers").value == 1000 + 5 * 60
    assert data.figure("impressions").value == 31 * 1200
    assert data.figure("impressions").previous == 30 * 1000
    assert data.figure("impressions").change == pytest.approx(31 * 1200 / 30000 - 1)
    assert data.figure("messages").value == 3
    assert data.inbox.by_network == {"facebook": 3}
    delays = {d.category: d for d in data.delays}
    assert sum(d.messages for d in delays.values()) == 3
    assert sum(d.within_delay for d in delays.values()) == 1  # only the 30-minute answer
    assert [p.external_post_id for p in data.top_posts] == ["p-best", "p-low"]
    assert data.posts_source == "metrics" and sum(data.posts_per_week["facebook"].values()) == 11


def test_commentary_saved_per_month(db, shop):
    with db.session() as s:
        save_commentary(s, shop, "2026-10", successes="Concours réussi", failures="Retards")
    with db.session() as s:
        save_commentary(s, shop, "2026-10", successes="Concours réussi !", failures="")
    with db.read() as s:
        c = get_commentary(s, shop, "2026-10")
        assert (c.successes, c.failures, c.author) == ("Concours réussi !", "", "Camille Test")
        assert get_commentary(s, shop, "2026-11").is_empty


def _pdftotext(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_report_pdf_in_french_with_commentary_escaped(db, shop, tmp_path):
    from app.documents.report_pdf import render_report
    from app.i18n import install_translators

    with db.session() as s:
        save_commentary(
            s,
            shop,
            "2026-10",
            successes="Le <b>concours</b> « fête des mères » a plu",
            failures="Deux réclamations de livraison traitées en retard",
        )
    install_translators("fr")
    try:
        result = render_report(db, shop, "2026-10", tmp_path / "r.pdf", language="fr", now=NOW)
    finally:
        install_translators("en")
    text = _pdftotext(result.path)
    assert "Aquarelle & Pétales" in text and "octobre 2026" in text
    assert "Le <b>concours</b> « fête des mères » a plu" in text  # plain text, not markup
    assert "Bouquet <b>du mois</b>" in text
    assert "Facebook" in text and "facebook" not in text  # the network's name, not its key
    assert "Points forts" in text and "Points d'amélioration" in text and "Échecs" not in text
    assert "reached" not in text and "−0,0" not in text
    assert f"page 2 / {result.pages}" in text
    info = subprocess.run(["pdfinfo", str(result.path)], capture_output=True, text=True).stdout
    assert "(A4)" in info and re.search(r"Pages:\s+(\d+)", info).group(1) == str(result.pages)
    fonts = subprocess.run(["pdffonts", str(result.path)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows)  # every font embedded
    images = subprocess.run(
        ["pdfimages", "-list", str(result.path)], capture_output=True, text=True
    ).stdout
    assert len(images.strip().splitlines()) - 2 >= 5  # the charts are in


def test_month_without_data_says_so(db, shop, tmp_path):
    from app.documents.report_pdf import render_report

    result = render_report(db, shop, "2025-02", tmp_path / "empty.pdf", language="en", now=NOW)
    text = _pdftotext(result.path)
    assert "No metrics were recorded for this month." in text
    assert "No messages for this month." in text
    assert result.has_metrics is False


def test_running_period_is_compared_with_as_many_days(db, shop):
    with db.read() as s:
        data = dashboard_data(
            s,
            shop,
            period_for("month", dt.date(2026, 10, 1)),
            today=dt.date(2026, 10, 10),
            now=dt.datetime(2026, 10, 10, 12, tzinfo=dt.UTC),
        )
    figure = data.figure("impressions")
    assert (figure.value, figure.previous) == (10 * 1200, 10 * 1000)
    assert figure.change == pytest.approx(0.2)


def test_objectives_against_the_charter(db, shop, monkeypatch):
    import dataclasses

    from app.services.charter.rules import Objective, default_rules
    from app.services.reports import dashboard

    def rules(session, client_id, at=None):
        return dataclasses.replace(
            default_rules(client_id),
            objectives=(
                Objective("followers", "Abonnés Facebook", 1200, "month"),
                Objective("engagement_rate", "Taux d'engagement", 3.0, "month", "%"),
                Objective("posts_published", "Publications", 40, "quarter"),
                Objective("first_response_minutes", "Délai de première réponse", 60, "month"),
                Objective("reach", "Portée Instagram", 100, "month"),
            ),
        )

    monkeypatch.setattr(dashboard, "rules_in_force", rules)
    with db.read() as s:
        data = dashboard_data(s, shop, period_for("month", dt.date(2026, 10, 1)), now=NOW)
    got = {o.kpi: o for o in data.objectives}
    assert (got["followers"].actual, got["followers"].met) == (1300, True)
    assert got["engagement_rate"].actual == pytest.approx(40 / 1200 * 100)
    assert got["posts_published"].target == pytest.approx(40 * 31 / (365.25 / 4), abs=0.1)
    assert got["posts_published"].actual == 11 and got["posts_published"].met is False
    # the CM answered after 30 min and after 2 days: slower than the target on average
    assert got["first_response_minutes"].actual > 60 and got["first_response_minutes"].met is False
    assert got["reach"].actual is None  # no Instagram account: no figure, not a wrong one


def test_report_language_is_the_reports_own_and_cancel_writes_nothing(db, shop, tmp_path):
    from app.documents.report_pdf import ReportCancelled, render_report
    from app.i18n import translate

    # the app stays in English (no translator installed) while the report speaks French
    steps = []
    result = render_report(
        db,
        shop,
        "2026-10",
        tmp_path / "fr.pdf",
        progress=lambda d, t, label: steps.append(d),
        now=NOW,
    )  # the client's language: French
    text = _pdftotext(result.path)
    assert "Rapport mensuel" in text and "Indicateur" in text and "octobre 2026" in text
    assert f"page 2 / {result.pages}" in text
    assert translate("Report", "Monthly report") == "Monthly report"  # the app's language
    assert steps == sorted(steps) and steps[-1] == max(steps) and len(steps) >= 4

    text_en = _pdftotext(
        render_report(db, shop, "2026-10", tmp_path / "en.pdf", language="en", now=NOW).path
    )
    assert "Monthly report" in text_en and "Rapport mensuel" not in text_en

    calls = []

    def cancelled_after_two_checks():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ReportCancelled):
        render_report(
            db,
            shop,
            "2026-10",
            tmp_path / "c.pdf",
            is_cancelled=cancelled_after_two_checks,
            now=NOW,
        )
    assert sorted(p.name for p in tmp_path.glob("*.pdf*")) == ["en.pdf", "fr.pdf"]  # no part left
    assert not list(tmp_path.glob(".tribune-*"))


def test_headings_left_alone_at_a_page_bottom_move_to_the_next_page():
    from app.documents.report_sections import (
        heading_html,
        html_table,
        keep_headings_with_content,
        signed_percent,
        widowed_headings,
    )

    body = (
        heading_html("Key figures", new_page=True)
        + html_table(["Figure", "Value"], [["Clicks", "3"], ["Posts", "4"]])
        + heading_html("Objectives")
        + "<p>none</p>"
    )
    marked = keep_headings_with_content(body)
    assert marked.count('<a name="h') == 2 and marked.count('<a name="k') == 2
    assert marked.index('name="k0"') > marked.index("<td")  # the first row, not the header
    # laid out: heading 1 on page 2, its paragraph on page 3 -> heading 1 starts page 3
    assert widowed_headings({"h0": 1, "k0": 1, "h1": 2, "k1": 3}) == {1}
    moved = keep_headings_with_content(body, {1})
    assert moved.count("page-break-before: always") == 2
    assert signed_percent(-0.511, "fr") == "\u2212" + "51,1\u00a0%"
    assert signed_percent(0.019, "en") == "+1.9%"  # no space before % in English


RUNNING = dt.datetime(2026, 10, 5, 10, tzinfo=dt.UTC)  # October's fifth day


def test_a_running_month_is_labelled_partial_and_an_empty_commentary_left_out(db, shop, tmp_path):
    from app.documents.report_pdf import render_report
    from app.i18n import install_translators

    install_translators("fr")
    try:
        result = render_report(db, shop, "2026-10", tmp_path / "r.pdf", language="fr", now=RUNNING)
    finally:
        install_translators("en")
    text = _pdftotext(result.path).replace("\u00a0", " ")
    assert "octobre 2026 (du 1er au 5 octobre)" in " ".join(text.split())
    assert "Notre regard" not in text and "Aucun commentaire" not in text


def test_no_change_is_neutral_and_counts_are_whole_numbers():
    from app.charts.figures import escalations
    from app.documents.report_sections import change_html
    from app.services.reports.sources import EscalationSummary

    assert change_html(0.0, "fr") == '<span class="muted">=</span>'
    assert change_html(-0.0001, "fr") == '<span class="muted">=</span>'
    assert "−1,5" in change_html(-0.015, "fr") and 'class="down"' in change_html(-0.015, "fr")

    class Data:
        period = period_for("month", dt.date(2026, 10, 15))  # its weeks are drawn, even empty
        escalations = EscalationSummary(
            opened=2,
            answered=1,
            answered_within_delay=1,
            overdue_open=0,
            opened_by_week={dt.date(2026, 10, 5): 1, dt.date(2026, 10, 12): 2},
            answered_by_week={dt.date(2026, 10, 12): 1},
        )

    fig = escalations(Data(), "fr")
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels and all(label.lstrip("−-").isdigit() for label in labels), labels


def _raw_pages(path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_every_page_is_under_the_agencys_name_in_the_reports_language(db, shop, tmp_path):
    """Header (agency, client) and footer (the report, page X / Y) on every page, the cover
    included; nothing English, no ISO date, no key in the French report; figures whole."""
    from app.documents.report_pdf import render_report
    from app.services.people import agency as agency_service

    with db.session() as s:
        agency_service.save_agency(s, name="Social & Co", colour="#0f766e")
        save_commentary(
            s, shop, "2026-10", successes="Un concours : « fête des mères » !", failures=""
        )
    result = render_report(db, shop, "2026-10", tmp_path / "r.pdf", language="fr", now=NOW)
    pages = _raw_pages(result.path)
    assert len(pages) == result.pages >= 5
    for n, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert "Social & Co" in lines[0] and "Aquarelle & Pétales" in lines[0], lines[:2]
        assert lines[-1].startswith("Rapport mensuel — octobre 2026"), lines[-1]
        assert lines[-1].endswith(f"page {n} / {result.pages}"), lines[-1]
    text = "\n".join(pages)
    for english in ("Monthly report", "reached", "Key figures", "page 2 of"):
        assert english not in text
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    for key in ("complaint", "question", "praise", "facebook", "spam"):
        assert not re.search(rf"\b{key}\b", text), key
    # column headers and handles whole, French spacing kept at line ends
    assert "Impressions" in text and "Engagements" in text
    assert "Un concours : « fête des mères » !" in " ".join(text.split())
    assert not [
        line
        for line in text.splitlines()
        if line.strip() and (line.lstrip()[0] in ":;!?»" or line.rstrip().endswith("«"))
    ]


def test_english_report_writes_english_figures(db, shop, tmp_path):
    from app.documents.report_pdf import render_report

    result = render_report(db, shop, "2026-10", tmp_path / "en.pdf", language="en", now=NOW)
    text = "\n".join(_raw_pages(result.path))
    assert "Monthly report — October 2026" in text and f"page 1 / {result.pages}" in text
    assert re.search(r"\d\.\d%", text)  # "3.9%", not "3,9 %"
    assert not re.search(r"\d,\d\s?%", text) and "Rapport" not in text


def test_agency_colour_is_checked_and_kept(db):
    from app.services.people import agency as agency_service

    with db.session() as s:
        saved = agency_service.save_agency(s, name="Social & Co", colour="#0F766E")
        assert saved.colour == "#0f766e"
        with pytest.raises(ValidationError):
            agency_service.save_agency(s, name="Social & Co", colour="teal")
    with db.read() as s:
        kept = agency_service.agency(s)
    assert kept.colour == "#0f766e" and kept.name == "Social & Co"
    with db.session() as s:  # saving the name again leaves the colour alone
        agency_service.save_agency(s, name="Social and Co")
    with db.read() as s:
        assert agency_service.agency(s).colour == "#0f766e"


def test_open_escalations_are_judged_overdue_at_the_instant_given(db, shop):
    """The report of October written on 6 October counts an escalation due on the 8th as
    open, written in November as overdue: whatever day the test runs."""
    from app.models.inbox import Escalation

    with db.session() as s:
        message = s.query(InboxMessage).filter_by(client_id=shop, external_id="m2").one()
        s.add(
            Escalation(
                client_id=shop,
                message_id=message.id,
                contact_name="Sophie Garnier",
                asked_by="Léa",
                asked_at=dt.datetime(2026, 10, 6, 9, tzinfo=dt.UTC),
                due_at=dt.datetime(2026, 10, 8, 9, tzinfo=dt.UTC),
            )
        )
    october = period_for("month", dt.date(2026, 10, 1))
    early = dt.datetime(2026, 10, 6, 12, tzinfo=dt.UTC)
    with db.read() as s:
        before_due = dashboard_data(s, shop, october, now=early).escalations
        after_due = dashboard_data(s, shop, october, now=NOW).escalations
    assert (before_due.opened, before_due.overdue_open) == (1, 0)
    assert (after_due.opened, after_due.overdue_open) == (1, 1)

"""Metrics exports from Meta as they come (tests/data/exports/README.md): the older Facebook
Insights "Post Data" layout, Meta Business Suite in English and French, the same file
re-saved by a French Excel; date order said before importing; no duplicate on re-import."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models.metrics import PostMetricDay
from app.services.clients import workspaces as clients
from app.services.reports.metrics import post_totals
from app.services.reports.metrics_import import (
    import_metrics_csv,
    import_metrics_text,
    inspect_metrics_csv,
)
from tests.conftest import REPO

EXPORTS = REPO / "tests" / "data" / "exports"


@pytest.fixture
def cid(db):
    with db.session() as s:
        c = clients.create_client(s, "Aquarelle & Pétales")  # Europe/Paris
        clients.add_account(s, c.id, "facebook", "AquarelleEtPetales", base_url="https://g.test")
        clients.add_account(s, c.id, "instagram", "aquarelle.petales", base_url="https://g.test")
    return c.id


def posts(db, cid, year=2026):
    with db.read() as s:
        rows = post_totals(s, cid, dt.date(year, 1, 1), dt.date(year, 12, 31))
    return {p.external_post_id: p for p in rows}


def count(db):
    with db.read() as s:
        return s.scalar(select(func.count(PostMetricDay.id)))


def test_facebook_insights_post_data(db, cid):
    path = EXPORTS / "facebook_insights_post_data.csv"
    reading = inspect_metrics_csv(path)
    assert (reading.layout, reading.source, reading.rows) == ("meta-posts", "Facebook Insights", 3)
    with db.session() as s:
        result = import_metrics_csv(s, cid, path)
    assert result.rows == 2 and result.errors == ()  # the row of descriptions is skipped
    got = posts(db, cid, 2015)
    first = got["951745098223517_980422845355742"]
    assert (first.impressions, first.clicks) == (11, 16)  # total impressions, consumptions
    assert first.text.startswith("This clinical research study")
    # "10/1/2015 21:00", month-first, in Paris (summer time): 19:00 UTC on 1 October
    assert first.published_at == dt.datetime(2015, 10, 1, 19, 0, tzinfo=dt.UTC)


def test_english_export_then_the_same_resaved_by_french_excel_adds_nothing(db, cid):
    original = EXPORTS / "meta_business_suite_facebook_posts.csv"
    resaved = EXPORTS / "meta_business_suite_facebook_posts_excel_fr.csv"
    reading = inspect_metrics_csv(resaved)
    assert reading.csv.delimiter == ";" and reading.csv.encoding == "cp1252"
    assert reading.dates == "mdy" and "03/14/2026 18:30" in reading.dates_why
    with db.session() as s:
        first = import_metrics_csv(s, cid, original)
    assert first.rows == 3 and first.errors == ()
    before = count(db)
    with db.session() as s:
        second = import_metrics_csv(s, cid, resaved)
    assert second.rows == 3 and second.errors == ()
    assert "« ; »" in second.reading and "cp1252" in second.reading
    assert count(db) == before == 3  # same posts, same days: updated, never doubled
    got = posts(db, cid)
    assert got["1234567890_112"].published_at == dt.datetime(2026, 3, 4, 8, 15, tzinfo=dt.UTC)
    assert (got["1234567890_111"].impressions, got["1234567890_111"].clicks) == (2345, 40)
    assert got["1234567890_113"].text == "« Le printemps, c'est maintenant »"


def test_instagram_export_names_the_network(db, cid):
    with db.session() as s:
        result = import_metrics_csv(s, cid, EXPORTS / "meta_business_suite_instagram_posts.csv")
    assert result.rows == 2
    reel = posts(db, cid)["18040411122233344"]
    assert (reel.network, reel.impressions, reel.reactions) == ("instagram", 9800, 655)


def test_french_export_reads_day_first_with_its_numbers(db, cid):
    path = EXPORTS / "meta_business_suite_publications_fr.csv"
    reading = inspect_metrics_csv(path)
    assert reading.source == "Meta Business Suite (FR)" and reading.dates == "dmy"
    assert "14/03/2026 18:30" in reading.dates_why
    with db.session() as s:
        result = import_metrics_csv(s, cid, path)
    assert result.rows == 2 and result.errors == ()
    got = posts(db, cid)
    # 03/04/2026 in a French export is 3 April (10:15 in Paris, summer time = 07:15 UTC)
    assert got["1234567890_112"].published_at == dt.datetime(2026, 4, 3, 7, 15, tzinfo=dt.UTC)
    assert got["1234567890_112"].clicks == 12  # "12,0"
    assert got["1234567890_111"].impressions == 2345  # "2 345" with a narrow no-break space


def test_ambiguous_dates_follow_the_layout_or_what_the_user_says(db, cid):
    header = '"Post ID","Publish time","Impressions"\n'
    text = header + '"1_1","03/04/2026 10:00","5"\n'
    with db.session() as s:
        default = import_metrics_text(s, cid, text)
    assert "month-first (the convention of this layout)" in default.reading
    assert posts(db, cid)["1_1"].published_at.date() == dt.date(2026, 3, 4)
    with db.session() as s:
        asked = import_metrics_text(s, cid, text.replace("1_1", "1_2"), day_first=True)
    assert "day-first (as asked)" in asked.reading
    assert posts(db, cid)["1_2"].published_at.date() == dt.date(2026, 4, 3)


def test_mixed_date_orders_and_excel_numbers_are_refused_with_reasons(db, cid):
    header = '"Post ID","Publish time","Impressions"\n'
    mixed = header + '"1_1","14/03/2026 10:00","5"\n"1_2","03/14/2026 10:00","5"\n'
    with pytest.raises(ValidationError, match=r"14/03/2026 10:00.*03/14/2026 10:00"):
        inspect_metrics_csv_text(mixed)
    mangled = header + '"1,79E+16","03/14/2026 10:00","5"\n"1_3","03/14/2026 11:00","5"\n'
    with db.session() as s:
        result = import_metrics_text(s, cid, mangled)
    assert result.rows == 1 and "digits are lost" in result.errors[0].reason


def inspect_metrics_csv_text(text: str):
    from app.services.csvfiles.sniff import read_text
    from app.services.reports.metrics_import import _reading

    return _reading(read_text(text), None)[0]


def test_unknown_layout_lists_what_was_found_and_what_is_known(db, cid):
    with pytest.raises(ValidationError) as err, db.session() as s:
        import_metrics_text(s, cid, "Jour;Montant;Canal\n01/02/2026;3;web\n")
    message = err.value.message
    assert "Columns found: Jour, Montant, Canal" in message
    assert "Meta Business Suite (English or French)" in message and "Facebook Insights" in message
    assert "separated by « ; »" in message

"""Metrics: idempotent upserts (the connectors' contract), CSV import, jump detection."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.connectors.contract import AccountMetricSample, PostMetricSample
from app.errors import ValidationError
from app.models.metrics import AccountMetricDay, PostMetricDay
from app.services.clients import workspaces as clients
from app.services.reports.metrics import (
    account_days,
    post_totals,
    record_account_samples,
    record_post_samples,
)
from app.services.reports.metrics_health import detect_follower_jumps
from app.services.reports.metrics_import import import_metrics_csv, import_metrics_text

DAY = dt.date(2026, 3, 1)


@pytest.fixture
def client_ids(db):
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle & Pétales")
        fb = clients.add_account(
            s, a.id, "facebook", "AquarelleEtPetales", base_url="https://g.example"
        )
        ig = clients.add_account(
            s, a.id, "instagram", "aquarelle.petales", base_url="https://g.example"
        )
        b = clients.create_client(s, "Banque Solidaire")
        other = clients.add_account(s, b.id, "linkedin", "bsr", base_url="https://l.example")
    return a.id, fb.id, ig.id, b.id, other.id


def _count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count(model.id)))


def test_account_samples_upsert_per_account_and_day(db, client_ids):
    cid, fb, *_ = client_ids
    samples = [
        AccountMetricSample(fb, DAY + dt.timedelta(days=i), followers=100 + i, impressions=50)
        for i in range(10)
    ]
    with db.session() as s:
        assert record_account_samples(s, cid, samples) == 10
    with db.session() as s:  # the same again, and a partial update that keeps other figures
        record_account_samples(s, cid, samples)
        record_account_samples(s, cid, [AccountMetricSample(fb, DAY, clicks=7)])
    assert _count(db, AccountMetricDay) == 10
    with db.read() as s:
        first = account_days(s, cid, DAY, DAY)[0]
    assert (first.followers, first.impressions, first.clicks) == (100, 50, 7)


def test_account_samples_refuse_another_clients_account(db, client_ids):
    cid, fb, _ig, _b, other = client_ids
    with pytest.raises(ValidationError, match="Unknown network account"), db.session() as s:
        record_account_samples(
            s,
            cid,
            [
                AccountMetricSample(fb, DAY, followers=1),
                AccountMetricSample(other, DAY, followers=1),
            ],
        )
    assert _count(db, AccountMetricDay) == 0  # nothing half-written


def test_post_samples_idempotent_and_summed_over_days(db, client_ids):
    cid = client_ids[0]
    samples = [
        PostMetricSample("facebook", "p1", DAY, impressions=100, reactions=10),
        PostMetricSample("facebook", "p1", DAY + dt.timedelta(days=1), impressions=40, reactions=2),
        PostMetricSample("instagram", "p2", DAY, impressions=10, comments=1),
    ]
    for _ in range(2):
        with db.session() as s:
            assert record_post_samples(s, cid, samples) == 3
    assert _count(db, PostMetricDay) == 3
    with db.read() as s:
        totals = {
            p.external_post_id: p for p in post_totals(s, cid, DAY, DAY + dt.timedelta(days=5))
        }
    assert totals["p1"].impressions == 140 and totals["p1"].reactions == 12
    assert totals["p2"].engagements == 1


def test_negative_figure_is_refused(db, client_ids):
    cid, fb, *_ = client_ids
    with pytest.raises(ValidationError, match="whole number"), db.session() as s:
        record_account_samples(s, cid, [AccountMetricSample(fb, DAY, followers=-3)])


def test_tribune_csv_reports_bad_rows_and_reimports_idempotently(db, client_ids, tmp_path):
    cid = client_ids[0]
    path = tmp_path / "m.csv"
    path.write_text(
        "date,network,handle,followers,impressions,engagements\n"
        "2026-03-01,facebook,AquarelleEtPetales,1000,500,20\n"
        '2026-03-02,facebook,AquarelleEtPetales,"1,010",510,\n'
        "2026-03-03,facebook,Nobody,1,1,1\n"
        "03-2026-04,facebook,AquarelleEtPetales,1,1,1\n"
        "2026-03-05,facebook,AquarelleEtPetales,abc,1,1\n",
        encoding="utf-8",
    )
    for _ in range(2):
        with db.session() as s:
            result = import_metrics_csv(s, cid, path)
        assert result.layout == "tribune-accounts" and result.rows == 2
        assert [e.line for e in result.errors] == [4, 5, 6]
        assert "unknown account" in result.errors[0].reason
        assert "invalid date" in result.errors[1].reason
        assert "not a whole number" in result.errors[2].reason
    with db.read() as s:
        rows = account_days(s, cid, DAY, DAY + dt.timedelta(days=9))
    assert [(r.day.day, r.followers) for r in rows] == [(1, 1000), (2, 1010)]


META_POSTS = (
    '"Post ID","Page ID","Page name","Title","Description","Publish time","Permalink",'
    '"Post type","Impressions","Reach","Reactions","Comments","Shares","Total clicks"\n'
    '"1234567890_111","1234567890","Aquarelle","Bouquet du mois","","03/14/2026 18:30",'
    '"https://www.facebook.com/1/posts/111","Photo","2,345","1,800","120","14","6","40"\n'
    '"1234567890_112","1234567890","Aquarelle","","Atelier","13/14/2026 18:30","","Photo",'
    '"1","1","1","1","1","1"\n'
)


def test_meta_business_suite_content_export(db, client_ids):
    cid = client_ids[0]
    with db.session() as s:
        result = import_metrics_text(s, cid, "\ufeff" + META_POSTS)
    assert result.layout == "meta-posts" and result.rows == 1
    assert result.errors[0].line == 3 and "publish time" in result.errors[0].reason
    with db.read() as s:
        (post,) = post_totals(s, cid, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert (post.network, post.text, post.impressions, post.engagements) == (
        "facebook",
        "Bouquet du mois",
        2345,
        180,
    )
    # 18:30 in Paris (winter time) is 17:30 UTC
    assert post.published_at == dt.datetime(2026, 3, 14, 17, 30, tzinfo=dt.UTC)


def test_meta_daily_export_needs_the_account(db, client_ids):
    cid, _fb, ig, *_ = client_ids
    text = (
        '"Date","Instagram reach","Instagram profile visits","Followers"\n'
        '"2026-03-01T00:00:00","1 200","30","8000"\n"2026-03-02T00:00:00","900","12","8010"\n'
    )
    with pytest.raises(ValidationError, match="--account"), db.session() as s:
        import_metrics_text(s, cid, text)
    with db.session() as s:
        result = import_metrics_text(s, cid, text, account="aquarelle.petales")
    assert result.layout == "meta-daily" and result.rows == 2 and not result.errors
    with db.read() as s:
        rows = account_days(s, cid, DAY, DAY + dt.timedelta(days=1))
    assert [(r.account_id, r.reach, r.followers) for r in rows] == [
        (ig, 1200, 8000),
        (ig, 900, 8010),
    ]


def test_unknown_layout_is_a_clear_error(db, client_ids):
    with pytest.raises(ValidationError, match="Unknown CSV layout"), db.session() as s:
        import_metrics_text(s, client_ids[0], "a,b\n1,2\n")


def test_an_unknown_header_with_a_line_break_is_still_one_line(db, client_ids):
    # found by the importers' fuzzing: a lone carriage return inside the header's cells
    with pytest.raises(ValidationError) as caught, db.session() as s:
        import_metrics_text(s, client_ids[0], ",\r0,x\x1b\n1,2,3\n")
    message = caught.value.message
    assert message.startswith("Unknown CSV layout") and "\n" not in message.strip()
    assert "\r" not in message and "\x1b" not in message


def test_follower_jump_without_engagement_is_detected(db, client_ids):
    cid, fb, ig, *_ = client_ids
    samples = []
    for i in range(90):
        day = DAY + dt.timedelta(days=i)
        followers = 5000 + 10 * i + (2500 if i >= 60 else 0) + (3000 if i >= 75 else 0)
        engagements = 200 + (i % 7) * 5 + (900 if 75 <= i <= 77 else 0)  # a real viral post
        samples.append(AccountMetricSample(fb, day, followers=followers, engagements=engagements))
        samples.append(AccountMetricSample(ig, day, followers=3000 + 12 * i, engagements=150))
    with db.session() as s:
        record_account_samples(s, cid, samples)
    with db.read() as s:
        jumps = detect_follower_jumps(s, cid, DAY, DAY + dt.timedelta(days=89))
    assert [(j.account_id, j.day, j.gain) for j in jumps] == [
        (fb, DAY + dt.timedelta(days=60), 2510)
    ]


def test_best_posting_slots_for_the_calendar_hint(db, client_ids):
    from app.services.reports.dashboard import best_posting_slots

    cid = client_ids[0]
    today = dt.date(2026, 6, 30)
    samples, details = [], {}
    for week in range(8):
        tuesday = dt.date(2026, 5, 5) + dt.timedelta(weeks=week)  # 19:00 in Paris (summer)
        monday = tuesday - dt.timedelta(days=1)
        for ext, day, hour, reactions in (
            (f"t{week}", tuesday, 17, 300),
            (f"m{week}", monday, 7, 20),
        ):
            samples.append(PostMetricSample("facebook", ext, day, reactions=reactions))
            details[ext] = {"published_at": dt.datetime.combine(day, dt.time(hour), dt.UTC)}
    with db.session() as s:
        record_post_samples(s, cid, samples, details=details)
    with db.read() as s:
        slots = best_posting_slots(s, cid, today)
    assert slots[0] == (1, 19) and (0, 9) in slots
    from app.services.reports.slots import posting_hint

    with db.read() as s:
        hint = posting_hint(s, cid, today)
    assert tuple((h.weekday, h.hour) for h in hint.slots) == slots  # what the calendar shows
    best = hint.slots[0]
    assert best.average_engagements == 300 and best.posts == 8 and hint.posts == 16
    assert hint.start == today - dt.timedelta(days=365) and hint.end == today

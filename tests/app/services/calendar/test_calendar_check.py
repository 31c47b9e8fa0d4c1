"""The charter's rules applied to the calendar, with CharterRules built by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from app.services.calendar.check import check_calendar, check_posts
from app.services.calendar.keydates import KeyDate, key_dates, mothers_day_fr, nth_weekday
from app.services.calendar.query import PostChip
from app.services.charter.rules import NetworkVolume, default_rules

PARIS = ZoneInfo("Europe/Paris")
MONDAY = dt.date(2026, 3, 2)


def chip(pid, day, hour, networks=("facebook",), category="produit", status="approved"):
    when = dt.datetime.combine(day, dt.time(hour), tzinfo=PARIS).astimezone(dt.UTC)
    return PostChip(pid, when, False, f"P{pid}", status, category, "", networks, "texte", 1)


def rules(*vols):
    return dataclasses.replace(default_rules(1), networks=tuple(vols), status="signed")


def codes(findings):
    return sorted(f.code for f in findings)


def test_no_charter_networks_means_no_network_or_volume_warning():
    posts = [chip(1, MONDAY, 10, ("x",))]
    out = check_posts(posts, default_rules(1), PARIS, MONDAY, MONDAY + dt.timedelta(6))
    assert codes(out) == []


def test_network_not_listed_and_volume_range():
    vol = NetworkVolume("facebook", posts_per_week_min=3, posts_per_week_max=5)
    week2 = MONDAY + dt.timedelta(days=7)
    posts = [chip(1, MONDAY, 10), chip(2, MONDAY, 11, ("facebook", "x"))]
    posts += [chip(10 + i, week2 + dt.timedelta(days=i), 10) for i in range(6)]
    out = check_posts(posts, rules(vol), PARIS, MONDAY, MONDAY + dt.timedelta(13))
    assert codes(out) == ["network_not_in_charter", "volume_high", "volume_low"]
    low = next(f for f in out if f.code == "volume_low")
    assert low.day == MONDAY and "2 posts" in low.message
    # exactly at the bounds: nothing
    ok = [chip(i, MONDAY + dt.timedelta(days=i), 10) for i in range(3)]
    assert codes(check_posts(ok, rules(vol), PARIS, MONDAY, MONDAY + dt.timedelta(6))) == []


def test_hours_outside_windows_in_local_time_across_dst():
    vol = NetworkVolume(
        "facebook", best_hours=((dt.time(9), dt.time(12)), (dt.time(17), dt.time(19)))
    )
    # 29 March 2026 is the switch to summer time: 10:00 local must still be inside.
    day = dt.date(2026, 3, 29)
    posts = [chip(1, day, 10), chip(2, day, 13), chip(3, day, 19)]
    out = check_posts(posts, rules(vol), PARIS, day, day)
    assert [f.post_id for f in out if f.code == "off_hours"] == [2]


def test_content_mix_off_balance():
    vol = NetworkVolume("facebook", content_mix={"produit": 50, "coulisses": 50})
    posts = [chip(i, MONDAY + dt.timedelta(days=i), 10, category="produit") for i in range(4)]
    out = check_posts(posts, rules(vol), PARIS, MONDAY, MONDAY + dt.timedelta(6))
    assert codes(out) == ["mix", "mix"]
    balanced = [
        *posts[:2],
        chip(9, MONDAY, 12, category="coulisses"),
        chip(8, MONDAY, 15, category="coulisses"),
    ]
    assert codes(check_posts(balanced, rules(vol), PARIS, MONDAY, MONDAY + dt.timedelta(6))) == []


def test_not_approved_soon_is_an_error_and_key_date_is_a_hint():
    now = dt.datetime(2026, 2, 10, 8, tzinfo=dt.UTC)
    posts = [chip(1, dt.date(2026, 2, 10), 10, status="draft")]
    kd = {
        dt.date(2026, 2, 14): [KeyDate(dt.date(2026, 2, 14), "Saint-Valentin", "marketing")],
        dt.date(2026, 2, 20): [KeyDate(dt.date(2026, 2, 20), "Jour férié", "holiday")],
    }
    out = check_posts(
        posts, default_rules(1), PARIS, dt.date(2026, 2, 9), dt.date(2026, 2, 22), kd, now
    )
    assert [(f.severity, f.code) for f in out] == [("error", "not_approved"), ("hint", "key_date")]
    # a post two days before Valentine's Day covers it
    posts.append(chip(2, dt.date(2026, 2, 12), 10))
    out = check_posts(
        posts, default_rules(1), PARIS, dt.date(2026, 2, 9), dt.date(2026, 2, 22), kd, now
    )
    assert "key_date" not in codes(out)


def test_mothers_day_moves_when_pentecost():
    years = [y for y in range(1990, 2100) if mothers_day_fr(y).month == 6]
    assert years, "some years have Pentecost on the last Sunday of May"
    for y in years:
        assert mothers_day_fr(y) == nth_weekday(y, 5, 6, -1) + dt.timedelta(days=7)
    assert mothers_day_fr(2026) == dt.date(2026, 5, 31)
    days = key_dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    names = {kd.name for kds in days.values() for kd in kds}
    assert {"Saint-Valentin", "Fête des mères", "Black Friday", "Jour de l'an"} <= names
    assert any(kd.name == "Black Friday" for kd in days[dt.date(2026, 11, 27)])
    en = key_dates(dt.date(2026, 2, 14), dt.date(2026, 2, 14), "en")
    assert en[dt.date(2026, 2, 14)][0].name == "Valentine's Day"


def test_check_calendar_reads_rules_in_force(db):
    from app.services.calendar import posts
    from app.services.clients import workspaces as clients

    with db.session() as s:
        cid = clients.create_client(s, "Fleurs").id
        posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 2, 12, 9, tzinfo=dt.UTC),
            variants=[posts.VariantInput("x", "Bonjour")],
        )
    with db.read() as s:
        out = check_calendar(
            s,
            cid,
            dt.date(2026, 2, 1),
            dt.date(2026, 2, 28),
            now=dt.datetime(2026, 2, 11, tzinfo=dt.UTC),
        )
    assert "not_approved" in codes(out)
    assert any(f.code == "key_date" and "Chandeleur" in f.message for f in out)

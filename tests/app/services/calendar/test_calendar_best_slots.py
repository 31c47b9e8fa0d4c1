"""Best times to post (from the metrics of published posts) fed back to the calendar."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.models.metrics import PostMetricDay
from app.services.calendar import posts
from app.services.calendar.check import check_calendar
from app.services.calendar.slots import best_slots, hours_from_best, next_best_slot
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients

PARIS = ZoneInfo("Europe/Paris")
TODAY = dt.date(2026, 2, 11)  # a Wednesday


def seed_metrics(db, cid, today=TODAY):
    """Six weeks of Facebook posts: Tuesdays 18:00 shine, Thursdays 12:00 do well,
    Mondays 08:00 are weak, and a lone Sunday 22:00 post (too few to count)."""
    slots = ((1, 18, 90), (3, 12, 60), (0, 8, 5))
    monday = today - dt.timedelta(days=today.weekday() + 7 * 7)
    with db.session() as s:
        for week in range(6):
            for weekday, hour, engagement in slots:
                day = monday + dt.timedelta(days=7 * week + weekday)
                local = dt.datetime.combine(day, dt.time(hour, 5), tzinfo=PARIS)
                s.add(
                    PostMetricDay(
                        client_id=cid,
                        network="facebook",
                        external_post_id=f"fb-{day}-{hour}",
                        day=day,
                        published_at=local.astimezone(dt.UTC),
                        reactions=engagement,
                        comments=engagement // 10,
                        shares=0,
                        clicks=0,
                        impressions=1000,
                    )
                )
        lone = monday + dt.timedelta(days=6)
        s.add(
            PostMetricDay(
                client_id=cid,
                network="facebook",
                external_post_id="fb-lone",
                day=lone,
                published_at=dt.datetime.combine(lone, dt.time(22), tzinfo=PARIS),
                reactions=5000,
                comments=0,
                shares=0,
                clicks=0,
            )
        )


def charter_hours(db, cid, hours="09:00-11:00"):
    with db.session() as s:
        doc = charter.ensure_charter(s, cid)
        sec = doc.section("networks")
        row = {"network": "facebook", "handle": "Aq", "best_hours": hours}
        charter.save_section(s, cid, sec.id, data={"rows": [row]})


def test_best_slots_from_real_metrics_and_next_slot(db):
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle", timezone="Europe/Paris").id
    with db.read() as s:
        assert best_slots(s, cid, TODAY) == ()  # no metrics yet: no hint, no guess
    seed_metrics(db, cid)
    with db.read() as s:
        slots = best_slots(s, cid, TODAY)
    # best first; the lone Sunday post (one sample) does not count
    assert slots == ((1, 18), (3, 12), (0, 8))
    wednesday = dt.datetime(2026, 2, 11, 9, 30)
    assert next_best_slot(slots, wednesday) == dt.datetime(2026, 2, 12, 12, 0)
    assert next_best_slot(slots, dt.datetime(2026, 2, 12, 12, 0)) == dt.datetime(2026, 2, 16, 8)
    assert next_best_slot((), wednesday) is None
    assert hours_from_best(slots, dt.datetime(2026, 2, 11, 22, 0)) == 4
    assert hours_from_best(slots, dt.datetime(2026, 2, 11, 23, 30)) == 5.5


def test_check_hints_posts_far_from_best_and_outside_charter_hours(db):
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle", timezone="Europe/Paris").id
    seed_metrics(db, cid)
    charter_hours(db, cid, "09:00-11:00")

    def post(day, hour, title):
        with db.session() as s:
            return posts.create_post(
                s,
                cid,
                planned_at=dt.datetime.combine(day, dt.time(hour), tzinfo=PARIS),
                title=title,
                status="approved",
                variants=[posts.VariantInput("facebook", "Bonjour")],
            ).id

    far = post(dt.date(2026, 2, 18), 22, "Tard le soir")  # outside 9-11, 4 h from 18:00
    near = post(dt.date(2026, 2, 19), 19, "Après le travail")  # outside 9-11, 1 h from 18:00
    inside = post(dt.date(2026, 2, 20), 15, "Goûter")  # outside 9-11, 3 h from 12:00 and 18:00
    in_hours = post(dt.date(2026, 2, 20), 10, "Matin")  # inside the charter's hours
    with db.read() as s:
        out = check_calendar(
            s,
            cid,
            dt.date(2026, 2, 16),
            dt.date(2026, 2, 22),
            now=dt.datetime(2026, 2, 11, tzinfo=dt.UTC),
            language="en",
        )
    hints = {f.post_id: f for f in out if f.code == "far_from_best"}
    assert set(hints) == {far, inside}
    assert near not in hints and in_hours not in hints
    assert hints[far].severity == "hint"  # a hint, never an error
    assert "Tuesday 18:00" in hints[far].message and "22:00" in hints[far].message
    # the same post is also outside the charter's hours (a warning of its own)
    assert any(f.code == "off_hours" and f.post_id == far for f in out)
    # a charter without hours: no "outside the charter's hours", so no hint either
    charter_hours(db, cid, "")
    with db.read() as s:
        out = check_calendar(
            s,
            cid,
            dt.date(2026, 2, 16),
            dt.date(2026, 2, 22),
            now=dt.datetime(2026, 2, 11, tzinfo=dt.UTC),
        )
    assert not [f for f in out if f.code == "far_from_best"]

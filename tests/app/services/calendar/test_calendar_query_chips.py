"""The month's chips as light tuples: the same values on both engines, decoded once."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.services.calendar import posts
from app.services.calendar.check import check_calendar
from app.services.calendar.query import PostChip, PostFilter, page_posts, posts_between
from app.services.clients import workspaces as clients


def test_chips_carry_aware_utc_times_networks_and_a_one_line_preview(db):
    paris = ZoneInfo("Europe/Paris")
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs", timezone="Europe/Paris").id
        first = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 3, 29, 2, 30, tzinfo=dt.UTC),  # the night clocks change
            title="",
            variants=[
                posts.VariantInput("mastodon", "  Bonjour\nsecond line"),
                posts.VariantInput("facebook", ""),
            ],
        )
        second = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 3, 30, 9, 15, 7, 123456, tzinfo=paris),
            title="Printemps",
            all_day=True,
            variants=[posts.VariantInput("x", "x" * 400)],
        )
        posts.create_post(  # another client's post never shows
            s,
            clients.create_client(s, "Autre").id,
            planned_at=dt.datetime(2026, 3, 29, 12, tzinfo=dt.UTC),
            variants=[posts.VariantInput("x", "ailleurs")],
        )
    start, end = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    with db.read() as s:
        chips = posts_between(s, cid, start, end)
        assert [c.id for c in chips] == [first.id, second.id]
        a, b = chips
        assert isinstance(a, PostChip)
        assert a.planned_at == dt.datetime(2026, 3, 29, 2, 30, tzinfo=dt.UTC)
        assert a.planned_at.utcoffset() == dt.timedelta(0)
        assert b.planned_at == dt.datetime(2026, 3, 30, 7, 15, 7, 123456, tzinfo=dt.UTC)
        assert b.planned_at.tzinfo is not None and b.planned_at.utcoffset() == dt.timedelta(0)
        assert a.networks == ("facebook", "mastodon")  # ordered; the empty text is skipped
        assert a.preview == "Bonjour"
        assert (a.all_day, b.all_day) == (False, True)
        assert b.preview == "x" * 140 and b.title == "Printemps" and b.version == 1
        assert page_posts(s, cid, None, offset=1, limit=5) == [b]
        assert posts_between(s, cid, start, end, PostFilter(networks=("x",))) == [b]
        # the charter check given the period's posts finds what it finds reading them itself
        day0, day1 = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
        now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
        own = check_calendar(s, cid, day0, day1, now=now, best_slots=())
        given = check_calendar(s, cid, day0, day1, now=now, best_slots=(), posts=chips)
        assert own == given


def test_a_time_stored_by_another_tool_with_an_offset_is_read_as_utc(sqlite_db):
    from sqlalchemy import text

    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Fleurs").id
        post = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 3, 5, 8, tzinfo=dt.UTC),
            variants=[posts.VariantInput("x", "Bonjour")],
        )
        s.execute(
            text("UPDATE posts SET planned_at = '2026-03-05 10:00:00+02:00' WHERE id = :id"),
            {"id": post.id},
        )
    with sqlite_db.read() as s:
        [chip] = posts_between(
            s, cid, dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
        )
    assert chip.planned_at == dt.datetime(2026, 3, 5, 8, tzinfo=dt.UTC)
    assert chip.planned_at.utcoffset() == dt.timedelta(0)

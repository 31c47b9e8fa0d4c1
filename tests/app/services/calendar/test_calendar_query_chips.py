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


def test_every_filter_and_window_gives_the_rows_the_filter_describes(db):
    """The month's and the list's reads are SQL compiled once per filter shape: each filter
    kind, their combinations and the list's windows select exactly the posts they name, on
    both engines (the expected ids computed here from what was written)."""
    nets = (("facebook",), ("instagram", "x"), ("x",), ("mastodon", "facebook"))
    written = []
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs").id
        other = clients.create_client(s, "Autre").id
        for i in range(24):
            networks = nets[i % 4]
            spec = {
                "status": ("idea", "draft", "in_review", "approved")[i % 4],
                "category": ("produit", "coulisses", "")[i % 3],
                "campaign": ("printemps", "")[i % 2],
                "title": "Pivoines" if i % 5 == 0 else f"Post {i}",
            }
            texts = ["" if i % 6 == 0 else f"Texte {i} Galette\nsuite", f"autre {i}"]
            planned = dt.datetime(2026, 3, 1, tzinfo=dt.UTC) + dt.timedelta(hours=29 * i)
            info = posts.create_post(
                s,
                cid,
                planned_at=planned,
                variants=[posts.VariantInput(n, t) for n, t in zip(networks, texts, strict=False)],
                **spec,
            )
            text = " ".join(texts[: len(networks)])
            written.append((info.id, set(networks), spec, text, planned))
        posts.create_post(
            s,
            other,
            planned_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC),
            title="Pivoines",
            variants=[posts.VariantInput("x", "Galette")],
        )
    start, end = dt.datetime(2026, 3, 4, tzinfo=dt.UTC), dt.datetime(2026, 3, 20, tzinfo=dt.UTC)
    in_period = {w[0] for w in written if start <= w[4] < end}
    assert 0 < len(in_period) < len(written)
    cases = [
        (PostFilter(), lambda w: True),
        (PostFilter(networks=("x",)), lambda w: "x" in w[1]),
        (PostFilter(networks=("x", "facebook")), lambda w: bool({"x", "facebook"} & w[1])),
        (PostFilter(statuses=("draft", "approved")), lambda w: w[2]["status"] in ("draft", "approved")),  # noqa: E501
        (PostFilter(categories=("produit",)), lambda w: w[2]["category"] == "produit"),
        (PostFilter(campaigns=("printemps",)), lambda w: w[2]["campaign"] == "printemps"),
        (PostFilter(text="GALETTE"), lambda w: "galette" in w[3].lower()),
        (PostFilter(text="pivoines"), lambda w: "pivoines" in w[2]["title"].lower()),
        (
            PostFilter(networks=("x",), statuses=("in_review",), text="texte"),
            lambda w: "x" in w[1] and w[2]["status"] == "in_review" and "texte" in w[3].lower(),
        ),
    ]  # fmt: skip
    with db.read() as s:
        for flt, keep in cases:
            expected = [w[0] for w in written if keep(w)]
            assert [c.id for c in posts_between(s, cid, start, end, flt)] == [
                i for i in expected if i in in_period
            ], flt
            everything = page_posts(s, cid, flt, offset=0, limit=100)
            assert [c.id for c in everything] == expected, flt
            assert page_posts(s, cid, flt, offset=2, limit=3) == everything[2:5], flt
        chips = {c.id: c for c in page_posts(s, cid, None, limit=100)}
    for pid, networks, spec, _text, _when in written:
        chip = chips[pid]
        assert set(chip.networks) == networks and list(chip.networks) == sorted(networks)
        assert (chip.status, chip.category, chip.campaign) == (
            spec["status"],
            spec["category"],
            spec["campaign"],
        )

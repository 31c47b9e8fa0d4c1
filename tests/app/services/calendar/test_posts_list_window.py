"""Where the list view opens: the first post from a moment on, with a page above it."""

from __future__ import annotations

import datetime as dt

from app.services.calendar import posts
from app.services.calendar.query import PostFilter, list_window
from app.services.clients import workspaces as clients


def test_list_window_opens_at_the_first_post_from_a_moment(db):
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs").id
        base = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
        for i in range(30):
            posts.create_post(
                s,
                cid,
                planned_at=base + dt.timedelta(days=i),
                title=f"P{i:02d}",
                variants=[posts.VariantInput("x" if i % 3 else "mastodon", "Bonjour")],
            )
    start = dt.datetime(2026, 3, 21, tzinfo=dt.UTC)  # posts 20..29 are from then on
    with db.read() as s:
        w = list_window(s, cid, None, start, before=5, after=4)
        assert (w.total, w.offset, w.today_row) == (30, 15, 5)
        assert [c.title for c in w.rows] == [f"P{i:02d}" for i in range(15, 24)]
        # filtered: only Mastodon posts (every third), the same rules
        m = list_window(s, cid, PostFilter(networks=("mastodon",)), start, before=2, after=2)
        assert [c.title for c in m.rows] == ["P15", "P18", "P21", "P24"]
        assert m.rows[m.today_row].title == "P21" and m.total == 10
        # nothing from then on: the last posts, today_row past the end
        late = list_window(s, cid, None, base + dt.timedelta(days=60), before=3)
        assert [c.title for c in late.rows] == ["P27", "P28", "P29"]
        assert late.today_row == 3 == len(late.rows)

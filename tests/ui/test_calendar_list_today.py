"""The list view opens at today (the first post from today on), loads the past page by page
when scrolling up, and its Today button brings it back — on a year of posts."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from app.models.posts import Post
from app.services.calendar.query import count_before
from app.services.clients import workspaces as clients
from tests.conftest import spy_on_threads
from ui.calendar.list_model import ID_ROLE, WHEN_ROLE

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        info = clients.get_client(s, info.id)
        now = dt.datetime.now(PARIS).replace(minute=0, second=0, microsecond=0)
        # a post every 3 hours from 200 days ago to 100 days ahead (2,400 posts)
        rows = [
            {
                "client_id": info.id,
                "title": f"P{i}",
                "planned_at": (now + dt.timedelta(hours=3 * i)).astimezone(dt.UTC),
                "status": "draft",
                "uid": f"uid-{i}@test",
            }
            for i in range(-1600, 800)
        ]
        s.execute(insert(Post), rows)
    yield open_calendar(info)


def _first_visible(area):
    view = area.list_view
    return view.rowAt(0)


def _when(area, row):
    return area.list_model.index(row, 0).data(WHEN_ROLE)


def test_list_opens_at_today_and_today_works_in_list_mode(
    qtbot, area, sqlite_db, qtmodeltester, monkeypatch
):
    today = dt.datetime.now(PARIS).date()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(
            area.findChild(type(area.new_button), "view_list"), Qt.MouseButton.LeftButton
        )
    model = area.list_model
    top = _first_visible(area)
    assert top == model.today_row
    assert _when(area, top).date() == today and _when(area, top - 1).date() < today
    assert 0 < model.offset < 1600  # not the whole past loaded: a page above today only
    assert model.rowCount() < 600
    assert area.today_button.isEnabled() and today.strftime("%Y") in area.period_label.text()
    # scrolling to the top loads the page before, the same post stays under the eyes
    seen = model.index(top, 0).data(ID_ROLE)
    offset = model.offset
    reads = spy_on_threads(monkeypatch, sqlite_db)
    with qtbot.waitSignal(model.earlier_loaded, timeout=5000):  # read on a worker
        area.list_view.scrollToTop()
    assert model.offset == offset - 200
    assert reads and not any(reads), "a page was read on the GUI thread"
    assert area.list_view.rowAt(0) > 0
    assert model.index(model.today_row, 0).data(ID_ROLE) == seen
    # somewhere else, then Today: back at today's first post
    area.list_view.scrollToBottom()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(area.today_button, Qt.MouseButton.LeftButton)
    assert _when(area, _first_visible(area)).date() == today
    with sqlite_db.read() as s:
        start = dt.datetime.combine(today, dt.time(0), tzinfo=PARIS).astimezone(dt.UTC)
        assert model.offset + model.today_row == count_before(s, area.client.id, None, start)
    # the model itself, checked by Qt's tester while pages come in below and on top
    from app.services.calendar.query import PostFilter
    from ui.calendar.list_model import PostListModel

    fresh = PostListModel(sqlite_db)
    fresh.reset(area.client.id, PARIS, PostFilter(), start_at=start)
    qtmodeltester.check(fresh)
    with qtbot.waitSignal(fresh.earlier_loaded) as earlier:
        fresh.fetch_earlier()
    assert earlier.args == [200]
    fresh.fetchMore()
    assert fresh.rowCount() >= 400 and fresh.today_row == 200

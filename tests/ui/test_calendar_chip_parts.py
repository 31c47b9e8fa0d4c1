"""The month and week views own their chip parts (``view.drag``, ``view.tips``) instead of
inheriting mixins: dragging a chip moves the post in the database and hovering a chip shows
its tooltip, on both engines, exactly as before."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from ui.calendar.chip_parts import ChipDrag, ChipToolTips

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def calendar(qtbot, db, ui_settings):
    """The real CalendarArea on ``db`` (SQLite and PostgreSQL), February 2026, one post."""
    from ui.areas import AreaServices
    from ui.calendar.area import CalendarArea
    from ui.tasks import TaskRunner

    with db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        info = clients.get_client(s, info.id)
        post = posts.create_post(
            s,
            info.id,
            planned_at=dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS),
            title="Pivoines de saison, arrivage du mardi",
            variants=[VariantInput("mastodon", "Bonjour")],
        )
    tasks = TaskRunner()
    area = CalendarArea(AreaServices(db, tasks, ui_settings))
    qtbot.addWidget(area)
    area.resize(1200, 800)
    area.show()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(info)
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(dt.date(2026, 2, 10))
    yield area, post.id
    tasks.wait(10000)


def _planned(db, area, post_id) -> dt.datetime:
    with db.read() as s:
        return posts.get_post(s, area.client.id, post_id).planned_at.astimezone(PARIS)


def _tooltip_at(qtbot, view, pos: QPoint) -> str:
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_the_views_own_their_parts_instead_of_mixins(calendar):
    area, _post_id = calendar
    for view in (area.month_view, area.week_view):
        assert isinstance(view.drag, ChipDrag) and isinstance(view.tips, ChipToolTips)
        assert [c.__name__ for c in type(view).__mro__[:2]] == [type(view).__name__, "QWidget"]


def test_drag_a_month_chip_to_another_day(qtbot, db, calendar):
    area, post_id = calendar
    view = area.month_view
    start = view.chip_rect(post_id).center()
    target = view.cell_rect(dt.date(2026, 2, 19)).center()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(15, 5))
    qtbot.mouseMove(view, target)
    assert view.drag.dragging is not None and view.drag.dragging.id == post_id
    assert view.drag.pos == target
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=target)
    assert view.drag.dragging is None
    assert _planned(db, area, post_id) == dt.datetime(2026, 2, 19, 18, 15, tzinfo=PARIS)
    assert [c.id for c in view.posts_on(dt.date(2026, 2, 19))] == [post_id]


def test_a_click_without_moving_is_no_drag(qtbot, db, calendar):
    area, post_id = calendar
    view = area.month_view
    moves = []
    view.move_requested.connect(lambda *a: moves.append(a))
    start = view.chip_rect(post_id).center()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(1, 0))  # under the platform's drag distance
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(1, 0))
    assert view.drag.dragging is None and moves == [] and view.selected_id == post_id


def test_drag_a_week_chip_to_another_day_and_hour(qtbot, db, calendar):
    area, post_id = calendar
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_view("week")
    week = area.week_view
    start = week.chip_rect(post_id).center()
    target = week.slot_rect(dt.date(2026, 2, 12), dt.time(9, 30)).topLeft() + QPoint(20, 3)
    qtbot.mousePress(week, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(week, start + QPoint(10, 10))
    qtbot.mouseMove(week, target)
    assert week.drag.dragging is not None and week.drag.dragging.id == post_id
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseRelease(week, Qt.MouseButton.LeftButton, pos=target)
    assert _planned(db, area, post_id) == dt.datetime(2026, 2, 12, 9, 30, tzinfo=PARIS)


def test_hover_a_chip_shows_its_tooltip_and_nothing_between_chips(qtbot, calendar):
    area, post_id = calendar
    view = area.month_view
    chip = view.chip_rect(post_id)
    text = _tooltip_at(qtbot, view, chip.center())
    assert "Pivoines de saison, arrivage du mardi" in text
    empty = view.cell_rect(dt.date(2026, 2, 25)).center()
    assert _tooltip_at(qtbot, view, empty) == ""
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_view("week")
    week = area.week_view
    assert "Pivoines de saison" in _tooltip_at(qtbot, week, week.chip_rect(post_id).center())
    assert "18:15" in _tooltip_at(qtbot, week, week.chip_rect(post_id).center())

"""Best times to post in the calendar: shaded in the week view, proposed by the editor,
listed as a hint by the check panel — from real metrics of published posts."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from app.models.metrics import PostMetricDay
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from tests.conftest import wait_editor

PARIS = ZoneInfo("Europe/Paris")


def seed_metrics(db, cid, today):
    """Six weeks of posts: Tuesdays 18:00 shine, Thursdays 12:00 do well, Mondays 08:00 not."""
    monday = today - dt.timedelta(days=today.weekday() + 7 * 7)
    with db.session() as s:
        for week in range(6):
            for weekday, hour, engagement in ((1, 18, 90), (3, 12, 60), (0, 8, 5)):
                day = monday + dt.timedelta(days=7 * week + weekday)
                local = dt.datetime.combine(day, dt.time(hour, 5), tzinfo=PARIS)
                s.add(
                    PostMetricDay(
                        client_id=cid,
                        network="mastodon",
                        external_post_id=f"m-{day}-{hour}",
                        day=day,
                        published_at=local.astimezone(dt.UTC),
                        reactions=engagement,
                        comments=0,
                        shares=0,
                        clicks=0,
                    )
                )


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        doc = charter.ensure_charter(s, info.id)
        row = {"network": "mastodon", "handle": "aq", "best_hours": "09:00-11:00"}
        charter.save_section(s, info.id, doc.section("networks").id, data={"rows": [row]})
        info = clients.get_client(s, info.id)
    seed_metrics(sqlite_db, info.id, dt.date.today())
    yield open_calendar(info)


def test_week_view_shades_best_slots_and_check_lists_a_hint(qtbot, area, sqlite_db):
    day = dt.date.today() + dt.timedelta(days=14)
    monday = day - dt.timedelta(days=day.weekday())
    late = monday + dt.timedelta(days=2)  # Wednesday 22:00: far from 18:00, outside 9–11
    with sqlite_db.session() as s:
        p = posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime.combine(late, dt.time(22), tzinfo=PARIS),
            title="Tard le soir",
            status="approved",
            variants=[VariantInput("mastodon", "Bonsoir")],
        )
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(day)
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_view("week")
    week = area.week_view
    assert week.best_slots == ((1, 18), (3, 12), (0, 8))
    area.week_scroll.ensureVisible(0, 18 * 44, 0, 200)
    image = week.grab().toImage()
    tuesday_18 = week.slot_rect(monday + dt.timedelta(days=1), dt.time(18, 20))
    tuesday_15 = week.slot_rect(monday + dt.timedelta(days=1), dt.time(15, 20))
    shaded = QColor(image.pixel(tuesday_18.center() + QPoint(-20, 0)))
    plain = QColor(image.pixel(tuesday_15.center() + QPoint(-20, 0)))
    assert plain.name() == "#ffffff"
    assert shaded.green() > shaded.red() and shaded.name() != "#ffffff"  # a green band
    from ui.calendar.findings import SEVERITY_ROLE

    items = [area.findings.item(i) for i in range(area.findings.count())]
    item = next(i for i in items if "Tard le soir" in i.text() and "best times" in i.text())
    assert item.data(SEVERITY_ROLE) == "hint" and "Tuesday 18:00" in item.text()
    assert area.week_view.flags.get(p.id) != "error"  # a hint does not flag the chip red


def test_editor_proposes_the_next_best_slot(qtbot, area, sqlite_db):
    day = dt.date.today() + dt.timedelta(days=14)
    monday = day - dt.timedelta(days=day.weekday())
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(day)
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_view("week")
    # New post: planned at the next best slot from now on
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    when = editor.when.dateTime().toPython()
    assert (when.weekday(), when.hour, when.minute) in {(1, 18, 0), (3, 12, 0), (0, 8, 0)}
    assert dt.datetime.now() < when <= dt.datetime.now() + dt.timedelta(days=7)
    assert editor.best_button.isHidden()  # already there
    editor.reject()
    # Quick add on Wednesday 10:00: the editor keeps that time and offers Thursday 12:00
    week = area.week_view
    wednesday = monday + dt.timedelta(days=2)
    area.week_scroll.ensureVisible(0, 10 * 44, 0, 200)
    pos = week.slot_rect(wednesday, dt.time(10, 0)).center()
    qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=pos)
    editor = wait_editor(qtbot, area)
    assert editor.when.dateTime().toPython() == dt.datetime.combine(wednesday, dt.time(10))
    assert editor.best_button.isVisible() and "12:00" in editor.best_button.text()
    qtbot.mouseClick(editor.best_button, Qt.MouseButton.LeftButton)
    thursday_noon = dt.datetime.combine(wednesday + dt.timedelta(days=1), dt.time(12))
    assert editor.when.dateTime().toPython() == thursday_noon
    editor.variant_tabs["mastodon"].text.insertPlainText("À midi")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(
            editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    with sqlite_db.read() as s:
        saved = [posts.get_post(s, area.client.id, c.id) for c in area._chips.values()]
    assert [p.planned_at.astimezone(PARIS).replace(tzinfo=None) for p in saved] == [thursday_noon]

"""The post editor writes through the operation helper: a save reaches the month views of this
seat through the change feed (no hand-rolled refresh), and a save made stale by another
process opens the conflict dialog — never an error box. On a SQLite file and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of, wait_editor
from tests.harness import popen as forked
from ui.areas import AreaServices
from ui.calendar.area import CalendarArea
from ui.conflict_dialog import ConflictDialog
from ui.tasks import TaskRunner

PARIS = ZoneInfo("Europe/Paris")
DAY = dt.date(2026, 2, 10)


@pytest.fixture
def seat(qtbot, db, ui_settings, monkeypatch):
    """Two calendar areas of one seat (one feed), Aquarelle shown; error boxes recorded."""
    import ui.calendar.editor_saving as saving
    import ui.operations as operations

    errors: list[str] = []
    for module in (saving, operations):
        monkeypatch.setattr(module, "show_error", lambda _p, exc: errors.append(repr(exc)))
    with db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        post = posts.create_post(
            s,
            info.id,
            planned_at=dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS),
            title="Pivoines",
            variants=[VariantInput("mastodon", "Bonjour")],
        )
        info = clients.get_client(s, info.id)
    tasks = TaskRunner()
    services = AreaServices(db, tasks, ui_settings)
    areas = []
    for _ in range(2):
        area = CalendarArea(services)
        qtbot.addWidget(area)
        area.resize(1366, 768)
        area.show()
        with qtbot.waitSignal(area.loaded, timeout=10000):
            area.set_client(info)
        with qtbot.waitSignal(area.loaded, timeout=10000):
            area.go_to(DAY)
        areas.append(area)
    yield areas, post, errors
    for area in areas:
        if area.editor is not None:
            area.editor._autosave.stop()
    tasks.wait(10000)


def _titles(area) -> list[str]:
    return [c.title for c in area.month_view.posts_on(DAY)]


def _open(qtbot, area, post_id):
    view = area.month_view
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=view.chip_rect(post_id).center())
    editor = wait_editor(qtbot, area)
    editor._autosave.stop()
    return editor


def _save_button(editor):
    return editor.buttons.button(editor.buttons.StandardButton.Save)


def test_a_save_reaches_every_month_view_of_the_seat_through_the_feed(qtbot, db, seat):
    (mine, other), post, errors = seat
    announced = []
    mine.services.feed.changed.connect(announced.append)
    editor = _open(qtbot, mine, post.id)
    editor.title.setText("Pivoines du marché")
    editor._autosave.stop()
    qtbot.mouseClick(_save_button(editor), Qt.MouseButton.LeftButton)
    # the other area was never told anything but what the feed carries
    qtbot.waitUntil(lambda: _titles(other) == ["Pivoines du marché"], timeout=5000)
    qtbot.waitUntil(lambda: _titles(mine) == ["Pivoines du marché"], timeout=5000)
    assert not editor.isVisible()  # closed once the write landed
    ours = [c for c in announced if c.local and c.touches("posts", mine.client.id)]
    assert ours and post.id in (ours[0].ids("posts", mine.client.id) or ())
    with db.read() as s:
        assert posts.get_post(s, mine.client.id, post.id).title == "Pivoines du marché"
    assert errors == []


def test_a_stale_save_opens_the_conflict_dialog_never_an_error_box(qtbot, db, seat):
    (mine, _other), post, errors = seat
    editor = _open(qtbot, mine, post.id)
    editor.variant_tabs["mastodon"].text.setPlainText("Bonjour de Camille")
    editor._autosave.stop()
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.calendar import posts
        from app.services.calendar.posts import VariantInput
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            posts.update_post(s, {mine.client.id}, {post.id},
                              variants=[VariantInput("mastodon", "Bonjour de Léa")])
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)  # another seat
    qtbot.mouseClick(_save_button(editor), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            isinstance(editor.conflict_dialog, ConflictDialog)
            and editor.conflict_dialog.isVisible()
        ),
        timeout=5000,
    )
    dialog = editor.conflict_dialog
    assert (dialog.mine.toPlainText(), dialog.theirs.toPlainText()) == (
        "Bonjour de Camille",
        "Bonjour de Léa",
    )
    assert editor.isVisible() and errors == []  # not saved, not an error
    with db.read() as s:
        assert posts.get_post(s, mine.client.id, post.id).variants[0].text == "Bonjour de Léa"
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.conflict_dialog is None, timeout=5000)
    with db.read() as s:
        assert posts.get_post(s, mine.client.id, post.id).variants[0].text == "Bonjour de Camille"
    assert errors == []

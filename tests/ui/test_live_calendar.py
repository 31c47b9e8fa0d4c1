"""The calendar follows other seats, on a SQLite file and on PostgreSQL: a post moved by
another process moves its chip within 2 s, and an open post editor shows who changed the
post, keeps what is typed, and reloads the other seat's version only when asked."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
import time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of, wait_editor
from tests.harness import popen as forked
from ui.notice import ChangeNotice

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def calendar(db, open_live_calendar):
    with db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        post = posts.create_post(
            s,
            info.id,
            planned_at=dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS),
            title="Pivoines",
            variants=[VariantInput("mastodon", "Bonjour")],
        )
        info = clients.get_client(s, info.id)
    return open_live_calendar(info, dt.date(2026, 2, 10)), post


def _other_seat(db, code: str) -> float:
    script = (
        "from app.db import Database\nfrom app.services.calendar import posts\n"
        + textwrap.dedent(
            f"""
        import datetime as dt
        from zoneinfo import ZoneInfo
        from app.services.calendar.posts import VariantInput
        db = Database({db_url_of(db)!r})
        with db.session() as s:
        """
        )
        + textwrap.indent(textwrap.dedent(code), "    ")
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    return time.monotonic()


def _chip_day(area, post_id):
    chip = area._chips.get(post_id)
    return chip.planned_at.astimezone(PARIS).date() if chip else None


def test_a_post_moved_by_another_process_moves_its_chip(qtbot, db, calendar):
    area, post = calendar
    assert _chip_day(area, post.id) == dt.date(2026, 2, 10)
    before = area.month_view.chip_rect(post.id)
    committed = _other_seat(
        db,
        f"""
        posts.move_post(s, {area.client.id}, {post.id},
                        dt.datetime(2026, 2, 13, 9, 0, tzinfo=ZoneInfo("Europe/Paris")))
        """,
    )
    qtbot.waitUntil(lambda: _chip_day(area, post.id) == dt.date(2026, 2, 13), timeout=2000)
    assert time.monotonic() - committed < 2.0
    assert area.month_view.chip_rect(post.id) != before  # painted on its new day


def test_an_open_editor_shows_the_notice_and_keeps_the_typed_text(qtbot, db, calendar, tmp_path):
    area, post = calendar
    view = area.month_view
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=view.chip_rect(post.id).center())
    editor = wait_editor(qtbot, area)
    editor._autosave.stop()
    tab = editor.variant_tabs["mastodon"]
    tab.text.setPlainText("Ce que je suis en train d'écrire")
    editor._autosave.stop()  # the test looks at the notice, not at the autosave
    _other_seat(
        db,
        f"""
        posts.update_post(s, {area.client.id}, {post.id}, title="Pivoines du marché")
        """,
    )
    qtbot.waitUntil(
        lambda: (
            editor.findChild(ChangeNotice) is not None
            and editor.findChild(ChangeNotice).isVisible()
        ),
        timeout=2000,
    )
    notice = editor.findChild(ChangeNotice)
    assert "Camille Test" in notice.label.text() and "another seat" in notice.label.text()
    assert tab.text.toPlainText() == "Ce que je suis en train d'écrire"  # never replaced
    assert editor.title.text() == "Pivoines"
    editor.grab().save(str(tmp_path / "editor-notice.png"))
    qtbot.mouseClick(notice.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.editor is not None and area.editor is not editor, timeout=5000)
    reopened = wait_editor(qtbot, area)
    assert reopened.title.text() == "Pivoines du marché"
    assert reopened.variant_tabs["mastodon"].text.toPlainText() == "Bonjour"
    reopened._autosave.stop()

"""The charter follows other seats, on a SQLite file and on PostgreSQL: a section saved by
another process shows up within 2 s when nothing is being edited here; while a section is
being typed in, a notice says who changed it and when, the typed text stays, and Reload
shows the other seat's text."""

from __future__ import annotations

import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of
from tests.harness import popen as forked
from ui.areas import AreaServices
from ui.charter.charter_area import CharterArea
from ui.live import LiveFeed
from ui.tasks import TaskRunner


@pytest.fixture
def charter_area(qtbot, db, ui_settings):
    with db.session() as s:
        info = clients.create_client(s, "Aquarelle", language="fr")
        charter.ensure_charter(s, info.id)
        info = clients.get_client(s, info.id)
    tasks = TaskRunner()
    feed = LiveFeed(db)
    feed.start()
    qtbot.waitUntil(lambda: feed.state == "live", timeout=5000)
    area = CharterArea(AreaServices(db, tasks, ui_settings, feed))
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(info)
    yield area
    feed.stop()
    area.autosave.stop()
    tasks.wait(10000)


def _other_seat_writes(db, cid: int, key: str, html: str) -> None:
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.charter import versions as charter
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            section = charter.load(s, {cid}).section({key!r})
            charter.save_section(s, {cid}, section.id, html={html!r})
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)


def test_a_section_saved_elsewhere_shows_when_nothing_is_edited(qtbot, db, charter_area):
    area = charter_area
    area.select_section("context")
    area.navigator.setFocus()
    _other_seat_writes(db, area.client.id, "context", "<p>Nouveau contexte, écrit par Léa</p>")
    qtbot.waitUntil(
        lambda: "écrit par Léa" in area.pages["context"].editor.edit.toPlainText(), timeout=2000
    )
    assert area.current_key() == "context"  # the section shown stays the same
    assert not area.notice.isVisible()


def test_while_typing_a_notice_keeps_the_text_and_reload_brings_theirs(
    qtbot, db, charter_area, tmp_path
):
    area = charter_area
    area.select_section("context")
    edit = area.pages["context"].editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " Ce que je tape")
    area.autosave.stop()  # still unsaved when the other seat's change arrives
    _other_seat_writes(db, area.client.id, "context", "<p>Version de Léa</p>")
    qtbot.waitUntil(area.notice.isVisible, timeout=2000)
    assert "Camille Test" in area.notice.label.text()
    assert edit.toPlainText().endswith(" Ce que je tape")
    area.grab().save(str(tmp_path / "charter-notice.png"))
    with qtbot.waitSignal(area.loaded, timeout=5000):
        qtbot.mouseClick(area.notice.reload_button, Qt.MouseButton.LeftButton)
    assert area.pages["context"].editor.edit.toPlainText() == "Version de Léa"
    assert not area.notice.isVisible()

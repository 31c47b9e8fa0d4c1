"""Every charter write goes out on the change feed (so the calendar's check and the other
seats follow), and a version another seat sent or signed meanwhile opens the conflict
dialog naming who, instead of an error — on a SQLite file and on PostgreSQL, the other seat
being another process."""

from __future__ import annotations

import os
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.services.charter import versions as charter
from app.services.charter.labels import status_label
from app.services.clients import workspaces as clients
from app.services.people import agency as agency_service
from tests.conftest import db_url_of
from tests.harness import popen as forked
from ui.areas import AreaServices
from ui.charter.charter_area import CharterArea
from ui.conflict_dialog import ConflictDialog
from ui.tasks import TaskRunner


@pytest.fixture
def seat(qtbot, db, ui_settings, monkeypatch):
    errors: list[str] = []
    for module in ("ui.charter.charter_save", "ui.charter.charter_actions"):
        monkeypatch.setattr(
            f"{module}.show_error", lambda p, exc, title=None: errors.append(str(exc))
        )
    with db.session() as s:
        agency_service.save_agency(s, name="Social & Co")
        agency_service.add_staff(s, "Thomas Leroy", "Directeur de clientèle")
        c = clients.create_client(s, "Aquarelle", language="fr")
        sophie = clients.save_contact(s, c.id, name="Sophie Garnier", role="SAV")
        doc = charter.ensure_charter(s, c.id)
        for key, rows in {
            "escalation": [{"category": "complaint", "contact": sophie.id, "delay": 60}],
            "networks": [{"network": "facebook", "posts_min": 3}],
        }.items():
            charter.save_section(s, c.id, doc.section(key).id, data={"rows": rows})
        info = clients.get_client(s, c.id)
    tasks = TaskRunner()
    area = CharterArea(AreaServices(db, tasks, ui_settings))
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(info)
    seen: list = []
    area.services.feed.changed.connect(seen.append)
    yield area, seen, errors
    area.autosave.stop()
    tasks.wait(10000)


def _kinds(seen) -> set[str]:
    return {c.kind for changeset in seen for c in changeset.changes}


def test_the_autosave_and_the_version_writes_are_announced(qtbot, seat):
    area, seen, errors = seat
    area.select_section("context")
    page = area.pages["context"]
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " Livraison le dimanche")
    with qtbot.waitSignal(area.saved, timeout=10000):
        area.saver.save_in_background()  # the autosave, without waiting 1.5 s
    assert seen and all(changeset.local for changeset in seen)
    sections = seen[-1].ids("charter_section", area.client.id)
    assert sections is not None and page.section.id in sections
    seen.clear()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(area.send_button, Qt.MouseButton.LeftButton)
    assert "charter" in _kinds(seen)
    assert area.doc.version.status == "sent_for_signature"
    seen.clear()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(area.withdraw_button, Qt.MouseButton.LeftButton)
    assert "charter" in _kinds(seen) and area.doc.version.status == "draft"
    assert errors == []


def _other_seat_sends(db, cid: int, version_id: int) -> None:
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.charter import signing
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            signing.send_for_signature(s, {cid}, {version_id})
        """
    )
    env = {**os.environ, "TRIBUNE_USER": "lea"}
    forked.run([sys.executable, "-c", script], check=True, timeout=60, env=env)


def test_a_version_sent_by_another_seat_meanwhile_opens_the_conflict_dialog(
    qtbot, db, seat, tmp_path
):
    area, _seen, errors = seat
    doc = area.doc
    _other_seat_sends(db, doc.client_id, doc.version.id)
    assert area.doc.version.status == "draft"  # this seat has not heard of it yet
    with qtbot.waitSignal(area.loaded, timeout=10000):  # reloaded: the version as it is now
        qtbot.mouseClick(area.send_button, Qt.MouseButton.LeftButton)
    dialog = area._conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert "lea" in dialog.details.by and "Version 1" in dialog.details.title
    assert dialog.details.theirs == status_label("sent_for_signature")
    assert dialog.details.mine == status_label(
        "sent_for_signature"
    )  # asked: the same    assert area.doc.version.status == "sent_for_signature"
    assert area.withdraw_button.isVisible() and not area.send_button.isVisible()
    assert errors == []  # a conflict, never an error box
    dialog.grab().save(str(tmp_path / "version-conflict.png"))
    dialog.reject()


def test_a_version_signed_by_another_seat_shows_here_within_two_seconds(qtbot, db, ui_settings):
    """Seat A watches the change feed (NOTIFY on PostgreSQL, data_version on SQLite); seat
    B, another process, sends the version for signature: A's open charter turns read-only
    with its banner, without a click."""
    import time

    from ui.live import LiveFeed

    with db.session() as s:
        c = clients.create_client(s, "Aquarelle", language="fr")
        sophie = clients.save_contact(s, c.id, name="Sophie Garnier", role="SAV")
        doc = charter.ensure_charter(s, c.id)
        for key, rows in {
            "escalation": [{"category": "complaint", "contact": sophie.id, "delay": 60}],
            "networks": [{"network": "facebook", "posts_min": 3}],
        }.items():
            charter.save_section(s, c.id, doc.section(key).id, data={"rows": rows})
        info = clients.get_client(s, c.id)
    tasks = TaskRunner()
    feed = LiveFeed(db)
    feed.start()
    qtbot.waitUntil(lambda: feed.state == "live", timeout=5000)
    area = CharterArea(AreaServices(db, tasks, ui_settings, feed))
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    try:
        with qtbot.waitSignal(area.loaded, timeout=10000):
            area.set_client(info)
        area.navigator.setFocus()  # nothing being typed here
        assert area.send_button.isVisible() and not area.banner.isVisible()
        _other_seat_sends(db, info.id, doc.version.id)
        sent = time.monotonic()
        qtbot.waitUntil(lambda: area.banner.isVisible(), timeout=2000)
        assert time.monotonic() - sent <= 2.0
        assert area.withdraw_button.isVisible() and not area.send_button.isVisible()
        assert area.pages["context"].editor.edit.isReadOnly()
    finally:
        feed.stop()
        area.autosave.stop()
        tasks.wait(10000)

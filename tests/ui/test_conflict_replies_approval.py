"""A stale save of a saved reply, or a client's decision recorded on a post a colleague
changed meanwhile: the conflict dialog (mine, theirs, who), never a plain error box."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.inbox import replies as inbox_replies
from tests.ui.test_conflict_screens import as_colleague, inbox_area  # noqa: F401
from ui.conflict_dialog import ConflictDialog

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def no_error_box(monkeypatch):
    boxes = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: boxes.append(a) or 0)
    return boxes


def _dialog(qtbot, owner) -> ConflictDialog:
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(owner, "conflict_dialog", None), ConflictDialog)
            and owner.conflict_dialog.isVisible()
        ),
        timeout=5000,
    )
    return owner.conflict_dialog


def test_a_saved_reply_rewritten_meanwhile_asks_mine_or_theirs(qtbot, inbox_area, no_error_box):  # noqa: F811
    area, db, cid, _me, _lea = inbox_area
    with db.session() as s:
        rid = inbox_replies.save_reply_template(s, cid, "Horaires", "Ouvert le dimanche")
    area.reload_saved()
    qtbot.waitUntil(lambda: any(r.id == rid for r in getattr(area, "saved_list", [])))
    area.manage_saved()
    dialog = area.dialog
    qtbot.waitUntil(dialog.isVisible)

    def colleague():
        with db.session() as s:
            inbox_replies.update_saved_reply(s, cid, rid, "Horaires", "Ouvert de 9 h à 12 h")

    as_colleague(colleague)
    dialog.body.setPlainText("Ouvert le dimanche matin")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    conflict = _dialog(qtbot, dialog)
    assert "Léa Martin" in conflict.who.text()
    assert conflict.mine.toPlainText() == "Ouvert le dimanche matin"
    assert conflict.theirs.toPlainText() == "Ouvert de 9 h à 12 h"
    with db.read() as s:  # nothing written over theirs
        assert inbox_replies.saved_replies(s, cid)[0].body == "Ouvert de 9 h à 12 h"
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    conflict.merge.setPlainText("Ouvert de 9 h à 12 h, et le dimanche matin")
    qtbot.mouseClick(conflict.save_merge, Qt.MouseButton.LeftButton)

    def stored():
        with db.read() as s:
            return inbox_replies.saved_replies(s, cid)[0].body

    qtbot.waitUntil(lambda: stored() == "Ouvert de 9 h à 12 h, et le dimanche matin")

    as_colleague(colleague)  # again; this time keep theirs
    dialog.body.setPlainText("Fermé")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    conflict = _dialog(qtbot, dialog)
    qtbot.mouseClick(conflict.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.body.toPlainText() == "Ouvert de 9 h à 12 h")
    assert stored() == "Ouvert de 9 h à 12 h"
    assert no_error_box == []


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
    yield open_calendar(info, dt.date(2026, 2, 10))


def _in_review(qtbot, area, db, title):
    """A post put before the client (the approval sheet keeps the content it shows)."""
    from app.services.calendar.approval import submit_for_review

    at = dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS)
    with db.session() as s:
        p = posts.create_post(
            s, area.client.id, planned_at=at, title=title,
            variants=[VariantInput("facebook", "Pivoines")],
        )  # fmt: skip
        submit_for_review(s, area.client.id, at - dt.timedelta(days=1), at + dt.timedelta(days=1))
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.reload()
    return p


def _status(db, cid, pid):
    with db.read() as s:
        return posts.get_post(s, cid, pid).status


def test_approval_of_a_post_moved_meanwhile_asks_and_keep_mine_records_it(
    qtbot, area, sqlite_db, no_error_box
):
    db, cid = sqlite_db, area.client.id
    p = _in_review(qtbot, area, db, "Pivoines")

    def colleague():
        with db.session() as s:
            posts.update_post(s, cid, p.id, title="Pivoines de mai")

    as_colleague(colleague)  # the chip on screen is now stale
    area.decide(p.id, True)
    conflict = _dialog(qtbot, area)
    assert "Léa Martin" in conflict.who.text()
    assert conflict.mine.toPlainText() == "Client approved"
    assert "In review" in conflict.theirs.toPlainText()
    assert conflict.keep_mine.isVisibleTo(conflict)
    assert _status(db, cid, p.id) == "in_review"
    qtbot.mouseClick(conflict.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _status(db, cid, p.id) == "approved", timeout=5000)
    assert no_error_box == []


def test_approval_after_the_text_changed_offers_only_theirs(qtbot, area, sqlite_db, no_error_box):
    db, cid = sqlite_db, area.client.id
    p = _in_review(qtbot, area, db, "Tulipes")

    def colleague():
        with db.session() as s:
            posts.update_post(s, cid, p.id, variants=[VariantInput("facebook", "Autre texte")])

    as_colleague(colleague)
    area.decide(p.id, True)
    conflict = _dialog(qtbot, area)
    assert not conflict.keep_mine.isVisibleTo(conflict)
    assert "Autre texte" in conflict.theirs.toPlainText()
    qtbot.mouseClick(conflict.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.conflict_dialog is None)
    assert _status(db, cid, p.id) == "in_review"
    assert no_error_box == []

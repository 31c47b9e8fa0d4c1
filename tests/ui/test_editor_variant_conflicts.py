"""The post editor, per variant: a colleague's save of another network's text never
conflicts (and shows up in this editor), a save of the same network opens the conflict
dialog with who and when — keep mine, keep theirs or merge by hand — never an error box."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from app.services.calendar import edit as posts_edit
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.people.actor import current_actor, set_current_actor
from tests.conftest import wait_editor
from ui.conflict_dialog import ConflictDialog

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
    yield open_calendar(info, dt.date(2026, 2, 10))


def _colleague_edits(db, cid, pid, network, text):
    """Léa, on her own seat, saves one network's text of the post as she read it."""
    me = current_actor()
    set_current_actor("Léa Martin")
    try:
        with db.session() as s:
            base = posts.get_post(s, cid, pid)
            posts_edit.edit_post(
                s, cid, pid, base=base, planned_at=base.planned_at, title=base.title,
                category=base.category, campaign=base.campaign, notes=base.notes,
                all_day=base.all_day,
                variants=[VariantInput(v.network, text if v.network == network else v.text)
                          for v in base.variants],
            )  # fmt: skip
    finally:
        set_current_actor(me)


def _stored(db, cid, pid):
    with db.read() as s:
        return posts.get_post(s, cid, pid)


def _open(qtbot, area, db):
    with db.session() as s:
        p = posts.create_post(
            s, area.client.id, planned_at=dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS),
            title="Pivoines",
            variants=[VariantInput("facebook", "Pivoines FB"),
                      VariantInput("linkedin", "Pivoines LI")],
        )  # fmt: skip
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.reload()
    view = area.month_view
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=view.chip_rect(p.id).center())
    return p, wait_editor(qtbot, area)


def _dialog(qtbot, editor) -> ConflictDialog:
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(editor, "conflict_dialog", None), ConflictDialog)
            and editor.conflict_dialog.isVisible()
        ),
        timeout=5000,
    )
    return editor.conflict_dialog


def test_two_networks_never_conflict_and_the_same_network_asks(qtbot, area, sqlite_db):
    db, cid = sqlite_db, area.client.id
    p, editor = _open(qtbot, area, db)
    _colleague_edits(db, cid, p.id, "linkedin", "LinkedIn by Léa")
    editor.variant_tabs["facebook"].text.setPlainText("Facebook by me")
    assert editor.save()  # another network: no conflict, nothing lost
    stored = _stored(db, cid, p.id)
    assert stored.variant("facebook").text == "Facebook by me"
    assert stored.variant("linkedin").text == "LinkedIn by Léa"
    # this editor now shows Léa's LinkedIn text: a later save cannot put the old one back
    assert editor.variant_tabs["linkedin"].text.toPlainText() == "LinkedIn by Léa"
    editor.title.setText("Pivoines de mai")
    assert editor.save()
    assert _stored(db, cid, p.id).variant("linkedin").text == "LinkedIn by Léa"

    # the same network: the conflict dialog, who and when, mine and theirs
    _colleague_edits(db, cid, p.id, "facebook", "Facebook by Léa")
    editor.variant_tabs["facebook"].text.setPlainText("Facebook again by me")
    assert not editor.save()
    dialog = _dialog(qtbot, editor)
    assert "Léa Martin" in dialog.who.text()
    assert dialog.mine.toPlainText() == "Facebook again by me"
    assert dialog.theirs.toPlainText() == "Facebook by Léa"
    assert dialog.merge_button.isVisibleTo(dialog)
    assert _stored(db, cid, p.id).variant("facebook").text == "Facebook by Léa"  # not lost
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.conflict_dialog is None)
    stored = _stored(db, cid, p.id)
    assert stored.variant("facebook").text == "Facebook again by me"
    assert stored.variant("linkedin").text == "LinkedIn by Léa"


def test_merge_by_hand_and_keep_theirs(qtbot, area, sqlite_db):
    db, cid = sqlite_db, area.client.id
    p, editor = _open(qtbot, area, db)
    _colleague_edits(db, cid, p.id, "linkedin", "Léa's LinkedIn")
    editor.variant_tabs["linkedin"].text.setPlainText("My LinkedIn")
    assert not editor.save()
    dialog = _dialog(qtbot, editor)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    dialog.merge.setPlainText("Léa's LinkedIn, and mine")
    qtbot.mouseClick(dialog.save_merge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.conflict_dialog is None)
    assert _stored(db, cid, p.id).variant("linkedin").text == "Léa's LinkedIn, and mine"

    _colleague_edits(db, cid, p.id, "facebook", "Léa's Facebook")
    editor.variant_tabs["facebook"].text.setPlainText("My Facebook")
    assert not editor.save()
    dialog = _dialog(qtbot, editor)
    qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.variant_tabs["facebook"].text.toPlainText() == "Léa's Facebook")
    assert _stored(db, cid, p.id).variant("facebook").text == "Léa's Facebook"
    editor.notes.setPlainText("Checked with Léa")  # and a later save goes through
    assert editor.save()
    stored = _stored(db, cid, p.id)
    assert stored.notes == "Checked with Léa"
    assert stored.variant("facebook").text == "Léa's Facebook"

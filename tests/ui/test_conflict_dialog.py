"""The conflict dialog, driven with pytest-qt: mine and theirs side by side, who and when,
keep mine / keep theirs / merge by hand — alone, and from the post editor where a colleague
saved the same post meanwhile."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.errors import Conflict, ConflictDetails
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.people.actor import current_actor, set_current_actor
from tests.conftest import wait_editor
from ui.conflict_dialog import MERGED, MINE, THEIRS, ConflictDialog
from ui.formatting import datetime_text

PARIS = ZoneInfo("Europe/Paris")
AT = dt.datetime(2026, 2, 10, 13, 5, tzinfo=dt.UTC)


def _conflict(mine="Tulipes en promo", theirs="Tulipes de Touraine") -> Conflict:
    return Conflict(
        "Léa Martin changed « Printemps » at 14:05: your change was not saved.",
        ConflictDetails("post", 7, "Printemps", mine, theirs, "Léa Martin", AT, 3, "mastodon"),
    )


def _dialog(qtbot, conflict=None, **kw) -> ConflictDialog:
    dialog = ConflictDialog(conflict or _conflict(), zone=PARIS, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_shows_mine_theirs_who_and_when(qtbot):
    dialog = _dialog(qtbot, _conflict(mine="<b>gras</b> <img src=/etc/passwd>"))
    assert dialog.mine.toPlainText() == "<b>gras</b> <img src=/etc/passwd>"  # plain text
    assert dialog.theirs.toPlainText() == "Tulipes de Touraine"
    # the moment in the locale's words, in the client's zone (13:05 UTC is 14:05 in Paris)
    assert dialog.who.text() == "Changed by Léa Martin on " + datetime_text(
        dt.datetime(2026, 2, 10, 14, 5, tzinfo=PARIS)
    )
    assert "14:05" in dialog.who.text() or "2:05" in dialog.who.text()
    assert "/" not in dialog.who.text()
    assert dialog.who.textFormat() == Qt.TextFormat.PlainText
    assert dialog.message.text().startswith("Léa Martin changed « Printemps »")
    assert dialog.mine.isReadOnly() and dialog.theirs.isReadOnly()
    assert not dialog.merge.isVisible()


@pytest.mark.parametrize(
    ("button", "choice"), [("keep_mine", MINE), ("keep_theirs", THEIRS)]
)  # fmt: skip
def test_keep_mine_or_theirs(qtbot, button, choice):
    dialog = _dialog(qtbot)
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    assert dialog.choice == choice


def test_escape_keeps_theirs(qtbot):
    dialog = _dialog(qtbot)
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice == THEIRS


def test_merge_by_hand(qtbot):
    dialog = _dialog(qtbot)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.merge.isVisible() and dialog.save_merge.isVisible()
    assert dialog.merge.toPlainText() == "Tulipes de Touraine\nTulipes en promo"
    dialog.merge.selectAll()
    qtbot.keyClicks(dialog.merge, "Tulipes de Touraine en promo")
    with qtbot.waitSignal(dialog.finished, timeout=3000):
        qtbot.mouseClick(dialog.save_merge, Qt.MouseButton.LeftButton)
    assert (dialog.choice, dialog.merged_text) == (MERGED, "Tulipes de Touraine en promo")


def test_no_merge_where_there_is_no_text(qtbot):
    dialog = _dialog(qtbot, mergeable=False)
    assert not dialog.merge_button.isVisible() and dialog.keep_mine.isVisible()


# -- from the post editor ---------------------------------------------------------------------
@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        info = clients.get_client(s, info.id)
    yield open_calendar(info, dt.date(2026, 2, 10))


def _editor_with_a_colleagues_change(qtbot, area, db):
    with db.session() as s:
        p = posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS),
            title="Pivoines",
            variants=[VariantInput("mastodon", "Bonjour")],
        )
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.reload()
    view = area.month_view
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=view.chip_rect(p.id).center())
    editor = wait_editor(qtbot, area)
    me = current_actor()
    set_current_actor("Léa Martin")  # another seat saves the same post meanwhile
    try:
        with db.session() as s:
            posts.update_post(
                s, area.client.id, p.id, variants=[VariantInput("mastodon", "Bonjour de Léa")]
            )
    finally:
        set_current_actor(me)
    tab = editor.variant_tabs["mastodon"]
    tab.text.selectAll()
    tab.text.insertPlainText("Bonjour de Camille")
    editor._autosave.stop()
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: getattr(editor, "conflict_dialog", None) is not None, timeout=5000)
    dialog = editor.conflict_dialog
    assert dialog.isVisible() and editor.isVisible()  # not saved: the editor stays open
    assert (dialog.mine.toPlainText(), dialog.theirs.toPlainText()) == (
        "Bonjour de Camille",
        "Bonjour de Léa",
    )
    assert dialog.who.text().startswith("Changed by Léa Martin on ")
    return p, editor, dialog


def _stored(db, area, p) -> str:
    with db.read() as s:
        return posts.get_post(s, area.client.id, p.id).variant("mastodon").text


def test_editor_keep_mine_saves_over_theirs(qtbot, area, sqlite_db, tmp_path):
    p, editor, dialog = _editor_with_a_colleagues_change(qtbot, area, sqlite_db)
    editor.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "conflict.png"))
    assert _stored(sqlite_db, area, p) == "Bonjour de Léa"  # never overwritten silently
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _stored(sqlite_db, area, p) == "Bonjour de Camille", timeout=5000)


def test_editor_keep_theirs_shows_theirs(qtbot, area, sqlite_db):
    p, editor, dialog = _editor_with_a_colleagues_change(qtbot, area, sqlite_db)
    qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    tab = editor.variant_tabs["mastodon"]
    qtbot.waitUntil(lambda: tab.text.toPlainText() == "Bonjour de Léa", timeout=5000)
    assert _stored(sqlite_db, area, p) == "Bonjour de Léa"
    # and a save now goes through (the editor holds their version)
    tab.text.moveCursor(QTextCursor.MoveOperation.End)
    tab.text.insertPlainText(" et Camille")
    assert editor.save()
    assert _stored(sqlite_db, area, p) == "Bonjour de Léa et Camille"


def test_editor_merge_saves_the_merged_text(qtbot, area, sqlite_db):
    p, editor, dialog = _editor_with_a_colleagues_change(qtbot, area, sqlite_db)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    dialog.merge.setPlainText("Bonjour de Léa et Camille")
    qtbot.mouseClick(dialog.save_merge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: _stored(sqlite_db, area, p) == "Bonjour de Léa et Camille", timeout=5000
    )
    assert editor.variant_tabs["mastodon"].text.toPlainText() == "Bonjour de Léa et Camille"

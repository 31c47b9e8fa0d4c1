"""The editor's own edits (text, time, networks, status) are undone with Ctrl+Z in the
calendar, like moves and copies, and redone with the redo action."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMessageBox

from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from tests.conftest import wait_editor
from ui.operations import ops_pending

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        info = clients.get_client(s, info.id)
    yield open_calendar(info, dt.date(2026, 2, 10))


def _save(qtbot, area, editor):
    """Save, then the period as the change feed reloaded it (nothing to reload when the
    save changed nothing)."""
    with qtbot.waitSignal(editor.saved, timeout=10000):
        qtbot.mouseClick(
            editor.buttons.button(editor.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    qtbot.waitUntil(lambda: not area.live.timer.isActive() and not ops_pending(area), timeout=10000)


def _ctrl_z(qtbot, area):
    area.activateWindow()  # the editor closed: the calendar's window is active again
    qtbot.waitUntil(area.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.keyClick(area.month_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _open_pivoines(qtbot, area, sqlite_db):
    """A post on 10 February, opened in the editor by a double click on its chip."""
    with sqlite_db.session() as s:
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
    return p, wait_editor(qtbot, area)


def test_editor_edits_are_undone_by_ctrl_z_and_redone(qtbot, area, sqlite_db):
    p, editor = _open_pivoines(qtbot, area, sqlite_db)
    tab = editor.variant_tabs["mastodon"]
    tab.text.selectAll()
    tab.text.insertPlainText("Pivoines de saison, cueillies à l’aube")
    editor.when.setDateTime(QDateTime(dt.date(2026, 2, 12), dt.time(9, 30)))
    qtbot.mouseClick(editor.network_boxes["bluesky"], Qt.MouseButton.LeftButton)
    editor.status.setCurrentIndex(editor.status.findData("in_review"))
    _save(qtbot, area, editor)

    def state():
        with sqlite_db.read() as s:
            info = posts.get_post(s, area.client.id, p.id)
        texts = {v.network: v.text for v in info.variants}
        return info.planned_at.astimezone(PARIS).replace(tzinfo=None), texts, info.status

    edited = (
        dt.datetime(2026, 2, 12, 9, 30),
        {
            "mastodon": "Pivoines de saison, cueillies à l’aube",
            "bluesky": "Pivoines de saison, cueillies à l’aube",
        },
        "in_review",
    )
    assert state() == edited
    assert area.undo_action.text().endswith("Edit post")
    _ctrl_z(qtbot, area)
    assert state() == (dt.datetime(2026, 2, 10, 18, 15), {"mastodon": "Bonjour"}, "draft")
    # what the user sees
    assert [c.id for c in area.month_view.posts_on(dt.date(2026, 2, 10))] == [
        p.id
    ]  # what the user sees
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.redo_action.trigger()
    assert state() == edited
    with sqlite_db.read() as s:
        actions = [e.action for e in posts.history(s, area.client.id, p.id)]
    assert actions.count("edited") >= 3  # the edit, its undo and its redo are in the history


def test_autosaves_and_save_of_one_editor_are_one_undo_step(qtbot, area, sqlite_db):
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    editor.when.setDateTime(QDateTime(dt.date(2026, 2, 14), dt.time(10, 0)))
    editor.variant_tabs["mastodon"].text.insertPlainText("Saint-Valentin 💐")
    assert editor.save(autosave=True)  # what the autosave timer does
    qtbot.keyClicks(editor.title, "Fleurs")
    _save(qtbot, area, editor)
    assert area.undo_stack.count() == 1

    def all_posts():
        with sqlite_db.read() as s:
            from app.services.calendar.query import page_posts

            return page_posts(s, area.client.id)

    (created,) = all_posts()
    assert created.title == "Fleurs"
    with sqlite_db.read() as s:
        uid = posts.get_post(s, area.client.id, created.id).uid
    _ctrl_z(qtbot, area)
    assert all_posts() == []
    assert view_is_empty(area)
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.redo_action.trigger()
    (again,) = all_posts()
    assert (again.title, again.planned_at) == ("Fleurs", created.planned_at)
    with sqlite_db.read() as s:
        assert posts.get_post(s, area.client.id, again.id).uid == uid  # same post for iCal


def view_is_empty(area) -> bool:
    return area.month_view.posts_on(dt.date(2026, 2, 14)) == []


def test_opening_and_saving_without_change_adds_no_undo_step(qtbot, area, sqlite_db):
    with sqlite_db.session() as s:
        p = posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime(2026, 2, 11, 9, 0, tzinfo=PARIS),
            variants=[VariantInput("mastodon", "Bonjour")],
        )
    area.open_editor(post_id=p.id)
    editor = wait_editor(qtbot, area)
    _save(qtbot, area, editor)
    assert area.undo_stack.count() == 0


def test_ctrl_z_inside_the_editor_undoes_status_and_networks(qtbot, area, sqlite_db):
    with sqlite_db.session() as s:
        p = posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime(2026, 2, 11, 9, 0, tzinfo=PARIS),
            variants=[VariantInput("mastodon", "Bonjour")],
        )
    area.open_editor(post_id=p.id)
    editor = wait_editor(qtbot, area)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    editor.status.setFocus()
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)  # draft → in review, from the keyboard
    assert editor.status.currentData() == "in_review"
    qtbot.mouseClick(editor.network_boxes["bluesky"], Qt.MouseButton.LeftButton)
    assert "bluesky" in editor.variant_tabs
    # Ctrl+Z where the focus is: the checkbox just clicked, then the status combo
    qtbot.keyClick(
        editor.network_boxes["bluesky"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert not editor.network_boxes["bluesky"].isChecked() and "bluesky" not in editor.variant_tabs
    assert editor.status.currentData() == "in_review"
    qtbot.keyClick(editor.status, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.status.currentData() == "draft"
    # a text field keeps its own undo: Ctrl+Z there undoes the typing, not the fields
    tab = editor.variant_tabs["mastodon"]
    tab.text.setFocus()
    qtbot.keyClicks(tab.text, " !")
    qtbot.keyClick(tab.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.text.toPlainText() == "Bonjour"
    _save(qtbot, area, editor)
    with sqlite_db.read() as s:
        saved = posts.get_post(s, area.client.id, p.id)
    assert (saved.status, saved.networks) == ("draft", ("mastodon",))


def test_the_autosave_writes_off_the_gui_thread_and_save_waits_for_it(
    qtbot, area, sqlite_db, monkeypatch
):
    """A slow database (a shared PostgreSQL server) never freezes the editor: the autosave
    is written by a worker while the user types on; Save then waits for it, writes the
    rest with the right version, and the whole edit stays one undo step."""
    import threading

    import ui.calendar.editor as editor_module

    monkeypatch.setattr(editor_module, "AUTOSAVE_MS", 50)
    real_create, release, threads = posts.create_post, threading.Event(), []

    def slow_create(*args, **kwargs):
        threads.append(threading.current_thread())
        release.wait(10)
        return real_create(*args, **kwargs)

    monkeypatch.setattr(posts, "create_post", slow_create)
    area.open_editor(when=dt.datetime(2026, 2, 20, 8, 0))
    editor = wait_editor(qtbot, area)
    editor.variant_tabs["mastodon"].text.insertPlainText("Pivoines")
    qtbot.waitUntil(lambda: editor.autosave_label.text() == "Saving…", timeout=5000)
    qtbot.keyClicks(editor.title, "Bouquet du jour")  # the window answers meanwhile
    assert editor.title.text() == "Bouquet du jour"
    release.set()
    _save(qtbot, area, editor)
    assert threads and all(t is not threading.main_thread() for t in threads)
    with sqlite_db.read() as s:
        saved = posts.get_post(s, area.client.id, editor.post_id)
        count = len(posts.history(s, area.client.id, editor.post_id))
    assert (saved.title, saved.variants[0].text) == ("Bouquet du jour", "Pivoines")
    assert count == 2  # created by the autosave, edited by Save: no conflict, no copy
    assert area.undo_stack.count() == 1


def test_undo_never_overwrites_what_someone_else_changed_since(qtbot, area, sqlite_db, monkeypatch):
    """A shared database: Ctrl+Z of my edit, after a colleague edited or moved the same post,
    says so and keeps their change (the undo step is dropped)."""
    p, editor = _open_pivoines(qtbot, area, sqlite_db)
    editor.variant_tabs["mastodon"].text.setPlainText("Bonjour à tous")
    _save(qtbot, area, editor)
    with sqlite_db.session() as s:  # a colleague, on another seat
        info = posts.get_post(s, area.client.id, p.id)
        posts.update_post(
            s, area.client.id, p.id, expected_version=info.version, title="Pivoines (Léa)"
        )
    _ctrl_z(qtbot, area)  # written on a worker: the refusal comes back as a message box
    shown = [b.text() for b in area.findChildren(QMessageBox, "errorBox") if b.isVisible()]
    assert shown == ["Camille Test changed this post since: undo skipped, their change is kept."]
    with sqlite_db.read() as s:
        kept = posts.get_post(s, area.client.id, p.id)
    assert kept.title == "Pivoines (Léa)" and kept.variants[0].text == "Bonjour à tous"
    assert not area.undo_stack.canUndo()


def test_undo_of_a_move_keeps_a_later_move_by_someone_else(sqlite_db):
    from app.errors import Conflict

    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Vrac").id
        p = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 2, 10, 9, tzinfo=dt.UTC),
            variants=[VariantInput("mastodon", "Bonjour")],
        )
        mine = dt.datetime(2026, 2, 11, 9, tzinfo=dt.UTC)
        posts.move_post(s, cid, p.id, mine, expected_at=p.planned_at)
        posts.move_post(s, cid, p.id, dt.datetime(2026, 2, 12, 9, tzinfo=dt.UTC))  # a colleague
    with pytest.raises(Conflict, match="moved this post since"), sqlite_db.session() as s:
        posts.move_post(s, cid, p.id, p.planned_at, expected_at=mine)  # my undo
    with sqlite_db.read() as s:
        assert posts.get_post(s, cid, p.id).planned_at == dt.datetime(2026, 2, 12, 9, tzinfo=dt.UTC)

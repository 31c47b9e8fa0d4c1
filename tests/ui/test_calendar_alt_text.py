"""“Describe…” in the post editor: a picture's description (alt text) is typed once, marks
every tab showing that picture, goes out with the editor's save (on the change feed), and
meets another seat's description of the same picture — here the ``tribune post alt``
command in its own process — in the conflict dialog, never overwritten. Before approval a
picture without a description is a warning that does not block; untrusted words stay text."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.models.changes import ChangeLog
from app.services.calendar import media as posts_media
from app.services.calendar import posts
from app.services.calendar.media_alt import read_alt, set_alt_text
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of, wait_editor
from ui.calendar.media_alt_dialog import AltTextDialog
from ui.conflict_dialog import ConflictDialog
from ui.notice import ChangeNotice
from ui.operations import ops_pending

PARIS = ZoneInfo("Europe/Paris")


def _png(path):
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#c04070"))
    assert image.save(str(path))
    return path


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
    yield open_calendar(info, dt.date(2026, 2, 10))


def _open(qtbot, area, db, tmp_path, networks=("google", "mastodon"), attached=None):
    """The editor of a new post to ``networks`` showing one file (``attached``, default a
    photo): (media id, post id, editor)."""
    attached = attached or _png(tmp_path / "pivoines.png")
    with db.session() as s:
        media = posts_media.store_media(s, area.client.id, attached)
        p = posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime(2026, 2, 10, 18, 15, tzinfo=PARIS),
            title="Pivoines",
            variants=[VariantInput(n, "Les pivoines", media=(media.id,)) for n in networks],
        )
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.reload()
    view = area.month_view
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=view.chip_rect(p.id).center())
    return media.id, p.id, wait_editor(qtbot, area)


def _describe(qtbot, editor, network, text) -> AltTextDialog:
    tab = editor.variant_tabs[network]
    editor.tabs.setCurrentWidget(tab)
    tab.media.setCurrentRow(0)
    assert tab.describe_button.isEnabled()
    qtbot.mouseClick(tab.describe_button, Qt.MouseButton.LeftButton)
    dialog = editor.alt.dialog
    assert isinstance(dialog, AltTextDialog) and dialog.isVisible()
    dialog.edit.setPlainText(text)
    dialog.accept()
    return dialog


def _stored(db, cid, mid) -> str:
    with db.read() as s:
        return read_alt(s, cid, [mid])[mid].text


def test_describing_a_picture_marks_every_tab_and_is_saved_with_the_post(
    qtbot, area, sqlite_db, tmp_path
):
    cid = area.client.id
    mid, _pid, editor = _open(qtbot, area, sqlite_db, tmp_path)
    gbp, masto = editor.variant_tabs["google"], editor.variant_tabs["mastodon"]
    assert masto.media.item(0).text() == "pivoines.png — no description"
    assert gbp.media.item(0).text() == "pivoines.png"  # Tribune sends none to Google
    assert "Google gets no description" in gbp.media.item(0).toolTip()
    tab = gbp
    tab.media.setCurrentRow(0)
    qtbot.mouseClick(tab.describe_button, Qt.MouseButton.LeftButton)
    dialog = editor.alt.dialog
    # the limits of the post's networks, from the one table of network facts
    limits = dialog.findChild(type(dialog.counter), "altLimits").text()
    assert "Mastodon: 1,500 characters" in limits and "Google: not sent by Tribune" in limits
    dialog.edit.setPlainText("x" * 1600)
    assert "1,600 / 1,500" in dialog.counter.text()  # Mastodon's limit is the shortest
    dialog.reject()
    assert editor.alt.dialog is None and _stored(sqlite_db, cid, mid) == ""

    _describe(qtbot, editor, "google", "Un bouquet de <b>pivoines</b> roses <img src=x>")
    # the one picture is described in both tabs; the tooltip shows the words as text
    assert gbp.media.item(0).text() == masto.media.item(0).text() == "pivoines.png"
    tip = masto.media.item(0).toolTip()
    assert "&lt;img src=x&gt;" in tip and "<img" not in tip
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save_in_background()
    assert _stored(sqlite_db, cid, mid) == "Un bouquet de <b>pivoines</b> roses <img src=x>"
    with sqlite_db.read() as s:  # announced on the change feed with the post's save
        kinds = s.scalars(select(ChangeLog.kind).where(ChangeLog.client_id == cid)).all()
    assert "media" in kinds  # by media id: an editor of a post with that id is not told
    assert editor.alt.snapshot() == {}  # nothing left to save
    assert not editor._autosave.isActive()  # marking the tabs again is not an edit


def test_another_seats_description_meanwhile_opens_the_conflict_dialog(
    qtbot, area, sqlite_db, tmp_path, cli
):
    cid = area.client.id
    mid, _pid, editor = _open(qtbot, area, sqlite_db, tmp_path)
    # Léa describes the same picture from her seat: another process, the tribune command
    done = cli(
        "post",
        "alt",
        area.client.slug,
        str(mid),
        "--text",
        "Pivoines dans un vase",
        db_url=db_url_of(sqlite_db),
        env={"TRIBUNE_USER": "Léa Martin"},
    )
    assert done.returncode == 0, done.stderr
    _describe(qtbot, editor, "mastodon", "Bouquet de pivoines roses")
    editor.save_in_background()
    qtbot.waitUntil(
        lambda: (
            isinstance(editor.alt.conflict_dialog, ConflictDialog)
            and editor.alt.conflict_dialog.isVisible()
        ),
        timeout=10000,
    )
    dialog = editor.alt.conflict_dialog
    assert (dialog.details.mine, dialog.details.theirs) == (
        "Bouquet de pivoines roses",
        "Pivoines dans un vase",
    )
    assert _stored(sqlite_db, cid, mid) == "Pivoines dans un vase"  # not overwritten
    qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    assert editor.alt.text(mid) == "Pivoines dans un vase"
    assert "Pivoines dans un vase" in editor.variant_tabs["google"].media.item(0).toolTip()
    # described again, knowing theirs: saved over it with their version
    _describe(qtbot, editor, "google", "Pivoines roses dans un vase bleu")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save_in_background()
    assert _stored(sqlite_db, cid, mid) == "Pivoines roses dans un vase bleu"


def test_approving_a_post_with_an_undescribed_picture_warns_without_blocking(
    qtbot, area, sqlite_db, tmp_path
):
    _mid, pid, editor = _open(qtbot, area, sqlite_db, tmp_path, networks=("mastodon",))
    assert "Accessibility" not in editor.warnings.text()  # a draft: not yet
    editor.status.setCurrentIndex(editor.status.findData("approved"))
    assert "Accessibility" in editor.warnings.text()
    assert "pivoines.png" in editor.warnings.text()
    assert "Cannot be scheduled" not in editor.warnings.text()
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save_in_background()
    with sqlite_db.read() as s:
        assert posts.get_post(s, area.client.id, pid).status == "approved"  # not blocked
    _describe(qtbot, editor, "mastodon", "Des pivoines roses")
    assert "Accessibility" not in editor.warnings.text()
    # too long for Mastodon: said in the checks (it goes out cut at 1,500)
    _describe(qtbot, editor, "mastodon", "p" * 1700)
    assert "cut at 1,500 characters" in editor.warnings.text()


@pytest.fixture
def live_area(db, open_live_calendar):
    with db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
    return open_live_calendar(info, dt.date(2026, 2, 10))


def test_another_seats_description_shows_in_the_open_editor(qtbot, live_area, db, tmp_path, cli):
    """Both engines: ``tribune post alt`` in another process; the open editor's tabs show the
    new description within seconds, through the change feed, without a reload."""
    mid, _pid, editor = _open(qtbot, live_area, db, tmp_path)
    masto = editor.variant_tabs["mastodon"]
    assert masto.media.item(0).text() == "pivoines.png — no description"
    done = cli(
        "post",
        "alt",
        live_area.client.slug,
        str(mid),
        "--text",
        "Pivoines dans un vase",
        db_url=db_url_of(db),
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: masto.media.item(0).text() == "pivoines.png", timeout=5000)
    assert "Pivoines dans un vase" in masto.media.item(0).toolTip()
    assert editor.alt.read[mid].version == 2  # the next save compares to theirs
    # a picture's change is announced by media id: the post (often the same id on a fresh
    # database) is not said to be changed by another seat
    qtbot.wait(300)
    notice = editor.findChild(ChangeNotice)
    assert notice is None or not notice.isVisible()


def _undo_or_redo(qtbot, area, undo: bool) -> None:
    """The calendar's Ctrl+Z (Ctrl+Y), the editor closed; written on a worker."""
    qtbot.waitUntil(lambda: not ops_pending(area), timeout=10000)
    (area.undo_stack.undo if undo else area.undo_stack.redo)()
    qtbot.waitUntil(lambda: not ops_pending(area), timeout=10000)


def test_ctrl_z_undoes_a_description_with_the_editing_session_and_redo_brings_it_back(
    qtbot, area, sqlite_db, tmp_path
):
    cid = area.client.id
    mid, pid, editor = _open(qtbot, area, sqlite_db, tmp_path)
    editor.variant_tabs["mastodon"].text.setPlainText("Les pivoines du jour")
    _describe(qtbot, editor, "mastodon", "Pivoines roses dans un vase")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save_in_background(close=True)
    assert _stored(sqlite_db, cid, mid) == "Pivoines roses dans un vase"
    assert area.undo_stack.count() == 1  # the text and the description: one editing session

    _undo_or_redo(qtbot, area, undo=True)
    assert _stored(sqlite_db, cid, mid) == ""
    with sqlite_db.read() as s:
        texts = {v.network: v.text for v in posts.get_post(s, cid, pid).variants}
    assert texts["mastodon"] == "Les pivoines"
    _undo_or_redo(qtbot, area, undo=False)
    assert _stored(sqlite_db, cid, mid) == "Pivoines roses dans un vase"
    with sqlite_db.read() as s:
        texts = {v.network: v.text for v in posts.get_post(s, cid, pid).variants}
    assert texts["mastodon"] == "Les pivoines du jour"


def test_a_session_that_only_described_a_picture_is_one_step_and_keeps_a_later_description(
    qtbot, area, sqlite_db, tmp_path
):
    cid = area.client.id
    mid, pid, editor = _open(qtbot, area, sqlite_db, tmp_path)
    with sqlite_db.read() as s:
        version = posts.get_post(s, cid, pid).version
    _describe(qtbot, editor, "mastodon", "Un vase bleu")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save_in_background(close=True)
    assert area.undo_stack.count() == 1  # the post did not change, its picture did
    _undo_or_redo(qtbot, area, undo=True)
    assert _stored(sqlite_db, cid, mid) == ""
    _undo_or_redo(qtbot, area, undo=False)
    assert _stored(sqlite_db, cid, mid) == "Un vase bleu"
    with sqlite_db.read() as s:  # only the picture was written, by the save and the steps
        assert posts.get_post(s, cid, pid).version == version

    # a colleague describes the picture again from another post: undo keeps their words
    with sqlite_db.session() as s:
        current = read_alt(s, cid, [mid])[mid]
        set_alt_text(s, cid, mid, "Le vase bleu de Léa", expected_version=current.version)
    qtbot.waitUntil(lambda: not ops_pending(area), timeout=10000)
    area.undo_stack.undo()
    qtbot.waitUntil(
        lambda: any(b.isVisible() for b in area.findChildren(QMessageBox, "errorBox")),
        timeout=10000,
    )
    shown = [b.text() for b in area.findChildren(QMessageBox, "errorBox") if b.isVisible()]
    assert shown == [
        "Camille Test described this picture again since: undo skipped, their words are kept."
    ]
    assert _stored(sqlite_db, cid, mid) == "Le vase bleu de Léa"
    assert not area.undo_stack.canUndo()  # the step left the stack


def _open_video(qtbot, area, db, tmp_path, networks):
    clip = tmp_path / "fournil.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"0" * 100)
    return _open(qtbot, area, db, tmp_path, networks, attached=clip)[2]


def test_a_video_on_a_network_that_takes_descriptions_for_photos_only_is_not_asked_for_one(
    qtbot, area, sqlite_db, tmp_path
):
    editor = _open_video(qtbot, area, sqlite_db, tmp_path, ("x", "mastodon"))
    x, masto = editor.variant_tabs["x"], editor.variant_tabs["mastodon"]
    assert x.media.item(0).text() == "fournil.mp4"  # X takes none for a video: not asked
    assert "X takes no description for a video" in x.media.item(0).toolTip()
    assert masto.media.item(0).text() == "fournil.mp4 — no description"  # Mastodon does
    editor.status.setCurrentIndex(editor.status.findData("in_review"))
    assert "fournil.mp4" in editor.warnings.text()  # Mastodon would send one
    editor.network_boxes["mastodon"].setChecked(False)  # X alone: nothing to warn about
    qtbot.waitUntil(lambda: "Accessibility" not in editor.warnings.text(), timeout=3000)


def test_a_videos_description_is_held_to_the_video_limit_where_it_is_shorter(
    qtbot, area, sqlite_db, tmp_path
):
    """Bluesky takes 2,000 characters for an image but 1,000 graphemes for a video (its
    lexicon): the dialog counts against 1,000, says each network's limit for a video, and the
    editor warns that a longer one is cut."""
    editor = _open_video(qtbot, area, sqlite_db, tmp_path, ("bluesky", "x", "mastodon"))
    tab = editor.variant_tabs["bluesky"]
    editor.tabs.setCurrentWidget(tab)
    tab.media.setCurrentRow(0)
    qtbot.mouseClick(tab.describe_button, Qt.MouseButton.LeftButton)
    dialog = editor.alt.dialog
    limits = dialog.findChild(type(dialog.counter), "altLimits").text()
    assert "Bluesky: 1,000 characters" in limits
    assert "X: not sent with a video" in limits and "Mastodon: 1,500 characters" in limits
    dialog.edit.setPlainText("f" * 1200)
    assert "1,200 / 1,000" in dialog.counter.text()
    dialog.accept()
    qtbot.waitUntil(lambda: "cut at 1,000 characters" in editor.warnings.text(), timeout=3000)
    assert "Bluesky: the description of fournil.mp4" in editor.warnings.text()

"""Media attached in the post editor are copied in on a worker: the editor stays responsive,
shows the file as being copied, and waits for it before it can be saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox

from app.config import media_dir
from app.services.calendar import posts
from app.services.calendar.query import page_posts
from app.services.clients import workspaces as clients
from tests.conftest import spy_on_threads, wait_editor


def _png(path, colour="#c04070"):
    image = QImage(1080, 1080, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def _items(tab):
    return [tab.media.item(i).text() for i in range(tab.media.count())]


def test_media_are_copied_in_on_a_worker_and_saved_with_the_post(
    qtbot, sqlite_db, open_calendar, tmp_path, monkeypatch
):
    with sqlite_db.session() as s:
        info = clients.get_client(s, clients.create_client(s, "Aquarelle").id)
    area = open_calendar(info, dt.date(2026, 2, 10))
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    tab = editor.variant_tabs["facebook"]
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    sessions = spy_on_threads(monkeypatch, sqlite_db)

    tab.add_media_file(str(_png(tmp_path / "pivoines.png")))
    assert _items(tab) == ["pivoines.png — copying…"]
    assert not save.isEnabled() and "copied" in save.toolTip()
    qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=5000)
    assert _items(tab) == ["pivoines.png — no description"] and save.isEnabled()
    assert sessions and not any(sessions), "the file was stored on the GUI thread"

    # a file of the wrong kind: refused with the reason, nothing left in the list
    bad = tmp_path / "notes.txt"
    bad.write_text("pas une image", encoding="utf-8")
    tab.add_media_file(str(bad))
    qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=5000)
    assert _items(tab) == ["pivoines.png — no description"]
    assert "only images" in editor.warnings.text()

    tab.text.insertPlainText("Les pivoines sont arrivées")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    with sqlite_db.read() as s:
        (chip,) = page_posts(s, info.id)
        (variant,) = posts.get_post(s, info.id, chip.id).variants
    assert len(variant.media) == 1
    stored = list(media_dir().rglob("*.png"))
    assert len(stored) == 1 and stored[0].read_bytes() == (tmp_path / "pivoines.png").read_bytes()


def test_unticking_the_network_while_a_file_is_copied(qtbot, sqlite_db, open_calendar, tmp_path):
    with sqlite_db.session() as s:
        info = clients.get_client(s, clients.create_client(s, "Aquarelle").id)
    area = open_calendar(info, dt.date(2026, 2, 10))
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    qtbot.mouseClick(editor.network_boxes["instagram"], Qt.MouseButton.LeftButton)
    tab = editor.variant_tabs["facebook"]
    tab.add_media_file(str(_png(tmp_path / "a.png")))
    qtbot.mouseClick(editor.network_boxes["facebook"], Qt.MouseButton.LeftButton)  # untick
    assert "facebook" not in editor.variant_tabs
    area.services.tasks.wait(5000)  # the copy lands on a tab that is gone: nothing breaks
    qtbot.wait(50)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()


def test_an_opened_post_says_what_is_wrong_with_its_media(
    qtbot, sqlite_db, open_calendar, tmp_path
):
    """Warnings about files are there when a saved post is opened, not only on attaching."""
    from app.services.calendar import media as posts_media
    from app.services.calendar.posts import VariantInput

    clip = tmp_path / "atelier.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"0" * 100)
    with sqlite_db.session() as s:
        info = clients.get_client(s, clients.create_client(s, "Aquarelle").id)
        ids = (
            posts_media.store_media(s, info.id, str(clip)).id,
            posts_media.store_media(s, info.id, str(_png(tmp_path / "a.png"))).id,
        )
        p = posts.create_post(
            s,
            info.id,
            planned_at=dt.datetime(2026, 2, 12, 9, tzinfo=dt.UTC),
            variants=[VariantInput("linkedin", "Notre atelier", media=ids)],
        )
    area = open_calendar(info, dt.date(2026, 2, 10))
    area.open_editor(post_id=p.id)
    editor = wait_editor(qtbot, area)
    assert "the video atelier.mp4 must go alone" in editor.warnings.text()

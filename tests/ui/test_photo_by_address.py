"""Google and Threads fetch a photo from a public https address: the post editor says so in
one line the moment a file from this computer is attached to their tab (and to use “Add by
address…” instead);
other networks that upload the file say nothing."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from app.services.calendar import posts
from app.services.clients import workspaces as clients
from tests.conftest import wait_editor


def _png(path, colour="#c08040"):
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return str(path)


@pytest.mark.parametrize("network, label", [("google", "Google"), ("threads", "Threads")])
def test_a_local_photo_on_google_or_threads_is_flagged_when_attached(
    qtbot, sqlite_db, open_calendar, tmp_path, network, label
):
    with sqlite_db.session() as s:
        info = clients.get_client(s, clients.create_client(s, "Boulangerie Dupré").id)
    area = open_calendar(info, dt.date(2026, 12, 10))
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    qtbot.mouseClick(editor.network_boxes[network], Qt.MouseButton.LeftButton)
    tab = editor.variant_tabs[network]
    editor.tabs.setCurrentWidget(tab)
    tab.text.setPlainText("Nouvelle fournée à 16 h.")
    assert "https" not in editor.warnings.text()
    tab.add_media_file(_png(tmp_path / "fournee.png"))
    qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=5000)
    qtbot.waitUntil(lambda: "https" in editor.warnings.text(), timeout=5000)
    said = (
        f"{label} only takes a photo at a public https address: remove fournee.png and use "
        "“Add by address…”."
    )
    assert said in editor.warnings.text()
    assert "\n" not in editor.warnings.text()
    facebook = editor.variant_tabs["facebook"]  # uploads the file itself: nothing to say
    facebook.add_media_file(_png(tmp_path / "fournee.png"))
    qtbot.waitUntil(lambda: facebook.pending_media == 0, timeout=5000)
    assert editor.warnings.text().count("https") == 1
    if os.environ.get("TRIBUNE_SHOT_DIR"):  # a look at the screen, for a human
        editor.resize(1366, 768)
        qtbot.wait(50)
        editor.grab().save(os.path.join(os.environ["TRIBUNE_SHOT_DIR"], f"editor_{network}.png"))
    # the CM takes the photo off with Remove: the warning goes, the saved post has no photo
    assert not tab.remove_media_button.isEnabled()  # nothing selected yet
    tab.media.setCurrentRow(0)
    assert tab.remove_media_button.isEnabled()
    qtbot.mouseClick(tab.remove_media_button, Qt.MouseButton.LeftButton)
    assert tab.media.count() == 0 and tab.media_ids == []
    assert "https" not in editor.warnings.text()
    tab.text.setPlainText("Sans photo.")
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save_in_background()
    with sqlite_db.read() as s:
        post = posts.get_post(s, info.id, saved.args[0])
    media = {v.network: list(v.media) for v in post.variants}
    assert media[network] == [] and len(media["facebook"]) == 1


def test_removing_one_of_two_photos_reads_the_warnings_again(
    qtbot, sqlite_db, open_calendar, tmp_path
):
    with sqlite_db.session() as s:
        info = clients.get_client(s, clients.create_client(s, "Boulangerie Dupré").id)
    area = open_calendar(info, dt.date(2026, 12, 10))
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    qtbot.mouseClick(editor.network_boxes["google"], Qt.MouseButton.LeftButton)
    tab = editor.variant_tabs["google"]
    tab.text.setPlainText("Deux photos.")
    for name, colour in (("a.png", "#c08040"), ("b.png", "#4080c0")):  # two different files
        tab.add_media_file(_png(tmp_path / name, colour))
        qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=5000)
    qtbot.waitUntil(lambda: "remove a.png" in editor.warnings.text(), timeout=5000)
    tab.media.setCurrentRow(0)  # a.png goes; b.png, still a local file, is flagged now
    qtbot.mouseClick(tab.remove_media_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "remove b.png" in editor.warnings.text(), timeout=5000)
    assert "a.png" not in editor.warnings.text()
    assert [tab.media.item(r).text() for r in range(tab.media.count())] == ["b.png"]

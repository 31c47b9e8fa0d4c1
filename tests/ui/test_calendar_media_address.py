"""“Add by address…” in the post editor: the address is checked on a worker against a brand's
site on loopback over real TLS, shown in the media strip with its host as the tooltip, saved
with the post, and a refusal is one line with nothing attached — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from app.services.calendar import posts
from app.services.calendar.query import page_posts
from app.services.clients import workspaces as clients
from tests.conftest import wait_editor
from tests.servers.media_host import MediaHost
from ui.calendar import editor_address


@pytest.fixture
def site(monkeypatch):
    with MediaHost() as host:
        monkeypatch.setenv("SSL_CERT_FILE", host.cafile)
        monkeypatch.setenv("TRIBUNE_MEDIA_LOOPBACK", "1")  # the site is on this computer
        yield host


@pytest.fixture
def calendar(qtbot, db, ui_settings):
    from ui.areas import AreaServices
    from ui.calendar.area import CalendarArea
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    with db.session() as s:
        info = clients.get_client(s, clients.create_client(s, "Boulangerie Dupré").id)
    area = CalendarArea(AreaServices(db, tasks, ui_settings))
    qtbot.addWidget(area)
    area.resize(1200, 800)
    area.show()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(info)
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(dt.date(2026, 12, 10))
    yield area, info
    tasks.wait(10000)


def _items(tab):
    return [tab.media.item(i).text() for i in range(tab.media.count())]


def test_a_photo_by_address_is_checked_on_a_worker_and_saved(
    qtbot, db, calendar, site, monkeypatch
):
    area, info = calendar
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    qtbot.mouseClick(editor.network_boxes["google"], Qt.MouseButton.LeftButton)
    tab = editor.variant_tabs["google"]
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    on_gui = []
    real_probe = editor_address.probe_address

    def probe(*args, **kwargs):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real_probe(*args, **kwargs)

    monkeypatch.setattr(editor_address, "probe_address", probe)
    address = site.base_url + "/photo.jpg"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (f"  {address} ", True))
    qtbot.mouseClick(tab.add_address_button, Qt.MouseButton.LeftButton)
    assert _items(tab) == ["127.0.0.1 — checking…"] and not save.isEnabled()
    qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=10000)
    assert on_gui == [False], "the address was checked on the GUI thread"
    assert _items(tab) == ["photo.jpg"] and save.isEnabled()
    assert tab.media.item(0).toolTip().startswith("At 127.0.0.1<br>")  # then: no alt text
    assert tab.media_problems == []  # Google takes it: no “public https address” warning
    assert ("HEAD", "/photo.jpg", "") in site.log

    # refused in one line, nothing attached: an HTML page, a 404, a plain http address
    for bad, why in (
        ("/page.html", "not a picture or a video"),
        ("/gone.jpg", "404"),
    ):
        tab.add_media_address(site.base_url + bad)
        qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=10000)
        assert _items(tab) == ["photo.jpg"]
        assert why in editor.warnings.text() and "\n" not in editor.warnings.text()
    tab.add_media_address(address.replace("https", "http"))
    qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=10000)
    assert "only https" in editor.warnings.text() and _items(tab) == ["photo.jpg"]

    tab.text.insertPlainText("La bûche est arrivée")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    with db.read() as s:
        (chip,) = page_posts(s, info.id)
        (variant,) = [
            v for v in posts.get_post(s, info.id, chip.id).variants if v.network == "google"
        ]
        from ui.calendar.editor_data import read_editor_data

        data = read_editor_data(s, info.id, chip.id)
    assert len(variant.media) == 1
    assert data.addresses == {variant.media[0]: address}  # shown with its host when reopened
    assert data.media_problems.get("google", []) == []


def test_a_local_file_on_google_points_to_add_by_address(qtbot, db, calendar, tmp_path):
    from tests.servers.media_host import JPEG

    area, _info = calendar
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    editor = wait_editor(qtbot, area)
    qtbot.mouseClick(editor.network_boxes["google"], Qt.MouseButton.LeftButton)
    tab = editor.variant_tabs["google"]
    photo = tmp_path / "buche.jpg"
    photo.write_bytes(JPEG)
    tab.add_media_file(str(photo))
    qtbot.waitUntil(lambda: tab.pending_media == 0, timeout=10000)
    assert any("Add by address…" in p for p in tab.media_problems)
    assert "Add by address…" in editor.warnings.text()

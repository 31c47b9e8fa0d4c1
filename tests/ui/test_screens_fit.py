"""Screens that speak the user's language and fit the screen (issue #14): dates through the
interface's QLocale, real plurals, a sync status chip that never widens the window, a window
that opens sized to a 1366×768 screen, a minimum width under 1,100 px in French and English,
and a welcome text that is never cut."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from app.i18n import install_translators
from app.services.clients import workspaces as clients
from tests.conftest import new_account_row, wait_editor

ROOT = Path(__file__).resolve().parents[2]
PARIS = ZoneInfo("Europe/Paris")
SUNDAY_EVENING = dt.datetime(2026, 12, 6, 19, 0, tzinfo=PARIS)


@pytest.fixture
def french():
    """The French catalogues installed for the test (compiled by scripts/test.sh), then
    English again."""
    from ui.formatting import ui_language

    install_translators("fr")
    try:
        assert ui_language() == "fr", "the French catalogue is not compiled"
        yield
    finally:
        install_translators("en")


# -- dates, numbers, plurals ------------------------------------------------------------------
def test_dates_read_as_words_in_each_language():
    from ui.formatting import compact_datetime, date_text, datetime_text, number_text, time_text

    assert datetime_text(SUNDAY_EVENING, language="fr") == "dim. 6 déc. 2026, 19:00"
    assert datetime_text(SUNDAY_EVENING, language="en") == "Sun 6 Dec 2026, 7:00 PM"
    # in the zone asked for, whatever the moment's own zone
    utc = SUNDAY_EVENING.astimezone(dt.UTC)
    assert datetime_text(utc, PARIS, "fr") == "dim. 6 déc. 2026, 19:00"
    assert date_text(SUNDAY_EVENING.date(), "fr", year=False) == "dim. 6 déc."
    assert time_text(dt.time(9, 5), "en") == "9:05 AM"
    same_year = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
    assert compact_datetime(utc, PARIS, "fr", now=same_year) == "6 déc., 19:00"
    assert compact_datetime(utc, PARIS, "en", now=same_year + dt.timedelta(days=60)) == (
        "6 Dec 2026, 7:00 PM"
    )
    assert number_text(36000, language="en") == "36,000"
    assert number_text(12.5, 1, "fr") == "12,5"


def test_the_interface_language_drives_the_dates_and_plurals(qtbot, french):
    from ui.formatting import datetime_text
    from ui.inbox.inbox_dialogs import StatusDialog

    assert datetime_text(SUNDAY_EVENING) == "dim. 6 déc. 2026, 19:00"
    one = StatusDialog("closed", 1, False)
    many = StatusDialog("ignored", 3, False)
    qtbot.addWidget(one)
    qtbot.addWidget(many)
    assert one.windowTitle() == "Fermer 1 message"
    assert many.windowTitle() == "Ignorer 3 messages"


def test_the_post_editor_and_list_show_dates_in_words(qtbot, sqlite_db, open_calendar, french):
    from app.services.calendar import posts

    with sqlite_db.session() as s:
        info = clients.create_client(s, "Fleurs", timezone="Europe/Paris")
        posts.create_post(
            s,
            info.id,
            planned_at=SUNDAY_EVENING,
            title="Sapins",
            variants=[posts.VariantInput("mastodon", "Les sapins sont là")],
        )
    area = open_calendar(info, SUNDAY_EVENING.date())
    area.open_editor(when=SUNDAY_EVENING.replace(tzinfo=None))
    editor = wait_editor(qtbot, area)
    assert editor.when.text() == "dim. 6 déc. 2026, 19:00"
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.findChild(type(area.new_button), "view_list").click()
    model = area.list_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    assert model.index(0, 0).data() == "dim. 6 déc. 2026, 19:00"
    editor.reject()


def test_the_count_is_in_the_english_title_too(qtbot):
    from ui.inbox.inbox_dialogs import StatusDialog

    dialog = StatusDialog("closed", 4, False)  # English counts with its own catalogue
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Close 4 messages"


# -- the window -------------------------------------------------------------------------------
LONG_NAME = "Fédération régionale des artisans fleuristes et paysagistes d'Occitanie"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_minimum_width_fits_a_small_screen(qtbot, sqlite_db, ui_settings, language):
    from ui.main_window import MainWindow

    install_translators(language)
    try:
        window = MainWindow(ui_settings)
        qtbot.addWidget(window)
        window.show()
        with sqlite_db.session() as s:
            clients.create_client(s, LONG_NAME)
        with qtbot.waitSignal(window.clients_loaded, timeout=10000):
            window.set_database(sqlite_db)
        qtbot.waitUntil(lambda: window.current_client is not None)
        assert window.edit_client_button.text() == (
            "Fiche client" if language == "fr" else "Client settings"
        )
        assert window.minimumSizeHint().width() <= 1100
        assert window.minimumWidth() <= 1100
        # the long name is elided in the header, whole in its tooltip and the window title
        window.resize(1100, 700)
        qtbot.waitUntil(lambda: window.client_title.shown_text() != LONG_NAME)
        assert window.client_title.shown_text().endswith("…")
        assert LONG_NAME in window.client_title.toolTip()
        window.tasks.wait(10000)
    finally:
        install_translators("en")


class _Unavailable(BaseHTTPRequestHandler):
    """A Mastodon instance behind a failing proxy: every request gets a long 503."""

    body = ("upstream connect error or disconnect/reset before headers. " * 12).encode()

    def do_GET(self):
        self.send_response(503)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def unavailable_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Unavailable)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.keyring
def test_a_failed_sync_with_a_long_message_never_widens_the_window(
    qtbot, main_window, real_keyring, unavailable_server, open_client_dialog
):
    dialog = open_client_dialog("Nuage Logiciel")
    row = new_account_row(qtbot, dialog, "mastodon")
    table = dialog.accounts_table
    table.item(row, dialog.A_HANDLE).setText("nuage_test")
    table.item(row, dialog.A_URL).setText(unavailable_server)
    table.cellWidget(row, dialog.A_TOKEN).setText("a_token")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    main_window.resize(1366, 740)
    qtbot.wait(50)
    width = main_window.width()
    bar = main_window.sync_bar
    chip_width = bar.status.width()
    bar.set_interval(15)  # the background sync will try again: the chip says when
    qtbot.waitUntil(lambda: bar.sync_button.isEnabled())
    with qtbot.waitSignal(bar.synced, timeout=30000) as blocker:
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
    account = blocker.args[0].accounts[0]
    assert account.outcome not in ("ok", "busy", "skipped")
    qtbot.wait(50)
    assert main_window.width() == width and bar.status.width() == chip_width
    assert bar.outcome == "error" and bar.status.property("outcome") == "error"
    # named as users know it, with when the next try is; the details in the tooltip
    assert bar.status_text.startswith("Mastodon @nuage_test: ")
    assert " — next try at " in bar.status_text
    assert "mastodon nuage_test" not in bar.status.toolTip()
    assert "Mastodon @nuage_test" in bar.status.toolTip()
    assert account.message and account.message[:40] in bar.status.toolTip()
    shown = bar.status.shown_text()
    assert bar.status.fontMetrics().horizontalAdvance(shown) <= bar.status.contentsRect().width()


def test_the_welcome_text_is_never_cut(qtbot, main_window):
    welcome = main_window.welcome
    assert main_window.pages.currentWidget() is welcome
    for width, height in ((1366, 740), (1000, 420)):
        main_window.resize(width, height)
        qtbot.wait(50)
        body = welcome.body
        assert body.wordWrap()
        assert body.height() >= body.heightForWidth(body.width())
        visible = body.visibleRegion().boundingRect()
        assert visible.height() >= body.height() or welcome.scroll.verticalScrollBar().maximum()


_OPEN = r"""
import json, sys, tempfile
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
from ui.settings import Settings

app = QApplication([])
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window = MainWindow(settings)
window.show()
app.processEvents()
area = window.screen().availableGeometry()
bar = window.statusBar()
print(json.dumps({
    "screen": [area.width(), area.height()],
    "window": [window.x(), window.y(), window.width(), window.height()],
    "status_bar": bar.isVisible() and window.rect().contains(bar.geometry()),
}))
settings.save_geometry(window.saveGeometry())
settings.sync()
"""


def _open_in_a_process(tmp_path: Path, width: int, height: int, settings: Path) -> dict:
    screens = tmp_path / f"screen-{width}x{height}.json"
    screens.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "screen",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
    result = subprocess.run(
        [sys.executable, "-c", _OPEN, str(settings)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_window_opens_sized_to_the_screen(tmp_path):
    settings = tmp_path / "settings.ini"
    small = _open_in_a_process(tmp_path, 1366, 768, settings)
    x, y, w, h = small["window"]
    assert x >= 0 and y >= 0 and x + w <= 1366
    assert y + h + 30 <= 768  # room left for the title bar
    assert small["status_bar"]
    big_settings = tmp_path / "big.ini"
    big = _open_in_a_process(tmp_path, 1920, 1080, big_settings)
    assert w < big["window"][2] <= 1920
    # a geometry saved on the big screen, reopened on the small one, fits it again
    again = _open_in_a_process(tmp_path, 1366, 768, big_settings)
    x, y, w, h = again["window"]
    assert x + w <= 1366 and y + h <= 768


def test_settings_show_no_literal_ampersand_in_french(qtbot, main_window, french):
    """A label's "&" is a shortcut only when the label has a buddy; else "&Base de données"
    shows as typed."""
    from PySide6.QtWidgets import QLabel

    from ui.settings_dialog import SettingsDialog

    main_window.open_settings()
    dialog = main_window.findChild(SettingsDialog)
    labels = [w for w in dialog.findChildren(QLabel) if "&" in w.text().replace("&&", "")]
    assert any(w.text() == "&Base de données" for w in labels)
    for label in labels:
        assert label.buddy() is not None, label.text()
    dialog.reject()

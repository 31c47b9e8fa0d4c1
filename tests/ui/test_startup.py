"""The real start-up path (``ui.application.start``) in a fresh process.

The window is first painted as a light shell before SQLAlchemy, Alembic, the client list or
even PySide6's ``Qt`` namespace are loaded (each costs milliseconds a bare window does not
pay); right after, what the window shows while the database opens (the client list, the
menus) is painted — still without the database, the workspace or any feature's heavy module —
then the rest is built and the clients are listed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from app.services.clients import workspaces as clients
from tests.conftest import REPO

CHILD = r"""
import sys  # (json only to print the result: the window's start-up must not need it)
import PySide6.QtCore as QtCore
import PySide6.QtWidgets as QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from ui.application import create_application, start

HEAVY = ("sqlalchemy", "alembic", "matplotlib", "ui.sidebar", "ui.sync", "ui.charter.charter_area")
# what the window's complete paint needs none of: the database, the charts, PDF, network,
# the workspace header (not shown before the clients are loaded) and every area
LATER = (
    "sqlalchemy", "alembic", "matplotlib", "pypdf", "httpx", "keyring", "feedparser",
    "icalendar", "holidays", "app.db", "app.connectors", "app.services.calendar",
    "app.services.inbox", "app.services.charter", "app.services.reports", "ui.window_header",
    "ui.sync", "ui.inbox", "ui.calendar", "ui.charter", "ui.charts", "ui.listening",
)
seen = {}

class CompleteProbe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "complete_paint" not in seen:
            seen["complete_paint"] = {
                "heavy": sorted(
                    p for p in LATER if any(m == p or m.startswith(p + ".") for m in sys.modules)
                ),
                "first_party": sorted(m for m in sys.modules if m.split(".")[0] in ("app", "ui")),
                "stdlib": sorted(m for m in ("sqlite3", "asyncio", "email", "http", "zoneinfo",
                    "decimal", "uuid", "urllib.request", "concurrent.futures", "ssl", "json",
                    "dataclasses")
                    if m in sys.modules),
                "clients": window.client_model.rowCount(),
                "shortcut_actions": len([a for a in window.actions() if a.shortcuts()]),
                "menu_items": sum(len(m.actions()) for m in window._menus.values()),
                "complete": window._complete,
                "qstyle": "QStyle" in QtWidgets.__dict__,  # PySide6 builds classes on use
            }
        return False

class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in seen:
            seen["first_paint"] = {
                "heavy": [m for m in HEAVY if m in sys.modules],
                "qt_namespace": "Qt" in QtCore.__dict__,
                "complete": window._complete,
                "loading": window.loading.text(),
                "menus": [a.text() for a in window.menuBar().actions()],
            }
        return False

app = create_application()
window = start(sys.argv[1])
probe = Probe()
window.installEventFilter(probe)
build_visible = window.build_visible

def visible_and_probe():
    if not hasattr(window, "complete_probe"):
        import PySide6.QtGui as QtGui
        import ui.sidebar

        viewport_event = ui.sidebar.ClientSidebar.viewportEvent

        def rows_painted(self, event):  # the end of the complete window's paint: the rows
            paint = event.type() == QEvent.Type.Paint
            handled = viewport_event(self, event)
            if paint and "rows_painted" not in seen:
                seen["rows_painted"] = {
                    "classes": [c for c in ("QStyle", "QGradient")
                                if c in QtWidgets.__dict__ or c in QtGui.__dict__],
                    "qt_namespace": "Qt" in QtCore.__dict__,
                    "rows": window.client_model.rowCount(),
                }
            return handled

        ui.sidebar.ClientSidebar.viewportEvent = rows_painted
    build_visible()
    if not hasattr(window, "complete_probe"):
        window.complete_probe = CompleteProbe()
        window.sidebar.installEventFilter(window.complete_probe)  # the list, painted last

window.build_visible = visible_and_probe

AREAS = ("ui.calendar.area", "ui.inbox.inbox_area", "ui.charts.area", "ui.listening.area")

def loaded():
    seen["loaded"] = {
        "title": window.windowTitle(),
        "clients": window.client_model.rowCount(),
        "tabs": window.area_tabs.count(),
        "file_actions": len(window._menus["file"].actions()),
        "area": window.current_area().objectName(),
        "other_areas_imported": [m for m in AREAS if m in sys.modules],
    }
    QTimer.singleShot(0, preloaded)

def preloaded():  # the other areas' modules, imported by a worker once the first area painted
    if window.areas_preloaded is None:
        QTimer.singleShot(20, preloaded)
        return
    seen["preloaded"] = {
        "keys": window.areas_preloaded,
        "imported": [m for m in AREAS if m in sys.modules],
        "built": sorted(window._areas),
    }
    import json

    print(json.dumps(seen))
    app.quit()

window.clients_loaded.connect(loaded)
app.exec()
window.tasks.wait(10000)
"""


# the app's modules imported before the complete window's paint (tests/ui/test_startup.py)
COMPLETE_PATH = {
    "app", "app.config", "app.i18n", "app.services", "app.services.clients",
    "app.services.clients.badge_values",
    "ui", "ui.application", "ui.areas", "ui.design", "ui.design.palette",
    "ui.design.stylesheet", "ui.design.theme", "ui.feature_scan", "ui.gc_policy", "ui.icons",
    "ui.icon_codepoints", "ui.ink",
    "ui.launcher", "ui.main_window", "ui.settings", "ui.sidebar", "ui.style", "ui.tasks",
    "ui.window_actions", "ui.window_clients", "ui.window_fit", "ui.window_layout",
    "ui.window_live", "ui.window_menus", "ui.window_snapshot",
}  # fmt: skip
AREA_MODULES = ["ui.calendar.area", "ui.inbox.inbox_area", "ui.charts.area", "ui.listening.area"]


def test_the_shell_paints_before_anything_heavy_then_the_window_completes(sqlite_db, tmp_path):
    from PySide6.QtCore import QSettings

    from ui import window_snapshot
    from ui.settings import Settings

    with sqlite_db.session() as session:
        client = clients.create_client(session, "Fleurs de Lyon")
    # the client as last seen (the app's own preferences file): the first paint shows its row
    conf = tmp_path / "config" / "Tribune" / "Tribune.conf"
    settings = Settings(QSettings(str(conf), QSettings.Format.IniFormat))
    window_snapshot.save(settings, [client])
    settings.last_client_id = client.id
    settings.q.sync()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TRIBUNE_LANG="en",
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # never the user's real QSettings
        PYTHONPATH=str(REPO),
    )
    done = subprocess.run(
        [sys.executable, "-c", CHILD, sqlite_db.url],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    complete = seen["complete_paint"]  # the client list and the menus, nothing heavy
    assert complete["heavy"] == []
    # every module of the app's own on that path is one of these few: a module that joins
    # them (an import at the top of one of these) is start-up time, to decide consciously
    assert set(complete["first_party"]) <= COMPLETE_PATH, set(complete["first_party"]) - (
        COMPLETE_PATH
    )
    # none of the heavier standard modules either (dataclasses: the module and the code it
    # generates for the palette's 30 tokens cost ~5 ms)
    assert complete["stdlib"] == []
    assert complete["complete"] is False  # the workspace is built after this paint
    assert complete["qstyle"] is False  # its Python class and 11 enums: ~5 ms, not needed
    assert complete["shortcut_actions"] > 10  # every menu action with keys, on the window
    assert complete["menu_items"] == 0  # the menus are filled a paint later (or when opened)

    rows = seen["rows_painted"]  # the snapshot's row, painted without those classes, and
    # without the Qt namespace's 93 enums (~14 ms; the sidebar and its icons paint through ui.ink)
    assert rows == {"classes": [], "qt_namespace": False, "rows": 1}

    first = seen["first_paint"]
    assert first["heavy"] == []
    assert first["qt_namespace"] is False
    assert first["complete"] is False
    assert first["loading"] == "Opening the database…"
    assert first["menus"] == ["&File", "&Edit", "&Client", "&View", "&Help"]

    loaded = seen["loaded"]
    assert loaded["title"] == "Tribune — Fleurs de Lyon"
    assert loaded["clients"] == 1
    assert loaded["tabs"] == 5  # charter, calendar, inbox, charts, listening
    assert loaded["file_actions"] > 4  # New client, Back up, Restore, Settings, Quit…
    assert loaded["area"] == "area_charter"  # the first area, built for the client shown
    assert loaded["other_areas_imported"] == []  # nothing of the others before it showed

    preloaded = seen["preloaded"]  # then the others' modules, still no widget of theirs
    assert preloaded["keys"] == ["charter", "calendar", "inbox", "charts", "listening"]
    assert preloaded["imported"] == AREA_MODULES
    assert preloaded["built"] == ["charter"]


LAUNCHER = r"""
import json, sys
import ui.application
import ui.launcher

def run(db_url=None):
    print(json.dumps({"url": db_url, "cli": "app.cli" in sys.modules}))
    return 0

ui.application.run = run  # the desktop app itself is tested above
sys.exit(ui.launcher.main(json.loads(sys.argv[1])))
"""


def test_opening_the_app_does_not_load_the_command_line(tmp_path):
    """``tribune`` and ``tribune --db URL`` open the app without importing app.cli; anything
    else is the CLI's (its --help, its errors)."""
    from ui.launcher import app_arguments

    env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CONFIG_HOME=str(tmp_path))
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    for argv, expected in (([], None), (["--db", url], url), ([f"--db={url}"], url)):
        done = subprocess.run(
            [sys.executable, "-c", LAUNCHER, json.dumps(argv)],
            capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"url": expected, "cli": False}
    for argv in (["--db"], ["--db", "--help"], ["--db="], ["--version"], ["client", "list"]):
        assert app_arguments(argv) == (False, None)
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, json.dumps(["--db"])],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0 and "--db" in done.stderr  # argparse's own message


SWITCHING = r"""
import json, sys, threading
from PySide6.QtCore import QTimer
import ui.areas
from ui.application import create_application, start

errors = []
sys.excepthook = lambda kind, exc, tb: errors.append(repr(exc))
app = create_application()
window = start(sys.argv[1])
import ui.messages
ui.messages.show_error = lambda parent, exc: errors.append(repr(exc))
importing = threading.Event()
ahead = ui.areas.import_area_modules

def import_area_modules(*args):  # the worker's import of the other areas' modules
    importing.set()
    return ahead(*args)

ui.areas.import_area_modules = import_area_modules
seen = {}

def switch():
    if not importing.is_set():
        QTimer.singleShot(1, switch)
        return
    seen["during_import"] = window.areas_preloaded is None
    for key in ("charts", "inbox", "listening", "calendar", "charter"):
        window.show_area(key)  # each waits for its module if the worker is importing it
    QTimer.singleShot(0, done)

def done():
    if window.areas_preloaded is None or window.tasks.busy:
        QTimer.singleShot(20, done)
        return
    seen.update(errors=errors, built=sorted(window._areas), preloaded=window.areas_preloaded)
    print(json.dumps(seen))
    app.quit()

window.clients_loaded.connect(switch)
app.exec()
window.tasks.wait(10000)
"""


def test_switching_areas_while_their_modules_are_imported_ahead(sqlite_db, tmp_path):
    """The user may reach an area before the worker imported its module: the GUI thread then
    waits for that import (Python's import lock), and every area builds."""
    with sqlite_db.session() as session:
        clients.create_client(session, "Fleurs de Lyon")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TRIBUNE_LANG="en",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(REPO),
    )
    done = subprocess.run(
        [sys.executable, "-c", SWITCHING, sqlite_db.url],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=90,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["during_import"] is True
    assert seen["errors"] == []
    assert seen["built"] == ["calendar", "charter", "charts", "inbox", "listening"]
    assert seen["preloaded"] == ["charter", "calendar", "inbox", "charts", "listening"]

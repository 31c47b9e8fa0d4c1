"""Shared fixtures: real SQLite files, a real PostgreSQL server, the real keyring, the CLI.

``db`` runs a test on both engines. PostgreSQL comes from ``TRIBUNE_TEST_PG_URL`` (started
by scripts/test.sh); when ``TRIBUNE_REQUIRE_PG`` is set its absence is an error, not a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TRIBUNE_LANG", "en")

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import Database
from app.models import Base, import_all
from tests.harness import zygote as _zygote  # noqa: F401 - the session's environment, kept

# Under pytest-xdist each worker has a PostgreSQL cluster of its own (scripts/test.sh); what
# the tests spawn (seats, benchmarks, the CLI) inherits it through the environment.
_WORKER_PG = os.environ.get(f"TRIBUNE_TEST_PG_URL_{os.environ.get('PYTEST_XDIST_WORKER', '')}")
if _WORKER_PG:
    os.environ["TRIBUNE_TEST_PG_URL"] = _WORKER_PG
PG_URL = os.environ.get("TRIBUNE_TEST_PG_URL")
REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption(
        "--at",
        default=os.environ.get("TRIBUNE_TEST_AT") or None,
        help="run the in-process tests at this instant (ISO 8601 with an offset), the clock "
        "ticking from there: CI's hard dates (the 1st of a month, New Year's Eve, DST "
        "changes); several, separated by commas, run each date-sensitive test at each; "
        "'now' among them is today's clock, untouched",
    )


_travel = None

# Tests whose subject is the calendar, a period or a delay (tests/harness/clock.py): the whole
# suite runs them again at hard dates, but for those that read no clock (clock_free.json).
from tests.harness.clock import DATE_SENSITIVE  # noqa: E402


def pytest_collection_modifyitems(config, items):
    from tests.harness import clock

    several = len(_instants(config)) > 1
    free = clock.clock_free() if several else frozenset()
    for item in items:
        if item.path.name.startswith(DATE_SENSITIVE):
            item.add_marker(pytest.mark.dates)
            if clock.pins_the_clock(getattr(item, "module", None)):
                item.add_marker(pytest.mark.clock_pinned)
            elif clock.function_of(item.nodeid) in free:
                item.add_marker(pytest.mark.clock_free)
    if hasattr(config, "workerinput"):  # a pytest-xdist worker: the longest files first
        from tests.harness import schedule

        items[:] = schedule.longest_first(items, schedule.load())


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    if item.get_closest_marker("clock_pinned"):
        from tests.harness import clock

        clock.check_pinned(item)


# ``TRIBUNE_TEST_WEIGHTS_OUT=path``: each file's seconds, for tests/harness/weights.json
_WEIGHTS_OUT: str | None = None


def pytest_runtest_logreport(report):
    if _WEIGHTS_OUT:
        from tests.harness import schedule

        schedule.record(report)


def pytest_sessionfinish(session):
    if _WEIGHTS_OUT:
        from tests.harness import schedule

        schedule.write(_WEIGHTS_OUT)


def _instants(config) -> list:
    """The ``--at`` instants: one, or several separated by commas; ``now`` (None here) is
    today's clock, untouched — the whole suite runs the date-sensitive tests at today and at
    the hard dates in one session."""
    import datetime as dt

    at = config.getoption("--at")
    out: list = []
    for part in (at or "").split(","):
        if not part.strip():
            continue
        if part.strip() == "now":
            out.append(None)
            continue
        instant = dt.datetime.fromisoformat(part.strip())
        if instant.tzinfo is None:
            raise pytest.UsageError("--at needs an offset, e.g. 2027-03-01T00:30:00+01:00")
        out.append(instant)
    return out


def pytest_configure(config):
    """``--at`` with one instant: the whole run travels in time (time-machine patches Python's
    clocks in every thread; monotonic clocks, sleeps and timeouts are left alone). With
    several, each date-sensitive test runs once per instant (:func:`_hard_date`): one session
    for all the hard dates instead of one per date."""
    global _travel, _WEIGHTS_OUT
    if not hasattr(config, "workerinput"):  # the controlling process sees every report
        _WEIGHTS_OUT = os.environ.get("TRIBUNE_TEST_WEIGHTS_OUT") or None
    instants = _instants(config)
    if len(instants) == 1 and instants[0] is not None and _travel is None:
        import time_machine

        _travel = time_machine.travel(instants[0], tick=True)
        _travel.start()


def pytest_unconfigure(config):
    global _travel
    if _travel is not None:
        _travel.stop()
        _travel = None


def pytest_generate_tests(metafunc):
    from tests.harness import clock

    instants = _instants(metafunc.config)
    if (
        len(instants) > 1
        and metafunc.definition.path.name.startswith(DATE_SENSITIVE)
        and not clock.pins_the_clock(metafunc.module)  # its own fixed day overrides them
        and metafunc.definition.nodeid not in clock.clock_free()  # run once, watched
    ):
        metafunc.parametrize(
            "_hard_date",
            instants,
            indirect=True,
            ids=[i.isoformat() if i else "now" for i in instants],
        )


@pytest.fixture(autouse=True)
def _hard_date(request):
    """The test's instant when ``--at`` names several: set up before the test's other
    function fixtures (an autouse fixture of the root conftest), travelling until its last
    teardown, the clock ticking from there. A date-sensitive test listed clock-free runs once,
    today, watched (tests/harness/clock_watch.py)."""
    instant = getattr(request, "param", None)
    if instant is None:
        if request.node.get_closest_marker("clock_free") is None:
            yield None
            return
        from tests.harness import clock

        with clock.watched():  # run once, today: fails if it reads the clock after all
            yield None
        return
    import time_machine

    with time_machine.travel(instant, tick=True):
        yield instant


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):
    """A QApplication before any test: the core's PDF code would otherwise create a bare
    QGuiApplication first, and a later widget test would abort the process. English, as the
    app installs it: its catalogue of counted strings ("1 message", "2 messages") and the
    British locale's digits."""
    from app.i18n import install_translators

    install_translators("en")
    return qapp


@pytest.fixture(autouse=True, scope="session")
def _collect_between_tests():
    """The app's garbage-collection policy (``ui/gc_policy.py``): no automatic collection —
    it may start on any thread, or on the GUI thread while a worker builds figures (three
    segmentation faults on 5 December 2026) — but one after each test, once its fixtures
    have stopped their workers. What the session imported is frozen out of those passes."""
    import gc

    gc.collect()
    gc.freeze()
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_the_test(_collect_between_tests):
    yield
    import gc

    gc.collect()
    gc.freeze()  # the survivors: the next pass scans only what the next test makes


@pytest.fixture(autouse=True)
def tribune_home(tmp_path, monkeypatch):
    """Every test gets its own data folder and acts as a known user."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TRIBUNE_HOME", str(home))
    monkeypatch.setenv("TRIBUNE_USER", "Camille Test")
    monkeypatch.delenv("TRIBUNE_DB", raising=False)
    return home


# -- SQLite -----------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    db.dispose()
    return path


@pytest.fixture
def sqlite_db(sqlite_template, tmp_path) -> Database:
    path = tmp_path / "tribune.sqlite3"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()


# -- PostgreSQL -------------------------------------------------------------------------------
def _require_pg():
    if not PG_URL:
        if os.environ.get("TRIBUNE_REQUIRE_PG"):
            pytest.fail("TRIBUNE_TEST_PG_URL is not set but PostgreSQL is required")
        pytest.skip("no PostgreSQL server (run the suite with `make test`)")


@pytest.fixture(scope="session")
def pg_database_url() -> str:
    """A fresh database for this test session (one per xdist worker), migrated once."""
    _require_pg()
    name = f"tribune_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    db = Database(url)
    db.upgrade()
    db.dispose()
    yield url
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_TABLES: dict[str, list[str]] = {}

# The sequences owned by a table's column (serial or identity), back to their start: what
# TRUNCATE … RESTART IDENTITY did for every table.
_RESTART_SEQUENCES = """
SELECT setval(s.seqrelid::regclass, s.seqstart, false)
FROM pg_sequence s
JOIN pg_depend d ON d.objid = s.seqrelid AND d.classid = 'pg_class'::regclass
 AND d.deptype IN ('a', 'i')
"""


def _truncate_all(db: Database) -> None:
    """Every Tribune table empty and every sequence at its start, as after a migration.

    One query finds the tables holding rows, and only those are emptied, by DELETE with
    triggers off (``session_replication_role = replica``: the change feed's and the foreign
    keys' triggers stay quiet; the tests connect as the cluster's superuser). A test leaves a
    few rows: TRUNCATE … CASCADE rewrote the files of every table referencing them, 0.2–0.4 s
    per PostgreSQL test where this takes 15–25 ms."""
    from sqlalchemy import inspect

    url = db.engine.url.render_as_string(hide_password=False)
    names = _TABLES.get(url)
    if names is None:
        import_all()
        existing = set(inspect(db.engine).get_table_names())
        names = [t.name for t in Base.metadata.sorted_tables if t.name in existing]
        _TABLES[url] = names
    holding = " UNION ALL ".join(
        f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM \"{name}\")" for name in names
    )
    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        for name in conn.execute(text(holding)).scalars().all():
            conn.execute(text(f'DELETE FROM "{name}"'))
        conn.execute(text(_RESTART_SEQUENCES))


@pytest.fixture
def pg_db(pg_database_url) -> Database:
    db = Database(pg_database_url)
    _truncate_all(db)
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request) -> Database:
    """The same test on a real SQLite file and on the real PostgreSQL server."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_db")
    return request.getfixturevalue("pg_db")


# -- keyring ----------------------------------------------------------------------------------
@pytest.fixture
def real_keyring():
    """The real Secret Service; entries written by the test are removed afterwards."""
    from app import secrets

    if not secrets.backend_available():
        if os.environ.get("TRIBUNE_REQUIRE_KEYRING"):
            pytest.fail("no keyring backend but the real Secret Service is required")
        pytest.skip("no keyring backend (run the suite with `make test`)")
    import keyring

    from app.config import KEYRING_SERVICE

    written: list[str] = []
    original = secrets.set_secret

    def tracking_set(key, value):
        written.append(key)
        original(key, value)

    secrets.set_secret = tracking_set
    try:
        yield keyring.get_keyring()
    finally:
        secrets.set_secret = original
        for key in written:
            try:
                keyring.delete_password(KEYRING_SERVICE, key)
            except Exception:
                pass


# -- the installed command --------------------------------------------------------------------
def tribune_exe() -> str:
    candidate = Path(sys.executable).parent / "tribune"
    return str(candidate) if candidate.exists() else (shutil.which("tribune") or "tribune")


@pytest.fixture
def cli(tribune_home):
    """Run the installed ``tribune`` command; returns CompletedProcess (text mode).

    Each call is a real process, forked from this worker's fork server (tests/harness/),
    which has the libraries and the CLI's trunk imported already; ``TRIBUNE_TEST_ZYGOTE=0``
    starts the console script anew each time instead."""
    from tests.harness import zygote

    def run(
        *args: str,
        input: str | None = None,
        db_url: str | None = None,
        env: dict | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess:
        full_env = dict(os.environ)
        full_env["TRIBUNE_HOME"] = str(tribune_home)
        if env:
            full_env.update(env)
        cmd = [tribune_exe()]
        if db_url:
            cmd += ["--db", db_url]
        cmd += list(args)
        if zygote.enabled():
            return zygote.zygote().run(cmd, input=input, env=full_env, timeout=timeout)
        return subprocess.run(
            cmd, input=input, capture_output=True, text=True, env=full_env, timeout=timeout
        )

    return run


def db_url_of(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


# -- the desktop app --------------------------------------------------------------------------
@pytest.fixture
def ui_settings(tmp_path):
    """Preferences in a throwaway INI file (never the user's real QSettings)."""
    from PySide6.QtCore import QSettings

    from ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def main_window(qtbot, sqlite_db, ui_settings):
    """The real main window on a real SQLite database, clients loaded (none at first)."""
    from ui.main_window import MainWindow

    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.set_database(sqlite_db)
    yield window
    window.tasks.wait(10000)


@pytest.fixture
def open_client_dialog(qtbot, main_window, sqlite_db):
    """Create a client, select it and open its dialog (loaded) through the main window."""
    from app.services.clients import workspaces as clients
    from ui.client_dialog import ClientDialog

    def open_(name: str) -> ClientDialog:
        with sqlite_db.session() as s:
            clients.create_client(s, name)
        with qtbot.waitSignal(main_window.clients_loaded):
            main_window.reload_clients()
        main_window.edit_client()
        dialog = main_window.findChild(ClientDialog)
        qtbot.waitUntil(lambda: dialog.name_edit.text() == name)
        return dialog

    return open_


def new_account_row(qtbot, dialog, network: str) -> int:
    """On the accounts tab, add a row and choose its network; returns the row."""
    from PySide6.QtCore import Qt

    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.add_account_button, Qt.MouseButton.LeftButton)
    row = dialog.accounts_table.rowCount() - 1
    combo = dialog.accounts_table.cellWidget(row, dialog.A_NETWORK)
    combo.setCurrentIndex(combo.findData(network))
    return row


@pytest.fixture
def open_calendar(qtbot, sqlite_db, ui_settings):
    """Open the real CalendarArea on the test database for ``client``, loaded (and moved to
    ``day`` when given); its background tasks are awaited at the end of the test."""
    from ui.areas import AreaServices
    from ui.calendar.area import CalendarArea
    from ui.tasks import TaskRunner

    tasks = TaskRunner()

    def open_area(client, day=None):
        widget = CalendarArea(AreaServices(sqlite_db, tasks, ui_settings))
        qtbot.addWidget(widget)
        widget.resize(1200, 800)
        widget.show()
        with qtbot.waitSignal(widget.loaded, timeout=10000):
            widget.set_client(client)
        if day is not None:
            with qtbot.waitSignal(widget.loaded, timeout=10000):
                widget.go_to(day)
        return widget

    yield open_area
    tasks.wait(10000)


@pytest.fixture
def open_live_calendar(qtbot, db, ui_settings):
    """Open the real CalendarArea on ``db`` (both engines) with the live change feed running,
    as a seat of a shared database sees it, loaded at ``day``; the feed stopped and the
    background tasks awaited at the end of the test."""
    from ui.areas import AreaServices
    from ui.calendar.area import CalendarArea
    from ui.live import LiveFeed
    from ui.tasks import TaskRunner

    tasks, feed = TaskRunner(), LiveFeed(db)
    opened = []

    def open_area(client, day):
        feed.start()
        qtbot.waitUntil(lambda: feed.state == "live", timeout=5000)
        area = CalendarArea(AreaServices(db, tasks, ui_settings, feed))
        qtbot.addWidget(area)
        area.resize(1366, 768)
        area.show()
        with qtbot.waitSignal(area.loaded, timeout=10000):
            area.set_client(client)
        with qtbot.waitSignal(area.loaded, timeout=10000):
            area.go_to(day)
        opened.append(area)
        return area

    yield open_area
    feed.stop()
    for area in opened:
        if area.editor is not None:
            area.editor._autosave.stop()
    tasks.wait(10000)


def spy_on_threads(monkeypatch, db):
    """Record, per read or write session of ``db`` opened, whether it was on the GUI thread."""
    threads = []
    for name in ("read", "session"):
        original = getattr(db, name)

        def spy(*a, _original=original, **k):
            threads.append(threading.current_thread() is threading.main_thread())
            return _original(*a, **k)

        monkeypatch.setattr(db, name, spy)
    return threads


def wait_editor(qtbot, area):
    """The post editor the calendar opens once the post is read (on a worker)."""
    qtbot.waitUntil(lambda: area.editor is not None and area.editor.isVisible(), timeout=5000)
    return area.editor

"""The clock watch behind the clock-free list (tests/harness/clock_watch.py): what counts as a
read of the wall clock, and the guard that sends a listed test back to the hard dates."""

from __future__ import annotations

import ast
import datetime as dt
import linecache
import threading

import pytest

from tests.harness import clock, clock_watch
from tests.harness.clock_watch import REPO, Watch


def _as_if_in(path: str, source: str) -> dict:
    """Run ``source`` as if it were code of ``path`` (relative to the repository): the profiler
    places a read by the file of the frame that made it."""
    filename = str(REPO / path)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict = {}
    exec(compile(source, filename, "exec"), namespace)
    return namespace


def _reads(call) -> set[str]:
    watch = Watch()
    watch.start()
    try:
        call()
    finally:
        reads = watch.stop()
    return reads


def test_a_read_in_tribunes_code_is_seen_with_its_place():
    code = _as_if_in(
        "app/services/fake.py",
        "import datetime as dt\ndef today():\n    return dt.date.today()\n",
    )
    assert _reads(code["today"]) == {"date.today app/services/fake.py:3"}


def test_converting_a_given_instant_is_no_read():
    code = _as_if_in(
        "ui/fake.py",
        "import time\ndef given():\n    return time.localtime(0)\n"
        "def now():\n    return time.localtime()\n",
    )
    assert _reads(code["given"]) == set()
    assert _reads(code["now"]) == {"time.localtime ui/fake.py:5"}


def test_a_library_reading_the_calendar_for_tribune_counts_its_own_epoch_reads_not():
    from dateutil import rrule

    code = _as_if_in(
        "app/fake_rules.py",
        "from dateutil import rrule\nimport logging\n"
        "def no_start():\n    return list(rrule.rrule(rrule.DAILY, count=1))\n"
        "def log():\n    logging.getLogger('fake').warning('x')\n",
    )
    assert rrule  # the library reads datetime.now() for a rule with no start
    assert _reads(code["no_start"]) == {"datetime.now app/fake_rules.py:4"}
    assert _reads(code["log"]) == set()  # logging's time.time() is its own


def test_dateutil_parsing_a_whole_date_is_no_read_a_partial_one_is():
    """The parser's default is today; a string giving the whole date keeps nothing of it."""
    code = _as_if_in(
        "app/fake_dates.py",
        "from dateutil import parser, rrule\n"
        "def whole():\n    return parser.parse('20261205T101500')\n"
        "def iso():\n    return parser.parse('2026-12-05 10:15')\n"
        "def until():\n"
        "    return rrule.rrulestr('FREQ=DAILY;UNTIL=20261210T000000',"
        " dtstart=__import__('datetime').datetime(2026, 12, 1))\n"
        "def time_only():\n    return parser.parse('10:15')\n",
    )
    assert _reads(code["whole"]) == set()
    assert _reads(code["iso"]) == set()
    assert _reads(code["until"]) == set()
    assert _reads(code["time_only"]) == {"datetime.now app/fake_dates.py:9"}  # today's date


def test_a_column_default_stamps_a_row_tribunes_call_reads_today():
    from app.models.base import utcnow

    library = _as_if_in("/usr/lib/python3/sqlalchemy_fake.py", "def default(f):\n    return f()\n")
    ours = _as_if_in("app/services/fake_due.py", "def due(f):\n    return f()\n")
    assert _reads(lambda: library["default"](utcnow)) == set()
    assert _reads(lambda: ours["due"](utcnow)) == {"datetime.now app/services/fake_due.py:2"}


def test_stamping_functions_are_not_reads_and_still_exist():
    for path, name in clock_watch.STAMPS:
        tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
        names = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        assert name in names, f"{path}: no function {name} (tests/harness/clock_watch.STAMPS)"
    code = _as_if_in(
        "app/services/versions.py",
        "import datetime as dt\ndef stamp():\n    return dt.datetime.now(dt.UTC)\n",
    )
    assert _reads(code["stamp"]) == set()


def test_reads_on_other_threads_are_seen(qapp):
    from ui.tasks import TaskRunner

    code = _as_if_in(
        "app/services/fake_worker.py",
        "import datetime as dt\ndef now():\n    return dt.datetime.now(dt.UTC)\n",
    )

    def on_a_thread():
        t = threading.Thread(target=code["now"])
        t.start()
        t.join()

    assert _reads(on_a_thread) == {"datetime.now app/services/fake_worker.py:3"}

    def on_qts_pool():
        tasks = TaskRunner()
        tasks.run(code["now"])
        assert tasks.wait(10_000)

    assert _reads(on_qts_pool) == {"datetime.now app/services/fake_worker.py:3"}


def test_a_listed_test_that_reads_the_clock_fails_naming_the_read():
    code = _as_if_in(
        "app/services/fake_report.py",
        "import datetime as dt\ndef month():\n    return dt.datetime.now().month\n",
    )
    listed = pytest.raises(pytest.fail.Exception, match=r"fake_report.py:3 — take it off the list")
    with listed, clock.watched():
        code["month"]()
    with clock.watched():  # a fixed instant is no read
        assert dt.datetime(2027, 3, 28, tzinfo=dt.UTC).month == 3


def test_the_list_names_only_date_sensitive_tests_that_exist():
    listed = clock.clock_free()
    assert listed, "tests/harness/clock_free.json is empty or unreadable"
    for nodeid in listed:
        path = nodeid.split("::", 1)[0]
        assert (REPO / path).name.startswith(clock.DATE_SENSITIVE), nodeid
        source = (REPO / path).read_text(encoding="utf-8")
        assert f"def {nodeid.rsplit('::', 1)[1]}(" in source, f"{nodeid}: no such test"


def test_widgets_an_earlier_test_left_are_deleted_before_the_watch(qapp):
    """A closed widget waiting for deletion still gets a language change, and a calendar area
    then reads the clock: that read is not the watched test's."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QWidget

    from app.i18n import install_translators

    code = _as_if_in(
        "ui/fake_area.py",
        "import datetime as dt\n"
        "def reload(event):\n"
        "    return dt.datetime.now(dt.UTC) if event.type() == LANGUAGE_CHANGE else None\n",
    )
    code["LANGUAGE_CHANGE"] = QEvent.Type.LanguageChange

    class Leftover(QWidget):
        def changeEvent(self, event):
            code["reload"](event)
            super().changeEvent(event)

    left = Leftover()
    left.show()
    left.close()
    left.deleteLater()  # as pytest-qt leaves a test's widgets
    del left
    watch = Watch()
    watch.start()
    try:
        install_translators("fr")  # a language change reaches every widget still there
        qapp.processEvents()
    finally:
        reads = watch.stop()
        install_translators("en")
    assert reads == set()

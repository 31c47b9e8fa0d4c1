"""Which wall-clock reads a test makes: the profiler behind the hard dates' ``clock_free`` list.

A date-sensitive test runs again at each hard date (the 1st of a month, New Year's Eve, both
daylight-saving changes in Paris) because what it runs can see the date. A test that passes
every instant explicitly (``today=``, ``now=``, fixed months) gives the same answer on every
day: five runs of it buy nothing. ``tests/harness/clock_free.json`` lists the date-sensitive
files' tests that were seen reading no clock (:mod:`tests.harness.clock_survey` writes it);
the whole suite runs those once, today, with :class:`Watch` on — and a listed test that reads
the clock after all fails, naming where (``tests/conftest.py``), so a test never silently
loses its hard dates when the code under it starts reading the clock.

What counts as a read: ``datetime.now``/``today``/``utcnow``, ``date.today``, and
``time.localtime``/``gmtime``/``strftime``/``ctime`` with no instant given, called from a frame
of ``app/``, ``ui/`` or ``tests/``, or by a library on their behalf (a calendar read anywhere
under one of their frames: an RRULE with no start, say); ``time.time``/``time_ns`` called
directly by that code. ``time.time`` in a library (logging, HTTP cookies, the connection pool)
is the library's business. ``app.models.utcnow`` called by SQLAlchemy as a column default is a
row's timestamp (the instant it is written), not a decision about a date; called by Tribune's
code it is a read, placed at its caller. Reads the suite cannot move at a hard date anyway are
not seen either: a child process's clock, the database's ``now()``.

The watch is ``sys.setprofile`` on the test's thread, ``threading.setprofile`` for the threads
started meanwhile, and the app's worker (``ui.tasks._Task.run``) setting it for each piece of
work on Qt's pool threads. It costs little: the suite's time goes to C code, other processes
and waiting, which the profiler does not see.
"""

from __future__ import annotations

import datetime as dt
import linecache
import os
import re
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_OURS = tuple(str(REPO / part) + os.sep for part in ("app", "ui", "tests"))
_NOT_OURS = (str(REPO / "tests" / "harness") + os.sep,)
_ROW_CLOCK = (str(REPO / "app" / "models" / "base.py"), "utcnow")
# Functions whose clock reads only stamp what they write — the instant of a change, like a
# column default — or keep house on a timer no test can time, and decide nothing a test sees
# by the date. A read elsewhere in them would be missed: keep them to that
# (tests/harness/test_clock_watch.py checks that each still exists).
STAMPS = {
    ("app/changes.py", "_prune"),  # once a minute per process: old change-feed rows dropped
    ("app/changes.py", "_before_commit"),  # the change feed's row: when it was announced
    ("app/services/versions.py", "stamp"),  # a row's updated_at and updated_by
    ("app/services/reports/metrics.py", "record_account_samples"),  # updated_at
    ("app/services/reports/metrics.py", "record_post_samples"),  # updated_at
}
_STAMPS = {(str(REPO / path), name) for path, name in STAMPS}
# dateutil's parser takes today as the default of the fields a date string leaves out, then
# replaces each field the string gives: a string that starts with a whole date (iCalendar's
# 20261205T101500, ISO's 2026-12-05) keeps nothing of today. (The iCalendar corpus parses
# thousands of them, through recurring-ical-events' RRULE UNTIL and dateutil's VTIMEZONE.)
_PARSER = (os.sep + os.path.join("dateutil", "parser", "_parser.py"), "parse")
_WHOLE_DATE = re.compile(r"\s*(\d{8}|\d{4}-\d\d-\d\d)")

_CALENDAR = {
    (dt.datetime, "now"),
    (dt.datetime, "today"),
    (dt.datetime, "utcnow"),
    (dt.date, "today"),
    (time, "localtime"),
    (time, "gmtime"),
    (time, "strftime"),
    (time, "ctime"),
}
_EPOCH = {(time, "time"), (time, "time_ns")}
_NAMES = {name for _, name in _CALENDAR | _EPOCH}
_CONVERTERS = {"localtime", "gmtime", "strftime", "ctime"}


class Watch:
    """One test's clock reads: ``start()`` before it, ``stop()`` after (the reads, as
    ``"datetime.now app/x.py:12"``)."""

    def __init__(self) -> None:
        self.reads: set[str] = set()

    def start(self) -> None:
        _install_worker_hook()
        _delete_what_earlier_tests_left()
        self.reads = set()
        global _watch
        _watch = self
        sys.setprofile(_profile)
        threading.setprofile(_profile)

    def stop(self) -> set[str]:
        global _watch
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]
        _watch = None
        return self.reads


_watch: Watch | None = None
_hooked = False


def _install_worker_hook() -> None:
    """Qt's pool threads are not started by ``threading``: the app's worker sets the profile
    itself for each piece of work while a watch is on."""
    global _hooked
    if _hooked:
        return
    _hooked = True
    from ui import tasks

    original = tasks._Task.run

    def run(self):
        if _watch is None:
            return original(self)
        sys.setprofile(_profile)
        try:
            return original(self)
        finally:
            sys.setprofile(None)

    tasks._Task.run = run


def _delete_what_earlier_tests_left() -> None:
    """Widgets an earlier test closed are only scheduled for deletion (pytest-qt's
    ``deleteLater()``, outside any event loop): until an event loop runs they still get the
    application's events — a language change reaches every widget, and a calendar area then
    reads the clock on this test's account. Delete them first."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _ours(filename: str) -> bool:
    return filename.startswith(_OURS) and not filename.startswith(_NOT_OURS)


def _profile(frame, event, arg):
    if event != "c_call":
        return
    name = getattr(arg, "__name__", None)
    if name not in _NAMES:
        return
    watch = _watch
    if watch is None:
        return
    owner = getattr(arg, "__self__", None)
    if owner is not dt.datetime and owner is not dt.date and owner is not time:
        return
    key = (owner, name)
    calendar = key in _CALENDAR
    if not calendar and key not in _EPOCH:
        return
    if name in _CONVERTERS and not _no_instant_given(frame, name):
        return
    where = frame
    if (frame.f_code.co_filename, frame.f_code.co_name) == _ROW_CLOCK:
        where = frame.f_back  # a column default (SQLAlchemy) or Tribune's code
        if where is None or not _ours(where.f_code.co_filename):
            return
    elif not _ours(frame.f_code.co_filename):
        if not calendar or _parses_a_whole_date(frame):
            return
        while where is not None and not _ours(where.f_code.co_filename):
            where = where.f_back
        if where is None:
            return
    if (where.f_code.co_filename, where.f_code.co_name) in _STAMPS:
        return
    path = os.path.relpath(where.f_code.co_filename, REPO)
    watch.reads.add(f"{owner.__name__}.{name} {path}:{where.f_lineno}")


def _parses_a_whole_date(frame) -> bool:
    """dateutil's parser reading today as the default of a string that gives a whole date."""
    if frame.f_code.co_name != _PARSER[1] or not frame.f_code.co_filename.endswith(_PARSER[0]):
        return False
    given = frame.f_locals.get("timestr")
    return isinstance(given, str) and _WHOLE_DATE.match(given) is not None


def _no_instant_given(frame, name: str) -> bool:
    """``time.localtime(secs)`` converts a given instant; only ``localtime()`` reads the clock.
    The profiler does not see the call's arguments, so the calling line is read instead."""
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
    return f"{name}()" in line.replace(" ", "")

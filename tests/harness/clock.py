"""Date-sensitive test files that pin the clock themselves run once, not once per hard date.

A file such as tests/ui/test_charts.py moves every test's clock to a fixed day in an autouse
fixture (``time_machine.move_to(...)``): inside it, the travel of ``--at``'s hard date is
overridden, so the test ran five times at the same fixed day. :func:`pins_the_clock` finds
such a module (an autouse fixture of its own that takes ``time_machine``); the conftest does
not parametrise its tests by hard date, marks them ``clock_pinned``, and :func:`check_pinned`
fails a marked test whose clock is not travelling when its body starts — if the fixture ever
stops pinning, the test says so instead of silently losing its hard dates.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import types
import weakref
from pathlib import Path

# Test files whose subject is the calendar, a period or a delay: the whole suite runs their
# tests at today and at each hard date — all but those listed in clock_free.json, which read
# no clock and run once, watched (tests/harness/clock_watch.py).
DATE_SENSITIVE = (
    "test_calendar_",
    "test_inbox_delays",
    "test_inbox_pages",
    "test_metrics",
    "test_report",
    "test_escalation",
    "test_posts",
    "test_charts",
    "test_charter_pdf",
    "test_documents_",
    "test_publish_queue",
)

CLOCK_FREE = Path(__file__).resolve().with_name("clock_free.json")


def function_of(nodeid: str) -> str:
    """``file::Class::test[params]`` → ``file::Class::test``: a function is listed whole."""
    return nodeid.split("[", 1)[0]


@functools.cache
def clock_free() -> frozenset[str]:
    """The date-sensitive tests the survey saw reading no clock (tests/harness/clock_survey.py)."""
    try:
        return frozenset(json.loads(CLOCK_FREE.read_text(encoding="utf-8"))["clock_free"])
    except (OSError, ValueError, KeyError):
        return frozenset()


_CACHE: weakref.WeakKeyDictionary[types.ModuleType, bool] = weakref.WeakKeyDictionary()


def pins_the_clock(module: types.ModuleType | None) -> bool:
    if module is None:
        return False
    if module not in _CACHE:
        _CACHE[module] = any(_autouse_with_time_machine(v) for v in vars(module).values())
    return _CACHE[module]


def _autouse_with_time_machine(value: object) -> bool:
    marker = getattr(value, "_fixture_function_marker", None)
    if marker is None or not getattr(marker, "autouse", False):
        return False
    wrapped = getattr(value, "_get_wrapped_function", None)
    function = wrapped() if callable(wrapped) else getattr(value, "__wrapped__", None)
    if function is None:
        return False
    try:
        return "time_machine" in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


def check_pinned(item) -> None:
    """At the start of a ``clock_pinned`` test's body: its clock must be travelling."""
    import pytest
    import time_machine

    if not time_machine.traveller_stack:
        pytest.fail(
            f"{item.nodeid}: its module's autouse fixture takes time_machine but the clock is "
            "not pinned when the test starts: run it at the hard dates (tests/harness/clock.py)"
        )


@contextlib.contextmanager
def watched():
    """Around a clock-free test run once instead of at each hard date: fails it (after it ran)
    if it read the clock after all, naming where — it must go back to the hard dates."""
    import pytest

    from tests.harness.clock_watch import Watch

    watch = Watch()
    watch.start()
    try:
        yield
    finally:
        reads = watch.stop()
    if reads:
        pytest.fail(
            "listed clock-free in tests/harness/clock_free.json, so run once instead of at each "
            "hard date, but it read the clock: " + "; ".join(sorted(reads)) + " — take it off "
            "the list, or run the survey again (tests/harness/clock_survey.py)",
            pytrace=False,
        )

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

import inspect
import types
import weakref

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

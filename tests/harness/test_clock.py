"""Which date-sensitive modules pin the clock themselves (tests/harness/clock.py)."""

from __future__ import annotations

import datetime as dt
import types

import pytest
import time_machine

from tests.harness import clock


def _module(**values) -> types.ModuleType:
    module = types.ModuleType("tests.harness.fake_module")
    vars(module).update(values)
    return module


def test_an_autouse_fixture_taking_time_machine_pins_the_clock():
    @pytest.fixture(autouse=True)
    def _fixed_day(time_machine):
        time_machine.move_to(dt.datetime(2026, 6, 20, 10, tzinfo=dt.UTC))

    @pytest.fixture
    def on_demand(time_machine):  # not autouse: the test may read the clock before it
        pass

    @pytest.fixture(autouse=True)
    def other(tmp_path):
        pass

    assert clock.pins_the_clock(_module(_fixed_day=_fixed_day))
    assert not clock.pins_the_clock(_module(on_demand=on_demand, other=other))
    assert not clock.pins_the_clock(None)


def test_a_pinned_test_whose_clock_does_not_travel_fails(request):
    with time_machine.travel(dt.datetime(2026, 6, 20, 10, tzinfo=dt.UTC)):
        clock.check_pinned(request.node)  # travelling: fine
    if time_machine.traveller_stack:  # a single --at instant: the whole session travels
        pytest.skip("the whole session travels")
    with pytest.raises(pytest.fail.Exception, match="not pinned"):
        clock.check_pinned(request.node)

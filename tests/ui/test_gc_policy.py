"""The app's garbage collection (``ui/gc_policy.py``): never automatic, and on the GUI thread
only while no task runs — a cycle made while a worker is busy waits for it to finish."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from ui import gc_policy
from ui.gc_policy import GuiCollector
from ui.tasks import TaskRunner


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_on_the_gui_thread_only_while_no_task_runs(qtbot, monkeypatch):
    runner = TaskRunner()
    collector = GuiCollector(runner, interval_ms=20)
    assert not gc.isenabled()  # nothing collects on whichever thread allocates
    release = threading.Event()
    runner.run(lambda: release.wait(10), None)
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    del cycle
    qtbot.wait(200)  # ten ticks while the worker runs: no collection
    assert gone() is not None and collector.collections == 0
    release.set()
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: gone() is None, timeout=2000)
    assert collector.collections >= 1
    collector.timer.stop()


def test_a_runner_never_idle_is_collected_after_a_minute_all_the_same(qtbot, monkeypatch):
    runner = TaskRunner()
    collector = GuiCollector(runner, interval_ms=60_000)
    release = threading.Event()
    runner.run(lambda: release.wait(10), None)
    assert collector.collect_if_idle() is False
    monkeypatch.setattr(gc_policy.time, "monotonic", lambda: time.perf_counter() + 3600)
    assert collector.collect_if_idle() is True  # bounded memory under constant work
    release.set()
    assert runner.wait(5000)
    collector.timer.stop()

"""What the ratio benchmarks share: timing Tribune against the raw query in the same minutes.

:func:`interleaved` runs the cases in turn, round after round, each round a batch of calls
per case; a round's ratio compares batches a few milliseconds apart, so another process's
load on a shared machine weighs on both sides alike. It reports the median over the rounds
(wall clock and this process's CPU time) and the rounds' spread. :func:`load_average` is
printed with the figures: a ratio measured at load 6 on 2 cores is not a quiet one.

The garbage collector runs as in the app (``ui/gc_policy``): the automatic collection off,
a full collection between rounds (the app collects when its workers are idle). With it on,
a full collection of the whole heap (Qt, SQLAlchemy: hundreds of thousands of objects) falls
now in one case, now in another, and charges a page for memory it did not allocate;
``automatic_gc=True`` measures that way anyway.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    wall_ms: float  # median over rounds of the round's median call
    cpu_ms: float
    ratios: tuple[float, ...]  # per round, wall clock, against the first case

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def spread(self) -> str:
        return f"{min(self.ratios):.2f}–{max(self.ratios):.2f}"


def interleaved(
    cases: dict[str, Callable[[], object]],
    rounds: int = 9,
    repeat: int = 30,
    *,
    automatic_gc: bool = False,
) -> dict[str, Timing]:
    """Median timings of ``cases`` (the first is the raw side the others are compared to)."""
    for fn in cases.values():  # warm: SQL compiled, pages cached, connections open
        for _ in range(3):
            fn()
    wall: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    was_enabled = gc.isenabled()
    try:
        _rounds(cases, rounds, repeat, automatic_gc, wall, cpu)
    finally:
        if was_enabled:
            gc.enable()
    first = next(iter(cases))
    return {
        name: Timing(
            statistics.median(wall[name]),
            statistics.median(cpu[name]),
            tuple(w / r for w, r in zip(wall[name], wall[first], strict=True)),
        )
        for name in cases
    }


def _rounds(cases, rounds, repeat, automatic_gc, wall, cpu) -> None:
    for _ in range(rounds):
        gc.collect()
        if not automatic_gc:
            gc.disable()
        for name, fn in cases.items():
            walls, cpus = [], []
            for _ in range(repeat):
                t, c = time.perf_counter(), time.process_time()
                fn()
                cpus.append(time.process_time() - c)
                walls.append(time.perf_counter() - t)
            wall[name].append(statistics.median(walls) * 1000)
            cpu[name].append(statistics.median(cpus) * 1000)


def load_average() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores"

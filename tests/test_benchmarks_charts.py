"""benchmarks/dashboard.py and benchmarks/slots.py run tiny so they cannot break silently
(the dashboard's once died on "too many values to unpack" when the Charts area's worker
returned one more part): real processes, real SQLite files, the real Qt offscreen platform."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _run(script: str, **sizes: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **sizes)
    done = subprocess.run(
        [sys.executable, str(BENCH / script)], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_dashboard_benchmark_runs_tiny_and_prints_its_ratio():
    out = _run("dashboard.py", BENCH_ACCOUNTS="2", BENCH_DAYS="30", BENCH_ROUNDS="1")
    assert "data: 2 accounts × 30 days" in out
    assert re.search(r"^ratio: \d+\.\d\d \(aim <= 1\.5\)$", out, re.M), out


def test_slots_benchmark_runs_tiny_and_prints_its_ratio():
    out = _run("slots.py", BENCH_DAYS="60", BENCH_REPEAT="2")
    assert "over 840 metric rows" in out
    assert re.search(r"^ratio: \d+\.\d\d \(aim <= 2\)$", out, re.M), out

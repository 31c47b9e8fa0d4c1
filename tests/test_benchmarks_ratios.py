"""The first-page and month benchmarks run tiny so they cannot rot: both engines' ratios
printed in one run (a real SQLite file, the real PostgreSQL server), and the timing helper
they share (benchmarks/_ratios.py) keeps the collector as the app does."""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PG_URL, _require_pg

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

from _ratios import interleaved  # noqa: E402


def test_interleaved_compares_each_round_and_keeps_the_collector_as_found():
    seen = []

    def spin(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            pass

    def raw():
        seen.append(gc.isenabled())
        spin(0.001)

    def twice():
        seen.append(gc.isenabled())
        spin(0.003)

    was = gc.isenabled()  # the suite turns it off as the app does (tests/conftest.py)
    gc.enable()
    try:
        t = interleaved({"raw": raw, "twice": twice}, rounds=3, repeat=3)
        assert gc.isenabled()  # given back
        seen_on = list(seen)
        seen.clear()
        interleaved({"raw": raw}, rounds=2, repeat=2, automatic_gc=True)
        assert all(seen)
        gc.disable()
        interleaved({"raw": raw}, rounds=1, repeat=1)
        assert not gc.isenabled()  # left as found
    finally:
        (gc.enable if was else gc.disable)()
    assert seen_on[:6] == [True] * 6 and not any(seen_on[6:])  # warm-up, then timed with it off
    assert len(t["twice"].ratios) == 3 and t["twice"].ratio > 1.2  # 3× the work, whatever the load
    assert t["raw"].ratio == 1.0 and t["twice"].wall_ms > t["raw"].wall_ms


def run(script: str, **env: str) -> str:
    _require_pg()
    done = subprocess.run(
        [sys.executable, str(BENCH / script)],
        env=dict(os.environ, TRIBUNE_BENCH_PG_URL=PG_URL, QT_QPA_PLATFORM="offscreen", **env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_inbox_benchmark_prints_both_engines_first_page_ratios():
    out = run("inbox.py", TRIBUNE_BENCH_MESSAGES="3000", TRIBUNE_BENCH_PG_MESSAGES="3000")
    ratio = r" +[\d.]+ms +[\d.]+ms +[\d.]+ms +[\d.]+ms +[\d.]+× +[\d.]+× +[\d.]+×"
    assert re.search(r"^SQLite +raw SQL +conn +session +model", out, re.M), out
    assert re.search(r"^PostgreSQL +raw SQL +conn +session +model", out, re.M), out
    assert len(re.findall(r"^first page \(\d+\)" + ratio, out, re.M)) == 2, out
    assert re.search(r"^load average [\d.]+ ", out, re.M), out


def test_month_benchmark_prints_both_engines_load_ratios():
    out = run("calendar_month.py", TRIBUNE_BENCH_POSTS="200")
    assert re.search(r"load  posts_between .* raw sqlite3 .* ratio +[\d.]+ \(median", out), out
    assert re.search(r"load  PostgreSQL .* raw psycopg .* ratio +[\d.]+ \(median", out), out
    assert "load average" in out

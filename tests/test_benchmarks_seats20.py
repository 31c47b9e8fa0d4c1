"""benchmarks/seats20.py run tiny (3 seat processes, 2,000 messages, 3 s) so it cannot rot:
real seat processes on the real PostgreSQL server, each with its LISTEN connection."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import PG_URL, _require_pg

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "seats20.py"


def test_twenty_seats_benchmark_runs_tiny_without_errors_deadlocks_or_extra_connections():
    _require_pg()
    env = dict(os.environ, TRIBUNE_BENCH_PG_URL=PG_URL)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "3", "2000", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2,000 messages" in out
    assert re.search(r"errors 0, deadlocks 0\n", out), out
    refreshes = int(re.search(r"(\d+) refreshes", out).group(1))
    assert refreshes >= 3, out  # every seat refreshed at least once
    assert re.search(r"max connections of one seat [12] .*, 3 seats seen", out), out
    changes = int(re.search(r"triage changes (\d+)", out).group(1))
    heard = int(re.search(r"changes heard on the feeds (\d+)", out).group(1))
    assert changes > 0 and heard > 0, out  # the seats triaged and heard each other
    for label in ("raw SQL first page", "inbox first page", "inbox refresh"):
        assert re.search(label + r" +p95 +\d+\.\d ms", out), out

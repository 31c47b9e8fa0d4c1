"""The command line's start-up: ``tribune client list`` against the bare imports it needs.

The issue's yardstick: ``tribune client list`` on a demo agency at most 1.5× ``python -c
"import sqlalchemy.orm, PySide6.QtCore"`` (the two libraries any command needs), run the
same way in fresh processes on the same machine, alternated, medians of several runs. A
second line compares ``tribune --version`` (no database, no services) with a bare
interpreter.

    python benchmarks/cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app import __version__


def _tribune() -> list[str]:
    exe = shutil.which("tribune", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "app"]


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="tribune-cli-bench-")
    env = dict(os.environ, TRIBUNE_HOME=home, QT_QPA_PLATFORM="offscreen")
    env.pop("TRIBUNE_DB", None)
    tribune = _tribune()
    subprocess.run([*tribune, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    raw = [sys.executable, "-c", "import sqlalchemy.orm, PySide6.QtCore"]
    bare = [sys.executable, "-c", "pass"]
    pairs = {
        "client list": ([*tribune, "client", "list"], raw),
        "--version": ([*tribune, "--version"], bare),
    }
    for cmd, base in pairs.values():  # warm the file cache once
        _time(cmd, env)
        _time(base, env)
    print(f"tribune {__version__}: fresh processes, medians of {args.runs} alternated runs")
    for label, (cmd, base) in pairs.items():
        ours, theirs = [], []
        for _ in range(args.runs):
            ours.append(_time(cmd, env))
            theirs.append(_time(base, env))
        a, b = statistics.median(ours), statistics.median(theirs)
        print(
            f"tribune {label:<12} {a * 1000:7.0f} ms   raw {b * 1000:7.0f} ms   ratio {a / b:4.2f}×"
        )
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The whole suite's files, longest first, for pytest-xdist's ``--dist loadfile``.

``loadfile`` hands each worker a whole test file at a time, in the collection's order (with
``--no-loadscope-reorder``; by default xdist puts the files with the most tests first, which
says little about their time). A long file handed out last keeps one worker busy while the
others are idle: with two workers that tail was minutes. So the files are ordered by how
long they took (``weights.json``, seconds per file, all their tests and fixtures; a file not
in it counts its tests at the median second per test), longest first — the classic
longest-processing-time-first rule, within a few per cent of the best split for many files.

The order of the tests inside a file is kept; only whole files move. ``weights.json`` is
written by a whole run with ``TRIBUNE_TEST_WEIGHTS_OUT=path`` (scripts/test.sh passes it on);
a stale entry only costs time, never a test.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from pathlib import Path

WEIGHTS = Path(__file__).resolve().with_name("weights.json")

_seconds: defaultdict[str, float] = defaultdict(float)
_tests: defaultdict[str, int] = defaultdict(int)


def _file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def record(report) -> None:
    """Add a test phase's duration to its file's total (on the controlling process)."""
    name = _file_of(report.nodeid)
    _seconds[name] += float(getattr(report, "duration", 0.0) or 0.0)
    if report.when == "call":
        _tests[name] += 1


def write(path: str) -> None:
    data = {
        name: {"seconds": round(seconds, 2), "tests": _tests.get(name, 0)}
        for name, seconds in sorted(_seconds.items())
    }
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load(path: Path = WEIGHTS) -> dict[str, dict[str, float]]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def longest_first(items: list, weights: dict[str, dict[str, float]]) -> list:
    """``items`` with whole files moved, the longest expected first (stable otherwise)."""
    per_test = [
        w["seconds"] / w["tests"] for w in weights.values() if w.get("tests") and w["seconds"] > 0
    ]
    unit = statistics.median(per_test) if per_test else 1.0
    files: dict[str, list] = {}
    for item in items:
        files.setdefault(_file_of(item.nodeid), []).append(item)

    def expected(name: str) -> float:
        known = weights.get(name)
        if known is not None:
            return known["seconds"]
        return unit * len(files[name])

    order = sorted(files, key=lambda name: -expected(name))  # stable: ties keep their order
    return [item for name in order for item in files[name]]

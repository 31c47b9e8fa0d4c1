"""The survey that writes ``tests/harness/clock_free.json`` (see :mod:`tests.harness.clock_watch`).

Run it on the date-sensitive files, in one process, today (no ``--at``)::

    scripts/test.sh -p tests.harness.clock_survey -p no:randomly -q \
        $(.venv/bin/python -m tests.harness.clock_survey)

Every test is watched; a test function (all its parameters) that passed and read no clock is
listed clock-free; the others (skipped ones too), and tests added since, run at every hard
date. The list is rewritten whole; about three and a half minutes.
``TRIBUNE_CLOCK_SURVEY_READS=path`` also writes where each other test read the clock.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.harness.clock import CLOCK_FREE, DATE_SENSITIVE, function_of
from tests.harness.clock_watch import REPO, Watch

_watch = Watch()
_reads: dict[str, set[str]] = {}
_failed: set[str] = set()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _watch.start()
    try:
        yield
    finally:
        _reads.setdefault(function_of(item.nodeid), set()).update(_watch.stop())


def pytest_runtest_logreport(report):
    if report.failed or report.skipped:  # a skipped test read nothing and proved nothing
        _failed.add(function_of(report.nodeid))


def pytest_sessionfinish(session, exitstatus):
    if not _reads:
        return
    free = sorted(f for f, reads in _reads.items() if not reads and f not in _failed)
    CLOCK_FREE.write_text(
        json.dumps(
            {
                "about": "date-sensitive tests that read no clock: run once, watched "
                "(tests/harness/clock_watch.py); written by tests/harness/clock_survey.py",
                "clock_free": free,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    readers = {f: sorted(r) for f, r in _reads.items() if r}
    if os.environ.get("TRIBUNE_CLOCK_SURVEY_READS"):  # where each other test read the clock
        Path(os.environ["TRIBUNE_CLOCK_SURVEY_READS"]).write_text(
            json.dumps(readers, indent=1) + "\n", encoding="utf-8"
        )
    print(f"\nclock survey: {len(free)} clock-free, {len(readers)} read the clock -> {CLOCK_FREE}")


def date_sensitive_files() -> list[str]:
    return sorted(
        str(p.relative_to(REPO))
        for p in (REPO / "tests").rglob("test_*.py")
        if p.name.startswith(DATE_SENSITIVE)
    )


if __name__ == "__main__":
    print(" ".join(date_sensitive_files()))

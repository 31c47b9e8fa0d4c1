"""Seat processes for the tests: :mod:`multiprocessing` with a fork server.

A seat test starts several real processes on one database. With the ``spawn`` method each
started a new interpreter that imported pytest, SQLAlchemy and its drivers before the seat's
first query (0.3-0.6 s a seat). :func:`seat_context` is a ``forkserver`` context instead: one
server per test process has imported those libraries (never Tribune's own modules, which the
seat imports itself, in its own process, as before); each seat is a fresh fork of it.

One difference from ``spawn`` is made up for: a forked seat would see the environment and
the directory the server started with, not the test's (its ``TRIBUNE_HOME``, its user, the
worker's PostgreSQL cluster). :class:`SeatProcess` takes the test process's environment and
directory as they are at ``start()`` and sets them in the seat before its target runs.
"""

from __future__ import annotations

import multiprocessing.context
import os
from typing import Any

# Third-party libraries only, in the order the app imports them (SQLAlchemy before Qt).
PRELOAD = [
    "pytest",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "sqlite3",
    "psycopg",
    "sqlalchemy.dialects.postgresql.psycopg",
    "httpx",
    "PySide6.QtCore",
]


class SeatProcess(multiprocessing.context.ForkServerProcess):
    """A forked seat with the environment and directory of the test that started it."""

    def start(self) -> None:
        self._seat_env = dict(os.environ)
        self._seat_cwd = os.getcwd()
        super().start()

    def run(self) -> None:
        os.environ.clear()
        os.environ.update(self._seat_env)
        os.chdir(self._seat_cwd)
        super().run()


class SeatContext(multiprocessing.context.ForkServerContext):
    Process = SeatProcess  # type: ignore[assignment]


_CONTEXT: SeatContext | None = None


def seat_context() -> SeatContext:
    """The context to start seats with (``ctx.Process``, ``ctx.Queue``, ``ctx.Event``…)."""
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = SeatContext()
        _CONTEXT.set_forkserver_preload(PRELOAD)
    return _CONTEXT


def answers(seats: list[Any], out: Any, timeout: float = 120) -> list[Any]:
    """Start ``seats`` (processes that each put one answer on ``out``) and return their
    answers in arrival order; every seat is then joined, and one that never ends is killed so
    that it cannot keep the run alive at exit."""
    for seat in seats:
        seat.start()
    try:
        return [out.get(timeout=timeout) for _ in seats]
    finally:
        for seat in seats:
            seat.join(timeout=30)
            if seat.is_alive():
                seat.kill()

"""The demo agency: realistic French clients with a year of work, built without a network.

Each feature adds a step module (``populate(db, ctx)``) to :data:`STEPS`; steps run in order,
each in its own transactions, and read what earlier steps made from :class:`DemoContext`.
Large steps commit a batch at a time (:func:`app.db_busy.commit_batch`): a seat writing
meanwhile waits for one batch, not for the whole demo.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.db import Database
from app.db_busy import DatabaseBusy
from app.db_busy import timeout as busy_timeout
from app.errors import Conflict
from app.i18n import translate

STEPS = [
    "app.demo.clients",
    # FEATURE-DEMO-BEGIN
    "app.demo.charter",
    "app.demo.calendar",
    "app.demo.inbox",
    "app.demo.metrics",
    "app.demo.sync_history",
    # FEATURE-DEMO-END
]


@dataclass
class DemoContext:
    """Shared state between demo steps."""

    rng: random.Random
    today: dt.date
    clients: dict[str, int] = field(default_factory=dict)  # slug -> id
    staff: dict[str, int] = field(default_factory=dict)  # name -> id
    summary: dict[str, int] = field(default_factory=dict)

    def count(self, key: str, n: int = 1) -> None:
        self.summary[key] = self.summary.get(key, 0) + n


def is_empty(db: Database) -> bool:
    from app.models import Client

    with db.read() as session:
        return not session.scalar(select(func.count(Client.id)))


def build_demo(
    db: Database, *, seed: int = 2026, today: dt.date | None = None, if_empty: bool = False
) -> dict[str, int]:
    """Fill ``db`` with the demo agency. Refuses a database that already has clients."""
    if not is_empty(db):
        if if_empty:
            return {}
        raise Conflict(
            translate(
                "Demo",
                "The database already has clients; use an empty one for the demo "
                "(for example --db sqlite:////tmp/demo.sqlite3).",
            )
        )
    ctx = DemoContext(rng=random.Random(seed), today=today or dt.date.today())
    for name in STEPS:
        try:
            importlib.import_module(name).populate(db, ctx)
        except DatabaseBusy:  # batches went in: the database holds part of the demo
            raise DatabaseBusy(
                translate(
                    "Demo",
                    "The database stayed busy for {seconds} s (another import?); the demo "
                    "stopped half way and this database holds part of it. Load the demo into "
                    "a new empty database.",
                ).format(seconds=f"{busy_timeout():g}")
            ) from None
    return ctx.summary

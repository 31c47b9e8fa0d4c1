"""The community manager's commentary of a monthly report: successes, failures, next steps.

Written in the app, saved per (client, month) and printed in the PDF as written (plain text).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import translate
from app.models.metrics import ReportCommentary
from app.services.people import audit
from app.services.people.actor import current_actor
from app.services.reports.periods import parse_month

MAX_CHARS = 8000


@dataclass(frozen=True)
class Commentary:
    client_id: int
    month: str
    successes: str = ""
    failures: str = ""
    next_steps: str = ""
    author: str = ""
    updated_at: dt.datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.successes.strip() or self.failures.strip() or self.next_steps.strip())


def _month_key(month: str) -> str:
    return parse_month(month).start.strftime("%Y-%m")


def get_commentary(session: Session, client_id: int, month: str) -> Commentary:
    key = _month_key(month)
    row = session.scalar(
        select(ReportCommentary).where(
            ReportCommentary.client_id == client_id, ReportCommentary.month == key
        )
    )
    if row is None:
        return Commentary(client_id, key)
    return Commentary(
        client_id, key, row.successes, row.failures, row.next_steps, row.author, row.updated_at
    )


def save_commentary(
    session: Session,
    client_id: int,
    month: str,
    *,
    successes: str,
    failures: str,
    next_steps: str = "",
) -> Commentary:
    """Create or replace the commentary of ``month``; an audit entry records who wrote it."""
    key = _month_key(month)
    for name, text in (
        ("successes", successes),
        ("failures", failures),
        ("next_steps", next_steps),
    ):
        if len(text or "") > MAX_CHARS:
            raise ValidationError(
                translate("Report", "The commentary is too long (at most {n} characters).").format(
                    n=MAX_CHARS
                ),
                field=name,
            )
    row = session.scalar(
        select(ReportCommentary).where(
            ReportCommentary.client_id == client_id, ReportCommentary.month == key
        )
    )
    if row is None:
        row = ReportCommentary(client_id=client_id, month=key)
        session.add(row)
    row.successes = (successes or "").strip()
    row.failures = (failures or "").strip()
    row.next_steps = (next_steps or "").strip()
    row.author = current_actor()
    session.flush()
    audit.record(
        session, "report.commentary_saved", client_id=client_id, target_type="report", target_id=key
    )
    return get_commentary(session, client_id, key)

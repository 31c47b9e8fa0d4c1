"""Whether a client has anything the Charts area could draw, at any date.

A client with no metrics and no messages at all gets one empty state with a next step
(connect an account, import metrics) instead of a dozen empty charts; a client with data
outside the chosen period still gets the charts, each saying it has nothing for the period.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.models.inbox import InboxMessage
from app.models.metrics import AccountMetricDay, PostMetricDay


def client_has_data(session: Session, client_id: int) -> bool:
    """True when the client has at least one day of metrics or one inbox message."""
    for model in (AccountMetricDay, PostMetricDay, InboxMessage):
        found = session.execute(select(exists().where(model.client_id == client_id))).scalar()
        if found:
            return True
    return False

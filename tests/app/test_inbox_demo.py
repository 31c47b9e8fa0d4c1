"""The demo agency's inbox: a year of messages per client, an escalated complaint, a crisis."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.demo import build_demo
from app.models.inbox import InboxMessage
from app.services import clients, escalation, inbox, inbox_crisis


def test_demo_inbox(sqlite_db):
    summary = build_demo(sqlite_db, today=dt.datetime.now(dt.UTC).date())
    assert summary["inbox messages"] > 5 * 1500
    with sqlite_db.read() as s:
        for c in clients.list_clients(s):
            first, last, n = s.execute(
                select(
                    func.min(InboxMessage.received_at),
                    func.max(InboxMessage.received_at),
                    func.count(),
                ).where(InboxMessage.client_id == c.id)
            ).one()
            assert (
                n > 1500
                and (
                    dt.datetime.fromisoformat(str(last)) - dt.datetime.fromisoformat(str(first))
                ).days
                >= 360
            )
        aquarelle = clients.get_client(s, "aquarelle-petales").id
        log = escalation.log(s, aquarelle)
        answered = [e for e in log if e.answered_at is not None]
        assert answered and any(e.answered_at is None for e in log)
        resolved = inbox.detail(s, aquarelle, answered[0].message_id)
        assert resolved.category == "complaint" and resolved.status == "closed"
        assert resolved.resolution and resolved.notes
        assert inbox.search(s, aquarelle, "fete des meres")
        levels = inbox_crisis.crisis_levels(s)
        dupre = clients.get_client(s, "maison-dupre").id
        assert levels[dupre].alert
        assert [cid for cid, level in levels.items() if level.alert] == [dupre]

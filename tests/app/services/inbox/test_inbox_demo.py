"""The demo agency's inbox: a year of messages per client, an escalated complaint, a crisis."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.demo import build_demo
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import crisis as inbox_crisis
from app.services.inbox import escalation
from app.services.inbox import reading as inbox


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
        details = [inbox.detail(s, aquarelle, e.message_id) for e in answered]
        assert all(d.category == "complaint" and d.status == "closed" for d in details)
        assert all(d.resolution for d in details)  # closed complaints say how
        assert any(d.notes and "fête des mères" in d.text for d in details)  # Mother's Day
        assert inbox.search(s, aquarelle, "fete des meres")
        levels = inbox_crisis.crisis_levels(s)
        dupre = clients.get_client(s, "maison-dupre").id
        assert levels[dupre].alert
        assert [cid for cid, level in levels.items() if level.alert] == [dupre]


def test_demo_feeds_moderation_by_rule_and_escalations_against_delays(sqlite_db):
    from app.models.inbox import ModerationAction
    from app.services.charter.in_force import rules_in_force
    from app.services.reports import sources as report_sources

    today = dt.datetime.now(dt.UTC).date()
    summary = build_demo(sqlite_db, today=today)
    assert summary["moderation actions"] >= 5 * 20 and summary["escalations"] >= 5 * 8
    start = today - dt.timedelta(days=365)
    with sqlite_db.read() as s:
        late_somewhere = waiting = 0
        for c in clients.list_clients(s):
            rules = rules_in_force(s, c.id)
            by_rule = report_sources.moderation_by_rule(s, c.id, start, today, rules)
            assert by_rule and sum(by_rule.values()) >= 20, c.slug
            assert set(by_rule) <= {r.label for r in rules.moderation}
            esc = report_sources.escalation_summary(s, c.id, start, today, c.timezone)
            assert esc.opened >= 8 and esc.answered_within_delay >= 1
            late_somewhere += esc.answered - esc.answered_within_delay
            waiting += esc.overdue_open
        assert late_somewhere >= 5 and waiting >= 2  # Aquarelle's and the hotel's
        hidden = s.execute(select(func.count()).where(InboxMessage.hidden.is_(True))).scalar_one()
        deleted = s.execute(select(func.count()).where(InboxMessage.deleted.is_(True))).scalar_one()
        assert hidden > 0 and deleted > 0
        pending = s.execute(
            select(func.count()).where(ModerationAction.state == "pending")
        ).scalar_one()
        assert pending >= 1  # waiting for a second person's approval
        # the guard holds in the demo too: no complaint was ever hidden or deleted
        silenced = s.execute(
            select(func.count()).where(
                InboxMessage.category == "complaint",
                (InboxMessage.hidden.is_(True)) | (InboxMessage.deleted.is_(True)),
            )
        ).scalar_one()
        assert silenced == 0

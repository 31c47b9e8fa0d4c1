"""Saved replies edited and deleted; a client's SMTP settings (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from app.errors import Conflict, NotFound, ValidationError
from app.models import AuditEvent
from app.services.clients import workspaces as clients
from app.services.inbox import escalation_smtp
from app.services.inbox import replies as inbox_replies
from app.services.inbox.escalation_smtp import SmtpSettings


def test_saved_reply_update_and_delete(db):
    with db.session() as s:
        a = clients.create_client(s, "A").id
        b = clients.create_client(s, "B").id
        one = inbox_replies.save_reply_template(s, a, "Horaires", "8h-19h")
        two = inbox_replies.save_reply_template(s, a, "Livraison", "48 h")
        other = inbox_replies.save_reply_template(s, b, "Horaires", "9h-18h")
    with db.session() as s:
        info = inbox_replies.update_saved_reply(s, a, two, " Livraison express ", "24 h")
    assert (info.title, info.body) == ("Livraison express", "24 h")
    with pytest.raises(Conflict), db.session() as s:
        inbox_replies.update_saved_reply(s, a, two, "Horaires", "x")
    with pytest.raises(ValidationError), db.session() as s:
        inbox_replies.update_saved_reply(s, a, two, "T", "  ")
    with pytest.raises(NotFound), db.session() as s:  # another client's reply
        inbox_replies.delete_saved_reply(s, a, other)
    with db.session() as s:
        inbox_replies.delete_saved_reply(s, a, one)
    with db.read() as s:
        assert [(r.title, r.body) for r in inbox_replies.saved_replies(s, a)] == [
            ("Livraison express", "24 h")
        ]
        assert [r.title for r in inbox_replies.saved_replies(s, b)] == ["Horaires"]


def test_smtp_settings_saved_checked_and_audited(db):
    with db.session() as s:
        cid = clients.create_client(s, "A").id
    with db.read() as s:
        assert not escalation_smtp.get_settings(s, cid).configured
    for bad, field in (
        (SmtpSettings("", 587, "", "cm@x.fr"), "server"),
        (SmtpSettings("smtp.x.fr", 0, "", "cm@x.fr"), "port"),
        (SmtpSettings("smtp.x.fr", 587, "", "cm"), "sender"),
    ):
        with pytest.raises(ValidationError, match=field), db.session() as s:
            escalation_smtp.save_settings(s, cid, bad)
    with db.session() as s:
        saved = escalation_smtp.save_settings(
            s, cid, SmtpSettings(" smtp.x.fr ", 465, "cm", "cm@x.fr", False)
        )
    assert saved == SmtpSettings("smtp.x.fr", 465, "cm", "cm@x.fr", False)
    with db.session() as s:
        escalation_smtp.save_settings(s, cid, SmtpSettings("smtp.y.fr", 587, "", "cm@y.fr"))
    with db.read() as s:
        assert escalation_smtp.get_settings(s, cid).host == "smtp.y.fr"
        events = [e.details for e in s.query(AuditEvent).filter_by(action="inbox.smtp_settings")]
    assert len(events) == 2 and all("password" not in str(d) for d in events)

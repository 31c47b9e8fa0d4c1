"""Every edit people make by hand leaves its before and after in the audit trail: inbox
triage, notes, escalations, charter sections, client settings (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import time_machine

from app.connectors.contract import IncomingMessage
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.inbox import escalation
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import triage as inbox_triage
from app.services.people import audit

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _message(db) -> tuple[int, int]:
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(
            s, cid, [IncomingMessage("mastodon", "1", "comment", "Ana", "ana", "Livrez ?", T0)]
        )
        mid = inbox.page(s, cid).rows[0].id
    return cid, mid


def test_inbox_triage_notes_and_escalations_keep_before_and_after(db):
    cid, mid = _message(db)
    with db.session() as s:
        inbox_triage.set_status(s, cid, [mid], "waiting")
        inbox_triage.set_category(s, cid, [mid], "praise")
        inbox_triage.set_priority(s, cid, [mid], 2)
        inbox_triage.change_tags(s, cid, mid, add=["livraison"])
        inbox_triage.add_note(s, cid, mid, "Client VIP")
    with db.read() as s:
        by_action = {e.action: e for e in audit.entries(s, client_id=cid)}
    status = by_action["inbox.status"]
    assert status.details["before"]["status"] == "new"
    assert status.details["after"]["status"] == "waiting"
    assert by_action["inbox.category"].details["before"]["category"] != "praise"
    assert by_action["inbox.category"].details["after"]["category"] == "praise"
    assert by_action["inbox.priority"].details["before"] == {"priority": 0}
    assert by_action["inbox.priority"].details["after"] == {"priority": 2}
    assert by_action["inbox.tags"].details["after"] == {"tags": ["livraison"]}
    note = by_action["inbox_notes.add"]
    assert note.details["after"] == {"text": "Client VIP"} and note.target_id == str(mid)
    # one entry per change: the before/after joined the service's own entry
    assert "inbox_messages.edit" not in by_action

    with db.session() as s:
        esc = escalation.escalate(s, cid, mid, contact_name="Sophie", contact_email="s@a.example")
    with db.session() as s:
        escalation.record_answer(s, cid, esc.id, "Oui, le dimanche aussi.")
    with db.read() as s:
        (answer,) = audit.entries(s, action="inbox.escalation.answer")
        actions = [e.action for e in audit.entries(s, client_id=cid)]
        (edit,) = audit.entries(s, action="inbox_escalations.edit")
    assert edit.details["before"]["answer"] == ""
    assert edit.details["after"]["answer"] == "Oui, le dimanche aussi."
    assert edit.details["before"]["answered_at"] is None and edit.details["after"]["answered_at"]
    assert answer.details["before"]["status"] == "waiting"  # the message went back to the CM
    assert answer.details["after"]["status"] == "in_progress"
    assert "inbox_messages.edit" not in actions  # the message's changes joined their entries


def test_client_settings_keep_before_and_after(db):
    with db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
    with db.session() as s:
        clients.update_client(s, info.id, timezone="America/Montreal", sector="Fleurs")
    with db.read() as s:
        (entry,) = audit.entries(s, action="client.update")
    assert entry.details["before"] == {"timezone": "Europe/Paris", "sector": ""}
    assert entry.details["after"] == {"timezone": "America/Montreal", "sector": "Fleurs"}


def test_charter_sections_keep_before_and_after_one_entry_per_burst_of_typing(db):
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        doc = charter.ensure_charter(s, cid)
        section = doc.section("context")
        first_html = section.html
    with time_machine.travel(T0, tick=False) as clock:
        for n, words in enumerate(("Premier jet.", "Deuxième jet.", "Troisième jet.")):
            with db.session() as s:
                charter.save_section(s, cid, section.id, html=f"<p>{words}</p>")
            clock.shift(dt.timedelta(minutes=2 if n == 0 else 11))
    with db.read() as s:
        edits = audit.entries(s, action="charter_sections.edit")
    edits.sort(key=lambda e: e.at)
    # saved at 0, 2 and 13 minutes: the save at 2 minutes is in the first entry's burst
    assert len(edits) == 2
    assert edits[0].details["before"]["html"] == first_html
    assert "Premier jet." in edits[0].details["after"]["html"]
    assert "Deuxième jet." in edits[1].details["before"]["html"]  # what the skipped save did
    assert "Troisième jet." in edits[1].details["after"]["html"]
    assert edits[0].client_id == cid and edits[0].target_id == str(section.id)

"""Escalation to the charter's contact, e-mail, answer, overdue reminders, the log."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import email
import subprocess
import urllib.parse

import pytest

from app.connectors.contract import IncomingMessage
from app.errors import ValidationError
from app.models import Contact
from app.services.charter import rules as charter_rules
from app.services.charter.rules import EscalationRule
from app.services.clients import workspaces as clients
from app.services.inbox import escalation, escalation_export
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import triage as inbox_triage

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)  # Tuesday 10:00 Paris


@pytest.fixture
def setup(db, monkeypatch):
    with db.session() as s:
        c = clients.create_client(s, "Aquarelle & Pétales")
        contact = Contact(client_id=c.id, name="Sophie Garnier", email="sophie@aquarelle.example")
        nadia = Contact(client_id=c.id, name="Nadia Chérif", email="nadia@aquarelle.example")
        s.add_all([contact, nadia])
        s.flush()
        ids = (contact.id, nadia.id)
        inbox_ingest.ingest_messages(
            s,
            c.id,
            [
                IncomingMessage(
                    "facebook",
                    "1",
                    "comment",
                    "Marie <b>Dupont</b>",
                    "marie",
                    "Bouquet jamais livré pour la fête des mères !\nRemboursez-moi.",
                    T0,
                    url="https://facebook.example/p/1",
                )
            ],
        )
        mid = inbox.page(s, c.id).rows[0].id
    base = charter_rules.default_rules(c.id)
    rules = dataclasses.replace(
        base,
        escalation=(
            EscalationRule(
                "complaint", "", ids[0], "Sophie Garnier", "sophie@aquarelle.example", 240
            ),
            EscalationRule(
                None, "données personnelles", ids[1], "Nadia Chérif", "nadia@aquarelle.example", 60
            ),
        ),
    )
    for mod in ("app.services.inbox.escalation", "app.services.inbox.triage"):
        monkeypatch.setattr(f"{mod}.rules_in_force", lambda s, cid, at=None: rules)
    return c.id, mid, ids


def test_escalate_to_the_charter_contact_and_follow_up(db, setup, tmp_path):
    cid, mid, (sophie, _nadia) = setup
    with db.read() as s:
        suggestion = escalation.suggest(s, cid, mid)
    assert suggestion.name == "Sophie Garnier" and suggestion.answer_within_minutes == 240
    with db.session() as s:
        info = escalation.escalate(s, cid, mid, channel="eml", now=T0)
    assert info.contact_name == "Sophie Garnier" and info.contact_id == sophie
    assert info.due_at == T0 + dt.timedelta(hours=4)
    assert "Bouquet jamais livré" in info.body and "Aquarelle & Pétales" in info.subject
    with db.read() as s:
        assert inbox.detail(s, cid, mid).status == "waiting"
        assert escalation.overdue(s, cid, T0 + dt.timedelta(hours=3)) == []
        assert [e.id for e in escalation.overdue(s, cid, T0 + dt.timedelta(hours=5))] == [info.id]
    # the .eml opens in any mail client: real headers, text body with the quote
    path = escalation.write_eml(info, tmp_path / "esc.eml", sender="cm@agence.example")
    parsed = email.message_from_bytes(path.read_bytes())
    assert parsed["To"] == "Sophie Garnier <sophie@aquarelle.example>"
    assert "> Bouquet jamais livr" in parsed.get_payload(decode=True).decode()
    url = escalation.mailto_url(info)
    assert url.startswith("mailto:sophie@aquarelle.example?subject=")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["body"][0] == info.body
    # the contact answers: the message comes back to the CM with a new due time
    with db.session() as s:
        escalation.record_answer(
            s, cid, info.id, "Renvoi du bouquet demain 10 h", now=T0 + dt.timedelta(hours=5)
        )
    with db.read() as s:
        d = inbox.detail(s, cid, mid)
        assert d.status == "in_progress" and d.due_at is not None
        (late,) = escalation.log(s, cid)
        assert late.on_time() is False
    # closing the complaint needs the resolution
    with pytest.raises(ValidationError), db.session() as s:
        inbox_triage.set_status(s, cid, [mid], "closed", reason="ok")


def test_topic_wins_and_the_user_may_choose_another_contact(db, setup):
    cid, mid, (sophie, _nadia) = setup
    with db.session() as s:
        inbox.get_message(s, cid, mid).text = "Vous avez publié mes données personnelles"
    with db.read() as s:
        assert escalation.suggest(s, cid, mid).name == "Nadia Chérif"
    with db.session() as s:
        info = escalation.escalate(s, cid, mid, contact_id=sophie, now=T0)
    assert info.contact_name == "Sophie Garnier" and info.delay_minutes == 60
    with pytest.raises(ValidationError, match="no e-mail"), db.session() as s:
        escalation.escalate(s, cid, mid, contact_name="Quelqu'un", channel="mailto", now=T0)


def test_escalation_log_exports_as_csv_and_pdf(qapp, db, setup, tmp_path):
    cid, mid, _ = setup
    with db.session() as s:
        info = escalation.escalate(s, cid, mid, now=T0)
        escalation.record_answer(s, cid, info.id, "OK", now=T0 + dt.timedelta(hours=1))
    with db.read() as s:
        assert escalation_export.export_csv(s, cid, tmp_path / "log.csv") == 1
        assert escalation_export.export_pdf(s, cid, tmp_path / "log.pdf") == 1
    with open(tmp_path / "log.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Asked at" and rows[1][3] == "Sophie Garnier" and rows[1][-1] == "on time"
    assert rows[1][2] == "Marie <b>Dupont</b>"
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "log.pdf"), "-"], capture_output=True, text=True
    ).stdout
    text = " ".join(text.split())
    assert "Escalation log" in text and "Sophie" in text and "Garnier" in text
    assert "page 1 / 1" in text  # the shared renderer's footer
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "log.pdf")], capture_output=True, text=True
    ).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape: the log is a wide table
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "log.pdf")], capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded
    assert "Marie <b>Dupont" in text  # markup shown as text, never interpreted

"""Who did what: the authenticated person on every entry, the before/after of edits, views
per client and per person, and a CSV a spreadsheet cannot turn into a formula."""

from __future__ import annotations

import csv
import io

import pytest

from app.services.clients import workspaces as clients
from app.services.people import admin, audit
from app.services.people.audit import AuditFilter
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD

agency = people_fixtures.agency


def test_edits_carry_their_before_and_after_and_the_csv_is_inert(db):
    with db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.create_client(s, "-2+3 Boulangerie")
        contact = clients.save_contact(s, info.id, name="Sophie", email="sophie@a.example")
    with db.session() as s:
        clients.save_contact(
            s, info.id, name="=Sophie Garnier", email="sg@a.example", contact_id=contact.id
        )
    with db.read() as s:
        (edit,) = audit.entries(s, action="contacts.edit")
        assert edit.client_id == info.id and edit.actor_login == "Camille Test"
        assert edit.details["before"] == {"name": "Sophie", "email": "sophie@a.example"}
        assert edit.details["after"] == {"name": "=Sophie Garnier", "email": "sg@a.example"}
        mine = audit.entries(s, filter=AuditFilter(client_id=info.id))
        assert {e.action for e in mine} >= {"client.create", "contacts.edit"}
        assert audit.count(s, filter=AuditFilter(action="client.")) == 2
        assert audit.count(s, filter=AuditFilter(search="contacts.e")) == 1
        text = audit.export_csv(s, AuditFilter(client_id=info.id))
        everything = audit.export_csv(s, AuditFilter())
    assert "'-2+3 Boulangerie" in {row[3] for row in csv.reader(io.StringIO(everything))}
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["at", "login", "person", "client", "action", "target", "id", "details"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.postgres
def test_each_person_is_recorded_by_login_and_sees_only_their_clients_trail(agency):
    boss = agency.db()
    with boss.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        b = clients.create_client(s, "Boulangerie").id
        admin.add_person(s, agency.login("lea"), "Léa", "cm", PASSWORD, ["aquarelle"])
    lea = agency.db("lea")
    with lea.session() as s:
        clients.save_contact(s, a, name="Sophie Garnier", email="sophie@aquarelle.example")
    with lea.read() as s:
        entries = audit.entries(s)
        assert entries and all(e.client_id == a for e in entries)  # Boulangerie's are hidden
        assert audit.count(s, filter=AuditFilter(client_id=b)) == 0
    with boss.read() as s:
        by_lea = audit.entries(s, filter=AuditFilter(actor_login=agency.login("lea")))
        assert by_lea and {e.actor for e in by_lea} == {"Léa"}
        assert audit.count(s, filter=AuditFilter(client_id=b)) == 1
    # Nobody writes an entry in someone else's name, even by hand.
    import psycopg

    with agency.psql("lea") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "INSERT INTO audit_events (at, actor, actor_login, client_id, client_name, action,"
            " target_type, target_id, details) VALUES (now(), 'Boss', 'tribune', %s, '',"
            " 'forged', '', '', '{}')",
            (a,),
        )
    with agency.psql("lea") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM audit_events")  # the trail is appended to, never edited
    lea.dispose()
    boss.dispose()

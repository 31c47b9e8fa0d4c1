"""What each role may do, read once by the app and the CLI; only a lead signs a charter, and
the PostgreSQL server refuses it to anyone else whatever query they send."""

from __future__ import annotations

import datetime as dt
import json
import random

import psycopg
import pytest
from sqlalchemy import select

from app.demo import DemoContext
from app.demo import charter as charter_demo
from app.demo import clients as clients_demo
from app.errors import PermissionDenied
from app.models.charter import CharterVersion
from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.people import admin
from app.services.people.capabilities import capabilities
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD

agency = people_fixtures.agency
ROLES = ("admin", "lead", "cm", "junior", "readonly")


def test_on_a_local_file_everything_is_allowed_and_the_notice_says_so(sqlite_db):
    with sqlite_db.read() as s:
        caps = capabilities(s)
    assert not caps.enforced and not caps.read_only
    assert caps.can_approve and caps.can_sign_charter and caps.can_admin_people
    assert caps.why("approve") == ""
    assert "not enforced" in caps.notice


@pytest.mark.postgres
def test_each_role_gets_its_capabilities_from_its_own_login(agency):
    boss = agency.db()
    with boss.session() as s:
        clients.create_client(s, "Aquarelle")
        for role in ROLES:
            admin.add_person(s, agency.login(role), role.title(), role, PASSWORD, ["aquarelle"])
    boss.dispose()
    seen = {}
    for role in ROLES:
        db = agency.db(role)
        with db.read() as s:
            seen[role] = capabilities(s)
        db.dispose()
    table = {
        role: (
            c.can_write_posts,
            c.can_reply,
            c.replies_held,
            c.can("schedule"),
            c.can_moderate,
            c.can_approve,
            c.can_sign_charter,
            c.can_admin_people,
        )
        for role, c in seen.items()
    }
    assert table == {
        "admin": (True, True, False, True, True, True, True, True),
        "lead": (True, True, False, True, True, True, True, False),
        "cm": (True, True, False, True, True, False, False, False),
        "junior": (True, True, True, False, False, False, False, False),
        "readonly": (False, False, False, False, False, False, False, False),
    }
    assert all(c.enforced for c in seen.values())
    assert seen["readonly"].read_only and seen["readonly"].can("read")
    assert seen["readonly"].why("reply") == "Read-only: your role cannot reply."
    assert "lead" in seen["junior"].why("approve")
    assert "junior" in seen["junior"].why("schedule")
    assert "administrator" in seen["cm"].why("admin_people")
    assert seen["lead"].why("approve") == ""


@pytest.fixture
def charters(agency):
    """The demo's clients and charters (v1 signed, v2 a draft), a lead and a cm on them."""
    boss = agency.db()
    ctx = DemoContext(rng=random.Random(1), today=dt.date(2026, 11, 23))
    clients_demo.populate(boss, ctx)
    charter_demo.populate(boss, ctx)
    with boss.session() as s:
        cid = clients.find_client(s, "aquarelle-petales").id
        draft = charter.list_versions(s, cid)[0]
        assert draft.status == "draft"
        for who, role in (("lea", "lead"), ("cam", "cm"), ("jo", "junior")):
            admin.add_person(s, agency.login(who), who, role, PASSWORD, ["aquarelle-petales"])
    boss.dispose()
    return agency, cid, draft


def _signatories():
    return [
        charter.SignatoryInfo("agency", "Léa Lead"),
        charter.SignatoryInfo("client", "Sophie Garnier"),
    ]


@pytest.mark.postgres
def test_only_a_lead_signs_a_charter_the_service_and_the_server_refuse_others(charters):
    agency, cid, draft = charters
    cm = agency.db("cam")
    with pytest.raises(PermissionDenied, match="Only a lead signs a charter"), cm.session() as s:
        charter_signing.record_signature(s, cid, draft.id, _signatories())
    with cm.session() as s:  # sending for signature is any writer's
        assert charter_signing.send_for_signature(s, cid, draft.id).status == ("sent_for_signature")
    cm.dispose()
    # whatever query the cm sends, the server refuses to sign, un-sign or add signatories
    with agency.psql("cam") as conn:
        for sql in (
            "UPDATE charter_versions SET status = 'signed', signed_at = now() WHERE id = %s",
            "UPDATE charter_versions SET status = 'draft' WHERE status = 'signed' AND id <> %s",
            "INSERT INTO charter_signatories (version_id, side, name, role) "
            "VALUES (%s, 'agency', 'Forged', '')",
            "UPDATE charter_signatories SET name = 'Forged' WHERE version_id <> %s",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a lead"):
                conn.execute(sql, (draft.id,))
        # an ordinary edit of the version is still theirs
        conn.execute("UPDATE charter_versions SET title = 'Charte' WHERE id = %s", (draft.id,))
    refused = pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a lead")
    with agency.psql("jo") as conn, refused:
        conn.execute("UPDATE charter_versions SET status = 'signed' WHERE id = %s", (draft.id,))
    lead = agency.db("lea")
    with lead.session() as s:
        done = charter_signing.record_signature(s, cid, draft.id, _signatories())
    assert done.status == "signed"
    with lead.read() as s:
        statuses = dict(s.execute(select(CharterVersion.number, CharterVersion.status)).all())
    lead.dispose()
    assert statuses == {1: "superseded", 2: "signed"}


@pytest.mark.postgres
def test_the_cli_signs_for_a_lead_and_says_why_not_in_one_line_to_a_cm(charters, cli):
    agency, _cid, draft = charters
    args = ("charter", "sign", "aquarelle-petales", "--agency", "Léa Lead")
    args += ("--client-signatory", "Sophie Garnier", "--json")
    refused = cli(*args, db_url=agency.url_for("cam"))
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "lead" in lines[0], refused.stderr
    assert "Traceback" not in refused.stderr
    done = cli(*args, db_url=agency.url_for("lea"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"number": draft.number, "status": "signed"}
    again = cli(*args, db_url=agency.url_for("lea"))
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
    me = json.loads(cli("people", "whoami", "--json", db_url=agency.url_for("jo")).stdout)
    assert me["role"] == "junior" and "reply" in me["can"]
    assert set(me["cannot"]) == {"approve", "sign_charter", "schedule", "moderate",
                                 "admin_people", "admin_clients", "admin_agency"}  # fmt: skip
    assert me["cannot"]["schedule"].startswith("A junior's post waits")


@pytest.fixture
def desk(agency):
    """Aquarelle, a question, a lead and a junior."""
    from app.connectors.contract import IncomingMessage
    from app.services.inbox import ingest as inbox_ingest
    from app.services.inbox import reading as inbox

    boss = agency.db()
    with boss.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        at = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
        inbox_ingest.ingest_messages(
            s, cid, [IncomingMessage("mastodon", "1", "comment", "Ana", "ana", "Livrez ?", at)]
        )
        mid = inbox.page(s, cid).rows[0].id
        admin.add_person(s, agency.login("lea"), "Léa Lead", "lead", PASSWORD, ["aquarelle"])
        admin.add_person(s, agency.login("jo"), "Jo Junior", "junior", PASSWORD, ["aquarelle"])
    boss.dispose()
    seats = {who: agency.db(who) for who in ("lea", "jo")}
    yield agency, cid, mid, seats
    for db in seats.values():
        db.dispose()


@pytest.mark.postgres
def test_a_junior_sees_the_replies_a_lead_sent_back_with_the_comment(desk):
    from app.services.inbox import replies as inbox_replies
    from app.services.people import releases

    _agency, cid, mid, seats = desk
    with seats["jo"].session() as s:
        reply_id = inbox_replies.create_reply(s, cid, mid, "Oui, partout !!!")
    with seats["lea"].session() as s:
        (held,) = releases.pending(s, cid)
        releases.reject(s, cid, held.id, "Sans les points d'exclamation, merci.")
        assert releases.returned_to(s) == []  # nothing sent back to the lead
    with seats["jo"].read() as s:
        (back,) = releases.returned_to(s)
    assert (back.reply_id, back.message_id, back.text) == (reply_id, mid, "Oui, partout !!!")
    assert (back.note, back.decided_name) == ("Sans les points d'exclamation, merci.", "Léa Lead")
    assert back.client_name == "Aquarelle" and back.decided_at is not None
    with seats["jo"].session() as s:  # reworked and sent again: done
        inbox_replies.create_reply(s, cid, mid, "Oui, partout.")
    with seats["jo"].read() as s:
        assert releases.returned_to(s) == []


@pytest.mark.postgres
def test_last_activity_moves_on_writes_at_most_every_five_minutes(desk, monkeypatch):
    from sqlalchemy import text

    from app.services import people
    from app.services.inbox import triage as inbox_triage

    agency, cid, mid, seats = desk
    clock = [1000.0]
    monkeypatch.setattr(people, "_clock", lambda: clock[0])
    people._touched.clear()

    def seen() -> dt.datetime | None:
        with agency.psql("lea") as conn:  # (a lead scoped to a client sees their own row)
            return conn.execute(
                "SELECT last_seen_at FROM staff WHERE login = %s", (agency.login("lea"),)
            ).fetchone()[0]

    def forget() -> None:
        boss = agency.db()
        with boss.session() as s:
            s.execute(text("UPDATE staff SET last_seen_at = NULL"))
        boss.dispose()

    forget()
    with seats["lea"].session() as s:
        inbox_triage.set_priority(s, cid, [mid], 1)
    assert seen() is not None  # the first write of the process
    forget()
    clock[0] += 299
    with seats["lea"].session() as s:
        inbox_triage.set_priority(s, cid, [mid], 2)
    assert seen() is None  # throttled
    with seats["lea"].read() as s:
        s.execute(text("SELECT 1"))
    clock[0] += 2
    assert seen() is None  # reading is not activity
    with seats["lea"].session() as s:
        inbox_triage.set_priority(s, cid, [mid], 0)
    assert seen() is not None

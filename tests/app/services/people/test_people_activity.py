"""Team activity for the monthly report: read from the audit trail, each person by their own
login on the real PostgreSQL server; the report's team page read back with pdftotext."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
import time_machine

from app.connectors.contract import IncomingMessage
from app.models.posts import PostVariant
from app.services.calendar import approval as posts_approval
from app.services.calendar import posts
from app.services.calendar import queue as posts_queue
from app.services.calendar.post_types import VariantInput
from app.services.clients import workspaces as clients
from app.services.inbox import escalation
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.people import admin, releases
from app.services.people.activity import PersonActivity, team_activity
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD

agency = people_fixtures.agency
MARCH = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def month_of_work(agency):
    """March 2026 at Aquarelle: Jules (junior) writes, Alice (lead) releases and approves,
    Camille (cm) answers, escalates and her post is published; one reply in February."""
    boss = agency.db()
    with boss.session() as s:
        cid = clients.create_client(s, "Aquarelle", language="fr").id
        inbox_ingest.ingest_messages(
            s,
            cid,
            [
                IncomingMessage("mastodon", str(n), "comment", "Ana", "ana", text, MARCH)
                for n, text in enumerate(("Vous livrez ?", "Horaires ?", "Colis perdu", "Prix ?"))
            ],
        )
        ids = {inbox.detail(s, cid, r.id).text: r.id for r in inbox.page(s, cid).rows}
        for who, name, role in (
            ("alice", "Alice Martin", "lead"),
            ("camille", "Camille <Roux>", "cm"),
            ("jules", "Jules Blanc", "junior"),
        ):
            admin.add_person(s, agency.login(who), name, role, PASSWORD, clients=["aquarelle"])
    seats = {who: agency.db(who) for who in ("alice", "camille", "jules")}
    february = time_machine.travel(MARCH - dt.timedelta(days=20), tick=False)
    with february, seats["camille"].session() as s:  # not in March's page
        inbox_replies.create_reply(s, cid, ids["Prix ?"], "Voir le site.")
    with time_machine.travel(MARCH, tick=False):
        with seats["jules"].session() as s:
            inbox_replies.create_reply(s, cid, ids["Vous livrez ?"], "Oui, partout.")
        with seats["alice"].session() as s:
            (held,) = releases.pending(s, cid)
            releases.approve(s, cid, held.id)
        with seats["camille"].session() as s:
            inbox_replies.create_reply(s, cid, ids["Horaires ?"], "De 9 h à 19 h.")
            escalation.escalate(
                s, cid, ids["Colis perdu"], contact_name="Sophie", contact_email="s@a.example"
            )
            post = posts.create_post(
                s,
                cid,
                title="Printemps",
                planned_at=MARCH + dt.timedelta(days=2),
                variants=[VariantInput("mastodon", "La collection de printemps est là")],
            )
            posts.set_status(s, cid, post.id, "in_review")
        with seats["alice"].session() as s:
            posts_approval.record_decision(s, cid, post.id, True, decided_by="Cliente")
    with boss.session() as s:  # the sync publishes it
        variant = s.query(PostVariant).filter_by(post_id=post.id).one()
        posts_queue.mark_published(s, variant.id, "109", "https://m.example/109", MARCH)
    yield agency, cid, boss, seats
    for db in seats.values():
        db.dispose()
    boss.dispose()


@pytest.mark.postgres
def test_team_activity_counts_each_persons_work_from_the_trail(month_of_work):
    agency, cid, _boss, seats = month_of_work
    with seats["alice"].read() as s:  # a lead scoped to the client sees the whole team
        march = team_activity(s, cid, dt.date(2026, 3, 1), dt.date(2026, 4, 1), zone="Europe/Paris")
    assert march == [
        PersonActivity(agency.login("camille"), "Camille <Roux>", 1, 0, 0, 1, 1),
        PersonActivity(agency.login("alice"), "Alice Martin", 0, 1, 1, 0, 0),
        PersonActivity(agency.login("jules"), "Jules Blanc", 1, 0, 0, 0, 0),
    ]
    with seats["jules"].read() as s:
        february = team_activity(s, cid, dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert february == [PersonActivity(agency.login("camille"), "Camille <Roux>", 1)]


@pytest.mark.postgres
def test_the_report_has_a_team_page_for_a_shared_agency_unless_told_not_to(
    month_of_work, cli, tmp_path
):
    agency, _cid, _boss, _seats = month_of_work
    out = tmp_path / "mars.pdf"
    url = agency.url_for("alice")
    done = cli("report", "aquarelle", "--month", "2026-03", "--out", str(out), db_url=url)
    assert done.returncode == 0, done.stderr
    text = _pdf_text(out)
    assert "Activité de l’équipe" in text
    page = text[text.index("Activité de l’équipe") :]
    rows = {line.split()[0]: line.split() for line in page.splitlines() if line.strip()}
    assert "Camille <Roux>" in page  # a name is text, never markup
    assert rows["Camille"][-5:] == ["1", "0", "0", "1", "1"]
    assert rows["Alice"][-5:] == ["0", "1", "1", "0", "0"]
    assert rows["Équipe"][-5:] == ["2", "1", "1", "1", "1"]
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(out), str(tmp_path / "page")], check=True)

    without = tmp_path / "sans.pdf"
    args = ("report", "aquarelle", "--month", "2026-03", "--out", str(without), "--no-team")
    assert cli(*args, db_url=url).returncode == 0
    assert "Activité de l’équipe" not in _pdf_text(without)


def test_a_local_file_leaves_the_team_page_out_unless_asked(sqlite_db, cli, tmp_path):
    from tests.conftest import db_url_of

    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Aquarelle", language="en").id
        inbox_ingest.ingest_messages(
            s, cid, [IncomingMessage("mastodon", "1", "comment", "Ana", "ana", "Hours?", MARCH)]
        )
        mid = inbox.page(s, cid).rows[0].id
    with time_machine.travel(MARCH, tick=False), sqlite_db.session() as s:
        inbox_replies.create_reply(s, cid, mid, "9 to 7.")
    url = db_url_of(sqlite_db)
    plain, team = tmp_path / "plain.pdf", tmp_path / "team.pdf"
    base = ("report", "aquarelle", "--month", "2026-03", "--out")
    assert cli(*base, str(plain), db_url=url).returncode == 0
    assert "Team activity" not in _pdf_text(plain)
    assert cli(*base, str(team), "--team", db_url=url).returncode == 0
    text = _pdf_text(team)
    assert "Team activity" in text and "Replies sent" in text

"""``tribune calendar approve`` and ``tribune inbox reply`` through the installed command,
two seats being two processes with their own ``TRIBUNE_USER``, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys

from app.services.calendar import posts
from app.services.calendar.approval import submit_for_review
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of
from tests.harness import popen as forked

FEB = (dt.datetime(2027, 2, 1, tzinfo=dt.UTC), dt.datetime(2027, 3, 1, tzinfo=dt.UTC))
HEADER = "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"


def _post(db, cid, day, title, text, status="draft", month=2):
    with db.session() as s:
        return posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2027, month, day, 9, tzinfo=dt.UTC),
            title=title,
            status=status,
            variants=[posts.VariantInput("mastodon", text)],
        )


def _edit_in_another_process(url, client_id, post_id, text, user):
    """A colleague's seat: another process changes the post's text."""
    script = (
        "import sys\n"
        "from app.db import open_database\n"
        "from app.services.calendar import posts\n"
        "db = open_database(sys.argv[1])\n"
        "with db.session() as s:\n"
        "    p = posts.get_post(s, int(sys.argv[2]), int(sys.argv[3]))\n"
        "    posts.update_post(s, p.client_id, p.id, expected_version=p.version,\n"
        "                      variants=[posts.VariantInput('mastodon', sys.argv[4])])\n"
    )
    run = forked.run(
        [sys.executable, "-c", script, url, str(client_id), str(post_id), text],
        capture_output=True,
        text=True,
        env={**os.environ, "TRIBUNE_USER": user},
        timeout=60,
    )
    assert run.returncode == 0, run.stderr


def test_approve_records_only_what_the_client_saw(cli, db):
    url = db_url_of(db)
    assert cli("client", "add", "Fleurs de Loire", db_url=url).returncode == 0
    with db.read() as s:
        cid = clients.get_client(s, "fleurs-de-loire").id
    a = _post(db, cid, 3, "Bouquet du lundi", "Pivoines fraîches")
    c = _post(db, cid, 10, "Saint-Valentin", "Roses rouges -10 %")
    march = _post(db, cid, 1, "Mars", "hors de la période", status="in_review", month=3)
    with db.session() as s:
        assert sorted(submit_for_review(s, cid, *FEB)) == sorted([a.id, c.id])
    # a colleague rewrites the Valentine's post after the sheet went to the client
    _edit_in_another_process(url, cid, c.id, "Roses blanches -20 %", "Léa Martin")

    run = cli("calendar", "approve", "fleurs-de-loire", "--from", "2027-02-01", "--to",
              "2027-02-28", "--schedule", db_url=url)  # fmt: skip
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr
    assert re.fullmatch(
        r"tribune: « Saint-Valentin » was changed by Léa Martin at \d\d:\d\d after the client "
        r"saw it: put it before the client again\.",
        lines[0],
    ), lines[0]
    with db.read() as s:  # nothing half-approved
        assert posts.get_post(s, cid, a.id).status == "in_review"
        assert posts.get_post(s, cid, c.id).status == "in_review"

    with db.session() as s:  # a new sheet: the client sees the new text
        submit_for_review(s, cid, *FEB)
    run = cli("calendar", "approve", "Fleurs de Loire", "--from", "2027-02-01", "--to",
              "2027-02-28", "--schedule", "--json", db_url=url)  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [(p["id"], p["status"]) for p in data["posts"]] == [
        (a.id, "scheduled"),
        (c.id, "scheduled"),
    ]
    with db.read() as s:
        assert posts.get_post(s, cid, march.id).status == "in_review"  # not in the period
        assert posts.get_post(s, cid, c.id).variants[0].text == "Roses blanches -20 %"
    run = cli("calendar", "approve", "fleurs-de-loire", "--from", "2027-02-01", "--to",
              "2027-02-28", db_url=url)  # fmt: skip
    assert run.returncode == 0 and "No post waits for approval" in run.stdout
    run = cli("calendar", "approve", "fleurs-de-loire", "--from", "2027-02-30", "--to",
              "2027-02-28", db_url=url)  # fmt: skip
    assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1


def test_approve_without_schedule_leaves_the_queue_alone(cli, sqlite_db):
    url = db_url_of(sqlite_db)
    assert cli("client", "add", "Fleurs de Loire", db_url=url).returncode == 0
    with sqlite_db.read() as s:
        cid = clients.get_client(s, "fleurs-de-loire").id
    a = _post(sqlite_db, cid, 3, "Bouquet", "Pivoines", status="in_review")
    run = cli("calendar", "approve", "fleurs-de-loire", "--from", "2027-02-01", "--to",
              "2027-02-03", db_url=url)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "1 posts approved." in run.stdout
    with sqlite_db.read() as s:
        info = posts.get_post(s, cid, a.id)
    assert info.status == "approved" and info.approved_hash


def test_reply_from_two_seats_asks_before_a_second_reply(cli, db, tmp_path):
    url = db_url_of(db)
    assert cli("client", "add", "Fleurs de Loire", db_url=url).returncode == 0
    csv = tmp_path / "m.csv"
    csv.write_text(
        HEADER
        + 'facebook,1,comment,Marie Dupont,marie,"Livrez-vous à Blois ?",'
        + "2027-02-10T10:00:00+01:00,,\n",
        encoding="utf-8",
    )
    assert cli("inbox", "import", "fleurs-de-loire", str(csv), db_url=url).returncode == 0
    run = cli("inbox", "list", "fleurs-de-loire", "--json", db_url=url)
    (message,) = json.loads(run.stdout)
    mid = str(message["id"])

    lea = {"TRIBUNE_USER": "Léa Martin"}
    marc = {"TRIBUNE_USER": "Marc Petit"}
    run = cli("inbox", "reply", "fleurs-de-loire", mid, "--json",
              input="Oui, du mardi au samedi !\n", db_url=url, env=lea)  # fmt: skip
    assert run.returncode == 0, run.stderr
    first = json.loads(run.stdout)["reply_id"]

    run = cli("inbox", "reply", "fleurs-de-loire", mid, input="Bonjour Marie, oui.",
              db_url=url, env=marc)  # fmt: skip
    assert run.returncode == 1
    (line,) = run.stderr.strip().splitlines()
    assert re.fullmatch(
        r"tribune: Léa Martin already queued a reply at \d\d:\d\d — queue yours too\?", line
    ), line

    run = cli("inbox", "reply", "fleurs-de-loire", mid, "--also-if-queued",
              input="Bonjour Marie, oui.", db_url=url, env=marc)  # fmt: skip
    assert run.returncode == 0, run.stderr
    from app.services.inbox import reading as inbox

    with db.read() as s:
        thread = inbox.detail(s, clients.get_client(s, "fleurs-de-loire").id, int(mid)).thread
    ours = [t for t in thread if t.ours]
    assert [t.text for t in ours] == ["Oui, du mardi au samedi !", "Bonjour Marie, oui."]
    assert ours[0].id == first and {t.reply_state for t in ours} == {"queued"}

    run = cli("inbox", "reply", "fleurs-de-loire", mid, input="  \n", db_url=url, env=marc)
    assert run.returncode == 1 and "stdin" in run.stderr
    run = cli("inbox", "reply", "fleurs-de-loire", "999999", input="x", db_url=url)
    assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1

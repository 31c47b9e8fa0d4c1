"""#12: a junior's reply sent back by a lead is reworked and resubmitted by the junior; it
waits for a lead again, the lead sees it in the approvals list, and both rounds stay in the
release history and the audit trail. On a real PostgreSQL with the agency's login roles; the
junior's seat resubmits from its own process."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from app.connectors.contract import IncomingMessage
from app.errors import Conflict, PermissionDenied
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.inbox import resubmit
from app.services.people import admin, audit, releases
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from tests.harness import popen as forked

agency = people_fixtures.agency
AT = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.postgres


@pytest.fixture
def desk(agency):
    """Aquarelle, one question, a lead (Léa) and a junior (Jo), each on their own login."""
    boss = agency.db()
    with boss.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(
            s, cid, [IncomingMessage("mastodon", "1", "comment", "Ana", "ana", "Livrez ?", AT)]
        )
        mid = inbox.page(s, cid).rows[0].id
        admin.add_person(s, agency.login("lea"), "Léa Lead", "lead", PASSWORD, ["aquarelle"])
        admin.add_person(s, agency.login("jo"), "Jo Junior", "junior", PASSWORD, ["aquarelle"])
    boss.dispose()
    seats = {who: agency.db(who) for who in ("lea", "jo")}
    yield agency, cid, mid, seats
    for db in seats.values():
        db.dispose()


RESUBMIT_SEAT = """
import json, sys
from app.db import Database
from app.errors import TribuneError
from app.services.inbox import resubmit
url, cid, mid, text = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
db = Database(url)
with db.read() as s:
    back = resubmit.sent_back_for(s, cid, mid)
print(json.dumps({"note": back.note, "text": back.text, "round": back.round,
                  "by": back.decided_name}))
try:
    with db.session() as s:
        print(json.dumps({"reply_id": resubmit.resubmit(s, cid, back.release_id, text)}))
except TribuneError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": str(exc)}))
db.dispose()
"""


def _seat(agency, who, cid, mid, text):
    """The junior's seat as its own process: reads what was sent back, resubmits."""
    done = forked.run(
        [sys.executable, "-c", RESUBMIT_SEAT, agency.url_for(who), str(cid), str(mid), text],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def _send_back(seats, cid, note):
    with seats["lea"].session() as s:
        (held,) = releases.pending(s, cid)
        releases.reject(s, cid, held.id, note)
    return held


def test_a_reply_sent_back_is_reworked_resubmitted_and_approved(desk):
    agency, cid, mid, seats = desk
    with seats["jo"].session() as s:
        first = inbox_replies.create_reply(s, cid, mid, "Oui, partout !!!")
    with seats["jo"].read() as s:
        assert resubmit.sent_back_for(s, cid, mid) is None  # waiting, not sent back
    _send_back(seats, cid, "Sans les points d'exclamation, merci.")
    with seats["lea"].read() as s:
        assert releases.pending(s, cid) == []
        assert resubmit.sent_back_for(s, cid, mid) is None  # it was not the lead's reply

    shown, done = _seat(agency, "jo", cid, mid, "Oui, nous livrons partout en France.")
    assert shown == {
        "note": "Sans les points d'exclamation, merci.",
        "text": "Oui, partout !!!",
        "round": 1,
        "by": "Léa Lead",
    }
    second = done["reply_id"]
    assert second != first

    with seats["jo"].read() as s:  # back to waiting: nothing left to rework
        assert resubmit.sent_back_for(s, cid, mid) is None
        assert releases.returned_to(s) == []
        states = {t.id: t.reply_state for t in inbox.detail(s, cid, mid).thread}
    assert states[first] == "draft" and states[second] == "held"  # both versions kept
    with seats["lea"].read() as s:  # the lead sees it again, with the new text
        (again,) = releases.pending(s, cid)
    assert (again.target_id, again.text) == (second, "Oui, nous livrons partout en France.")
    assert again.requested_name == "Jo Junior"

    with seats["lea"].session() as s:
        releases.approve(s, cid, again.id)
    with seats["lea"].read() as s:
        thread = {t.id: t.reply_state for t in inbox.detail(s, cid, mid).thread}
        trail = [e for e in audit.entries(s, client_id=cid) if e.action.startswith("inbox.reply")]
    assert thread[second] == "queued"  # released: the next sync sends it
    assert thread[first] == "draft"  # the first version never leaves
    actions = [e.action for e in reversed(trail)]
    assert actions == [
        "inbox.reply",
        "inbox.reply.sent_back",
        "inbox.reply",
        "inbox.reply.resubmit",
        "inbox.reply.release",
    ]
    resubmitted = next(e for e in trail if e.action == "inbox.reply.resubmit")
    assert resubmitted.actor_login == agency.login("jo")
    assert resubmitted.details["previous_reply_id"] == first
    assert resubmitted.details["reply_id"] == second
    assert resubmitted.details["note"] == "Sans les points d'exclamation, merci."
    assert resubmitted.details["sent_back_login"] == agency.login("lea")
    assert resubmitted.details["round"] == 2
    released = next(e for e in trail if e.action == "inbox.reply.release")
    assert released.details["written_login"] == agency.login("jo")
    assert released.details["approved_login"] == agency.login("lea")


def test_a_second_round_counts_and_a_resubmission_happens_once(desk):
    agency, cid, mid, seats = desk
    with seats["jo"].session() as s:
        inbox_replies.create_reply(s, cid, mid, "Oui !!!")
    held = _send_back(seats, cid, "Plus chaleureux.")
    _shown, done = _seat(agency, "jo", cid, mid, "Oui, bien sûr !")
    assert "reply_id" in done
    with pytest.raises(Conflict, match="already resubmitted"), seats["jo"].session() as s:
        resubmit.resubmit(s, cid, held.id, "Encore une fois")  # the same round, again
    _send_back(seats, cid, "Toujours trop court.")
    shown, done = _seat(agency, "jo", cid, mid, "Oui, bien sûr, avec plaisir : partout.")
    assert shown["round"] == 2 and shown["note"] == "Toujours trop court."
    with seats["lea"].read() as s:
        (waiting,) = releases.pending(s, cid)
    assert waiting.text == "Oui, bien sûr, avec plaisir : partout."


def test_only_the_writer_resubmits(desk):
    _agency, cid, mid, seats = desk
    with seats["jo"].session() as s:
        inbox_replies.create_reply(s, cid, mid, "Oui !!!")
    held = _send_back(seats, cid, "Sans points d'exclamation.")
    with pytest.raises(PermissionDenied, match="Jo Junior"), seats["lea"].session() as s:
        resubmit.resubmit(s, cid, held.id, "Oui.")
    with seats["jo"].read() as s:
        assert resubmit.sent_back_for(s, cid, mid) is not None  # still Jo's to rework

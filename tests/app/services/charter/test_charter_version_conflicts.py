"""A charter version another seat sent, signed or took back meanwhile: a conflict that says
what the version is now, who did it and when — never an "already signed" without a who, nor
a raw error; the CLI says it in one line (French typography printed as such), exit 1."""

from __future__ import annotations

import pytest

from app.errors import Conflict
from app.services.charter import signing
from app.services.charter import versions as charter
from app.services.charter.labels import status_label
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of


@pytest.fixture
def complete(db):
    with db.session() as s:
        c = clients.create_client(s, "Aquarelle", language="fr")
        sophie = clients.save_contact(s, c.id, name="Sophie Garnier", role="SAV")
        doc = charter.ensure_charter(s, c.id)
        for key, rows in {
            "escalation": [{"category": "complaint", "contact": sophie.id, "delay": 60}],
            "networks": [{"network": "facebook", "posts_min": 3}],
        }.items():
            charter.save_section(s, c.id, doc.section(key).id, data={"rows": rows})
        return c.id, doc.version.id


def test_each_stale_version_change_is_a_conflict_with_who_and_what(db, complete, monkeypatch):
    cid, vid = complete
    monkeypatch.setenv("TRIBUNE_USER", "lea")
    with db.session() as s:
        signing.send_for_signature(s, cid, vid)  # seat B sends it
    monkeypatch.setenv("TRIBUNE_USER", "camille")
    for attempt, wanted in (
        (lambda s: signing.send_for_signature(s, cid, vid), "sent_for_signature"),
        (lambda s: charter.save_section(s, cid, _section(db, cid), html="<p>x</p>"), None),
    ):
        with pytest.raises(Conflict) as caught, db.session() as s:
            attempt(s)
        if wanted:
            details = caught.value.details
            assert details is not None and details.kind == "charter_version"
            assert details.theirs == status_label("sent_for_signature")
            assert details.by and details.at is not None
            assert "Version 1" in caught.value.message
    with db.session() as s:
        signing.back_to_draft(s, cid, vid)  # seat B takes it back
    with pytest.raises(Conflict) as caught, db.session() as s:
        signing.back_to_draft(s, cid, vid)  # seat A, stale, asks the same
    assert caught.value.details.theirs == status_label("draft")
    assert caught.value.details.mine == status_label("draft")


def _section(db, cid) -> int:
    with db.read() as s:
        return charter.load(s, cid).section("context").id


def test_the_cli_says_a_signed_version_is_signed_in_one_french_line(db, complete, cli):
    args = ("charter", "sign", "aquarelle", "--agency", "Léa", "--client-signatory", "Sophie")
    first = cli(*args, db_url=db_url_of(db), env={"TRIBUNE_LANG": "fr"})
    assert first.returncode == 0, first.stderr
    again = cli(*args, "--version", "1", db_url=db_url_of(db), env={"TRIBUNE_LANG": "fr"})
    assert again.returncode == 1
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in again.stderr, again.stderr
    assert "Version 1" in lines[0] and "signée" in lines[0]
    assert "\\xa0" not in lines[0] and "\u00a0:" in lines[0]  # typography, not an escape

"""Moderation by charter rule, second approval, soft delete, and the Aquarelle guard."""

from __future__ import annotations

import datetime as dt

import pytest

from app.connectors.contract import IncomingMessage
from app.errors import ValidationError
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import moderation
from app.services.inbox import reading as inbox
from app.services.inbox import triage as inbox_triage
from app.services.people import audit

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _setup(db, texts):
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(
            s,
            cid,
            [
                IncomingMessage("facebook", str(i), "comment", f"A{i}", f"a{i}", t, T0)
                for i, t in enumerate(texts)
            ],
        )
        ids = {inbox.detail(s, cid, r.id).external_id: r.id for r in inbox.page(s, cid).rows}
    return cid, [ids[str(i)] for i in range(len(texts))]


def test_a_complaint_can_never_be_hidden_or_deleted(db, monkeypatch):
    cid, (complaint,) = _setup(db, ["Livraison jamais reçue, c'est une honte, remboursez-moi"])
    for action, rule in (("hide", "insult"), ("delete", "spam")):
        with pytest.raises(ValidationError, match="complaint cannot be hidden"), db.session() as s:
            moderation.request(s, cid, complaint, action, rule)
    # recategorising it first does not get around the guard
    with db.session() as s:
        inbox_triage.set_category(s, cid, [complaint], "spam")
    with pytest.raises(ValidationError, match="complaint cannot be hidden"), db.session() as s:
        moderation.request(s, cid, complaint, "delete", "spam")
    with db.read() as s:
        d = inbox.detail(s, cid, complaint)
        assert not d.hidden and not d.deleted
        assert moderation.history(s, cid) == []


def test_reason_must_be_a_charter_rule_that_allows_the_action(db):
    cid, (spam,) = _setup(db, ["Gagnez un iPhone, cliquez ici"])
    with pytest.raises(ValidationError, match="moderation rules"), db.session() as s:
        moderation.request(s, cid, spam, "delete", "je n'aime pas")
    with pytest.raises(ValidationError, match="does not allow"), db.session() as s:
        moderation.request(s, cid, spam, "ban", "spam")
    with db.session() as s:
        info = moderation.request(s, cid, spam, "delete", "spam")
    assert info.state == "applied" and info.decided_by == "Camille Test"
    with db.read() as s:
        d = inbox.detail(s, cid, spam)
        assert d.deleted and d.text == "Gagnez un iPhone, cliquez ici"  # the original is kept
        assert inbox.page(s, cid).rows == ()  # gone from the list
        assert len(inbox.page(s, cid, inbox.InboxFilter(include_deleted=True)).rows) == 1
        actions = [e.action for e in audit.entries(s, client_id=cid)]
        assert actions[:2] == ["inbox.moderation", "inbox.moderation.request"]


def test_hate_needs_a_second_person(db, monkeypatch):
    cid, (hate,) = _setup(db, ["Retournez dans votre pays, sale étranger"])
    with db.session() as s:
        inbox_triage.set_category(s, cid, [hate], "abuse")
        pending = moderation.request(s, cid, hate, "delete", "hate")
    assert pending.state == "pending"
    with db.read() as s:
        assert not inbox.detail(s, cid, hate).deleted
    with pytest.raises(ValidationError, match="second person"), db.session() as s:
        moderation.approve(s, cid, pending.id)
    monkeypatch.setenv("TRIBUNE_USER", "Thomas Leroy")
    with db.session() as s:
        done = moderation.approve(s, cid, pending.id)
    assert (done.state, done.requested_by, done.decided_by) == (
        "applied",
        "Camille Test",
        "Thomas Leroy",
    )
    with db.read() as s:
        assert inbox.detail(s, cid, hate).deleted
    with db.session() as s:
        moderation.restore(s, cid, hate, "Supprimé par erreur")
    with db.read() as s:
        assert not inbox.detail(s, cid, hate).deleted


def test_a_pending_request_is_refused_if_the_message_became_a_complaint(db, monkeypatch):
    cid, (m,) = _setup(db, ["Vous êtes des idiots"])
    with db.session() as s:
        pending = moderation.request(s, cid, m, "delete", "hate")
        inbox_triage.set_category(s, cid, [m], "complaint")
    monkeypatch.setenv("TRIBUNE_USER", "Thomas Leroy")
    with pytest.raises(ValidationError, match="complaint"), db.session() as s:
        moderation.approve(s, cid, pending.id)
    with db.read() as s:
        assert not inbox.detail(s, cid, m).deleted


def test_criticism_is_never_a_reason_to_hide(db, monkeypatch):
    import dataclasses

    from app.services.charter.rules import ModerationRule, default_rules

    cid, (m,) = _setup(db, ["Votre nouvelle carte est moins bien qu'avant"])
    rules = dataclasses.replace(
        default_rules(cid),
        moderation=(ModerationRule("criticism", "Critique", ("hide", "delete")),),
    )
    monkeypatch.setattr("app.services.inbox.moderation.rules_in_force", lambda s, c, at=None: rules)
    with pytest.raises(ValidationError, match="criticism"), db.session() as s:
        moderation.request(s, cid, m, "hide", "criticism")

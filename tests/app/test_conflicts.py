"""No edit lost: a save from a stale read raises Conflict (mine, theirs, who, when, the
current version) instead of overwriting — two people are two ``TRIBUNE_USER`` names and two
sessions, on SQLite and PostgreSQL. Real processes: tests/app/test_conflicts_processes.py."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import Conflict
from app.services.calendar import posts
from app.services.calendar import undo as posts_undo
from app.services.calendar.approval import record_decision, submit_for_review
from app.services.clients import workspaces as clients
from app.services.clients.form import AccountRow, ClientForm, ContactRow, save_client_form
from app.services.inbox import escalation
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from app.services.inbox.ingest import IncomingMessage
from app.services.people.actor import set_current_actor
from app.services.versions import content_hash

T0 = dt.datetime(2027, 3, 10, 9, 0, tzinfo=dt.UTC)
MARCH = (dt.datetime(2027, 3, 1, tzinfo=dt.UTC), dt.datetime(2027, 4, 1, tzinfo=dt.UTC))


@pytest.fixture
def cid(db):
    with db.session() as s:
        return clients.create_client(s, "Fleurs de Loire").id


def as_user(name: str) -> None:
    set_current_actor(name)


def _post(db, cid, text="Les tulipes arrivent", status="draft"):
    with db.session() as s:
        return posts.create_post(
            s,
            cid,
            planned_at=T0,
            title="Printemps",
            status=status,
            variants=[
                posts.VariantInput("mastodon", text),
                posts.VariantInput("facebook", "Les tulipes arrivent !"),
            ],
        )


def _message(db, cid) -> int:
    with db.session() as s:
        inbox_ingest.ingest_messages(
            s,
            cid,
            [
                IncomingMessage(
                    network="facebook",
                    external_id="m1",
                    kind="comment",
                    author="Marie Dupont",
                    author_handle="marie",
                    text="Bouquet jamais livré",
                    received_at=T0,
                    in_reply_to="",
                    url="",
                )
            ],
        )
        return inbox.page(s, cid).rows[0].id


# -- posts -----------------------------------------------------------------------------------
def test_a_stale_post_save_never_overwrites_and_says_who(db, cid, time_machine):
    time_machine.move_to(dt.datetime(2027, 3, 1, 13, 5, tzinfo=dt.UTC), tick=False)
    mine_read = _post(db, cid)
    as_user("Léa Martin")  # a colleague changes only the Mastodon text
    with db.session() as s:
        posts.update_post(
            s, cid, mine_read.id, expected_version=mine_read.version,
            variants=[posts.VariantInput("mastodon", "Tulipes de Touraine"),
                      posts.VariantInput("facebook", "Les tulipes arrivent !")],
        )  # fmt: skip
    as_user("Marc Petit")
    mine = [
        posts.VariantInput("mastodon", "Tulipes en promo"),
        posts.VariantInput("facebook", "Les tulipes arrivent !"),
    ]
    with pytest.raises(Conflict) as caught, db.session() as s:
        posts.update_post(s, cid, mine_read.id, expected_version=mine_read.version, variants=mine)
    d = caught.value.details
    assert (d.kind, d.field, d.mine, d.theirs, d.by) == (
        "post", "mastodon", "Tulipes en promo", "Tulipes de Touraine", "Léa Martin",
    )  # fmt: skip
    assert d.at == dt.datetime(2027, 3, 1, 13, 5, tzinfo=dt.UTC)
    assert str(caught.value) == (
        "Léa Martin changed « Printemps » at 14:05: your change was not saved."  # Paris time
    )
    with db.read() as s:
        stored = posts.get_post(s, cid, mine_read.id)
    assert stored.variant("mastodon").text == "Tulipes de Touraine"
    assert stored.version == d.version and stored.variant("mastodon").version == 2
    assert stored.variant("facebook").version == 1  # untouched variant, untouched version
    # keep mine: saved again, knowingly, with the version the conflict gave
    with db.session() as s:
        posts.update_post(s, cid, mine_read.id, expected_version=d.version, variants=mine)
    with db.read() as s:
        stored = posts.get_post(s, cid, mine_read.id)
    assert stored.variant("mastodon").text == "Tulipes en promo"
    assert stored.variant("mastodon").updated_by == stored.updated_by == "Marc Petit"


def test_each_variant_carries_its_own_version(db, cid):
    read = _post(db, cid)
    seen = {v.network: v.version for v in read.variants}
    with db.session() as s:  # someone changes the Facebook text
        posts.update_post(
            s, cid, read.id,
            variants=[posts.VariantInput("mastodon", "Les tulipes arrivent"),
                      posts.VariantInput("facebook", "Nouveau texte Facebook")],
        )  # fmt: skip
    with pytest.raises(Conflict) as caught, db.session() as s:
        posts.update_post(
            s, cid, read.id, expected_variant_versions={"facebook": seen["facebook"]},
            variants=[posts.VariantInput("mastodon", "Les tulipes arrivent"),
                      posts.VariantInput("facebook", "Mon texte Facebook")],
        )  # fmt: skip
    assert caught.value.details.field == "facebook"
    assert caught.value.details.theirs == "Nouveau texte Facebook"
    with db.session() as s:  # the Mastodon variant did not move: a save of it goes through
        posts.update_post(
            s, cid, read.id, expected_variant_versions={"mastodon": seen["mastodon"]},
            variants=[posts.VariantInput("mastodon", "Tulipes !"),
                      posts.VariantInput("facebook", "Nouveau texte Facebook")],
        )  # fmt: skip


def test_an_approval_is_bound_to_the_text_the_client_saw(db, cid):
    post = _post(db, cid)
    with db.session() as s:
        submit_for_review(s, cid, *MARCH)
        stored = posts.get_post(s, cid, post.id)
    assert stored.approved_hash == content_hash(stored.variants)  # what the sheet shows
    as_user("Léa Martin")
    with db.session() as s:  # changed while the client reads the sheet
        posts.update_post(
            s, cid, post.id,
            variants=[posts.VariantInput("mastodon", "Autre texte"),
                      posts.VariantInput("facebook", "Les tulipes arrivent !")],
        )  # fmt: skip
    as_user("Marc Petit")
    with pytest.raises(Conflict, match="after the client saw it"), db.session() as s:
        record_decision(s, cid, post.id, True, decided_by="Client")
    with db.session() as s:  # a rejection needs no matching text
        record_decision(s, cid, post.id, False, "Pas ce mois-ci")
    with db.session() as s:
        submit_for_review(s, cid, *MARCH)
        record_decision(s, cid, post.id, True)
        posts.set_status(s, cid, post.id, "scheduled")
    # an approved (scheduled) text that changes goes back for approval
    with db.session() as s:
        info = posts.update_post(
            s, cid, post.id,
            variants=[posts.VariantInput("mastodon", "Encore changé"),
                      posts.VariantInput("facebook", "Les tulipes arrivent !")],
        )  # fmt: skip
    assert info.status == "in_review" and "approved again" in info.status_reason
    # the hash the client saw, given explicitly, must match the content
    with pytest.raises(Conflict), db.session() as s:
        record_decision(s, cid, post.id, True, seen_hash="0" * 64)


def test_a_stale_undo_keeps_the_colleagues_change(db, cid):
    read = _post(db, cid)
    as_user("Léa Martin")
    with db.session() as s:
        posts.update_post(s, cid, read.id, title="Printemps (Léa)")
    as_user("Marc Petit")
    stale_undo = pytest.raises(Conflict, match="Léa Martin changed this post since")
    with stale_undo as caught, db.session() as s:
        posts_undo.restore_post(s, cid, read.id, read, expected_version=read.version)
    assert caught.value.details.by == "Léa Martin"
    with db.read() as s:
        assert posts.get_post(s, cid, read.id).title == "Printemps (Léa)"


# -- inbox -----------------------------------------------------------------------------------
def test_inbox_triage_from_stale_screens(db, cid):
    from app.services.people import agency

    mid = _message(db, cid)
    with db.session() as s:
        lea = agency.add_staff(s, "Léa Martin").id
        marc = agency.add_staff(s, "Marc Petit").id
    with db.read() as s:
        seen = inbox.detail(s, cid, mid)  # both screens show: new, unassigned, question
    as_user("Léa Martin")
    with db.session() as s:
        inbox_triage.assign(s, cid, [mid], lea, seen={mid: seen.assignee_id})
        inbox_triage.set_category(s, cid, [mid], "complaint", seen={mid: seen.category})
        inbox_triage.set_status(
            s, cid, [mid], "closed", resolution="Remboursé le 10/03", seen={mid: "in_progress"}
        )
    as_user("Marc Petit")
    with pytest.raises(Conflict) as caught, db.session() as s:  # a second claim
        inbox_triage.assign(s, cid, [mid], marc, seen={mid: seen.assignee_id})
    d = caught.value.details
    assert (d.kind, d.field, d.mine, d.theirs, d.by) == (
        "message", "assignee_id", "Marc Petit", "Léa Martin", "Léa Martin",
    )  # fmt: skip
    with pytest.raises(Conflict), db.session() as s:  # a claim without what was seen
        inbox_triage.assign(s, cid, [mid], marc)
    with pytest.raises(Conflict) as caught, db.session() as s:  # never reopens a closed one
        inbox_triage.set_status(s, cid, [mid], "in_progress", seen={mid: seen.status})
    assert (caught.value.details.mine, caught.value.details.theirs) == ("In progress", "Closed")
    with pytest.raises(Conflict), db.session() as s:
        inbox_triage.set_category(s, cid, [mid], "question", seen={mid: seen.category})
    with db.read() as s:
        d = inbox.detail(s, cid, mid)
    assert (d.status, d.category, d.assignee) == ("closed", "complaint", "Léa Martin")
    # keep mine: knowingly over theirs (the values as stored now)
    with db.session() as s:
        now = inbox_triage.current_values(s, cid, [mid], "assignee_id")
        inbox_triage.assign(s, cid, [mid], marc, seen=now)
    with db.read() as s:
        assert inbox.detail(s, cid, mid).assignee == "Marc Petit"


def test_tags_and_notes_merge(db, cid):
    mid = _message(db, cid)
    with db.session() as s:
        inbox_triage.set_tags(s, cid, mid, ["vip"])
    with db.read() as s:
        seen = inbox.detail(s, cid, mid).tags  # both screens show ("vip",)
    with db.session() as s:
        inbox_triage.set_tags(s, cid, mid, ["vip", "livraison"], seen=seen)
        inbox_triage.add_note(s, cid, mid, "Appel de Sophie")
    with db.session() as s:  # the other screen removes vip and adds remboursement
        stored = inbox_triage.set_tags(s, cid, mid, ["remboursement"], seen=seen)
        inbox_triage.add_note(s, cid, mid, "Avoir envoyé")
    assert stored == ("livraison", "remboursement")
    with db.read() as s:
        d = inbox.detail(s, cid, mid)
    assert d.tags == ("livraison", "remboursement")
    assert [n.text for n in d.notes] == ["Appel de Sophie", "Avoir envoyé"]


def test_a_second_reply_asks_first(db, cid, time_machine):
    time_machine.move_to(dt.datetime(2027, 3, 10, 15, 42, tzinfo=dt.UTC), tick=False)
    mid = _message(db, cid)
    as_user("Léa Martin")
    with db.session() as s:
        inbox_replies.create_reply(s, cid, mid, "Nous regardons, Marie.")
    as_user("Marc Petit")
    with pytest.raises(Conflict) as caught, db.session() as s:
        inbox_replies.create_reply(s, cid, mid, "Bonjour Marie !")
    assert str(caught.value) == "Léa Martin already queued a reply at 16:42 — queue yours too?"
    assert caught.value.details.kind == "reply_queued"
    assert caught.value.details.theirs == "Nous regardons, Marie."
    with db.session() as s:
        inbox_replies.create_reply(s, cid, mid, "Bonjour Marie !", also_if_queued=True)
    with db.read() as s:
        assert sum(t.ours for t in inbox.detail(s, cid, mid).thread) == 2


def test_saved_replies_and_escalation_answers(db, cid):
    mid = _message(db, cid)
    with db.session() as s:
        rid = inbox_replies.save_reply_template(s, cid, "Retard", "Désolés pour le retard.")
    with db.read() as s:
        (read,) = inbox_replies.saved_replies(s, cid)
    as_user("Léa Martin")
    with db.session() as s:
        inbox_replies.update_saved_reply(
            s, cid, rid, "Retard", "Toutes nos excuses.", expected_version=read.version
        )
    as_user("Marc Petit")
    with pytest.raises(Conflict) as caught, db.session() as s:
        inbox_replies.update_saved_reply(
            s, cid, rid, "Retard", "Pardon !", expected_version=read.version
        )
    assert (caught.value.details.theirs, caught.value.details.by) == (
        "Toutes nos excuses.",
        "Léa Martin",
    )
    with pytest.raises(Conflict), db.session() as s:
        inbox_replies.delete_saved_reply(s, cid, rid, expected_version=read.version)
    with db.read() as s:
        assert [r.body for r in inbox_replies.saved_replies(s, cid)] == ["Toutes nos excuses."]

    with db.session() as s:
        esc = escalation.escalate(s, cid, mid, contact_name="Sophie", channel="eml", now=T0)
    as_user("Léa Martin")
    with db.session() as s:
        escalation.record_answer(s, cid, esc.id, "Remboursement accordé", now=T0)
    as_user("Marc Petit")
    with pytest.raises(Conflict) as caught, db.session() as s:
        escalation.record_answer(s, cid, esc.id, "Avoir de 10 €", now=T0)
    assert caught.value.details.theirs == "Remboursement accordé"
    with db.session() as s:  # keep mine, knowingly
        escalation.record_answer(
            s, cid, esc.id, "Avoir de 10 €", now=T0, expected_version=caught.value.details.version
        )
    with db.read() as s:
        assert escalation.get(s, cid, esc.id).answer == "Avoir de 10 €"


# -- clients ---------------------------------------------------------------------------------
def test_a_stale_client_dialog_deletes_nothing_it_did_not_know(db, cid, real_keyring):
    from app import secrets

    with db.session() as s:
        sophie = clients.save_contact(s, cid, name="Sophie", email="sophie@fleurs.fr")
        old = clients.add_account(s, cid, "mastodon", "@ancien", base_url="https://m.fr")
    with db.read() as s:
        read = clients.get_client(s, cid)  # Marc opens the dialog
    info = save_client_form(  # Léa adds a contact and an account with its token
        db,
        ClientForm(
            name=read.name,
            client_id=cid,
            contacts=[ContactRow("Sophie", email="sophie@fleurs.fr", id=sophie.id,
                                 version=sophie.version, changed=False),
                      ContactRow("Paul", email="paul@fleurs.fr")],
            accounts=[AccountRow("mastodon", "@ancien", id=old.id),
                      AccountRow("mastodon", "@nouveau", base_url="https://m.fr", token="t-1")],
            known_contacts={sophie.id: sophie.version},
            known_accounts={old.id},
        ),
    )  # fmt: skip
    new = next(a for a in info.accounts if a.handle == "@nouveau")
    # Marc's stale dialog removes the old account and Sophie; it never showed Paul nor @nouveau
    save_client_form(
        db,
        ClientForm(
            name=read.name,
            client_id=cid,
            contacts=[],
            accounts=[],
            known_contacts={c.id: c.version for c in read.contacts},
            known_accounts={a.id for a in read.accounts},
        ),
    )
    with db.read() as s:
        after = clients.get_client(s, cid)
    assert [c.name for c in after.contacts] == ["Paul"]
    assert [a.handle for a in after.accounts] == ["@nouveau"]
    assert secrets.account_token(info.uid, new.uid) == "t-1"  # its token stays too
    # a contact a colleague changed since is not overwritten nor deleted by a stale form
    with db.read() as s:
        (paul,) = clients.get_client(s, cid).contacts
    as_user("Léa Martin")
    with db.session() as s:
        clients.save_contact(s, cid, name="Paul", email="sav@fleurs.fr", contact_id=paul.id,
                             expected_version=paul.version)  # fmt: skip
    as_user("Marc Petit")
    with pytest.raises(Conflict) as caught:
        save_client_form(
            db,
            ClientForm(
                name=read.name, client_id=cid,
                contacts=[ContactRow("Paul", email="paul2@fleurs.fr", id=paul.id,
                                     version=paul.version)],
                known_contacts={paul.id: paul.version}, known_accounts=set(),
            ),
        )  # fmt: skip
    assert caught.value.details.kind == "contact" and caught.value.details.by == "Léa Martin"
    with pytest.raises(Conflict):
        save_client_form(
            db,
            ClientForm(name=read.name, client_id=cid, known_contacts={paul.id: paul.version},
                       known_accounts=set()),
        )  # fmt: skip
    with db.read() as s:
        (paul,) = clients.get_client(s, cid).contacts
    assert paul.email == "sav@fleurs.fr"


def test_client_settings_from_a_stale_dialog(db, cid):
    with db.read() as s:
        read = clients.get_client(s, cid)
    as_user("Léa Martin")
    with db.session() as s:
        clients.update_client(s, cid, expected_version=read.version, sector="Fleuriste")
    as_user("Marc Petit")
    with pytest.raises(Conflict) as caught, db.session() as s:
        clients.update_client(s, cid, expected_version=read.version, sector="Jardinerie")
    d = caught.value.details
    assert (d.kind, d.by, d.mine, d.theirs) == (
        "client", "Léa Martin", "sector: Jardinerie", "sector: Fleuriste",
    )  # fmt: skip
    with db.read() as s:
        assert clients.get_client(s, cid).sector == "Fleuriste"


def test_two_saves_racing_on_one_row_is_a_conflict_not_a_raw_error(db, cid):
    """The last line of defence: a write whose row moved between read and write (the row's
    version column) ends as a Conflict with one clear line, never a StaleDataError."""
    from sqlalchemy import update

    from app.models.inbox import InboxMessage

    mid = _message(db, cid)
    with pytest.raises(Conflict, match="same moment"), db.session() as s:
        msg = inbox.get_message(s, cid, mid)
        s.execute(  # another seat's write, behind this session's back
            update(InboxMessage.__table__)
            .where(InboxMessage.__table__.c.id == mid)
            .values(version=InboxMessage.__table__.c.version + 1, priority=2)
        )
        msg.status = "closed"
    with db.read() as s:
        d = inbox.detail(s, cid, mid)
    assert (d.status, d.priority) == ("new", 0)  # nothing of the failed unit was kept

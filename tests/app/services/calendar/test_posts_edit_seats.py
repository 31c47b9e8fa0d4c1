"""The post editor's save, per variant: two seats (two real processes) on one post.

Two people on two networks' variants both save, nothing lost, no conflict; two people on the
same variant: one saves, the other meets a conflict naming who, with mine and theirs. On
SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import Conflict
from app.services.calendar import edit as posts_edit
from app.services.calendar import posts
from app.services.clients import workspaces as clients
from tests.app.test_conflicts_processes import one_wins, seats

T0 = dt.datetime(2027, 3, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def post(db):
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs de Loire").id
        info = posts.create_post(
            s, cid, planned_at=T0, title="Printemps",
            variants=[posts.VariantInput("instagram", "Tulipes 🌷"),
                      posts.VariantInput("linkedin", "Nos tulipes")],
        )  # fmt: skip
    return cid, info


def test_two_seats_on_two_variants_both_save(db, post, tmp_path):
    cid, info = post
    args = {"client": cid, "post": info.id}
    results = seats(
        db,
        tmp_path,
        ("Léa Martin", "edit_variant", {**args, "network": "instagram", "text": "Léa's tulips"}),
        ("Marc Petit", "edit_variant", {**args, "network": "linkedin", "text": "Marc's tulips"}),
    )
    assert all("ok" in r for r in results), results
    with db.read() as s:
        stored = posts.get_post(s, cid, info.id)
    assert stored.variant("instagram").text == "Léa's tulips"
    assert stored.variant("linkedin").text == "Marc's tulips"
    assert stored.variant("instagram").updated_by == "Léa Martin"
    assert stored.variant("linkedin").updated_by == "Marc Petit"
    assert stored.variant("instagram").version == stored.variant("linkedin").version == 2


def test_two_seats_on_one_variant_one_conflict_names_who(db, post, tmp_path):
    cid, info = post
    args = {"client": cid, "post": info.id, "network": "instagram"}
    results = seats(
        db,
        tmp_path,
        ("Léa Martin", "edit_variant", {**args, "text": "Tulipes de Touraine"}),
        ("Marc Petit", "edit_variant", {**args, "text": "Tulipes en promo"}),
    )
    ok, lost = one_wins(results)
    winner = "Léa Martin" if results[0] is ok else "Marc Petit"
    with db.read() as s:
        stored = posts.get_post(s, cid, info.id)
    text = stored.variant("instagram").text
    assert text == ("Tulipes de Touraine" if winner == "Léa Martin" else "Tulipes en promo")
    assert lost["kind"] == "post" and lost["by"] == winner
    assert lost["theirs"] == text and lost["mine"] not in ("", text)
    assert stored.variant("linkedin").text == "Nos tulipes"  # untouched by either


def test_an_untouched_variant_keeps_what_another_seat_saved(db, post):
    """Marc read the post, changed only the title; Léa saved Instagram meanwhile: Marc's save
    keeps Léa's text (not the old one his editor still holds) and his title."""
    cid, info = post
    with db.session() as s:
        posts_edit.edit_post(
            s, cid, info.id, base=info, planned_at=info.planned_at, title=info.title,
            category="", campaign="", notes="", all_day=False,
            variants=[posts.VariantInput("instagram", "Léa's text"),
                      posts.VariantInput("linkedin", "Nos tulipes")],
        )  # fmt: skip
        saved = posts_edit.edit_post(
            s, cid, info.id, base=info, planned_at=info.planned_at, title="Printemps 2027",
            category="", campaign="", notes="", all_day=False,
            variants=[posts.VariantInput("instagram", "Tulipes 🌷"),
                      posts.VariantInput("linkedin", "Nos tulipes")],
        )  # fmt: skip
    assert saved.title == "Printemps 2027"
    assert saved.variant("instagram").text == "Léa's text"


def test_a_field_both_changed_is_a_conflict_and_force_keeps_mine(db, post):
    cid, info = post
    common = dict(category="", campaign="", notes="", all_day=False)
    variants = [posts.VariantInput(v.network, v.text) for v in info.variants]
    with db.session() as s:
        posts_edit.edit_post(
            s, cid, info.id, base=info, planned_at=info.planned_at, title="Theirs",
            variants=variants, **common,
        )  # fmt: skip
    with pytest.raises(Conflict) as caught, db.session() as s:
        posts_edit.edit_post(
            s, cid, info.id, base=info, planned_at=info.planned_at, title="Mine",
            variants=variants, **common,
        )  # fmt: skip
    d = caught.value.details
    assert d.field == "title" and "Theirs" in d.theirs and "Mine" in d.mine
    assert caught.value.current.title == "Theirs"
    with db.session() as s:
        saved = posts_edit.edit_post(
            s, cid, info.id, base=info, planned_at=info.planned_at, title="Mine",
            variants=variants, force={"title"}, **common,
        )  # fmt: skip
    assert saved.title == "Mine"

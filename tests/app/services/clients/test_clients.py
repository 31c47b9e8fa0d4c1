"""Client workspaces on both engines: create, validate, edit with optimistic lock, delete."""

from __future__ import annotations

import pytest

from app.errors import Conflict, NotFound, ValidationError
from app.services.clients import workspaces as clients
from app.services.people import audit


def test_create_and_find_by_name_slug_and_id(db):
    with db.session() as s:
        info = clients.create_client(s, "Boulangeries Maison Dupré", timezone="Europe/Paris")
    assert info.slug == "boulangeries-maison-dupre"
    with db.read() as s:
        assert clients.get_client(s, "boulangeries-maison-dupre").id == info.id
        assert clients.get_client(s, "boulangeries maison dupré").id == info.id
        assert clients.get_client(s, info.id).name == "Boulangeries Maison Dupré"
        assert [c.name for c in clients.list_clients(s)] == ["Boulangeries Maison Dupré"]
        assert audit.entries(s, client_id=info.id)[0].action == "client.create"


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"name": "   "}, ValidationError, "needs a name"),
        ({"name": "X", "timezone": "Mars/Olympus"}, ValidationError, "Mars/Olympus"),
        ({"name": "X", "language": "de"}, ValidationError, "fr or en"),
        ({"name": "X", "colour": "red"}, ValidationError, "#3b6fd8"),
        ({"name": "!!!"}, ValidationError, "short name"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(db, kwargs, error, needle):
    kwargs = dict(kwargs)
    name = kwargs.pop("name")
    with pytest.raises(error, match=needle), db.session() as s:
        clients.create_client(s, name, **kwargs)
    with db.read() as s:
        assert clients.list_clients(s, include_archived=True) == []
        assert audit.count(s) == 0


def test_duplicate_name_and_slug_clash(db):
    with db.session() as s:
        clients.create_client(s, "Aquarelle")
    with pytest.raises(Conflict, match="already exists"), db.session() as s:
        clients.create_client(s, "AQUARELLE")
    with pytest.raises(Conflict, match="already used by Aquarelle"), db.session() as s:
        clients.create_client(s, "Autre", slug="aquarelle")


def test_stale_edit_is_detected(db):
    with db.session() as s:
        info = clients.create_client(s, "Nuage")
    with db.session() as s:
        clients.update_client(s, info.id, expected_version=info.version, sector="SaaS")
    with pytest.raises(Conflict, match="changed « Nuage » at"), db.session() as s:
        clients.update_client(s, info.id, expected_version=info.version, sector="Other")
    with db.read() as s:
        assert clients.get_client(s, info.id).sector == "SaaS"


def test_archive_hides_from_list_and_delete_needs_typed_name(db):
    with db.session() as s:
        info = clients.create_client(s, "Hôtel Les Embruns")
        clients.save_contact(s, info.id, name="Yann", email="yann@example.org")
        clients.add_account(s, info.id, "mastodon", "embruns", base_url="https://m.example")
    with db.session() as s:
        clients.set_archived(s, info.id, True)
    with db.read() as s:
        assert clients.list_clients(s) == []
        assert len(clients.list_clients(s, include_archived=True)) == 1
    with pytest.raises(ValidationError, match="Type the client's name"), db.session() as s:
        clients.delete_client(s, info.id, "hotel les embruns")
    with db.session() as s:
        deleted = clients.delete_client(s, info.id, "Hôtel Les Embruns")
    assert any("account:" in k for k in deleted.secret_keys)
    with db.read() as s:
        with pytest.raises(NotFound):
            clients.find_client(s, info.id)
        entry = audit.entries(s, action="client.delete")[0]
        assert entry.details["name"] == "Hôtel Les Embruns"
        assert entry.actor == "Camille Test"


def test_contact_and_account_validation(db):
    with db.session() as s:
        info = clients.create_client(s, "Banque")
    with pytest.raises(ValidationError, match="e-mail"), db.session() as s:
        clients.save_contact(s, info.id, name="Claire", email="not-an-email")
    with pytest.raises(ValidationError, match="Unknown network"), db.session() as s:
        clients.add_account(s, info.id, "myspace", "banque")
    with db.session() as s:
        clients.add_account(s, info.id, "bluesky", "banque.bsky.social")
    with pytest.raises(Conflict), db.session() as s:
        clients.add_account(s, info.id, "bluesky", "banque.bsky.social")

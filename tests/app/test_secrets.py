"""Credentials live in the real Secret Service (gnome-keyring in `make test`), nowhere else."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from app import secrets
from app.errors import SecretsError
from app.services.clients import workspaces as clients
from app.services.clients.workspace import add_account_with_token, delete_client_everywhere

TOKEN = "tok-Zq9!unique-" + "8f3c1e"


def _grep_tree(folder, needle: bytes) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.mark.keyring
def test_token_goes_to_the_keyring_only_and_leaves_with_the_client(
    real_keyring, sqlite_db, tribune_home, cli, tmp_path
):
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Aquarelle & Pétales")
    account = add_account_with_token(
        sqlite_db, client.id, "mastodon", "@aquarelle", base_url="https://m.example", token=TOKEN
    )
    assert secrets.account_token(client.uid, account.uid) == TOKEN
    # Not in the database file (WAL included), the data folder, nor a backup.
    backup = tmp_path / "backup.zip"
    done = cli("backup", "--out", str(backup), db_url=f"sqlite:///{sqlite_db.sqlite_path}")
    assert done.returncode == 0, done.stderr
    assert TOKEN not in done.stdout + done.stderr
    assert _grep_tree(sqlite_db.sqlite_path.parent, TOKEN.encode()) == []
    assert _grep_tree(tribune_home, TOKEN.encode()) == []
    assert TOKEN.encode() not in backup.read_bytes()

    assert delete_client_everywhere(sqlite_db, client.id, "Aquarelle & Pétales")
    assert keyring.get_password("tribune", secrets.account_key(client.uid, account.uid)) is None


@pytest.mark.keyring
def test_cli_account_add_reads_the_token_on_stdin(real_keyring, cli, tribune_home):
    assert cli("client", "add", "Nuage Logiciel").returncode == 0
    done = cli(
        "account", "add", "nuage-logiciel", "mastodon",
        "--base-url", "https://m.example", "--handle", "@nuage",
        input=TOKEN + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert TOKEN not in done.stdout + done.stderr
    listed = cli("account", "list", "nuage-logiciel", "--json")
    assert TOKEN not in listed.stdout
    from app.db import open_database

    db = open_database()
    try:
        with db.read() as s:
            info = clients.get_client(s, "nuage-logiciel")
        assert secrets.account_token(info.uid, info.accounts[0].uid) == TOKEN
    finally:
        secrets.delete_account_token(info.uid, info.accounts[0].uid)
        db.dispose()
    assert _grep_tree(tribune_home, TOKEN.encode()) == []


def test_without_a_keyring_storing_is_refused_and_nothing_is_written(sqlite_db):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not secrets.backend_available()
        with sqlite_db.session() as s:
            client = clients.create_client(s, "Banque Solidaire")
        with pytest.raises(SecretsError, match="No system keyring"):
            add_account_with_token(sqlite_db, client.id, "mastodon", "@banque", token=TOKEN)
        with sqlite_db.read() as s:
            assert clients.get_client(s, client.id).accounts == ()
    finally:
        keyring.set_keyring(previous)

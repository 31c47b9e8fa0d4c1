"""Use cases that span the database and the keyring, in the order that loses nothing.

The database transaction commits first; keyring entries are written or removed only after,
so a failed commit never leaves a token pointing at nothing, and a failed keyring write
leaves the account row marked as needing its token again.
"""

from __future__ import annotations

from app import secrets
from app.db import Database
from app.services.clients import workspaces as clients
from app.services.clients.workspaces import AccountInfo


def delete_client_everywhere(db: Database, client_id: int, typed_name: str) -> str:
    """Delete a client (name typed as confirmation), then its keyring entries."""
    with db.session() as session:
        deleted = clients.delete_client(session, client_id, typed_name)
    if secrets.backend_available():
        for key in deleted.secret_keys:
            secrets.delete_secret(key)
    return deleted.name


def add_account_with_token(
    db: Database,
    client_ref: str | int,
    network: str,
    handle: str,
    *,
    base_url: str = "",
    token: str | None = None,
    display_name: str = "",
) -> AccountInfo:
    """Add a network account; the token goes to the keyring only.

    The keyring is checked before anything is written, so a machine without one refuses
    cleanly instead of leaving an account that can never authenticate.
    """
    if token:
        secrets.require_backend()
    with db.session() as session:
        client = clients.find_client(session, client_ref)
        account = clients.add_account(
            session, client.id, network, handle, base_url=base_url, display_name=display_name
        )
        client_uid = client.uid
    if token:
        try:
            secrets.store_account_token(client_uid, account.uid, token)
        except Exception:
            with db.session() as session:
                clients.remove_account(session, account_client_id(db, account.id), account.id)
            raise
    return account


def set_account_token(db: Database, client_id: int, account_id: int, token: str) -> None:
    with db.read() as session:
        client = clients.find_client(session, client_id)
        account = clients.find_account(session, client.id, account_id)
        client_uid, account_uid = client.uid, account.uid
    secrets.store_account_token(client_uid, account_uid, token)


def remove_account_everywhere(db: Database, client_id: int, account_id: int) -> None:
    with db.session() as session:
        key = clients.remove_account(session, client_id, account_id)
    if secrets.backend_available():
        secrets.delete_secret(key)


def account_client_id(db: Database, account_id: int) -> int:
    from app.models import NetworkAccount

    with db.read() as session:
        account = session.get(NetworkAccount, account_id)
        return account.client_id if account else -1

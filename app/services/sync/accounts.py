"""Which accounts a sync may contact: every account of a client but the demo's placeholders."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select

from app.db import Database
from app.models import Client, NetworkAccount
from app.services.clients import workspaces as clients


def is_placeholder_host(url: str) -> bool:
    """True for the reserved example domains (RFC 2606/6761) the demo agency uses.

    Such hosts can never answer, so their accounts are never synced: the demo stays as it
    was made instead of turning every account into an error at the first background sync.
    """
    host = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    return host.endswith((".example", ".invalid", ".test")) or host in ("example", "invalid")


@dataclass(frozen=True)
class SyncAccount:
    """One network account as the sync sees it (no token: that stays in the keyring)."""

    id: int
    uid: str
    network: str
    handle: str
    base_url: str


def accounts_to_sync(
    db: Database, client_ref: str | int, network: str | None
) -> tuple[int, str, list[SyncAccount]]:
    """(client id, client uid, accounts) of the accounts that sync and check may contact:
    every account but the demo's placeholder ones."""
    with db.read() as s:
        client = clients.find_client(s, client_ref)
        query = select(NetworkAccount).where(NetworkAccount.client_id == client.id)
        if network:
            query = query.where(NetworkAccount.network == network.strip().lower())
        rows = s.scalars(query.order_by(NetworkAccount.network, NetworkAccount.id)).all()
        return (
            client.id,
            client.uid,
            [
                SyncAccount(a.id, a.uid, a.network, a.handle, a.base_url)
                for a in rows
                if not is_placeholder_host(a.base_url)
            ],
        )


def _first_of_network(db: Database, client_id: int) -> dict[str, int]:
    with db.read() as s:
        rows = s.execute(
            select(NetworkAccount.network, NetworkAccount.id)
            .where(NetworkAccount.client_id == client_id)
            .order_by(NetworkAccount.id)
        ).all()
    first: dict[str, int] = {}
    for net, aid in rows:
        first.setdefault(net, aid)
    return first


def client_ids_with_accounts(db: Database) -> list[int]:
    with db.read() as s:
        return list(
            s.scalars(
                select(Client.id)
                .where(Client.archived.is_(False), Client.id.in_(select(NetworkAccount.client_id)))
                .order_by(Client.name)
            )
        )

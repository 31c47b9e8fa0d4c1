"""Save a client with its contacts and accounts in one unit of work (the client dialog).

The dialog collects plain data; this function applies it atomically: either the client, all
its contacts and all its accounts are saved, or nothing is. Tokens go to the keyring after
the commit; removed accounts lose their keyring entry after the commit too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app import secrets
from app.db import Database
from app.services.clients import workspaces as clients
from app.services.clients.workspaces import ClientInfo


@dataclass
class ContactRow:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    departments: list[str] = field(default_factory=list)
    id: int | None = None
    version: int | None = None  # as the dialog read it: a colleague's change is a conflict
    changed: bool = True  # False: shown as loaded, left alone (a colleague's edit stays)


@dataclass
class AccountRow:
    network: str
    handle: str
    base_url: str = ""
    token: str = ""  # typed by the user; goes to the keyring, never the database
    id: int | None = None


@dataclass
class ClientForm:
    name: str
    timezone: str = "Europe/Paris"
    language: str = "fr"
    colour: str | None = None
    sector: str = ""
    notes: str = ""
    logo: bytes | None = None
    contacts: list[ContactRow] = field(default_factory=list)
    accounts: list[AccountRow] = field(default_factory=list)
    client_id: int | None = None
    expected_version: int | None = None
    # The contacts and accounts the dialog was shown: only those can be removed by leaving
    # them out (a row a colleague added meanwhile is kept, with its keyring token). None:
    # every row left out is removed.
    known_contacts: dict[int, int] | None = None  # id -> version as read
    known_accounts: set[int] | None = None


def save_client_form(db: Database, form: ClientForm) -> ClientInfo:
    tokens = [a for a in form.accounts if a.token.strip()]
    if tokens:
        secrets.require_backend()  # refuse before writing anything
    removed_keys: list[str] = []
    pending_tokens: list[tuple[str, str, str]] = []
    with db.session() as session:
        if form.client_id is None:
            info = clients.create_client(
                session,
                form.name,
                timezone=form.timezone,
                language=form.language,
                colour=form.colour,
                sector=form.sector,
                notes=form.notes,
                logo=form.logo,
            )
        else:
            changes: dict[str, Any] = dict(
                name=form.name,
                timezone=form.timezone,
                language=form.language,
                sector=form.sector,
                notes=form.notes,
            )
            if form.colour:
                changes["colour"] = form.colour
            if form.logo is not None:
                changes["logo"] = form.logo
            info = clients.update_client(
                session, form.client_id, expected_version=form.expected_version, **changes
            )
        existing_contacts = {c.id for c in clients.list_contacts(session, info.id)}
        kept: set[int] = set()
        for row in form.contacts:
            if not row.name.strip() and not row.email.strip():
                continue  # an empty line left in the table
            if row.id is not None and not row.changed:
                kept.add(row.id)
                continue
            saved = clients.save_contact(
                session,
                info.id,
                name=row.name,
                role=row.role,
                email=row.email,
                phone=row.phone,
                departments=row.departments,
                contact_id=row.id,
                expected_version=row.version,
            )
            kept.add(saved.id)
        known = form.known_contacts
        for contact_id in existing_contacts - kept:
            if known is None:
                clients.delete_contact(session, info.id, contact_id)
            elif contact_id in known:
                clients.delete_contact(
                    session, info.id, contact_id, expected_version=known[contact_id]
                )
        existing_accounts = {a.id: a for a in clients.list_accounts(session, info.id)}
        kept = set()
        for acc in form.accounts:
            if acc.id is not None and acc.id in existing_accounts:
                kept.add(acc.id)
                account = existing_accounts[acc.id]
            else:
                if not acc.handle.strip():
                    continue
                account = clients.add_account(
                    session, info.id, acc.network, acc.handle, base_url=acc.base_url
                )
            if acc.token.strip():
                pending_tokens.append((info.uid, account.uid, acc.token.strip()))
        for account_id in set(existing_accounts) - kept:
            if form.known_accounts is None or account_id in form.known_accounts:
                removed_keys.append(clients.remove_account(session, info.id, account_id))
        info = clients.get_client(session, info.id)
    for client_uid, account_uid, token in pending_tokens:
        secrets.store_account_token(client_uid, account_uid, token)
    if removed_keys and secrets.backend_available():
        for key in removed_keys:
            secrets.delete_secret(key)
    return info

"""Client workspaces: create, edit, archive, delete; their contacts and network accounts.

Every function takes a Session (a unit of work owned by the caller) and returns frozen
dataclasses, never ORM objects, so results can cross threads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models import NETWORKS, AuditEvent, Client, NetworkAccount
from app.services.clients.contacts import _check_contact as _check_contact
from app.services.clients.contacts import delete_contact as delete_contact
from app.services.clients.contacts import list_contacts as list_contacts
from app.services.clients.contacts import save_contact as save_contact
from app.services.clients.info import AccountInfo as AccountInfo
from app.services.clients.info import ClientInfo as ClientInfo
from app.services.clients.info import ContactInfo as ContactInfo
from app.services.clients.info import _info as _info
from app.services.clients.info import account_info as account_info
from app.services.clients.info import contact_info as contact_info
from app.services.clients.info import find_client as find_client
from app.services.clients.info import get_client as get_client
from app.services.clients.info import list_clients as list_clients
from app.services.clients.info import slugify as slugify
from app.services.people import audit
from app.services.versions import stale

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
PALETTE = ("#3b6fd8", "#d8553b", "#2f9e6e", "#a23bd8", "#d8a73b", "#3bb5d8", "#d83b8a", "#6b7a8f")


def validate_timezone(value: str) -> str:
    value = (value or "").strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        raise ValidationError(
            translate("Clients", "Unknown time zone: {tz} (for example Europe/Paris)").format(
                tz=value[:60] or "—"
            ),
            field="timezone",
        ) from None
    if value not in available_timezones() and value != "UTC":
        raise ValidationError(
            translate("Clients", "Unknown time zone: {tz} (for example Europe/Paris)").format(
                tz=value
            ),
            field="timezone",
        )
    return value


def _validate_language(value: str) -> str:
    value = (value or "").strip().lower()
    if value not in ("fr", "en"):
        raise ValidationError(
            translate("Clients", "Language must be fr or en, not {value}").format(value=value),
            field="language",
        )
    return value


def _validate_colour(value: str) -> str:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            translate("Clients", "Colour must look like #3b6fd8, not {value}").format(value=value),
            field="colour",
        )
    return value.lower()


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(translate("Clients", "A client needs a name."), field="name")
    if len(name) > 200:
        raise ValidationError(
            translate("Clients", "A client name has at most 200 characters."), field="name"
        )
    return name


# -- writing ------------------------------------------------------------------------------
def _check_unique(session: Session, name: str, slug: str, *, exclude_id: int | None = None) -> None:
    query = select(Client).where(func.lower(Client.name) == name.lower())
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    if session.scalar(query) is not None:
        raise Conflict(
            translate("Clients", "A client named {name} already exists.").format(name=name)
        )
    query = select(Client).where(Client.slug == slug)
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    other = session.scalar(query)
    if other is not None:
        raise Conflict(
            translate("Clients", "The short name {slug} is already used by {name}.").format(
                slug=slug, name=other.name
            )
        )


def create_client(
    session: Session,
    name: str,
    *,
    timezone: str = "Europe/Paris",
    language: str = "fr",
    colour: str | None = None,
    slug: str | None = None,
    sector: str = "",
    notes: str = "",
    logo: bytes | None = None,
) -> ClientInfo:
    name = _clean_name(name)
    timezone = validate_timezone(timezone)
    language = _validate_language(language)
    final_slug = slugify(slug) if slug else slugify(name)
    if not final_slug:
        raise ValidationError(
            translate("Clients", "The name {name} gives no usable short name; add letters.").format(
                name=name
            ),
            field="slug",
        )
    _check_unique(session, name, final_slug)
    if colour is None:
        n = session.scalar(select(func.count(Client.id))) or 0
        colour = PALETTE[n % len(PALETTE)]
    client = Client(
        name=name,
        slug=final_slug,
        timezone=timezone,
        language=language,
        colour=_validate_colour(colour),
        sector=sector.strip(),
        notes=notes,
        logo=logo,
    )
    session.add(client)
    session.flush()
    audit.record(
        session,
        "client.create",
        client=client,
        target_type="client",
        target_id=client.id,
        details={"name": name, "slug": final_slug},
    )
    return _info(client, full=True)


EDITABLE = ("name", "timezone", "language", "colour", "sector", "notes", "logo")


def update_client(
    session: Session, client_id: int, *, expected_version: int | None = None, **changes: Any
) -> ClientInfo:
    """Change a client's fields. A stale ``expected_version`` raises :class:`Conflict`."""
    client = find_client(session, client_id)
    session.refresh(client, with_for_update=True)  # a colleague saving it now: wait, re-read
    if expected_version is not None and client.version != expected_version:
        last = session.scalar(
            select(AuditEvent)
            .where(AuditEvent.client_id == client.id, AuditEvent.action == "client.update")
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(1)
        )
        mine = "\n".join(f"{k}: {v}" for k, v in changes.items() if k != "logo")
        theirs = "\n".join(f"{k}: {getattr(client, k)}" for k in changes if k != "logo")
        raise stale(
            "client",
            client.name,
            target_id=client.id,
            mine=mine,
            theirs=theirs,
            by=last.actor if last else "",
            at=last.at if last else client.updated_at,
            version=client.version,
            zone=client.timezone,
        )
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"unknown fields: {sorted(unknown)}")
    before = {k: getattr(client, k) for k in changes if k != "logo"}
    if "name" in changes:
        changes["name"] = _clean_name(changes["name"])
        _check_unique(session, changes["name"], client.slug, exclude_id=client.id)
    if "timezone" in changes:
        changes["timezone"] = validate_timezone(changes["timezone"])
    if "language" in changes:
        changes["language"] = _validate_language(changes["language"])
    if "colour" in changes:
        changes["colour"] = _validate_colour(changes["colour"])
    for key, value in changes.items():
        setattr(client, key, value)
    session.flush()
    diff = {k: [before[k], getattr(client, k)] for k in before if before[k] != getattr(client, k)}
    if diff or "logo" in changes:
        audit.record(
            session,
            "client.update",
            client=client,
            target_type="client",
            target_id=client.id,
            details={
                "changes": diff,
                "before": {k: v[0] for k, v in diff.items()},
                "after": {k: v[1] for k, v in diff.items()},
            },
        )
    return _info(client, full=True)


def set_archived(session: Session, client_id: int, archived: bool) -> ClientInfo:
    from app.models.base import utcnow

    client = find_client(session, client_id)
    client.archived = archived
    client.archived_at = utcnow() if archived else None
    session.flush()
    audit.record(
        session,
        "client.archive" if archived else "client.unarchive",
        client=client,
        target_type="client",
        target_id=client.id,
    )
    return _info(client)


@dataclass(frozen=True)
class DeletedClient:
    name: str
    secret_keys: tuple[str, ...]


def delete_client(session: Session, client_id: int, typed_name: str) -> DeletedClient:
    """Delete a client and all its rows. The user must type the client's exact name.

    Returns the keyring keys to remove once the transaction has committed (see
    :func:`app.services.clients.workspace.delete_client_everywhere`).
    """
    from app import secrets

    client = find_client(session, client_id)
    if (typed_name or "").strip() != client.name:
        raise ValidationError(
            translate("Clients", "Type the client's name exactly ({name}) to delete it.").format(
                name=client.name
            ),
            field="confirmation",
        )
    keys = (
        *tuple(secrets.account_key(client.uid, a.uid) for a in client.accounts),
        secrets.client_key(client.uid, "smtp"),
    )
    name, cid = client.name, client.id
    audit.record(
        session,
        "client.delete",
        client_id=None,
        target_type="client",
        target_id=cid,
        details={"name": name, "slug": client.slug, "accounts": len(client.accounts)},
    )
    session.delete(client)
    session.flush()
    return DeletedClient(name=name, secret_keys=keys)


# -- network accounts ---------------------------------------------------------------------
def add_account(
    session: Session,
    client_id: int,
    network: str,
    handle: str,
    *,
    base_url: str = "",
    display_name: str = "",
) -> AccountInfo:
    client = find_client(session, client_id)
    network = (network or "").strip().lower()
    if network not in NETWORKS:
        raise ValidationError(
            translate("Clients", "Unknown network {network} (one of: {known}).").format(
                network=network, known=", ".join(NETWORKS)
            ),
            field="network",
        )
    handle = (handle or "").strip()
    if not handle:
        raise ValidationError(translate("Clients", "An account needs a handle."), field="handle")
    base_url = (base_url or "").strip().rstrip("/")
    if base_url and not re.match(r"^https?://[^\s/]+", base_url):
        raise ValidationError(
            translate("Clients", "The address must start with http:// or https://: {url}").format(
                url=base_url
            ),
            field="base_url",
        )
    exists = session.scalar(
        select(NetworkAccount).where(
            NetworkAccount.client_id == client.id,
            NetworkAccount.network == network,
            NetworkAccount.handle == handle,
        )
    )
    if exists is not None:
        raise Conflict(
            translate("Clients", "{client} already has the {network} account {handle}.").format(
                client=client.name, network=network, handle=handle
            )
        )
    account = NetworkAccount(
        client=client,
        network=network,
        handle=handle,
        base_url=base_url,
        display_name=display_name.strip(),
    )
    session.add(account)
    session.flush()
    audit.record(
        session,
        "account.create",
        client=client,
        target_type="account",
        target_id=account.id,
        details={"network": network, "handle": handle},
    )
    return account_info(account)


def find_account(session: Session, client_id: int, account_id: int) -> NetworkAccount:
    account = session.get(NetworkAccount, account_id)
    if account is None or account.client_id != client_id:
        raise NotFound(translate("Clients", "This network account no longer exists."))
    return account


def remove_account(session: Session, client_id: int, account_id: int) -> str:
    """Remove an account; returns its keyring key for the caller to delete after commit."""
    from app import secrets

    client = find_client(session, client_id)
    account = find_account(session, client.id, account_id)
    key = secrets.account_key(client.uid, account.uid)
    audit.record(
        session,
        "account.delete",
        client=client,
        target_type="account",
        target_id=account.id,
        details={"network": account.network, "handle": account.handle},
    )
    session.delete(account)
    session.flush()
    return key


def list_accounts(session: Session, client_id: int) -> list[AccountInfo]:
    rows = session.scalars(
        select(NetworkAccount)
        .where(NetworkAccount.client_id == client_id)
        .order_by(NetworkAccount.network, NetworkAccount.handle)
    )
    return [account_info(a) for a in rows]

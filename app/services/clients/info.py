"""What a client workspace looks like outside the database (frozen views), and finding one."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import translate
from app.models import Client, Contact, NetworkAccount


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    role: str
    email: str
    phone: str
    departments: tuple[str, ...]
    version: int = 1


@dataclass(frozen=True)
class AccountInfo:
    id: int
    uid: str
    network: str
    handle: str
    base_url: str
    display_name: str
    status: str
    status_reason: str
    token_expires_at: object | None = None
    last_sync_at: object | None = None


@dataclass(frozen=True)
class ClientInfo:
    id: int
    uid: str
    name: str
    slug: str
    timezone: str
    language: str
    colour: str
    sector: str
    notes: str
    archived: bool
    version: int
    logo: bytes | None = field(default=None, repr=False)
    contacts: tuple[ContactInfo, ...] = ()
    accounts: tuple[AccountInfo, ...] = ()


def slugify(name: str) -> str:
    """ "Boulangeries Dupré & Fils" → "boulangeries-dupre-fils"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text[:80].strip("-")


def _info(client: Client, *, full: bool = False) -> ClientInfo:
    contacts: tuple[ContactInfo, ...] = ()
    accounts: tuple[AccountInfo, ...] = ()
    if full:
        contacts = tuple(contact_info(c) for c in client.contacts)
        accounts = tuple(account_info(a) for a in client.accounts)
    return ClientInfo(
        id=client.id,
        uid=client.uid,
        name=client.name,
        slug=client.slug,
        timezone=client.timezone,
        language=client.language,
        colour=client.colour,
        sector=client.sector,
        notes=client.notes,
        archived=client.archived,
        version=client.version,
        logo=client.logo,
        contacts=contacts,
        accounts=accounts,
    )


def contact_info(c: Contact) -> ContactInfo:
    return ContactInfo(
        c.id, c.name, c.role, c.email, c.phone, tuple(c.departments or ()), c.version or 1
    )


def account_info(a: NetworkAccount) -> AccountInfo:
    return AccountInfo(
        a.id,
        a.uid,
        a.network,
        a.handle,
        a.base_url,
        a.display_name,
        a.status,
        a.status_reason,
        a.token_expires_at,
        a.last_sync_at,
    )


# -- reading ------------------------------------------------------------------------------
def list_clients(session: Session, *, include_archived: bool = False) -> list[ClientInfo]:
    query = select(Client).order_by(func.lower(Client.name))
    if not include_archived:
        query = query.where(Client.archived.is_(False))
    return [_info(c) for c in session.scalars(query)]


def find_client(session: Session, ref: str | int) -> Client:
    """A client by id, slug or name (case-insensitive); :class:`NotFound` otherwise."""
    client: Client | None = None
    if isinstance(ref, int):
        client = session.get(Client, ref)
    else:
        text = (ref or "").strip()
        client = session.scalar(select(Client).where(Client.slug == text.lower()))
        if client is None:
            client = session.scalar(select(Client).where(func.lower(Client.name) == text.lower()))
        if client is None and text:
            client = session.scalar(select(Client).where(Client.slug == slugify(text)))
    if client is None:
        raise NotFound(translate("Clients", "No client named {ref}.").format(ref=ref))
    return client


def get_client(session: Session, ref: str | int) -> ClientInfo:
    return _info(find_client(session, ref), full=True)

"""A client's contacts (who answers for which department): add, edit, delete, list."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import Contact
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
from app.services.versions import stale, stamp


# -- contacts -----------------------------------------------------------------------------
def save_contact(
    session: Session,
    client_id: int,
    *,
    name: str,
    role: str = "",
    email: str = "",
    phone: str = "",
    departments: list[str] | tuple[str, ...] = (),
    contact_id: int | None = None,
    expected_version: int | None = None,
) -> ContactInfo:
    """Add or change a contact; a stale ``expected_version`` raises :class:`Conflict`."""
    client = find_client(session, client_id)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(translate("Clients", "A contact needs a name."), field="name")
    email = (email or "").strip()
    if email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        raise ValidationError(
            translate("Clients", "Invalid e-mail address: {email}").format(email=email),
            field="email",
        )
    depts = [d.strip() for d in departments if d and d.strip()]
    contact: Contact | None
    if contact_id is None:
        contact = Contact(
            client=client,
            name=name,
            role=role.strip(),
            email=email,
            phone=phone.strip(),
            departments=depts,
        )
        session.add(contact)
        action = "contact.create"
    else:
        contact = session.get(Contact, contact_id, with_for_update=True, populate_existing=True)
        if contact is None or contact.client_id != client.id:
            raise NotFound(translate("Clients", "This contact no longer exists."))
        _check_contact(contact, expected_version, name, client.timezone)
        new = (name, role.strip(), email, phone.strip(), depts)
        old = (contact.name, contact.role, contact.email, contact.phone, contact.departments)
        if new == old:
            return contact_info(contact)  # unchanged: no new version, no audit entry
        contact.name, contact.role, contact.email = name, role.strip(), email
        contact.phone, contact.departments = phone.strip(), depts
        action = "contact.update"
    stamp(contact)
    session.flush()
    audit.record(
        session,
        action,
        client=client,
        target_type="contact",
        target_id=contact.id,
        details={"name": name},
    )
    return contact_info(contact)


def _check_contact(contact: Contact, expected: int | None, mine: str, zone: str) -> None:
    if expected is not None and contact.version != expected:
        raise stale(
            "contact",
            contact.name,
            target_id=contact.id,
            mine=mine,
            theirs=f"{contact.name} <{contact.email}>" if contact.email else contact.name,
            by=contact.updated_by,
            at=contact.updated_at,
            version=contact.version,
            zone=zone,
        )


def delete_contact(
    session: Session, client_id: int, contact_id: int, *, expected_version: int | None = None
) -> None:
    """Delete a contact; not one someone changed since it was read (``expected_version``)."""
    client = find_client(session, client_id)
    contact = session.get(Contact, contact_id, with_for_update=True, populate_existing=True)
    if contact is None or contact.client_id != client.id:
        return  # already deleted by someone else: what was wanted
    _check_contact(contact, expected_version, "", client.timezone)
    audit.record(
        session,
        "contact.delete",
        client=client,
        target_type="contact",
        target_id=contact.id,
        details={"name": contact.name},
    )
    session.delete(contact)
    session.flush()


def list_contacts(session: Session, client_id: int) -> list[ContactInfo]:
    rows = session.scalars(
        select(Contact).where(Contact.client_id == client_id).order_by(Contact.name)
    )
    return [contact_info(c) for c in rows]

"""The agency itself: its profile (name, address, logo on the documents) and its team.

Every function takes a Session and returns frozen dataclasses, like the clients service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import Conflict, ValidationError
from app.i18n import translate
from app.models import AgencyProfile, StaffMember


# -- agency ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AgencyInfo:
    name: str
    address: str
    email: str
    logo: bytes | None = field(default=None, repr=False)
    colour: str = ""  # "#rrggbb", the accent of the agency's documents; "" = Tribune's blue


def agency(session: Session) -> AgencyInfo:
    row = session.scalar(select(AgencyProfile).order_by(AgencyProfile.id).limit(1))
    if row is None:
        return AgencyInfo(name="", address="", email="")
    return AgencyInfo(row.name, row.address, row.email, row.logo, row.colour or "")


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def save_agency(
    session: Session,
    *,
    name: str,
    address: str = "",
    email: str = "",
    logo: bytes | None = None,
    colour: str | None = None,
) -> AgencyInfo:
    row = session.scalar(select(AgencyProfile).order_by(AgencyProfile.id).limit(1))
    if row is None:
        row = AgencyProfile()
        session.add(row)
    row.name, row.address, row.email = name.strip(), address, email.strip()
    if logo is not None:
        row.logo = logo
    if colour is not None:
        colour = colour.strip()
        if colour and not _COLOUR.match(colour):
            raise ValidationError(
                translate("Clients", "A colour is written #rrggbb, for example #0f766e."),
                field="colour",
            )
        row.colour = colour.lower()
    session.flush()
    return AgencyInfo(row.name, row.address, row.email, row.logo, row.colour or "")


# -- staff ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: str
    email: str
    active: bool


def list_staff(session: Session, *, include_inactive: bool = False) -> list[StaffInfo]:
    query = select(StaffMember).order_by(StaffMember.name)
    if not include_inactive:
        query = query.where(StaffMember.active.is_(True))
    return [StaffInfo(s.id, s.name, s.role, s.email, s.active) for s in session.scalars(query)]


def add_staff(session: Session, name: str, role: str = "", email: str = "") -> StaffInfo:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(translate("Clients", "A team member needs a name."), field="name")
    if session.scalar(select(StaffMember).where(func.lower(StaffMember.name) == name.lower())):
        raise Conflict(translate("Clients", "{name} is already in the team.").format(name=name))
    member = StaffMember(name=name, role=role.strip(), email=email.strip())
    session.add(member)
    session.flush()
    return StaffInfo(member.id, member.name, member.role, member.email, member.active)


# -- the agency's own apps on the networks (connect in the browser) -------------------------
APP_NETWORKS = ("meta", "linkedin", "google", "x", "threads", "pinterest")


def _app_secret_key(network: str) -> str:
    return f"agency-app:{network}"


def app_ids(session: Session) -> dict[str, str]:
    """{network: app id} for the networks where the agency registered its own app."""
    from app.models.agency_apps import AgencyApp

    return {a.network: a.app_id for a in session.scalars(select(AgencyApp)) if a.app_id}


def set_app_id(session: Session, network: str, app_id: str) -> None:
    """The agency app's id (OAuth client id) on ``network``; empty removes it."""
    from app.models.agency_apps import AgencyApp

    if network not in APP_NETWORKS:
        raise ValidationError(
            translate("Agency", "Tribune needs no app of the agency on {network}.").format(
                network=network
            )
        )
    row = session.scalar(select(AgencyApp).where(AgencyApp.network == network))
    if row is None:
        row = AgencyApp(network=network)
        session.add(row)
    row.app_id = app_id.strip()
    session.flush()


def set_app_secret(network: str, secret: str) -> None:
    """The agency app's secret: this computer's keyring only, never the database."""
    from app import secrets

    secrets.set_secret(_app_secret_key(network), secret.strip())


def app_secret(network: str) -> str:
    from app import secrets

    return secrets.get_secret(_app_secret_key(network)) or ""

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
    """Write the agency's profile (an administrator's; checked before anything changes).

    ``logo``: None keeps the stored one, ``b""`` removes it; ``colour``: None keeps it."""
    from app.services.people import require

    require(session, "agency")
    name = " ".join(name.split())
    email = email.strip()
    if not name:
        raise ValidationError(translate("Agency", "The agency needs a name."), field="name")
    if email and not _EMAIL.match(email):
        raise ValidationError(
            translate("Agency", "This e-mail address is not valid: {email}").format(email=email),
            field="email",
        )
    if logo:
        check_logo(logo)
    if colour is not None:
        colour = check_colour(colour)
    row = session.scalar(select(AgencyProfile).order_by(AgencyProfile.id).limit(1))
    if row is None:
        row = AgencyProfile()
        session.add(row)
    row.name, row.address, row.email = name, address.strip(), email
    if logo is not None:
        row.logo = logo or None
    if colour is not None:
        row.colour = colour
    session.flush()
    return AgencyInfo(row.name, row.address, row.email, row.logo, row.colour or "")


# -- what the documents can print -----------------------------------------------------------
MAX_LOGO_BYTES = 1024 * 1024  # a logo prints at a few centimetres: 1 MiB is plenty
MIN_CONTRAST = 4.5  # WCAG AA: the documents print white text on the agency's colour
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"))


def logo_format(data: bytes) -> str | None:
    """ "PNG" or "JPEG" from the file's first bytes (not its name), else None."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    return None


def check_logo(data: bytes) -> bytes:
    """``data`` if it is a PNG or JPEG image of at most :data:`MAX_LOGO_BYTES`, else one
    sentence saying why not (:class:`ValidationError`)."""
    if logo_format(data) is None:
        raise ValidationError(
            translate("Agency", "The logo must be a PNG or JPEG image."), field="logo"
        )
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            translate(
                "Agency", "The logo weighs {size} KB: at most {limit} KB, please reduce it."
            ).format(size=-(-len(data) // 1024), limit=MAX_LOGO_BYTES // 1024),
            field="logo",
        )
    return data


def _luminance(colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def white_contrast(colour: str) -> float:
    """WCAG contrast ratio of white text on ``colour`` ("#rrggbb"), 1 to 21."""
    return 1.05 / (_luminance(colour) + 0.05)


def _decimal(value: float) -> str:
    """``value`` with one decimal in the interface's language ("1,2" in French)."""
    from app.documents.wording import locale_for

    code = translate("Formatting", "en", "the code of this catalogue's language: fr, en")
    return locale_for(code.strip().lower()).toString(float(value), "f", 1)


def check_colour(colour: str) -> str:
    """``colour`` as "#rrggbb" in lower case ("" for Tribune's blue), or one sentence why not:
    not a colour, or white text (the documents' headings) would not read on it."""
    colour = colour.strip()
    if not colour:
        return ""
    if not _COLOUR.match(colour):
        raise ValidationError(
            translate("Clients", "A colour is written #rrggbb, for example #0f766e."),
            field="colour",
        )
    ratio = white_contrast(colour)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            translate(
                "Agency",
                "White text on {colour} is hard to read (contrast {ratio}:1, at least 4.5:1 "
                "needed): choose a darker colour.",
            ).format(colour=colour.lower(), ratio=_decimal(ratio)),
            field="colour",
        )
    return colour.lower()


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
APP_NETWORKS = ("meta", "linkedin", "google", "x", "threads", "pinterest", "bluesky")


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

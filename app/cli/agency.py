"""``tribune agency show|set``: the agency's identity on its documents (name, address,
e-mail, logo, colour). Setting it is an administrator's; bad input changes nothing."""

from __future__ import annotations

import argparse
import base64
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate

if TYPE_CHECKING:
    from app.services.people.agency import AgencyInfo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    agency = sub.add_parser(
        "agency", help=translate("Cli", "the agency's name, address, logo and colour")
    )
    asub = agency.add_subparsers(dest="agency_command", metavar="ACTION", required=True)

    p = asub.add_parser("show", help=translate("Cli", "show the agency's profile"))
    json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = asub.add_parser(
        "set",
        help=translate("Cli", "change the agency's profile (administrators); others are kept"),
    )
    p.add_argument("--name")
    p.add_argument("--address")
    p.add_argument("--email")
    p.add_argument("--logo", metavar="FILE", help=translate("Cli", "a PNG or JPEG image"))
    p.add_argument("--no-logo", action="store_true", help=translate("Cli", "remove the logo"))
    p.add_argument("--colour", "--color", dest="colour", metavar="#RRGGBB")
    json_flag(p)
    p.set_defaults(handler=cmd_set)


def _json(info: AgencyInfo) -> dict[str, Any]:
    logo = info.logo or b""
    return {
        "name": info.name,
        "address": info.address,
        "email": info.email,
        "colour": info.colour,
        "logo": (
            {
                "bytes": len(logo),
                "sha256": hashlib.sha256(logo).hexdigest(),
                "base64": base64.b64encode(logo).decode("ascii"),
            }
            if logo
            else None
        ),
    }


def _human(info: AgencyInfo) -> str:
    from app.services.people.agency import logo_format

    none = translate("Cli", "(none)")
    logo = (
        translate("Cli", "{format}, {size} KB").format(
            format=logo_format(info.logo) or "?", size=-(-len(info.logo) // 1024)
        )
        if info.logo
        else none
    )
    address = " / ".join(line.strip() for line in info.address.splitlines() if line.strip())
    rows = (
        (translate("Cli", "Name"), info.name or none),
        (translate("Cli", "Address"), address or none),
        (translate("Cli", "E-mail"), info.email or none),
        (translate("Cli", "Logo"), logo),
        (translate("Cli", "Colour"), info.colour or translate("Cli", "Tribune's blue")),
    )
    return "\n".join(f"{label}\t{value}" for label, value in rows)


def cmd_show(ctx: CliContext) -> int:
    from app.services.people.agency import agency

    with ctx.db.read() as s:
        info = agency(s)
    ctx.emit(_json(info), lambda: _human(info))
    return 0


def _read_logo(path: str) -> bytes:
    from app.services.people.agency import MAX_LOGO_BYTES, check_logo

    file = Path(path)
    try:
        if file.stat().st_size > 4 * MAX_LOGO_BYTES:  # refused without reading it all
            with file.open("rb") as fh:
                head = fh.read(16)
            return check_logo(head + b"\0" * (MAX_LOGO_BYTES + 1))
        return check_logo(file.read_bytes())
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise ValidationError(
            translate("Cli", "cannot read the logo {path}: {reason}").format(
                path=path, reason=exc.strerror or type(exc).__name__
            )
        ) from None


def cmd_set(ctx: CliContext) -> int:
    from app.services.people.agency import agency, check_colour, save_agency

    a = ctx.args
    if a.logo is not None and a.no_logo:
        raise ValidationError(translate("Cli", "give --logo or --no-logo, not both"))
    if all(v is None for v in (a.name, a.address, a.email, a.logo, a.colour)) and not a.no_logo:
        raise ValidationError(
            translate(
                "Cli", "nothing to change: give --name, --address, --email, --logo or --colour"
            )
        )
    logo = _read_logo(a.logo) if a.logo is not None else (b"" if a.no_logo else None)
    colour = check_colour(a.colour) if a.colour is not None else None  # before any connection
    with ctx.db.session() as s:
        now = agency(s)
        info = save_agency(
            s,
            name=now.name if a.name is None else a.name,
            address=now.address if a.address is None else a.address.replace("\\n", "\n"),
            email=now.email if a.email is None else a.email,
            logo=logo,
            colour=colour,
        )
    ctx.emit(_json(info), lambda: _human(info))
    return 0

"""``tribune people add|list|grant|revoke|suspend|reset``: who may do what, for which client."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate
from app.models.people import ROLES
from app.services.people import admin, role_label, whoami

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    people = sub.add_parser("people", help=translate("Cli", "people, roles and client grants"))
    psub = people.add_subparsers(dest="people_command", metavar="ACTION", required=True)

    p = psub.add_parser(
        "add",
        help=translate(
            "Cli", "add a person (on PostgreSQL their login role; the password is read on stdin)"
        ),
    )
    p.add_argument("login")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument(
        "--clients",
        default="",
        help=translate("Cli", "client slugs separated by commas, or « all » (admins, leads)"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = psub.add_parser("list", help=translate("Cli", "list the people"))
    json_flag(p)
    p.set_defaults(handler=cmd_list)

    for name, helptext, handler in (
        ("grant", translate("Cli", "let a person see and work on a client"), cmd_grant),
        ("revoke", translate("Cli", "take a client away from a person"), cmd_revoke),
    ):
        p = psub.add_parser(name, help=helptext)
        p.add_argument("login")
        p.add_argument("client")
        json_flag(p)
        p.set_defaults(handler=handler)

    p = psub.add_parser("suspend", help=translate("Cli", "stop a person from connecting"))
    p.add_argument("login")
    json_flag(p)
    p.set_defaults(handler=cmd_suspend)

    p = psub.add_parser(
        "remove",
        help=translate("Cli", "remove a person (what they did stays in the audit trail)"),
    )
    p.add_argument("login")
    json_flag(p)
    p.set_defaults(handler=cmd_remove)

    p = psub.add_parser(
        "reset", help=translate("Cli", "new password (on stdin); lifts a suspension")
    )
    p.add_argument("login")
    json_flag(p)
    p.set_defaults(handler=cmd_reset)

    p = psub.add_parser("role", help=translate("Cli", "change a person's role"))
    p.add_argument("login")
    p.add_argument("role", choices=ROLES)
    json_flag(p)
    p.set_defaults(handler=cmd_role)

    p = psub.add_parser("whoami", help=translate("Cli", "the person this connection acts as"))
    json_flag(p)
    p.set_defaults(handler=cmd_whoami)


def _password(ctx: CliContext) -> str:
    if not ctx.db.is_sqlite:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ValidationError(
                translate("Cli", "Give the person's password on stdin (one line).")
            )
        return password
    return ""


def _json(p: admin.PersonRow) -> dict[str, Any]:
    return {
        "login": p.login,
        "name": p.name,
        "role": p.role,
        "all_clients": p.all_clients,
        "clients": list(p.clients),
        "suspended": p.suspended,
        "created_at": p.created_at.isoformat() if p.created_at else None,
        "last_seen_at": p.last_seen_at.isoformat() if p.last_seen_at else None,
    }


def _line(p: admin.PersonRow) -> str:
    clients = translate("Cli", "all clients") if p.all_clients else ", ".join(p.clients) or "-"
    state = translate("Cli", " (suspended)") if p.suspended else ""
    return f"{p.login}\t{p.name}\t{role_label(p.role)}\t{clients}{state}"


def _not_enforced(ctx: CliContext) -> str:
    return translate(
        "Cli",
        "Rights are not enforced on a local SQLite file: anyone who can open it can change it. "
        "Use a shared PostgreSQL database to enforce them.",
    )


def cmd_add(ctx: CliContext) -> int:
    refs = [c.strip() for c in ctx.args.clients.split(",") if c.strip()]
    everything = refs == ["all"]
    password = _password(ctx)
    with ctx.db.session() as s:
        row = admin.add_person(
            s,
            ctx.args.login,
            ctx.args.name,
            ctx.args.role,
            password,
            clients=[] if everything else refs,
            all_clients=everything,
        )
    ctx.emit(_json(row), translate("Cli", "Added: {line}").format(line=_line(row)))
    return 0


def cmd_list(ctx: CliContext) -> int:
    with ctx.db.read() as s:
        rows = admin.list_people(s)
        enforced = whoami(s).enforced or not ctx.db.is_sqlite
    if ctx.args.json:
        ctx.emit({"enforced": enforced, "people": [_json(r) for r in rows]}, "")
        return 0
    lines = [] if enforced else [_not_enforced(ctx)]
    lines += [_line(r) for r in rows] or [translate("Cli", "No people yet.")]
    print("\n".join(lines))
    return 0


def _one(ctx: CliContext, action: Callable[[Session], admin.PersonRow]) -> int:
    with ctx.db.session() as s:
        row = action(s)
    ctx.emit(_json(row), _line(row))
    return 0


def cmd_grant(ctx: CliContext) -> int:
    return _one(ctx, lambda s: admin.grant(s, ctx.args.login, ctx.args.client))


def cmd_revoke(ctx: CliContext) -> int:
    return _one(ctx, lambda s: admin.revoke(s, ctx.args.login, ctx.args.client))


def cmd_suspend(ctx: CliContext) -> int:
    return _one(ctx, lambda s: admin.suspend(s, ctx.args.login))


def cmd_remove(ctx: CliContext) -> int:
    with ctx.db.session() as s:
        admin.remove(s, ctx.args.login)
    ctx.emit(
        {"removed": ctx.args.login},
        translate("Cli", "Removed: {login}").format(login=ctx.args.login),
    )
    return 0


def cmd_role(ctx: CliContext) -> int:
    return _one(ctx, lambda s: admin.set_role(s, ctx.args.login, ctx.args.role))


def cmd_reset(ctx: CliContext) -> int:
    password = _password(ctx)
    return _one(ctx, lambda s: admin.reset_access(s, ctx.args.login, password))


def cmd_whoami(ctx: CliContext) -> int:
    from app.services.people.capabilities import ACTIONS, capabilities

    with ctx.db.read() as s:
        p = whoami(s)
        caps = capabilities(s)
    data = {"login": p.login, "name": p.name, "role": p.role, "enforced": p.enforced}
    data["can"] = sorted(caps.allowed)
    data["cannot"] = {a: caps.why(a) for a in sorted(ACTIONS) if not caps.can(a)}
    ctx.emit(
        data,
        f"{p.login}\t{p.name}\t{role_label(p.role)}"
        + ("" if p.enforced else "\n" + _not_enforced(ctx)),
    )
    return 0

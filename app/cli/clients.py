"""``tribune client list|add`` and ``tribune account add``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate
from app.services.clients import workspace
from app.services.clients import workspaces as clients


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    client = sub.add_parser("client", help=translate("Cli", "list and add clients"))
    csub = client.add_subparsers(dest="client_command", metavar="ACTION", required=True)

    p = csub.add_parser("list", help=translate("Cli", "list the clients"))
    p.add_argument(
        "--archived", action="store_true", help=translate("Cli", "include archived clients")
    )
    json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = csub.add_parser("add", help=translate("Cli", "add a client"))
    p.add_argument("name")
    p.add_argument("--timezone", default="Europe/Paris")
    p.add_argument("--language", default="fr", choices=None)
    p.add_argument(
        "--slug", default=None, help=translate("Cli", "short name (default: from the name)")
    )
    p.add_argument("--colour", default=None)
    p.add_argument("--sector", default="")
    json_flag(p)
    p.set_defaults(handler=cmd_add)

    account = sub.add_parser("account", help=translate("Cli", "network accounts"))
    asub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    p = asub.add_parser(
        "add",
        help=translate(
            "Cli", "add a network account; the token is read on stdin and stored in the keyring"
        ),
    )
    p.add_argument("client")
    p.add_argument("network")
    p.add_argument("--base-url", required=True)
    p.add_argument("--handle", required=True)
    p.add_argument(
        "--no-token",
        action="store_true",
        help=translate("Cli", "add the account without a token (RSS feeds)"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_account_add)

    from app.cli import account_connect

    account_connect.register(asub)

    p = asub.add_parser("list", help=translate("Cli", "list a client's accounts"))
    p.add_argument("client")
    json_flag(p)
    p.set_defaults(handler=cmd_account_list)


def _client_json(c: clients.ClientInfo) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "slug": c.slug,
        "timezone": c.timezone,
        "language": c.language,
        "colour": c.colour,
        "sector": c.sector,
        "archived": c.archived,
    }


def cmd_list(ctx: CliContext) -> int:
    with ctx.db.read() as session:
        rows = clients.list_clients(session, include_archived=ctx.args.archived)

    def human() -> str:
        if not rows:
            return translate("Cli", "No clients yet. Add one with: tribune client add NAME")
        width = max(len(c.name) for c in rows)
        return "\n".join(
            f"{c.name:<{width}}  {c.slug:<24} {c.timezone:<18} {c.language}"
            + ("  " + translate("Cli", "(archived)") if c.archived else "")
            for c in rows
        )

    ctx.emit([_client_json(c) for c in rows], human)
    return 0


def cmd_add(ctx: CliContext) -> int:
    a = ctx.args
    with ctx.db.session() as session:
        info = clients.create_client(
            session,
            a.name,
            timezone=a.timezone,
            language=a.language,
            slug=a.slug,
            colour=a.colour,
            sector=a.sector,
        )
    ctx.emit(
        _client_json(info),
        translate("Cli", "Client {name} added ({slug}).").format(name=info.name, slug=info.slug),
    )
    return 0


def cmd_account_add(ctx: CliContext) -> int:
    a = ctx.args
    token = None
    if not a.no_token:
        if sys.stdin is None or sys.stdin.isatty():
            print(translate("Cli", "Paste the access token, then press Enter:"), file=sys.stderr)
        token = (sys.stdin.readline() if sys.stdin else "").strip()
        if not token:
            raise ValidationError(
                translate(
                    "Cli", "No token on standard input (use --no-token for an account without one)."
                )
            )
    info = workspace.add_account_with_token(
        ctx.db, a.client, a.network, a.handle, base_url=a.base_url, token=token
    )
    data = dataclasses.asdict(info)
    ctx.emit(
        data,
        translate(
            "Cli", "Account {network} {handle} added; token stored in the system keyring."
        ).format(network=info.network, handle=info.handle)
        if token
        else translate("Cli", "Account {network} {handle} added.").format(
            network=info.network, handle=info.handle
        ),
    )
    return 0


def cmd_account_list(ctx: CliContext) -> int:
    with ctx.db.read() as session:
        client = clients.find_client(session, ctx.args.client)
        rows = clients.list_accounts(session, client.id)
    ctx.emit(
        [dataclasses.asdict(r) for r in rows],
        lambda: (
            "\n".join(f"{r.network:<10} {r.handle:<30} {r.status}" for r in rows)
            or translate("Cli", "No accounts.")
        ),
    )
    return 0

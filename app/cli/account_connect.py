"""``tribune account connect`` (browser, Bluesky app password, Meta/LinkedIn pages) and
``tribune account app`` (the agency's own app on a network)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate

if TYPE_CHECKING:
    from app.connectors.oauth_business import Candidate

NETWORKS = (
    "mastodon",
    "x",
    "bluesky",
    "facebook",
    "instagram",
    "linkedin",
    "google",
    "youtube",
    "threads",
    "pinterest",
)


def register(asub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = asub.add_parser(
        "connect",
        help=translate(
            "Cli",
            "connect an account in the browser (Mastodon and its servers, X, Meta, LinkedIn, "
            "Google, Threads, Pinterest) "
            "or with an app password (Bluesky); tokens go to the keyring",
        ),
    )
    p.add_argument("client")
    p.add_argument("network", choices=NETWORKS)
    p.add_argument(
        "--base-url",
        default="",
        help=translate("Cli", "the server (Mastodon: required; others: the network's own)"),
    )
    p.add_argument(
        "--client-id", default="", help=translate("Cli", "the agency's app client id (X)")
    )
    p.add_argument(
        "--handle",
        default="",
        help=translate("Cli", "default: as the network says (Bluesky: required)"),
    )
    p.add_argument(
        "--pick",
        default=None,
        help=translate(
            "Cli", "Meta, LinkedIn, Google, Pinterest: the ids to connect, comma-separated"
        ),
    )
    p.add_argument(
        "--no-browser",
        action="store_true",
        help=translate("Cli", "print the address to open instead of opening the browser"),
    )
    p.add_argument("--timeout", type=float, default=300.0, help=argparse.SUPPRESS)
    p.add_argument("--resolver", default="", help=argparse.SUPPRESS)  # Bluesky, tests
    p.add_argument("--plc", default="", help=argparse.SUPPRESS)
    json_flag(p)
    p.set_defaults(handler=cmd_account_connect)

    p = asub.add_parser(
        "app",
        help=translate(
            "Cli", "the agency's own app on a network: its id; its secret on stdin → keyring"
        ),
    )
    p.add_argument("network", choices=("meta", "linkedin", "google", "x", "threads", "pinterest"))
    p.add_argument("--app-id", required=True)
    p.add_argument("--no-secret", action="store_true", help=translate("Cli", "a public client (X)"))
    p.set_defaults(handler=cmd_account_app)


def _stdin_line(prompt: str) -> str:
    if sys.stdin is None or sys.stdin.isatty():
        print(prompt, file=sys.stderr)
    return (sys.stdin.readline() if sys.stdin else "").strip()


def cmd_account_app(ctx: CliContext) -> int:
    from app.services.people import agency

    a = ctx.args
    secret = ""
    if not a.no_secret:
        secret = _stdin_line(translate("Cli", "Paste the app secret, then press Enter:"))
        if not secret:
            raise ValidationError(translate("Cli", "No app secret on standard input."))
        agency.set_app_secret(a.network, secret)
    with ctx.db.session() as session:
        agency.set_app_id(session, a.network, a.app_id)
    print(translate("Cli", "The agency's app on {network} is set.").format(network=a.network))
    return 0


def _open(a: argparse.Namespace) -> Callable[[str], None]:
    def open_browser(url: str) -> None:
        print(
            translate("Cli", "Open this address to connect the account:") + f"\n{url}",
            file=sys.stderr,
            flush=True,
        )
        if not a.no_browser:
            import webbrowser

            webbrowser.open(url)

    return open_browser


def _picked(a: argparse.Namespace, found: list[Candidate]) -> list[Candidate]:
    """The candidates the CM chose: --pick, else a numbered list on a terminal."""
    if a.pick is not None:
        wanted = [w.strip() for w in a.pick.split(",") if w.strip()]
        by_id = {c.id: c for c in found}
        unknown = [w for w in wanted if w not in by_id]
        if unknown:
            raise ValidationError(
                translate("Cli", "Not among the accounts this person manages: {ids}.").format(
                    ids=", ".join(unknown)
                )
            )
        return [by_id[w] for w in wanted]
    listing = "\n".join(f"{n}. {c.network} {c.id} {c.name}" for n, c in enumerate(found, 1))
    if sys.stdin is None or not sys.stdin.isatty():
        raise ValidationError(
            translate("Cli", "Choose the accounts of this client with --pick ID,ID among:")
            + " "
            + "; ".join(f"{c.network} {c.id} ({c.name})" for c in found)
        )
    print(listing, file=sys.stderr)
    answer = _stdin_line(translate("Cli", "Numbers of this client's accounts (e.g. 1,3):"))
    try:
        return [found[int(n) - 1] for n in answer.replace(" ", "").split(",") if n]
    except (ValueError, IndexError):
        raise ValidationError(translate("Cli", "Give numbers from the list.")) from None


def cmd_account_connect(ctx: CliContext) -> int:
    from app.services.clients import connect as service

    a = ctx.args
    if a.network in service.BUSINESS:
        found = service.business_candidates(
            ctx.db, a.network, open_browser=_open(a), base_url=a.base_url, timeout=a.timeout
        )
        if not found:
            raise ValidationError(
                translate("Cli", "This person manages no page or account Tribune can connect.")
            )
        infos = service.add_candidates(ctx.db, a.client, _picked(a, found))
        ctx.emit(
            [dataclasses.asdict(i) for i in infos],
            "\n".join(
                translate(
                    "Cli",
                    "Account {network} {handle} connected; token stored in the system keyring.",
                ).format(network=i.network, handle=i.handle)
                for i in infos
            ),
        )
        return 0
    password = ""
    if a.network == "bluesky":
        if not a.handle:
            raise ValidationError(translate("Cli", "Give the Bluesky handle with --handle."))
        password = _stdin_line(translate("Cli", "Paste the app password, then press Enter:"))
    base_url = a.base_url or ("https://api.x.com" if a.network == "x" else "")
    if not base_url and a.network == "mastodon":
        raise ValidationError(translate("Cli", "Give the server's address with --base-url."))
    info = service.connect_account(
        ctx.db,
        a.client,
        a.network,
        base_url=base_url,
        open_browser=_open(a),
        client_id=a.client_id,
        handle=a.handle,
        timeout=a.timeout,
        password=password,
        resolver=a.resolver,
        plc=a.plc,
    )
    ctx.emit(
        dataclasses.asdict(info),
        translate(
            "Cli", "Account {network} {handle} connected; token stored in the system keyring."
        ).format(network=info.network, handle=info.handle),
    )
    return 0

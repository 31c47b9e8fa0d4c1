"""``tribune sync CLIENT [--network N] [--check] [--json]``: fetch into the inbox, publish
what is due (``--check``: only ask each network whether its token still works), and
``tribune account reconnect CLIENT ACCOUNT`` (new token on stdin, cursors and history kept).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING, Any

from app.i18n import translate

if TYPE_CHECKING:
    from app.cli import CliContext
    from app.services.sync.health import AccountHealth


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from app.cli import json_flag

    p = sub.add_parser(
        "sync",
        help=translate("Sync", "fetch new messages and publish due posts for a client"),
    )
    p.add_argument("client")
    p.add_argument("--network", default=None, help=translate("Sync", "only this network"))
    p.add_argument(
        "--no-publish", action="store_true", help=translate("Sync", "fetch only, publish nothing")
    )
    p.add_argument(
        "--check",
        action="store_true",
        help=translate("Sync", "only check each account's connection; fetch and publish nothing"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_sync)
    account = sub.choices.get("account")  # registered by app.cli.clients
    actions = [
        a for a in getattr(account, "_actions", ()) if isinstance(a, argparse._SubParsersAction)
    ]
    if actions:
        r = actions[0].add_parser(
            "reconnect",
            help=translate(
                "Sync",
                "give an account a new token (read on stdin); its messages and history are kept",
            ),
        )
        r.add_argument("client")
        r.add_argument("account", help=translate("Sync", "the account's handle or id"))
        r.add_argument("--network", default=None, help=translate("Sync", "the account's network"))
        json_flag(r)
        r.set_defaults(handler=cmd_reconnect)


def _health_json(h: AccountHealth) -> dict[str, Any]:
    data = dataclasses.asdict(h)
    for k in ("token_expires_at", "last_sync_at"):
        data[k] = data[k].isoformat() if data[k] else None
    return data


def cmd_reconnect(ctx: CliContext) -> int:
    from app.errors import ValidationError
    from app.services.clients import workspaces as clients
    from app.services.sync import health as sync_health

    a = ctx.args
    with ctx.db.read() as s:
        client_id = clients.find_client(s, a.client).id
        account_id = sync_health.find_account_ref(s, client_id, a.account, a.network)
    if sys.stdin is None or sys.stdin.isatty():
        print(translate("Sync", "Paste the new access token, then press Enter:"), file=sys.stderr)
    token = (sys.stdin.readline() if sys.stdin else "").strip()
    if not token:
        raise ValidationError(translate("Sync", "No token on standard input."))
    h = sync_health.reconnect_account(ctx.db, client_id, account_id, token)
    ctx.emit(_health_json(h), f"{h.network} {h.handle}: {h.label}")
    return 0 if h.status == "connected" else 1


def cmd_check(ctx: CliContext, client_id: int) -> int:
    from app.services.sync import health as sync_health
    from app.services.sync.engine import accounts_to_sync

    ids = [a.id for a in accounts_to_sync(ctx.db, client_id, ctx.args.network)[2]]
    rows = [sync_health.check_account(ctx.db, client_id, aid) for aid in ids]
    ctx.emit(
        [_health_json(h) for h in rows],
        lambda: (
            "\n".join(f"{h.network} {h.handle}: {h.label}" for h in rows)
            or translate("Sync", "No accounts to sync.")
        ),
    )
    return 0 if all(h.status == "connected" for h in rows) else 1


def cmd_sync(ctx: CliContext) -> int:
    from app.services.sync.engine import sync_client
    from app.services.sync.health import outcome_label

    a = ctx.args
    if a.check:
        from app.services.clients import workspaces as clients

        with ctx.db.read() as s:
            client_id = clients.find_client(s, a.client).id
        return cmd_check(ctx, client_id)

    def progress(done: int, total: int, label: str) -> None:
        if not a.json and sys.stderr.isatty():
            print(f"\r[{done}/{total}] {label}"[:100].ljust(100), end="", file=sys.stderr)

    report = sync_client(
        ctx.db, a.client, network=a.network, publish=not a.no_publish, progress=progress
    )
    if not a.json and sys.stderr.isatty():
        print(file=sys.stderr)

    def human() -> str:
        lines = []
        for r in report.accounts:
            state = outcome_label(r.outcome)
            line = translate(
                "Sync",
                "{network} {handle}: {state} — {added} new, {dup} already there, "
                "{published} published",
            ).format(
                network=r.network,
                handle=r.handle,
                state=state,
                added=r.added,
                dup=r.duplicates,
                published=r.published,
            )
            if r.skipped:
                line += translate("Sync", ", {n} skipped").format(n=r.skipped)
            if r.moderated:
                line += translate("Sync", ", {n} moderated").format(n=r.moderated)
            if r.message:
                line += f" ({r.message})"
            lines.append(line)
        return "\n".join(lines) or translate("Sync", "No accounts to sync.")

    ctx.emit(
        {
            "client_id": report.client_id,
            "ok": report.ok,
            "cancelled": report.cancelled,
            "accounts": [dataclasses.asdict(r) for r in report.accounts],
        },
        human,
    )
    failing = [r for r in report.accounts if r.outcome not in ("ok", "skipped", "busy")]
    if failing:
        print(
            translate("Sync", "tribune: {n} of {total} accounts could not be synced.").format(
                n=len(failing), total=len(report.accounts)
            ),
            file=sys.stderr,
        )
    return 0 if report.ok else 1

"""``tribune sync CLIENT [--network N] [--json]``: fetch into the inbox, publish what is due."""

from __future__ import annotations

import dataclasses
import sys

from app.i18n import translate


def register(sub) -> None:
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
    json_flag(p)
    p.set_defaults(handler=cmd_sync)


def cmd_sync(ctx) -> int:
    from app.services.sync import sync_client

    a = ctx.args

    def progress(done, total, label):
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
            state = {
                "ok": translate("Sync", "ok"),
                "auth": translate("Sync", "reconnect needed"),
                "rate_limited": translate("Sync", "rate limited"),
                "unavailable": translate("Sync", "unreachable"),
                "skipped": translate("Sync", "skipped"),
            }.get(r.outcome, translate("Sync", "error"))
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
    failing = [r for r in report.accounts if r.outcome not in ("ok", "skipped")]
    if failing:
        print(
            translate("Sync", "tribune: {n} of {total} accounts could not be synced.").format(
                n=len(failing), total=len(report.accounts)
            ),
            file=sys.stderr,
        )
    return 0 if report.ok else 1

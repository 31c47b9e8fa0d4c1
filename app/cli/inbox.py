"""``tribune inbox import CLIENT FILE.csv``, ``tribune inbox list CLIENT`` and
``tribune inbox reply CLIENT MESSAGE_ID`` (the text on stdin)."""

from __future__ import annotations

import argparse
from pathlib import Path
from zoneinfo import ZoneInfo

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate
from app.limits import bounded_int
from app.models.inbox import MESSAGE_STATUSES
from app.services.clients import workspaces as clients
from app.services.inbox import reading as inbox
from app.services.inbox.csv_import import import_csv


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("inbox", help=translate("CliInbox", "import and list inbox messages"))
    isub = p.add_subparsers(dest="inbox_command", metavar="ACTION", required=True)

    imp = isub.add_parser("import", help=translate("CliInbox", "import messages from a CSV file"))
    imp.add_argument("client")
    imp.add_argument("file")
    json_flag(imp)
    imp.set_defaults(handler=cmd_import)

    ls = isub.add_parser("list", help=translate("CliInbox", "list a client's messages"))
    ls.add_argument("client")
    ls.add_argument("--status", choices=MESSAGE_STATUSES)
    ls.add_argument("--overdue", action="store_true", help=translate("CliInbox", "only late ones"))
    ls.add_argument("--search", default="", metavar="TEXT")
    ls.add_argument("--limit", type=bounded_int(1, 100_000), default=50, metavar="N")
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    rep = isub.add_parser(
        "reply", help=translate("CliInbox", "queue a reply to a message (the text on stdin)")
    )
    rep.add_argument("client")
    rep.add_argument("message_id", type=int, metavar="MESSAGE_ID")
    rep.add_argument(
        "--private", action="store_true", help=translate("CliInbox", "answer privately")
    )
    rep.add_argument(
        "--also-if-queued",
        action="store_true",
        help=translate("CliInbox", "queue it even if a colleague already queued a reply"),
    )
    json_flag(rep)
    rep.set_defaults(handler=cmd_reply)


def cmd_import(ctx: CliContext) -> int:
    with ctx.db.read() as s:
        client = clients.get_client(s, ctx.args.client)
    report = import_csv(ctx.db, client.id, Path(ctx.args.file))
    data = {
        "client": client.slug,
        "added": report.added,
        "duplicates": report.duplicates,
        "errors": [{"line": e.line, "ref": e.ref, "reason": e.reason} for e in report.errors],
    }

    def human() -> str:
        out = [
            translate("CliInbox", "{added} added, {dup} duplicates, {bad} rejected").format(
                added=report.added, dup=report.duplicates, bad=len(report.errors)
            )
        ]
        for e in report.errors:
            out.append(
                translate("CliInbox", "line {line}: {reason}").format(line=e.line, reason=e.reason)
            )
        return "\n".join(out)

    ctx.emit(data, human)
    return 0


def cmd_list(ctx: CliContext) -> int:
    if ctx.args.limit < 1:
        raise ValidationError(translate("CliInbox", "--limit must be at least 1."))
    with ctx.db.read() as s:
        client = clients.get_client(s, ctx.args.client)
        filt = inbox.InboxFilter(
            statuses=(ctx.args.status,) if ctx.args.status else (),
            overdue=ctx.args.overdue,
            search=ctx.args.search,
        )
        rows = inbox.page(s, client.id, filt, limit=ctx.args.limit).rows
    tz = ZoneInfo(client.timezone)
    data = [
        {
            "id": r.id,
            "network": r.network,
            "kind": r.kind,
            "author": r.author,
            "author_handle": r.author_handle,
            "text": r.snippet,
            "received_at": r.received_at.isoformat(),
            "status": r.status,
            "category": r.category,
            "assignee": r.assignee,
            "due_at": r.due_at.isoformat() if r.due_at else None,
            "newcomer": r.newcomer,
        }
        for r in rows
    ]

    def human() -> str:
        lines = []
        for r in rows:
            when = r.received_at.astimezone(tz).strftime("%d/%m %H:%M")
            text = " ".join(r.snippet.split())[:70]
            lines.append(
                f"{r.id:>7}  {when}  {r.network:<9} {r.status:<11} {r.category:<10} "
                f"{r.author[:20]:<20}  {text}"
            )
        return "\n".join(lines) or translate("CliInbox", "No message.")

    ctx.emit(data, human)
    return 0


def cmd_reply(ctx: CliContext) -> int:
    """Queue a reply through the same service (and checks) as the app's reply box."""
    import sys

    from app.services.inbox.replies import create_reply

    text = sys.stdin.read() if sys.stdin is not None and not sys.stdin.isatty() else ""
    if not text.strip():
        raise ValidationError(translate("CliInbox", "Give the reply's text on stdin."))
    with ctx.db.session() as s:
        client = clients.get_client(s, ctx.args.client)
        reply_id = create_reply(
            s,
            client.id,
            ctx.args.message_id,
            text,
            private=ctx.args.private,
            also_if_queued=ctx.args.also_if_queued,
        )
    ctx.emit(
        {"client": client.slug, "message_id": ctx.args.message_id, "reply_id": reply_id},
        translate("CliInbox", "Reply {reply} queued for message {id}.").format(
            reply=reply_id, id=ctx.args.message_id
        ),
    )
    return 0

"""``tribune listening add|sync|list|holding``: a client's listening streams, what they
found, and the crisis holding message."""

from __future__ import annotations

import argparse
import sys
from zoneinfo import ZoneInfo

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate
from app.services.clients import workspaces as clients


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "listening", help=translate("CliListening", "listen to what the networks say (veille)")
    )
    lsub = p.add_subparsers(dest="listening_command", metavar="ACTION", required=True)

    add = lsub.add_parser("add", help=translate("CliListening", "add a listening stream"))
    add.add_argument("client")
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--keyword", metavar="WORDS")
    what.add_argument("--hashtag", metavar="TAG")
    what.add_argument("--feed", metavar="URL")
    what.add_argument("--competitor", metavar="NAME")
    add.add_argument(
        "--network",
        default=None,
        help=translate("CliListening", "only this network (default: every searchable account)"),
    )
    json_flag(add)
    add.set_defaults(handler=cmd_add)

    sync = lsub.add_parser("sync", help=translate("CliListening", "run the client's streams"))
    sync.add_argument("client")
    json_flag(sync)
    sync.set_defaults(handler=cmd_sync)

    hold = lsub.add_parser(
        "holding",
        help=translate(
            "CliListening", "draft the charter's crisis holding message, in review, per network"
        ),
    )
    hold.add_argument("client")
    json_flag(hold)
    hold.set_defaults(handler=cmd_holding)

    over = lsub.add_parser(
        "crisis-over",
        help=translate(
            "CliListening", "close the client's crisis: the next signal opens a new one"
        ),
    )
    over.add_argument("client")
    json_flag(over)
    over.set_defaults(handler=cmd_crisis_over)

    ls = lsub.add_parser("list", help=translate("CliListening", "list what the streams found"))
    ls.add_argument("client")
    ls.add_argument("--search", default="", metavar="TEXT")
    ls.add_argument("--limit", type=int, default=50, metavar="N")
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)


def cmd_add(ctx: CliContext) -> int:
    from app.services.listening.streams import add_stream

    a = ctx.args
    kind, query = next(
        (k, v)
        for k, v in (("keyword", a.keyword), ("hashtag", a.hashtag), ("feed", a.feed),
                     ("competitor", a.competitor))
        if v is not None
    )  # fmt: skip
    with ctx.db.session() as s:
        client = clients.find_client(s, a.client)
        added = add_stream(s, client.id, kind, query, a.network)
    data = [{"id": x.id, "kind": x.kind, "query": x.query, "network": x.network} for x in added]
    ctx.emit(
        data,
        "\n".join(
            translate("CliListening", "Stream {id} added: {kind} «{query}» on {network}.").format(
                id=x.id, kind=x.kind, query=x.query, network=x.network
            )
            for x in added
        ),
    )
    return 0


def cmd_holding(ctx: CliContext) -> int:
    from app.services.listening.holding import draft_holding
    from app.services.listening.holding_words import drafted_words

    with ctx.db.session() as s:
        client = clients.find_client(s, ctx.args.client)
        result = draft_holding(s, client.id)
    post = result.post
    data = {
        "post_id": post.id,
        "created": result.created,
        "status": post.status,
        "planned_at": post.planned_at.isoformat(),
        "variants": {v.network: v.text for v in post.variants},
        "left_out": list(result.left_out),
    }
    ctx.emit(
        data,
        lambda: " ".join(
            (
                drafted_words(result),
                translate("CliListening", "Post {id}.").format(id=post.id),
            )
        ),
    )
    return 0


def cmd_crisis_over(ctx: CliContext) -> int:
    from app.services.listening.episodes import close_episode

    with ctx.db.session() as s:
        client = clients.find_client(s, ctx.args.client)
        episode = close_episode(s, client.id)
    if episode is None:
        raise ValidationError(translate("CliListening", "This client has no open crisis."))
    data = {
        "episode": episode.id,
        "opened_at": episode.opened_at.isoformat(),
        "closed_at": episode.closed_at.isoformat() if episode.closed_at else None,
        "closed_by": episode.closed_by,
    }
    ctx.emit(
        data,
        lambda: translate(
            "CliListening", "Crisis closed (opened {opened}): the next signal opens a new one."
        ).format(opened=episode.opened_at.strftime("%Y-%m-%d %H:%M UTC")),
    )
    return 0


def cmd_sync(ctx: CliContext) -> int:
    from app.services.listening.alerts import check_and_alert
    from app.services.listening.sync import sync_client

    with ctx.db.read() as s:
        client = clients.find_client(s, ctx.args.client)
        client_id = client.id
    report = sync_client(ctx.db, client_id)
    if not report.streams:
        raise ValidationError(
            translate("CliListening", "This client has no listening stream: add one first.")
        )
    alerts = check_and_alert(ctx.db, client_id)
    data = {
        "added": report.added,
        "alerts": [
            {"signal": o.signal, "reason": o.reason, "recipients": list(o.recipients),
             "delivery": o.delivery}
            for o in alerts
        ],
        "streams": [
            {"id": r.stream_id, "network": r.network, "kind": r.kind, "query": r.query,
             "found": r.found, "added": r.added, "requests": r.requests, "error": r.error or None}
            for r in report.streams
        ],
    }  # fmt: skip

    def human() -> str:
        lines = []
        for r in report.streams:
            if r.error:
                continue
            lines.append(
                translate("CliListening", "{network} {kind} «{query}»: {added} new").format(
                    network=r.network, kind=r.kind, query=r.query, added=r.added
                )
            )
        for o in alerts:
            lines.append(
                translate("CliListening", "CRISIS: {reason} ({delivery})").format(
                    reason=o.reason, delivery=o.delivery
                )
            )
        return "\n".join(lines)

    ctx.emit(data, human)
    for r in report.errors:
        print(f"tribune: {r.network} «{r.query}»: {r.error}", file=sys.stderr)
    return 1 if report.errors else 0


def cmd_list(ctx: CliContext) -> int:
    from app.services.listening.items import page

    if ctx.args.limit < 1:
        raise ValidationError(translate("CliListening", "--limit must be at least 1."))
    with ctx.db.read() as s:
        client = clients.find_client(s, ctx.args.client)
        tz = ZoneInfo(client.timezone)
        rows = page(s, client.id, search=ctx.args.search, limit=ctx.args.limit)
    data = [
        {"id": r.id, "network": r.network, "external_id": r.external_id, "author": r.author,
         "author_handle": r.author_handle, "author_followers": r.author_followers,
         "text": r.text, "url": r.url, "published_at": r.published_at.isoformat(),
         "sentiment": r.sentiment, "status": r.status}
        for r in rows
    ]  # fmt: skip

    def human() -> str:
        lines = []
        for r in rows:
            when = r.published_at.astimezone(tz).strftime("%d/%m %H:%M")
            text = " ".join(r.text.split())[:70]
            lines.append(
                f"{r.id:>7}  {when}  {r.network:<9} {r.sentiment:<9} {r.status:<14} "
                f"{(r.author_handle or r.author)[:24]:<24}  {text}"
            )
        return "\n".join(lines) or translate("CliListening", "Nothing found yet.")

    ctx.emit(data, human)
    return 0

"""``tribune post media|alt``: a post's photos and videos, and their descriptions (alt text).

The description belongs to the picture (the client's media asset): every post using it
sends the same words, so ``alt`` takes the media id that ``media`` lists.
"""

from __future__ import annotations

import argparse
import sys

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate
from app.services.clients import workspaces as clients


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    post = sub.add_parser("post", help=translate("PostCli", "a post's photos and videos"))
    psub = post.add_subparsers(dest="post_command", metavar="ACTION", required=True)

    p = psub.add_parser(
        "media",
        help=translate("PostCli", "list a post's photos and videos with their descriptions"),
    )
    p.add_argument("client")
    p.add_argument("post_id", type=int, metavar="POST_ID")
    json_flag(p)
    p.set_defaults(handler=cmd_media)

    p = psub.add_parser(
        "alt",
        help=translate(
            "PostCli",
            "describe a photo or video for screen readers (the text on stdin, or --text)",
        ),
    )
    p.add_argument("client")
    p.add_argument("media_id", type=int, metavar="MEDIA_ID")
    p.add_argument(
        "--text",
        default=None,
        help=translate("PostCli", 'the description ("" removes it)'),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_alt)


def cmd_media(ctx: CliContext) -> int:
    from app.services.calendar import media as posts_media
    from app.services.calendar import posts

    with ctx.db.read() as s:
        client = clients.get_client(s, ctx.args.client)
        info = posts.get_post(s, client.id, ctx.args.post_id)
        rows = [
            {
                "network": v.network,
                "media_id": m.id,
                "file": m.filename,
                "mime": m.mime,
                "alt_text": m.alt_text,
            }
            for v in info.variants
            for m in posts_media.media_for(s, client.id, v.media)
        ]

    def human() -> str:
        if not rows:
            return translate("PostCli", "This post has no photo or video.")
        none = translate("PostCli", "(no description)")
        return "\n".join(
            f"{r['network']}\t{r['media_id']}\t{r['file']}\t{r['alt_text'] or none}" for r in rows
        )

    ctx.emit({"client": client.slug, "post_id": info.id, "media": rows}, human)
    return 0


def cmd_alt(ctx: CliContext) -> int:
    from app.services.calendar.media_alt import set_alt_text

    text = ctx.args.text
    if text is None:
        text = sys.stdin.read() if sys.stdin is not None and not sys.stdin.isatty() else ""
        if not text.strip():
            raise ValidationError(
                translate(
                    "PostCli", 'Give the description on stdin or with --text ("" removes it).'
                )
            )
    with ctx.db.session() as s:
        client = clients.get_client(s, ctx.args.client)
        alt = set_alt_text(s, client.id, ctx.args.media_id, text, expected_version=None)
    if alt.text:
        human = translate("PostCli", "Media {id} described ({count} characters).").format(
            id=alt.media_id, count=len(alt.text)
        )
    else:
        human = translate("PostCli", "Media {id} has no description now.").format(id=alt.media_id)
    ctx.emit(
        {
            "client": client.slug,
            "media_id": alt.media_id,
            "alt_text": alt.text,
            "version": alt.version,
        },
        human,
    )
    return 0

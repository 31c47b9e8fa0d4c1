"""A Mastodon-API status (Mastodon, GoToSocial, Pleroma, Akkoma) as the inbox's plain text.

Nothing a person wrote is left out: the content warning (``spoiler_text``) comes first, then
the text, the poll's options ("Poll: A / B / C") and each attachment with its alt text and
its address, so a media-only post is not empty; a boost (``reblog``) says whose post it
carries ("boost of @x: …").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.connectors.text import html_to_text
from app.i18n import translate


def _kind(value: str) -> str:
    if value in ("image", "gifv"):
        return translate("Connectors", "Image")
    if value == "video":
        return translate("Connectors", "Video")
    if value == "audio":
        return translate("Connectors", "Audio")
    return translate("Connectors", "Media")


def handle_of(account: object) -> str:
    if not isinstance(account, dict):
        return ""
    acct = account.get("acct") or account.get("username") or ""
    return "@" + str(acct) if acct else ""


def _poll(poll: object) -> str:
    if not isinstance(poll, dict):
        return ""
    titles = [
        str(o.get("title") or "").strip()
        for o in poll.get("options") or ()
        if isinstance(o, dict) and str(o.get("title") or "").strip()
    ]
    if not titles:
        return ""
    return translate("Connectors", "Poll: {options}").format(options=" / ".join(titles))


def _media(attachments: Iterable[object] | None) -> list[str]:
    lines = []
    for media in attachments or ():
        if not isinstance(media, dict):
            continue
        description = str(media.get("description") or "").strip() or translate(
            "Connectors", "no description"
        )
        url = str(media.get("url") or media.get("remote_url") or media.get("preview_url") or "")
        lines.append(
            translate("Connectors", "[{kind}: {description}] {url}")
            .format(kind=_kind(str(media.get("type") or "")), description=description, url=url)
            .strip()
        )
    return lines


def status_text(status: dict[str, Any]) -> str:
    """The whole of a status as plain text (the content is HTML; the rest is plain)."""
    reblog = status.get("reblog")
    if isinstance(reblog, dict):
        return translate("Connectors", "boost of {handle}: {text}").format(
            handle=handle_of(reblog.get("account")) or "?", text=status_text(reblog)
        )
    parts: list[str] = []
    warning = str(status.get("spoiler_text") or "").strip()
    if warning:
        parts.append(translate("Connectors", "Content warning: {text}").format(text=warning))
    content = status.get("content") or ""
    body = html_to_text(content if isinstance(content, str) else str(content)).strip()
    if body:
        parts.append(body)
    poll = _poll(status.get("poll"))
    if poll:
        parts.append(poll)
    parts.extend(_media(status.get("media_attachments")))
    return "\n\n".join(parts)

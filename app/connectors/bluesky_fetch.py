"""Bluesky's notifications read into the inbox: mentions, replies and quotes, cursor kept (a
method of BlueskyConnector)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

import httpx

from app.connectors.base import (
    AccountRef,
    BadResponse,
    FetchProgress,
    FetchResult,
)
from app.connectors.bluesky_tid import B32 as B32
from app.connectors.bluesky_tid import tid_for as tid_for
from app.connectors.contract import (
    IncomingMessage,
    RowError,
)
from app.connectors.http import parse_time
from app.i18n import translate

KINDS = {"mention": "mention", "reply": "comment", "quote": "mention"}


class _Notified(Protocol):
    """What ``fetch`` uses of :class:`app.connectors.bluesky.BlueskyConnector`."""

    network: str
    account: AccountRef

    def _call(self, verb: str, method: str, **kwargs: Any) -> httpx.Response: ...

    def _ok(self, response: httpx.Response, expect: type | tuple[type, ...] = dict) -> Any: ...


# -- inbox ----------------------------------------------------------------------------
def fetch(
    self: _Notified,
    cursor: dict[str, Any],
    *,
    max_pages: int = 50,
    progress: FetchProgress | None = None,
) -> FetchResult:
    cursor = dict(cursor or {})
    # Neither the post's time nor the notification's readable (an unknown format): the
    # mention still reaches the inbox, received at this fetch's time, instead of being
    # refused for having no time; the cursor only moves on times Bluesky gave.
    fetched_at = dt.datetime.now(dt.UTC)
    seen = parse_time(cursor.get("seen_at"))
    newest = seen
    items: list[IncomingMessage] = []
    errors: list[RowError] = []
    page_cursor = None
    requests = 0
    for _ in range(max_pages):
        params: dict[str, Any] = {"limit": 50}
        if page_cursor:
            params["cursor"] = page_cursor
        data = self._ok(self._call("GET", "app.bsky.notification.listNotifications", params=params))
        requests += 1
        notes = data.get("notifications")
        if not isinstance(notes, list):
            raise BadResponse(
                translate("Connectors", "Bluesky sent notifications of an unexpected shape.")
            )
        reached_old = False
        for note in notes:
            try:
                when = parse_time(note["indexedAt"])
                if seen and when and when <= seen:
                    reached_old = True
                    continue
                if when and (newest is None or when > newest):
                    newest = when
                kind = KINDS.get(note["reason"])
                if kind is None:
                    continue
                record, author = note["record"], note["author"]
                reply = record.get("reply") or {}
                rkey = note["uri"].rsplit("/", 1)[-1]
                items.append(
                    IncomingMessage.fast(
                        network=self.network,
                        external_id=note["uri"],
                        kind=kind,
                        author=str(author.get("displayName") or author["handle"]),
                        author_handle="@" + author["handle"],
                        text=str(record.get("text") or ""),
                        received_at=parse_time(record.get("createdAt")) or when or fetched_at,
                        in_reply_to=str((reply.get("parent") or {}).get("uri") or ""),
                        url=f"https://bsky.app/profile/{author['handle']}/post/{rkey}",
                        account_id=self.account.id,
                    )
                )
            except (KeyError, TypeError, AttributeError):
                errors.append(
                    RowError(
                        0,
                        str(note.get("uri", "")) if isinstance(note, dict) else "",
                        translate(
                            "Connectors",
                            "A Bluesky notification without the expected fields was skipped.",
                        ),
                    )
                )
        if progress:
            progress(len(items), "notifications")
        page_cursor = data.get("cursor")
        if reached_old or not page_cursor or not notes:
            break
    if newest:
        cursor["seen_at"] = newest.isoformat()
    return FetchResult(tuple(items), cursor, tuple(errors), requests)

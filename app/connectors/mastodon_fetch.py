"""A Mastodon-API server's notifications and conversations read into the inbox (a method of
MastodonConnector)."""

from __future__ import annotations

from typing import Any, Protocol

from app.connectors.base import (
    FetchProgress,
    FetchResult,
)
from app.connectors.contract import (
    IncomingMessage,
    RowError,
)

PAGE = 80


class _Reader(Protocol):
    """What ``fetch`` uses of :class:`app.connectors.mastodon.MastodonConnector`."""

    def _pages(
        self,
        path: str,
        params: dict[str, Any],
        since: str,
        max_pages: int,
        progress: FetchProgress | None,
        label: str,
    ) -> tuple[list[list[Any]], int]: ...

    def _message(
        self, status: dict[str, Any], kind: str | None = None, author: dict[str, Any] | None = None
    ) -> IncomingMessage: ...

    def _skipped(self, what: str, ref: str) -> RowError: ...

    def _conversations(
        self, cursor: dict[str, Any], max_pages: int
    ) -> tuple[list[IncomingMessage], list[RowError], int]: ...


def fetch(
    self: _Reader,
    cursor: dict[str, Any],
    *,
    max_pages: int = 50,
    progress: FetchProgress | None = None,
) -> FetchResult:
    items: list[IncomingMessage] = []
    errors: list[RowError] = []
    deleted = 0
    cursor = dict(cursor or {})
    since = str(cursor.get("notifications") or "")
    pages, requests = self._pages(
        "/api/v1/notifications",
        {"types[]": "mention", "limit": PAGE},
        since,
        max_pages,
        progress,
        "mentions",
    )
    newest = since
    if pages:  # forward: the last page read is the newest; backward: the first one
        top = pages[-1] if since else pages[0]
        newest = str(top[0].get("id") or newest) if isinstance(top[0], dict) else newest
    for page in pages:
        for note in page:
            try:
                if note.get("type") != "mention":
                    continue
                if note.get("status") is None:  # deleted since: nothing to read
                    deleted += 1
                    continue
                items.append(self._message(note["status"]))
            except (KeyError, TypeError, AttributeError):
                ref = str(note.get("id", "")) if isinstance(note, dict) else ""
                errors.append(self._skipped("notification", ref))
    if newest:
        cursor["notifications"] = newest
    dm_items, dm_errors, dm_requests = self._conversations(cursor, max_pages)
    items += dm_items
    errors += dm_errors
    requests += dm_requests
    unique = {i.external_id: i for i in reversed(items)}  # a DM is also a notification
    return FetchResult(tuple(reversed(unique.values())), cursor, tuple(errors), requests, deleted)

"""A Facebook Page's comments, messages and ratings read into the inbox (a method of
FacebookConnector)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Protocol

from app.connectors.base import (
    AccountRef,
    FetchProgress,
    FetchResult,
)
from app.connectors.contract import IncomingMessage, RowError
from app.connectors.http import ScopedHttp, parse_time


class _Page(Protocol):
    """What ``fetch`` uses of :class:`app.connectors.meta.FacebookConnector`."""

    account: AccountRef
    http: ScopedHttp

    def _pages(self, path: str, max_pages: int, **params: Any) -> Iterator[list[Any]]: ...

    def _item(
        self,
        ext_id: object,
        kind: str,
        author: object,
        handle: object,
        text: object,
        when: dt.datetime,
        parent: object = "",
        url: object = "",
    ) -> IncomingMessage: ...

    def _skip(self, errors: list[RowError], row: object) -> None: ...


def fetch(
    self: _Page,
    cursor: dict[str, Any],
    *,
    max_pages: int = 50,
    progress: FetchProgress | None = None,
) -> FetchResult:
    cursor = dict(cursor or {})
    since = int(cursor.get("since") or 0)
    # A time Meta sends that cannot be read (an unknown format) is taken as this fetch's
    # time: the comment or message still reaches the inbox (and its answer delay runs from
    # when we saw it) instead of being refused for having no time or skipped as malformed.
    fetched_at = dt.datetime.now(dt.UTC)
    started = int(fetched_at.timestamp())
    items: list[IncomingMessage] = []
    errors: list[RowError] = []
    before = self.http.requests
    feed_params: dict[str, Any] = {"fields": "id,updated_time", "limit": 25}
    if since:
        feed_params["since"] = since - 30 * 86400  # posts still receiving comments
    for rows in self._pages(f"{self.account.handle}/feed", max_pages, **feed_params):
        for post in rows:
            if not isinstance(post, dict) or "id" not in post:
                self._skip(errors, post)
                continue
            params: dict[str, Any] = {
                "fields": "id,from,message,created_time,permalink_url,parent",
                "filter": "stream",
                "limit": 100,
            }
            if since:
                params["since"] = since
            for comments in self._pages(f"{post['id']}/comments", max_pages, **params):
                for c in comments:
                    try:
                        when = parse_time(c["created_time"]) or fetched_at
                        if since and when.timestamp() <= since:
                            continue
                        who = c.get("from") or {}
                        items.append(
                            self._item(
                                c["id"],
                                "comment",
                                who.get("name", ""),
                                who.get("id", ""),
                                c.get("message", ""),
                                when,
                                (c.get("parent") or {}).get("id", post["id"]),
                                c.get("permalink_url", ""),
                            )
                        )
                    except (KeyError, TypeError, AttributeError):
                        self._skip(errors, c)
        if progress:
            progress(len(items), "comments")
    conv_params = {
        "fields": "id,updated_time,messages.limit(25){id,from,message,created_time}",
        "platform": "messenger",
        "limit": 25,
    }
    for rows in self._pages(f"{self.account.handle}/conversations", max_pages, **conv_params):
        old = False
        for conv in rows:
            try:
                updated = parse_time(conv["updated_time"]) or fetched_at
                if since and updated.timestamp() <= since:
                    old = True
                    continue
                for m in (conv.get("messages") or {}).get("data", []):
                    when = parse_time(m["created_time"]) or fetched_at
                    who = m.get("from") or {}
                    if (since and when.timestamp() <= since) or who.get(
                        "id"
                    ) == self.account.handle:
                        continue
                    items.append(
                        self._item(
                            m["id"],
                            "message",
                            who.get("name", ""),
                            who.get("id", ""),
                            m.get("message", ""),
                            when,
                        )
                    )
            except (KeyError, TypeError, AttributeError):
                self._skip(errors, conv)
        if old:
            break
    cursor["since"] = started
    return FetchResult(tuple(items), cursor, tuple(errors), self.http.requests - before)

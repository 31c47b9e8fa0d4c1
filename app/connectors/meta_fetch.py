"""A Facebook Page's comments, messages and ratings read into the inbox (a method of
FacebookConnector)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.connectors.base import (
    FetchProgress,
    FetchResult,
)
from app.connectors.http import parse_time


def fetch(
    self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
) -> FetchResult:
    cursor = dict(cursor or {})
    since = int(cursor.get("since") or 0)
    started = int(dt.datetime.now(dt.UTC).timestamp())
    items, errors = [], []
    before = self.http.requests
    feed_params = {"fields": "id,updated_time", "limit": 25}
    if since:
        feed_params["since"] = since - 30 * 86400  # posts still receiving comments
    for rows in self._pages(f"{self.account.handle}/feed", max_pages, **feed_params):
        for post in rows:
            if not isinstance(post, dict) or "id" not in post:
                self._skip(errors, post)
                continue
            params = {
                "fields": "id,from,message,created_time,permalink_url,parent",
                "filter": "stream",
                "limit": 100,
            }
            if since:
                params["since"] = since
            for comments in self._pages(f"{post['id']}/comments", max_pages, **params):
                for c in comments:
                    try:
                        when = parse_time(c["created_time"])
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
                updated = parse_time(conv["updated_time"])
                if since and updated.timestamp() <= since:
                    old = True
                    continue
                for m in (conv.get("messages") or {}).get("data", []):
                    when = parse_time(m["created_time"])
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

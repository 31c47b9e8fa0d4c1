"""RSS/Atom alert feeds (Google Alerts, Talkwalker, a press search…) as listening streams.

Parsing is :func:`app.connectors.rss.parse_feed`; the cursor is the set of entry ids already
seen (hashed), plus ETag/Last-Modified for a conditional GET. No credential is ever sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.connectors.errors import Rejected
from app.connectors.rss import KEEP_IDS, _key, parse_feed
from app.connectors.search.base import Found, Searcher, SearchResult
from app.connectors.text import html_to_text
from app.i18n import translate


class FeedSearch(Searcher):
    network = "rss"

    def search(
        self, kind: str, query: str, cursor: dict[str, Any], *, max_pages: int = 10
    ) -> SearchResult:
        result = SearchResult(cursor=dict(cursor or {}), requests=1)
        headers = {}
        if result.cursor.get("etag"):
            headers["If-None-Match"] = result.cursor["etag"]
        if result.cursor.get("modified"):
            headers["If-Modified-Since"] = result.cursor["modified"]
        response = self.http.get(query, headers=headers)
        if response.status_code == 304:
            return result
        if response.status_code >= 400:
            raise Rejected(
                translate("Listening", "The feed answered HTTP {status}.").format(
                    status=response.status_code
                )
            )
        title, entries = parse_feed(
            response.content, response.headers.get("Content-Type", ""), str(response.url)
        )
        seen = list(result.cursor.get("seen_ids") or [])
        known, fresh = set(seen), []
        now = dt.datetime.now(dt.UTC)
        for e in entries:
            if not e["id"]:
                continue
            key = _key(e["id"])
            if key in known:
                continue
            known.add(key)
            fresh.append(key)
            text = "\n\n".join(x for x in (html_to_text(e["title"]), html_to_text(e["body"])) if x)
            result.items.append(
                Found(
                    external_id=e["id"][:200],
                    author=e["author"] or title,
                    author_handle="",
                    text=text,
                    url=e["link"],
                    published_at=min(e["date"] or now, now),
                )
            )
        for name, header in (("etag", "ETag"), ("modified", "Last-Modified")):
            if response.headers.get(header):
                result.cursor[name] = response.headers[header]
        result.cursor["seen_ids"] = (fresh + seen)[:KEEP_IDS]
        return result

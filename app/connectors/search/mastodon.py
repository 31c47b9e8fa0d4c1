"""Mastodon search: ``GET /api/v2/search?type=statuses&q=`` for keywords and
``GET /api/v1/timelines/tag/:hashtag`` for hashtags, newest first.

Incremental by ``min_id``: each call asks for what is newer than the newest status seen and
follows the ``Link: prev`` answer (only on the account's own host) until a page comes back
empty. Ids are the server's strings (GoToSocial and Akkoma do not use numbers): never compared.
A status carries its author's ``followers_count``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from app.connectors.http import json_of, parse_time
from app.connectors.search.base import Found, Profile, Searcher, SearchResult, same_origin
from app.connectors.text import html_to_text

PAGE = 40


class MastodonSearch(Searcher):
    network = "mastodon"

    def _page(self, kind: str, query: str, min_id: str) -> tuple[list[Any], str]:
        params: dict[str, str | int] = {"limit": PAGE}
        if min_id:
            params["min_id"] = min_id
        if kind == "hashtag":
            url = f"{self.base_url}/api/v1/timelines/tag/{quote(query.lstrip('#'), safe='')}"
        else:
            url = f"{self.base_url}/api/v2/search"
            params.update({"type": "statuses", "q": query, "resolve": "false"})
        response = self.http.get(url, params=params, auth=self.token)
        self._check(response)
        data = json_of(response)
        statuses = data if isinstance(data, list) else list(data.get("statuses") or [])
        newest = ""
        prev = response.links.get("prev", {}).get("url", "")
        if prev and same_origin(prev, self.base_url):
            newest = (parse_qs(urlsplit(prev).query).get("min_id") or [""])[0]
        if not newest and statuses:
            newest = str(statuses[0].get("id") or "")
        return statuses, newest

    def search(
        self, kind: str, query: str, cursor: dict[str, Any], *, max_pages: int = 10
    ) -> SearchResult:
        result = SearchResult(cursor=dict(cursor or {}))
        min_id = result.cursor.get("min_id", "")
        for _ in range(max_pages):
            statuses, newest = self._page(kind, query, min_id)
            result.requests += 1
            for s in statuses:
                account = s.get("account") or {}
                when = parse_time(s.get("created_at"))
                if not s.get("id") or when is None:
                    continue
                result.items.append(
                    Found(
                        external_id=str(s["id"]),
                        author=account.get("display_name") or account.get("username") or "",
                        author_handle=account.get("acct") or "",
                        text=html_to_text(s.get("content") or ""),
                        url=s.get("url") or s.get("uri") or "",
                        published_at=when,
                        author_followers=account.get("followers_count"),
                    )
                )
            if not statuses or not newest or newest == min_id:
                break
            min_id = newest
            if not result.cursor.get("min_id"):
                # First sync: the newest page is enough; older posts are not "news".
                result.cursor["min_id"] = min_id
                break
            result.cursor["min_id"] = min_id
        return result

    def profile(self, handle: str) -> Profile | None:
        """``GET /api/v1/accounts/lookup`` then the account's latest public statuses."""
        acct = handle.strip().lstrip("@")
        response = self.http.get(
            f"{self.base_url}/api/v1/accounts/lookup", params={"acct": acct}, auth=self.token
        )
        if response.status_code == 404:
            return None
        self._check(response)
        account = json_of(response)
        if not isinstance(account, dict) or not account.get("id"):
            return None
        response = self.http.get(
            f"{self.base_url}/api/v1/accounts/{quote(str(account['id']), safe='')}/statuses",
            params={"limit": PAGE, "exclude_reblogs": "true"},
            auth=self.token,
        )
        self._check(response)
        statuses = json_of(response)
        recent = []
        for st in statuses if isinstance(statuses, list) else []:
            when = parse_time(st.get("created_at"))
            if when is not None:
                engagements = sum(
                    int(st.get(k) or 0)
                    for k in ("favourites_count", "reblogs_count", "replies_count")
                )
                recent.append((when, engagements))
        return Profile(
            handle=account.get("acct") or acct,
            name=account.get("display_name") or account.get("username") or acct,
            followers=account.get("followers_count"),
            posts_total=account.get("statuses_count"),
            recent=tuple(recent),
        )

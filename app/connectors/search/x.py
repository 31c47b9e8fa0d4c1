"""X recent search: ``GET /2/tweets/search/recent`` with ``since_id`` (incremental) and
``next_token`` (paging), ``expansions=author_id`` and ``user.fields=public_metrics`` so that
each author's followers come with the results (``includes.users``).

A competitor's public profile: ``GET /2/users/by/username/:username?user.fields=
public_metrics`` (``followers_count``, ``tweet_count``; an unknown name answers 200 with
``errors`` and no ``data``), then its last posts ``GET /2/users/:id/tweets?tweet.fields=
created_at,public_metrics&exclude=replies,retweets`` for the week's likes, reposts, replies
and quotes.
"""

from __future__ import annotations

from typing import Any

from app.connectors.http import json_of, parse_time
from app.connectors.search.base import Found, Profile, Searcher, SearchResult

PAGE = 100


class XSearch(Searcher):
    network = "x"

    def search(
        self, kind: str, query: str, cursor: dict[str, Any], *, max_pages: int = 10
    ) -> SearchResult:
        result = SearchResult(cursor=dict(cursor or {}))
        q = "#" + query.lstrip("#") if kind == "hashtag" else query
        since_id = result.cursor.get("since_id", "")
        token, newest = "", ""
        for _ in range(max_pages):
            params = {
                "query": q,
                "max_results": PAGE,
                "tweet.fields": "created_at,author_id",
                "expansions": "author_id",
                "user.fields": "public_metrics,username,name",
            }
            if since_id:
                params["since_id"] = since_id
            if token:
                params["next_token"] = token
            response = self.http.get(
                f"{self.base_url}/2/tweets/search/recent", params=params, auth=self.token
            )
            result.requests += 1
            self._check(response)
            data = json_of(response, dict)
            users = {u.get("id"): u for u in (data.get("includes") or {}).get("users") or []}
            meta = data.get("meta") or {}
            newest = newest or meta.get("newest_id") or ""
            for t in data.get("data") or []:
                user = users.get(t.get("author_id")) or {}
                when = parse_time(t.get("created_at"))
                if not t.get("id") or when is None:
                    continue
                username = user.get("username") or ""
                metrics = user.get("public_metrics") or {}
                result.items.append(
                    Found(
                        external_id=str(t["id"]),
                        author=user.get("name") or username,
                        author_handle=username,
                        text=t.get("text") or "",
                        url=f"https://x.com/{username or 'i'}/status/{t['id']}",
                        published_at=when,
                        author_followers=metrics.get("followers_count"),
                    )
                )
            token = meta.get("next_token") or ""
            if not token or not since_id:
                break
        if newest:
            result.cursor["since_id"] = newest
        return result

    def profile(self, handle: str) -> Profile | None:
        username = handle.strip().lstrip("@")
        if not username:
            return None
        response = self.http.get(
            f"{self.base_url}/2/users/by/username/{username}",
            params={"user.fields": "public_metrics,name,username"},
            auth=self.token,
        )
        if response.status_code in (400, 404):
            return None
        self._check(response)
        user = json_of(response, dict).get("data")
        if not isinstance(user, dict) or not user.get("id"):
            return None
        metrics = user.get("public_metrics") or {}
        response = self.http.get(
            f"{self.base_url}/2/users/{user['id']}/tweets",
            params={
                "max_results": PAGE,
                "tweet.fields": "created_at,public_metrics",
                "exclude": "replies,retweets",
            },
            auth=self.token,
        )
        self._check(response)
        recent = []
        for t in json_of(response, dict).get("data") or []:
            when = parse_time(t.get("created_at"))
            if when is not None:
                counts = t.get("public_metrics") or {}
                engagements = sum(
                    int(counts.get(k) or 0)
                    for k in ("like_count", "retweet_count", "reply_count", "quote_count")
                )
                recent.append((when, engagements))
        return Profile(
            handle=user.get("username") or username,
            name=user.get("name") or username,
            followers=metrics.get("followers_count"),
            posts_total=metrics.get("tweet_count"),
            recent=tuple(recent),
        )

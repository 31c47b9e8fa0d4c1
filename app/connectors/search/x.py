"""X recent search: ``GET /2/tweets/search/recent`` with ``since_id`` (incremental) and
``next_token`` (paging), ``expansions=author_id`` and ``user.fields=public_metrics`` so that
each author's followers come with the results (``includes.users``).
"""

from __future__ import annotations

from app.connectors.http import json_of, parse_time
from app.connectors.search.base import Found, Searcher, SearchResult

PAGE = 100


class XSearch(Searcher):
    network = "x"

    def search(self, kind, query, cursor, *, max_pages=10) -> SearchResult:
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

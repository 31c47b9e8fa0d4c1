"""Bluesky search: ``app.bsky.feed.searchPosts`` (``sort=latest``, ``since``, ``cursor``)
after a ``com.atproto.server.createSession`` with the account's app password (or DPoP-bound
for an account connected with OAuth: :mod:`app.connectors.bluesky_session`), and authors'
audience by ``app.bsky.actor.getProfiles`` (25 actors per call).

Incremental by ``since``: the newest ``indexedAt`` seen; the boundary post may come back and
is stored once (the table's unique key).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx

from app.connectors.base import AccountRef
from app.connectors.bluesky_session import OAuthSession
from app.connectors.errors import AuthError
from app.connectors.http import json_of, parse_time
from app.connectors.search.base import Found, Profile, Searcher, SearchResult
from app.i18n import translate

PAGE = 100


class BlueskySearch(Searcher):
    network = "bluesky"
    _access = ""
    _oauth: OAuthSession | None = None  # an account connected with OAuth

    def _url(self, method: str) -> str:
        return f"{self.base_url}/xrpc/{method}"

    def _get(self, method: str, **kwargs: Any) -> httpx.Response:
        """A read call: DPoP-bound for an account connected with OAuth, else with the session
        the app password opens."""
        if self._oauth is None and self.token.lstrip().startswith("{"):
            ref = AccountRef(0, 0, "bluesky", self.handle, self.base_url, self.token)
            self._oauth = OAuthSession.of(replace(ref, save_token=self.save_token), self.http)
        if self._oauth is not None:
            return self._oauth.call("GET", self._url(method), **kwargs)
        return self.http.get(self._url(method), auth=self._login(), **kwargs)

    def _login(self) -> str:
        if not self._access:
            response = self.http.post(
                self._url("com.atproto.server.createSession"),
                json={"identifier": self.handle, "password": self.token},
            )
            if response.status_code in (400, 401):
                raise AuthError(
                    translate(
                        "Listening", "Bluesky refused the app password: reconnect the account."
                    )
                )
            self._check(response)
            self._access = str(json_of(response, dict).get("accessJwt") or "")
        return self._access

    def search(
        self, kind: str, query: str, cursor: dict[str, Any], *, max_pages: int = 10
    ) -> SearchResult:
        result = SearchResult(cursor=dict(cursor or {}))
        q = "#" + query.lstrip("#") if kind == "hashtag" else query
        since = result.cursor.get("since", "")
        page_cursor, newest = "", since
        for _ in range(max_pages):
            params = {"q": q, "sort": "latest", "limit": PAGE}
            if since:
                params["since"] = since
            if page_cursor:
                params["cursor"] = page_cursor
            response = self._get("app.bsky.feed.searchPosts", params=params)
            result.requests += 1
            self._check(response)
            data = json_of(response, dict)
            for post in data.get("posts") or []:
                author = post.get("author") or {}
                record = post.get("record") or {}
                when = parse_time(record.get("createdAt") or post.get("indexedAt"))
                if not post.get("uri") or when is None:
                    continue
                indexed = post.get("indexedAt") or ""
                if indexed > newest:
                    newest = indexed
                handle = author.get("handle") or ""
                rkey = post["uri"].rsplit("/", 1)[-1]
                result.items.append(
                    Found(
                        external_id=post["uri"],
                        author=author.get("displayName") or handle,
                        author_handle=handle,
                        text=record.get("text") or "",
                        url=f"https://bsky.app/profile/{handle}/post/{rkey}" if handle else "",
                        published_at=when,
                        author_followers=author.get("followersCount"),
                    )
                )
            page_cursor = data.get("cursor") or ""
            if not page_cursor or not since:
                break  # the end, or a first sync: the newest page is enough
        if newest:
            result.cursor["since"] = newest
        return result

    def followers(self, handles: list[str]) -> dict[str, tuple[str, int]]:
        out: dict[str, tuple[str, int]] = {}
        for i in range(0, len(handles), 25):
            chunk = handles[i : i + 25]
            response = self._get(
                "app.bsky.actor.getProfiles", params=[("actors", h) for h in chunk]
            )
            self._check(response)
            for p in json_of(response, dict).get("profiles") or []:
                if p.get("handle"):
                    out[p["handle"]] = (
                        p.get("displayName") or "",
                        int(p.get("followersCount") or 0),
                    )
        return out

    def profile(self, handle: str) -> Profile | None:
        """``app.bsky.actor.getProfile`` then ``app.bsky.feed.getAuthorFeed``."""
        actor = handle.strip().lstrip("@")
        response = self._get("app.bsky.actor.getProfile", params={"actor": actor})
        if response.status_code in (400, 404):
            return None
        self._check(response)
        data = json_of(response)
        if not isinstance(data, dict) or not data.get("did"):
            return None
        response = self._get(
            "app.bsky.feed.getAuthorFeed",
            params={"actor": actor, "limit": 50, "filter": "posts_no_replies"},
        )
        self._check(response)
        recent = []
        for entry in (json_of(response) or {}).get("feed") or []:
            post = entry.get("post") or {}
            when = parse_time((post.get("record") or {}).get("createdAt"))
            if when is not None:
                engagements = sum(
                    int(post.get(k) or 0) for k in ("likeCount", "repostCount", "replyCount")
                )
                recent.append((when, engagements))
        return Profile(
            handle=data.get("handle") or actor,
            name=data.get("displayName") or data.get("handle") or actor,
            followers=data.get("followersCount"),
            posts_total=data.get("postsCount"),
            recent=tuple(recent),
        )

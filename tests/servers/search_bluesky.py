"""A local server answering Bluesky's XRPC as documented for listening:
``com.atproto.server.createSession`` (identifier + app password → accessJwt),
``app.bsky.feed.searchPosts`` (``q``, ``sort=latest``, ``since``, ``limit``, ``cursor``;
no cursor in the answer = the end) whose post views carry no followers count, and
``app.bsky.actor.getProfiles`` (``actors`` repeated, at most 25) with ``followersCount``.
Errors are ``{"error", "message"}``."""

from __future__ import annotations

import datetime as dt

from tests.servers.base import LoopbackServer


class BlueskySearchServer(LoopbackServer):
    def __init__(self, handle="marque.bsky.social", password="app-pass-1") -> None:
        super().__init__()
        self.account_handle, self.password = handle, password
        self.posts: list[dict] = []  # oldest first
        self.profiles: dict[str, dict] = {}
        self.author_feeds: dict[str, list[dict]] = {}  # handle -> getAuthorFeed's "feed"

    def post(self, text: str, *, handle="fan.bsky.social", followers=10, minutes=0) -> str:
        n = len(self.posts) + 1
        when = (
            dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
        ).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        uri = f"at://did:plc:{handle.split('.')[0]}/app.bsky.feed.post/3k{n:08d}"
        self.posts.append({
            "uri": uri, "cid": f"cid{n}", "indexedAt": when,
            "author": {"did": f"did:plc:{handle.split('.')[0]}", "handle": handle,
                       "displayName": handle.split(".")[0].title()},
            "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": when},
        })  # fmt: skip
        self.profiles[handle] = {"handle": handle, "displayName": handle.split(".")[0].title(),
                                 "followersCount": followers}  # fmt: skip
        return uri

    def handle(self, method, path, query, headers, body):
        import json

        if path == "/xrpc/com.atproto.server.createSession":
            data = json.loads(body or b"{}")
            if (
                data.get("identifier") != self.account_handle
                or data.get("password") != self.password
            ):
                return (
                    401,
                    {},
                    {
                        "error": "AuthenticationRequired",
                        "message": "Invalid identifier or password",
                    },
                )
            return 200, {}, {"accessJwt": "jwt-access", "refreshJwt": "jwt-refresh",
                             "handle": self.account_handle, "did": "did:plc:marque"}  # fmt: skip
        if headers.get("authorization") != "Bearer jwt-access":
            return 401, {}, {"error": "AuthenticationRequired", "message": "Invalid token"}
        if path == "/xrpc/app.bsky.feed.searchPosts":
            words = str(query.get("q", "")).casefold().split()
            found = [p for p in reversed(self.posts)
                     if all(w in p["record"]["text"].casefold() for w in words)]  # fmt: skip
            if query.get("since"):
                found = [p for p in found if p["indexedAt"] >= query["since"]]
            start = int(query.get("cursor") or 0)
            limit = min(int(query.get("limit") or 25), 100)
            page = found[start : start + limit]
            out = {"posts": page, "hitsTotal": len(found)}
            if start + limit < len(found):
                out["cursor"] = str(start + limit)
            return 200, {}, out
        if path == "/xrpc/app.bsky.actor.getProfile":
            actor = str(query.get("actor", ""))
            if actor not in self.profiles:
                return 400, {}, {"error": "InvalidRequest", "message": "Profile not found"}
            return 200, {}, self.profiles[actor]
        if path == "/xrpc/app.bsky.feed.getAuthorFeed":
            actor = str(query.get("actor", ""))
            feed = self.author_feeds.get(actor, [])
            return 200, {}, {"feed": feed[: min(int(query.get("limit") or 50), 100)]}
        if path == "/xrpc/app.bsky.actor.getProfiles":
            actors = query.get("actors") or []
            actors = [actors] if isinstance(actors, str) else actors
            if len(actors) > 25:
                return 400, {}, {"error": "InvalidRequest", "message": "too many actors"}
            return 200, {}, {"profiles": [self.profiles[a] for a in actors if a in self.profiles]}
        return 404, {}, {"error": "MethodNotImplemented", "message": path}

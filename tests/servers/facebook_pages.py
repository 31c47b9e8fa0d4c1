"""Public Facebook Pages on a loopback Graph API, as Meta documents them.

``GET /v21.0/{page}?fields=name,username,followers_count,fan_count`` (a Page by its
username or id; an unknown name answers 404 with ``{"error": {"code": 803, …}}``, Meta's
"some of the aliases you requested do not exist") and ``GET /v21.0/{page}/posts?fields=
created_time,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),
shares`` — refused with 400 code 10 when the app lacks "Page Public Content Access"
(``content_access = False``)."""

from __future__ import annotations

import datetime as dt

from tests.servers.base import LoopbackServer

VERSION = "/v21.0"


class FacebookPagesServer(LoopbackServer):
    def __init__(self, token="page-token") -> None:
        super().__init__()
        self.token = token
        self.pages: dict[str, dict] = {}  # username (lower case) → page
        self.content_access = True

    @property
    def graph_url(self) -> str:
        return self.base_url + VERSION

    def page(self, username: str, *, name: str, followers: int, fans: int | None = None) -> None:
        self.pages[username.lower()] = {
            "id": str(1_000_000 + len(self.pages)),
            "username": username,
            "name": name,
            "followers_count": followers,
            "fan_count": followers if fans is None else fans,
            "posts": [],
        }

    def posted(self, username: str, when: dt.datetime, reactions=0, comments=0, shares=0):
        page = self.pages[username.lower()]
        post = {
            "id": f"{page['id']}_{len(page['posts']) + 1}",
            "created_time": when.strftime("%Y-%m-%dT%H:%M:%S+0000"),
            "reactions": {"data": [], "summary": {"total_count": reactions}},
            "comments": {"data": [], "summary": {"total_count": comments, "order": "ranked"}},
        }
        if shares:
            post["shares"] = {"count": shares}  # absent when nobody shared, as on Meta
        page["posts"].insert(0, post)

    def _find(self, key: str) -> dict | None:
        return self.pages.get(key.lower()) or next(
            (p for p in self.pages.values() if p["id"] == key), None
        )

    def handle(self, method, path, query, headers, body):
        if headers.get("authorization") != f"Bearer {self.token}":
            return 400, {}, {"error": {"message": "Invalid OAuth access token.",
                                       "type": "OAuthException", "code": 190}}  # fmt: skip
        if not path.startswith(VERSION + "/"):
            return 404, {}, {"error": {"message": "Unknown path", "code": 100}}
        parts = path[len(VERSION) + 1 :].split("/")
        page = self._find(parts[0])
        if page is None:
            return 404, {}, {"error": {
                "message": f"(#803) Some of the aliases you requested do not exist: {parts[0]}",
                "type": "OAuthException", "code": 803}}  # fmt: skip
        if len(parts) == 1:
            fields = str(query.get("fields") or "id,name").split(",")
            return 200, {}, {k: page[k] for k in ("id", *fields) if k in page}
        if parts[1:] == ["posts"]:
            if not self.content_access:
                return 400, {}, {"error": {
                    "message": "(#10) This endpoint requires the 'pages_read_engagement' "
                               "permission or the 'Page Public Content Access' feature.",
                    "type": "OAuthException", "code": 10}}  # fmt: skip
            limit = int(query.get("limit") or 25)
            return 200, {}, {"data": page["posts"][:limit]}
        return 404, {}, {"error": {"message": "Unknown edge", "code": 100}}

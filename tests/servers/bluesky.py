"""A loopback PDS answering the XRPC calls the Bluesky connector uses, as the docs show."""

from __future__ import annotations

import datetime as dt
import json

from tests.servers.base import LoopbackServer

DID = "did:plc:brandbrandbrand"


class BlueskyServer(LoopbackServer):
    def __init__(self, handle="marque.bsky.social", password="app-pass-1234") -> None:
        super().__init__()
        self.user_handle, self.password = handle, password
        self.notifications: list[dict] = []  # newest first
        self.records: dict[str, dict] = {}
        self.access_n = 0
        self.expired: set[str] = set()
        self.blobs = 0
        self.blocks: list[str] = []  # subjects of app.bsky.graph.block records
        self.reports: list[dict] = []

    def add_mention(self, n: int, text: str, *, reason="mention", author="fan.bsky.social"):
        when = dt.datetime(2026, 11, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=n)
        stamp = when.isoformat().replace("+00:00", "Z")
        self.notifications.insert(
            0,
            {
                "uri": f"at://did:plc:fan/app.bsky.feed.post/n{n}",
                "cid": f"cid{n}",
                "author": {"did": "did:plc:fan", "handle": author, "displayName": "Fan ✿"},
                "reason": reason,
                "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": stamp},
                "isRead": False,
                "indexedAt": stamp,
            },
        )

    def _token(self):
        self.access_n += 1
        return f"access-{self.access_n}"

    def handle(self, method, path, query, headers, body):
        name = path.removeprefix("/xrpc/")
        auth = headers.get("authorization", "").removeprefix("Bearer ")
        if name == "com.atproto.server.createSession":
            data = json.loads(body or b"{}")
            if data.get("identifier") != self.user_handle or data.get("password") != self.password:
                return (
                    401,
                    {},
                    {
                        "error": "AuthenticationRequired",
                        "message": "Invalid identifier or password",
                    },
                )
            return (
                200,
                {},
                {
                    "accessJwt": self._token(),
                    "refreshJwt": "refresh-1",
                    "handle": self.user_handle,
                    "did": DID,
                },
            )
        if name == "com.atproto.server.refreshSession":
            if auth != "refresh-1":
                return 400, {}, {"error": "ExpiredToken", "message": "Token has expired"}
            return (
                200,
                {},
                {
                    "accessJwt": self._token(),
                    "refreshJwt": "refresh-1",
                    "handle": self.user_handle,
                    "did": DID,
                },
            )
        if not auth.startswith("access-"):
            return (
                401,
                {},
                {"error": "AuthenticationRequired", "message": "Authentication Required"},
            )
        if auth in self.expired:
            return 400, {}, {"error": "ExpiredToken", "message": "Token has expired"}
        if name == "app.bsky.notification.listNotifications":
            start = int(query.get("cursor") or 0)
            limit = int(query.get("limit") or 50)
            page = self.notifications[start : start + limit]
            out = {"notifications": page}
            if start + limit < len(self.notifications):
                out["cursor"] = str(start + limit)
            return 200, {}, out
        if name == "app.bsky.actor.getProfile":
            return (
                200,
                {},
                {
                    "did": DID,
                    "handle": self.user_handle,
                    "displayName": "La Marque",
                    "followersCount": 1234,
                    "postsCount": len(self.records),
                },
            )
        if name == "com.atproto.identity.resolveHandle":
            return 200, {}, {"did": "did:plc:" + query["handle"].split(".")[0]}
        if name == "com.atproto.repo.uploadBlob":
            self.blobs += 1
            return (
                200,
                {},
                {
                    "blob": {
                        "$type": "blob",
                        "ref": {"$link": f"blob{self.blobs}"},
                        "mimeType": headers.get("content-type"),
                        "size": len(body),
                    }
                },
            )
        if name == "com.atproto.repo.getRecord":
            rec = self.records.get(query["rkey"])
            if rec is None:
                return 400, {}, {"error": "RecordNotFound", "message": "Could not locate record"}
            return (
                200,
                {},
                {"uri": f"at://{DID}/app.bsky.feed.post/{query['rkey']}", "cid": "c", "value": rec},
            )
        if name == "com.atproto.repo.createRecord" and json.loads(body)["collection"] == (
            "app.bsky.graph.block"
        ):
            self.blocks.append(json.loads(body)["record"]["subject"])
            return 200, {}, {"uri": f"at://{DID}/app.bsky.graph.block/b{len(self.blocks)}"}
        if name == "com.atproto.moderation.createReport":
            self.reports.append(json.loads(body))
            return 200, {}, {"id": len(self.reports), **self.reports[-1]}
        if name == "com.atproto.repo.createRecord":
            data = json.loads(body)
            rkey = data["rkey"]
            if rkey in self.records:
                return 400, {}, {"error": "InvalidRequest", "message": "Record already exists"}
            self.records[rkey] = data["record"]
            return 200, {}, {"uri": f"at://{DID}/app.bsky.feed.post/{rkey}", "cid": "cidnew"}
        if name == "app.bsky.feed.getPosts":
            uris = query["uris"] if isinstance(query["uris"], list) else [query["uris"]]
            return (
                200,
                {},
                {
                    "posts": [
                        {
                            "uri": u,
                            "cid": "cidp",
                            "record": {},
                            "likeCount": 3,
                            "repostCount": 1,
                            "replyCount": 2,
                        }
                        for u in uris
                    ]
                },
            )
        return 404, {}, {"error": "MethodNotImplemented", "message": name}

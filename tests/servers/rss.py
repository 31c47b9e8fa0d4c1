"""A loopback feed (RSS 2.0 or Atom) with ETag / If-None-Match support."""

from __future__ import annotations

from tests.servers.base import LoopbackServer


class FeedServer(LoopbackServer):
    def __init__(self, body: str, etag='"v1"') -> None:
        super().__init__()
        self.body, self.etag = body, etag

    def handle(self, method, path, query, headers, body):
        if headers.get("if-none-match") == self.etag:
            return 304, {"ETag": self.etag}, b""
        return (
            200,
            {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": self.etag},
            self.body.encode("utf-8"),
        )

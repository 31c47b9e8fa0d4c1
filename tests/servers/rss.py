"""A loopback feed (RSS 2.0 or Atom) with ETag / If-None-Match support."""

from __future__ import annotations

from tests.servers.base import LoopbackServer


class FeedServer(LoopbackServer):
    """Serves ``body``: text (sent as UTF-8) or bytes as they are, under ``content_type``."""

    def __init__(
        self, body: str | bytes, etag='"v1"', content_type="application/rss+xml; charset=utf-8"
    ) -> None:
        super().__init__()
        self.body, self.etag, self.content_type = body, etag, content_type

    def handle(self, method, path, query, headers, body):
        if self.etag and headers.get("if-none-match") == self.etag:
            return 304, {"ETag": self.etag}, b""
        data = self.body if isinstance(self.body, bytes) else self.body.encode("utf-8")
        head = {"Content-Type": self.content_type}
        if self.etag:
            head["ETag"] = self.etag
        return 200, head, data

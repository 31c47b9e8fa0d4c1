"""A local server replaying recorded Mastodon-API answers (Mastodon, GoToSocial…) over HTTP.

It serves ``GET /api/v1/notifications`` and ``GET /api/v1/conversations`` from lists held
newest first, paged as the servers document it: ``limit``, ``max_id`` (older than),
``since_id`` (newer than, newest first) and ``min_id`` (the page just above an id), with a
``Link`` header (``rel="next"`` → ``max_id`` of the page's last item, ``rel="prev"`` →
``min_id`` of its first). Ids are opaque strings: an id is found by its position in the
list, never parsed (GoToSocial's ULIDs, Pleroma's flake ids and Mastodon's snowflakes all
pass). ``types[]`` filters notifications. ``revoked`` as bearer token gets 401. Every query
is logged so a test can check which cursor the client sent.
"""

from __future__ import annotations

import json

from tests.conftest import REPO
from tests.servers.base import LoopbackServer

RECORDED = REPO / "tests" / "data" / "api"


def recorded(name: str):
    """One recorded answer from ``tests/data/api`` (``"gotosocial/status.json"``)."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def notification(nid: str, status: dict | None, *, kind="mention", account=None) -> dict:
    """A notification as every server wraps a status (``status`` None: it was deleted)."""
    who = account or (status or {}).get("account") or recorded("gotosocial/account.json")
    return {
        "id": nid,
        "type": kind,
        "created_at": (status or {}).get("created_at") or "2024-10-04T10:00:00.000Z",
        "account": who,
        "status": status,
    }


class MastodonReplayServer(LoopbackServer):
    def __init__(self, *, notifications=(), conversations=()) -> None:
        super().__init__()
        self.notifications: list[dict] = list(notifications)  # newest first
        self.conversations: list[dict] = list(conversations)  # by last status, newest first
        self.me = recorded("gotosocial/account.json")

    def add_notification(self, note: dict) -> None:
        """A new notification arrives on top."""
        with self.lock:
            self.notifications.insert(0, note)

    @staticmethod
    def _index(items: list[dict], wanted: str) -> int | None:
        for i, item in enumerate(items):
            if str(item.get("id")) == wanted:
                return i
        return None

    def _page(self, items: list[dict], query: dict) -> list[dict]:
        limit = max(1, min(int(query.get("limit") or 20), 80))
        if query.get("max_id"):
            at = self._index(items, str(query["max_id"]))
            items = items[at + 1 :] if at is not None else []
        if query.get("min_id") or query.get("since_id"):
            at = self._index(items, str(query.get("min_id") or query.get("since_id")))
            newer = items[:at] if at is not None else items
            return newer[-limit:] if query.get("min_id") else newer[:limit]
        return items[:limit]

    def _links(self, path: str, page: list[dict], query: dict) -> dict:
        if not page:
            return {}
        base = f"{self.base_url}{path}?limit={query.get('limit') or 20}"
        types = query.get("types[]")
        if types:
            for t in types if isinstance(types, list) else [types]:
                base += f"&types[]={t}"
        return {
            "Link": f'<{base}&max_id={page[-1]["id"]}>; rel="next", '
            f'<{base}&min_id={page[0]["id"]}>; rel="prev"'
        }

    def handle(self, method, path, query, headers, body):
        if headers.get("authorization") in (None, "Bearer revoked"):
            return 401, {}, {"error": "The access token is invalid"}
        if path == "/api/v1/accounts/verify_credentials":
            return 200, {}, self.me
        if path == "/api/v2/instance":
            return 200, {}, {"configuration": {"statuses": {"max_characters": 5000}}}
        if path == "/api/v1/notifications":
            with self.lock:
                items = list(self.notifications)
            types = query.get("types[]")
            if types:
                wanted = set(types if isinstance(types, list) else [types])
                items = [n for n in items if n.get("type") in wanted]
            page = self._page(items, query)
            return 200, self._links(path, page, query), page
        if path == "/api/v1/conversations":
            with self.lock:
                items = list(self.conversations)
            page = self._page(items, query)
            return 200, self._links(path, page, query), page
        return 404, {}, {"error": "Record not found"}

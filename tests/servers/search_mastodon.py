"""A local server answering Mastodon's search as documented: ``GET /api/v2/search``
(``type=statuses``, ``q``, ``limit`` ≤ 40, ``min_id``/``max_id``) and ``GET
/api/v1/timelines/tag/:hashtag`` (``min_id``, ``limit``, ``Link`` with rel prev/next). Results
newest first; ``min_id`` gives the page just above that id. Statuses carry their ``account``
with ``followers_count``. Ids are strings (compared by their rank here, never parsed by
Tribune). A missing or wrong bearer token gets 401."""

from __future__ import annotations

import datetime as dt
import threading

from tests.servers.base import LoopbackServer


class MastodonSearchServer(LoopbackServer):
    def __init__(self, token="masto-token") -> None:
        super().__init__()
        self.token = token
        self.statuses: list[dict] = []  # oldest first
        self._next = 100
        self._lock = threading.Lock()
        self.link_base = ""  # another host for the Link header (a hostile or moved server)
        # public profiles (GET /api/v1/accounts/lookup, /api/v1/accounts/:id/statuses):
        # acct -> {"followers_count", "statuses_count", "display_name", "statuses": [...]}
        self.accounts: dict[str, dict] = {}

    def post(
        self, text: str, *, acct="fan", name="Une fan", followers=10, tags=(), minutes=0, at=None
    ):
        with self._lock:
            self._next += 1
            sid = f"s{self._next:06d}"
        when = at or dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
        status = {
            "id": sid,
            "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "content": f"<p>{text}</p>",
            "url": f"{self.base_url}/@{acct}/{sid}",
            "uri": f"{self.base_url}/users/{acct}/statuses/{sid}",
            "account": {"id": acct, "acct": acct, "username": acct, "display_name": name,
                        "followers_count": followers},
            "tags": [{"name": t} for t in tags],
        }  # fmt: skip
        self.statuses.append(status)
        return sid

    def _window(self, matching: list[dict], query: dict) -> list[dict]:
        limit = min(int(query.get("limit") or 20), 40)
        if query.get("min_id"):
            newer = [s for s in matching if s["id"] > query["min_id"]]
            return list(reversed(newer[:limit]))  # the page just above, newest first
        if query.get("max_id"):
            matching = [s for s in matching if s["id"] < query["max_id"]]
        return list(reversed(matching[-limit:]))

    def _links(self, path: str, page: list[dict]) -> dict:
        if not page:
            return {}
        base = self.link_base or self.base_url
        return {
            "Link": f'<{base}{path}?max_id={page[-1]["id"]}>; rel="next", '
            f'<{base}{path}?min_id={page[0]["id"]}>; rel="prev"'
        }

    def handle(self, method, path, query, headers, body):
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, {}, {"error": "The access token is invalid"}
        if path == "/api/v2/search":
            if query.get("type") != "statuses":
                return 400, {}, {"error": "type"}
            words = str(query.get("q", "")).casefold().split()
            matching = [
                s for s in self.statuses if all(w in s["content"].casefold() for w in words)
            ]
            return (
                200,
                {},
                {"accounts": [], "hashtags": [], "statuses": self._window(matching, query)},
            )
        if path == "/api/v1/accounts/lookup":
            acct = str(query.get("acct", ""))
            account = self.accounts.get(acct)
            if account is None:
                return 404, {}, {"error": "Record not found"}
            fields = {k: v for k, v in account.items() if k != "statuses"}
            return 200, {}, {"id": f"id-{acct}", "acct": acct, "username": acct, **fields}
        if path.startswith("/api/v1/accounts/") and path.endswith("/statuses"):
            acct = path.split("/")[4].removeprefix("id-")
            account = self.accounts.get(acct)
            if account is None:
                return 404, {}, {"error": "Record not found"}
            limit = min(int(query.get("limit") or 20), 40)
            return 200, {}, account.get("statuses", [])[:limit]
        if path.startswith("/api/v1/timelines/tag/"):
            tag = path.rsplit("/", 1)[-1].casefold()
            matching = [
                s for s in self.statuses if tag in (t["name"].casefold() for t in s["tags"])
            ]
            page = self._window(matching, query)
            return 200, self._links(path, page), page
        return 404, {}, {"error": "Record not found"}

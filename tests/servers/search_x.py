"""A local server answering X's recent search as documented: ``GET /2/tweets/search/recent``
with ``query``, ``since_id``, ``max_results`` (10–100), ``next_token``; newest first;
``meta.newest_id``/``oldest_id``/``result_count``/``next_token``; ``expansions=author_id``
with ``user.fields=public_metrics`` fills ``includes.users``. A bad token gets 401."""

from __future__ import annotations

import datetime as dt

from tests.servers.base import LoopbackServer


class XSearchServer(LoopbackServer):
    def __init__(self, token="x-token") -> None:
        super().__init__()
        self.token = token
        self.tweets: list[dict] = []  # oldest first
        self.users: dict[str, dict] = {}

    def post(self, text: str, *, username="fan", followers=10, minutes=0) -> str:
        tid = str(1860000000000000000 + len(self.tweets) + 1)
        uid = (
            str(7000 + len(self.users))
            if username not in self.users
            else self.users[username]["id"]
        )
        self.users[username] = {"id": uid, "username": username, "name": username.title(),
                                "public_metrics": {"followers_count": followers}}  # fmt: skip
        when = dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
        self.tweets.append({"id": tid, "text": text, "author_id": uid,
                            "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z")})  # fmt: skip
        return tid

    def handle(self, method, path, query, headers, body):
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, {}, {"title": "Unauthorized", "type": "about:blank", "status": 401}
        if path != "/2/tweets/search/recent":
            return 404, {}, {"title": "Not Found"}
        words = str(query.get("query", "")).casefold().split()
        found = [t for t in reversed(self.tweets) if all(w in t["text"].casefold() for w in words)]
        if query.get("since_id"):
            found = [t for t in found if int(t["id"]) > int(query["since_id"])]
        start = int(query.get("next_token") or 0)
        limit = max(10, min(int(query.get("max_results") or 10), 100))
        page = found[start : start + limit]
        meta = {"result_count": len(page)}
        if page:
            meta.update(newest_id=page[0]["id"], oldest_id=page[-1]["id"])
        if start + limit < len(found):
            meta["next_token"] = str(start + limit)
        out = {"meta": meta}
        if page:
            out["data"] = page
            if query.get("expansions") == "author_id":
                ids = {t["author_id"] for t in page}
                out["includes"] = {"users": [u for u in self.users.values() if u["id"] in ids]}
        return 200, {}, out

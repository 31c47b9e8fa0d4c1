"""A local Threads API (graph.threads.net) as Meta documents it, for connector tests.

* Authorisation: ``GET /oauth/authorize`` (the consent of :mod:`tests.servers.oauth`),
  ``POST /oauth/access_token`` (code → short-lived token and ``user_id``),
  ``GET /access_token?grant_type=th_exchange_token`` (→ a 60-day token),
  ``GET /refresh_access_token?grant_type=th_refresh_token``.
* ``/v1.0``: ``me``, ``{user}/threads`` (POST: a TEXT, IMAGE, VIDEO or CAROUSEL container,
  carousel items with ``is_carousel_item``, media only at an https address; GET: our posts,
  ``since``),
  ``{container}?fields=status``, ``{user}/threads_publish``, ``{post}?fields=permalink``,
  ``{post}/conversation`` (every reply, two per page with ``paging.next``),
  ``{id}/replies``, ``{reply}/manage_reply``, ``{post}/insights``, ``{user}/threads_insights``.
Errors are Graph-shaped; a token in :attr:`expired` gets code 190.
"""

from __future__ import annotations

import datetime as dt
import secrets
from urllib.parse import parse_qs

from tests.servers.oauth import AuthServer

USER = "17841400000000001"
USERNAME = "dupre.boulangerie"
V = "/v1.0"


def _error(status: int, message: str, code: int = 100):
    return status, {}, {"error": {"message": message, "type": "OAuthException", "code": code}}


class ThreadsServer(AuthServer):
    def __init__(self, *, wait_polls: int = 0, video_polls: int = 0) -> None:
        super().__init__()
        self.long_lived: set[str] = set()
        self.expired: set[str] = set()
        self.refreshed = 0
        self.wait_polls = wait_polls  # looks at a container before it is FINISHED
        self.video_polls = video_polls  # the same for a VIDEO container (items too)
        self.fail_container = ""  # an error_message: containers end in ERROR
        self.containers: dict[str, dict] = {}
        self.posts: list[dict] = []  # our posts, newest first
        self.replies: list[dict] = []  # replies (theirs and ours), oldest first
        self.published: list[dict] = []  # what threads_publish made, in order
        self.hidden: dict[str, bool] = {}
        self.other_host = ""  # paging.next points there when set
        self.clock = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)

    def register(self, client_id: str, secret: str) -> None:
        self.apps[client_id] = {"secret": secret, "redirect_uris": []}

    def _stamp(self) -> str:
        self.clock += dt.timedelta(minutes=1)
        return self.clock.strftime("%Y-%m-%dT%H:%M:%S+0000")

    def add_post(self, pid: str, text: str, when: str = "2026-11-19T10:00:00+0000") -> dict:
        row = {"id": pid, "text": text, "timestamp": when, "media_type": "TEXT_POST"}
        row["permalink"] = f"https://www.threads.net/@{USERNAME}/post/{pid}"
        row["username"] = USERNAME
        self.posts.insert(0, row)
        return row

    def add_reply(self, rid, text, author, parent, root, when, media_type="TEXT_POST") -> dict:
        row = {
            "id": rid,
            "text": text,
            "username": author,
            "timestamp": when,
            "permalink": f"https://www.threads.net/@{author}/post/{rid}",
            "replied_to": {"id": parent},
            "root_post": {"id": root},
            "is_reply": True,
            "hide_status": "NOT_HUSHED",
            "media_type": media_type,
        }
        if not text:
            row.pop("text")
        self.replies.append(row)
        return row

    # -- routing ----------------------------------------------------------------------------
    def handle(self, method, path, query, headers, body):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()} if body else {}
        if path == "/oauth/authorize":
            if query.get("client_id") not in self.apps or "threads_basic" not in query.get(
                "scope", ""
            ):
                return 400, {}, "invalid_request"
            return super().handle(method, path, query, headers, body)
        if path == "/consent":
            return super().handle(method, path, query, headers, body)
        if path == "/oauth/access_token" and method == "POST":
            app = self.apps.get(form.get("client_id", ""))
            if app is None or app["secret"] != form.get("client_secret"):
                return _error(400, "Error validating client secret.", 1)
            status, _extra, answer = super().handle(method, "/oauth/token", query, headers, body)
            if status != 200:
                return _error(400, "Invalid authorization code", 100)
            return 200, {}, {"access_token": answer["access_token"], "user_id": int(USER)}
        if path == "/access_token":
            secrets_ok = any(a["secret"] == query.get("client_secret") for a in self.apps.values())
            if query.get("grant_type") != "th_exchange_token" or not secrets_ok:
                return _error(400, "Error validating client secret.", 1)
            if query.get("access_token") not in self.tokens:
                return _error(400, "Invalid OAuth access token.", 190)
            return 200, {}, self._long()
        if path == "/refresh_access_token":
            if query.get("grant_type") != "th_refresh_token":
                return _error(400, "Unsupported grant_type", 100)
            if query.get("access_token") not in self.long_lived - self.expired:
                return _error(400, "Invalid OAuth access token.", 190)
            self.refreshed += 1
            return 200, {}, self._long()
        if not path.startswith(V + "/"):
            return _error(404, f"Unknown path {path}")
        token = headers.get("authorization", "")[7:] or query.get("access_token", "")
        if token not in self.long_lived or token in self.expired:
            return _error(400, "Error validating access token: Session has expired.", 190)
        return self._api(method, path[len(V) + 1 :].split("/"), {**query, **form})

    def _long(self) -> dict:
        token = "THlong" + secrets.token_hex(10)
        self.long_lived.add(token)
        return {"access_token": token, "token_type": "bearer", "expires_in": 5183944}

    def _api(self, method, parts, q):
        if parts == ["me"]:
            return 200, {}, {"id": USER, "username": USERNAME, "name": "Boulangerie Dupré"}
        if parts == [USER, "threads"] and method == "POST":
            return self._container(q)
        if parts == [USER, "threads"]:
            since = int(q.get("since") or 0)
            rows = [
                p
                for p in self.posts
                if dt.datetime.strptime(p["timestamp"], "%Y-%m-%dT%H:%M:%S%z").timestamp() >= since
            ]
            return 200, {}, {"data": rows[: int(q.get("limit") or 25)]}
        if parts == [USER, "threads_publish"] and method == "POST":
            return self._publish(q.get("creation_id", ""))
        if parts == [USER, "threads_insights"]:
            day = dt.datetime.fromtimestamp(int(q["since"]), dt.UTC).strftime("%Y-%m-%d")
            data = [
                {"name": "views", "period": "day", "values": [{"value": 120, "end_time": day}]},
                *(
                    {"name": n, "period": "day", "total_value": {"value": v}}
                    for n, v in (("likes", 9), ("replies", 4), ("reposts", 2), ("quotes", 1))
                ),
                {"name": "followers_count", "period": "day", "total_value": {"value": 321}},
            ]
            return 200, {}, {"data": data}
        if len(parts) == 1 and parts[0] in self.containers:
            c = self.containers[parts[0]]
            c["looks"] += 1
            status = c["status"]
            waits = self.video_polls if c["media_type"] == "VIDEO" else self.wait_polls
            if status == "IN_PROGRESS" and c["looks"] > waits:
                c["status"] = status = "ERROR" if self.fail_container else "FINISHED"
            out = {"id": parts[0], "status": status}
            if status == "ERROR":
                out["error_message"] = self.fail_container
            return 200, {}, out
        target = self._find(parts[0])
        if target is None:
            return _error(400, f"Object with ID '{parts[0]}' does not exist", 100)
        if len(parts) == 1:
            return 200, {}, target
        edge = parts[1]
        if edge == "conversation":
            rows = [r for r in self.replies if r["root_post"]["id"] == parts[0]]
            start = int(q.get("after") or 0)
            out = {"data": rows[start : start + 2]}
            if start + 2 < len(rows):
                host = self.other_host or self.base_url
                out["paging"] = {"next": f"{host}{V}/{parts[0]}/conversation?after={start + 2}"}
            return 200, {}, out
        if edge == "replies":
            return 200, {}, {"data": [r for r in self.replies if r["replied_to"]["id"] == parts[0]]}
        if edge == "manage_reply" and method == "POST":
            self.hidden[parts[0]] = q.get("hide") == "true"
            return 200, {}, {"success": True}
        if edge == "insights":
            numbers = {"views": 1500, "likes": 42, "replies": 7, "reposts": 3, "quotes": 2}
            wanted = str(q.get("metric", "")).split(",")
            data = [
                {"name": n, "period": "lifetime", "values": [{"value": numbers[n]}], "id": n}
                for n in wanted
                if n in numbers
            ]
            return 200, {}, {"data": data}
        return _error(400, f"Unknown edge {edge}")

    def _find(self, ident: str) -> dict | None:
        return next((r for r in [*self.posts, *self.replies] if r["id"] == ident), None)

    def _container(self, q):
        kind = q.get("media_type", "")
        text = q.get("text", "")
        item = q.get("is_carousel_item") == "true"
        if kind not in ("TEXT", "IMAGE", "VIDEO", "CAROUSEL"):
            return _error(400, "Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}")
        if len(text) > 500:
            return _error(400, "Param text must be at most 500 characters long.")
        for media in ("IMAGE", "VIDEO"):
            url = q.get(f"{media.lower()}_url", "")
            if kind == media and not url.startswith("https://"):
                return _error(400, f"Param {media.lower()}_url must be a public URL.")
        if item and kind not in ("IMAGE", "VIDEO"):
            return _error(400, "A carousel item is an IMAGE or a VIDEO.")
        if kind == "CAROUSEL":
            children = [c for c in q.get("children", "").split(",") if c]
            if not 2 <= len(children) <= 20:
                return _error(400, "A carousel has between 2 and 20 children.")
            for child in children:
                c = self.containers.get(child)
                if c is None or c.get("is_carousel_item") != "true":
                    return _error(400, f"Child {child} is not a carousel item container.")
                if c["status"] != "FINISHED":
                    return _error(400, f"Child {child} is not ready.", 9007)
        if q.get("reply_to_id") and self._find(q["reply_to_id"]) is None:
            return _error(400, "The post you are replying to does not exist.")
        cid = f"c{len(self.containers) + 1}"
        waits = self.video_polls if kind == "VIDEO" else self.wait_polls
        status = "IN_PROGRESS" if waits or self.fail_container else "FINISHED"
        self.containers[cid] = {**q, "status": status, "looks": 0, "done": False}
        return 200, {}, {"id": cid}

    def _publish(self, cid: str):
        c = self.containers.get(cid)
        if c is None:
            return _error(400, "The media container was not found.", 24)
        if c["status"] != "FINISHED" or c["done"]:
            return _error(400, "The media is not ready for publishing, please wait.", 9007)
        if c.get("is_carousel_item") == "true":
            return _error(400, "A carousel item is published through its carousel.", 100)
        c["done"] = True
        pid = f"1800{len(self.published) + 1:04d}"
        self.published.append({"id": pid, **{k: v for k, v in c.items() if k != "looks"}})
        if c.get("reply_to_id"):
            parent = self._find(c["reply_to_id"])
            root = (parent.get("root_post") or {}).get("id", parent["id"])
            self.add_reply(pid, c.get("text", ""), USERNAME, parent["id"], root, self._stamp())
        else:
            row = self.add_post(pid, c.get("text", ""), self._stamp())
            row["media_type"] = {
                "TEXT": "TEXT_POST",
                "CAROUSEL": "CAROUSEL_ALBUM",
            }.get(c["media_type"], c["media_type"])
        return 200, {}, {"id": pid}

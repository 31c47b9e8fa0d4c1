"""A loopback Graph API (Facebook Page + Instagram user) answering as Meta's docs show.

A Page's photo upload takes ``source``, ``caption``, ``published`` and its description
``alt_text_custom`` (a non-empty text), recorded in ``photo_forms`` in the order received; a
video ``source``, ``description`` and ``title``. Any other field (a video's description for
screen readers included: Graph documents none) answers 400 code 100, as Graph does."""

from __future__ import annotations

import datetime as dt
import json
import time
from urllib.parse import parse_qs

from tests.servers.base import LoopbackServer

PAGE, IG = "1001", "17841400000"
PHOTO_FIELDS = {"source", "caption", "published", "alt_text_custom"}
VIDEO_FIELDS = {"source", "description", "title"}


def stamp(minutes: int) -> str:
    when = dt.datetime(2026, 11, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
    return when.strftime("%Y-%m-%dT%H:%M:%S+0000")


class GraphServer(LoopbackServer):
    def __init__(self, token="page-token-xyz") -> None:
        super().__init__()
        self.token = token
        self.expired = False
        self.posts = {"1001_1": []}  # post id -> comments (oldest first)
        self.published: list[dict] = []
        self.unpublished: list[bytes] = []  # photos sent with published=false
        self.photo_forms: list[dict] = []  # each photo upload's fields but its bytes
        self.reels: dict[str, dict] = {}  # resumable reel containers: form, bytes, status looks
        self.containers: list[dict] = []  # containers made from a web address
        self.reel_fails = False
        self.private_replies: list[tuple[str, dict, str]] = []  # (page or IG user, to, text)
        self.private_delay = 0.0  # seconds a private reply's answer takes (stored first)
        self.ig_comments: list[dict] = []
        # Instagram comment id -> its replies (oldest first), shown inline 2 by 2 when the
        # comments are asked with ``fields=…,replies{…}``, as Meta pages an edge
        self.ig_replies: dict[str, list[dict]] = {}
        self.moderation: list[tuple] = []  # (what, object id, value) in the order received
        self.expires_at = int(dt.datetime(2027, 1, 15, tzinfo=dt.UTC).timestamp())

    def add_comment(self, n: int, text: str, post="1001_1"):
        self.posts.setdefault(post, []).append(
            {
                "id": f"{post}_c{n}",
                "from": {"id": f"u{n}", "name": "Client Mécontent"},
                "message": text,
                "created_time": stamp(n),
            }
        )

    def _comment(self, comment_id: str) -> dict | None:
        for c in [*(c for cs in self.posts.values() for c in cs), *self.ig_comments]:
            if c.get("id") == comment_id:
                return c
        return None

    def _private_threads(self, owner: str) -> list[dict]:
        """Our private replies, each in its conversation with the comment's author."""
        threads = []
        for n, (sender, to, text) in enumerate(self.private_replies, 1):
            if sender != owner:
                continue
            author = (self._comment(to.get("comment_id", "")) or {}).get("from") or {}
            message = {
                "id": f"m_{n}",
                "from": {"id": owner},
                "to": {"data": [{"id": author.get("id", "")}]},
                "message": text,
                "created_time": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+0000"),
            }
            threads.append({"id": f"t_pr{n}", "updated_time": message["created_time"],
                            "messages": {"data": [message]}})  # fmt: skip
        return threads

    def _paged(self, rows, query, path):
        after = int(query.get("after") or 0)
        limit = int(query.get("limit") or 25)
        page = rows[after : after + limit]
        out = {
            "data": page,
            "paging": {"cursors": {"before": str(after), "after": str(after + limit)}},
        }
        if after + limit < len(rows):
            q = {k: v for k, v in query.items() if k not in ("after", "access_token")}
            q["after"] = str(after + limit)
            out["paging"]["next"] = f"{self.base_url}{path}?" + "&".join(
                f"{k}={v}" for k, v in q.items()
            )
        return out

    def _with_replies(self, comment: dict, path: str) -> dict:
        replies = self.ig_replies.get(comment["id"])
        if not replies:
            return comment
        edge = path.replace("ig_m1/comments", f"{comment['id']}/replies")
        return {**comment, "replies": self._paged(replies, {"limit": 2}, edge)}

    def handle(self, method, path, query, headers, body):
        if path.startswith("/ig-api-upload/") and method == "POST":  # rupload.facebook.com
            cid = path.rsplit("/", 1)[1]
            if headers.get("authorization") != f"OAuth {self.token}":
                return 401, {}, {"debug_info": {"type": "AuthError", "message": "bad token"}}
            if headers.get("offset") != "0" or int(headers.get("file_size", -1)) != len(body):
                return 400, {}, {"debug_info": {"message": "offset/file_size do not match"}}
            self.reels[cid]["bytes"] = body
            return 200, {}, {"success": True, "message": "Upload successful."}
        auth = headers.get("authorization", "").removeprefix("Bearer ")
        if auth != self.token or self.expired:
            return (
                400,
                {},
                {
                    "error": {
                        "message": "Error validating access token: Session has expired",
                        "type": "OAuthException",
                        "code": 190,
                        "error_subcode": 463,
                        "fbtrace_id": "A1",
                    }
                },
            )
        parts = path.strip("/").split("/")[1:]  # drop the version
        form = (
            {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
            if body and b"Content-Disposition" not in body
            else {}
        )
        if parts == ["debug_token"]:
            return 200, {}, {"data": {"is_valid": True, "expires_at": self.expires_at}}
        if parts == [PAGE] and method == "GET":
            return 200, {}, {"id": PAGE, "name": "Fleurs de Lyon", "followers_count": 5120}
        if parts == [IG] and method == "GET":
            return (
                200,
                {},
                {"id": IG, "username": "fleursdelyon", "followers_count": 800, "media_count": 12},
            )
        if parts == [PAGE, "feed"] and method == "GET":
            rows = [{"id": pid, "updated_time": stamp(0), "message": ""} for pid in self.posts]
            rows += [
                {"id": p["id"], "message": p.get("message", ""), "updated_time": stamp(0)}
                for p in self.published
            ]
            return 200, {}, self._paged(rows, query, path)
        if (
            len(parts) == 2
            and parts[1] == "replies"
            and method == "GET"
            and parts[0] in self.ig_replies
        ):
            return 200, {}, self._paged(self.ig_replies.get(parts[0], []), query, path)
        if len(parts) == 2 and parts[1] in ("comments", "replies") and method == "GET":
            rows = self.ig_comments if parts[0] == "ig_m1" else self.posts.get(parts[0], [])
            if parts[0] == "ig_m1" and "replies{" in str(query.get("fields", "")):
                rows = [self._with_replies(c, path) for c in rows]
            if parts[0] not in self.posts and parts[0] != "ig_m1":  # a comment's answers
                rows = [{"id": p["id"], "from": {"id": PAGE}, "message": p["message"],
                         "text": p["message"], "created_time": stamp(0)}
                        for p in self.published if p.get("parent") == parts[0]]  # fmt: skip
            since = int(query.get("since") or 0)
            if since:
                rows = [
                    c
                    for c in rows
                    if dt.datetime.strptime(c["created_time"], "%Y-%m-%dT%H:%M:%S%z").timestamp()
                    > since
                ]
            return 200, {}, self._paged(rows, query, path)
        if parts == [PAGE] and method == "GET":  # the Page's numbers (a sync's samples)
            return 200, {}, {"id": PAGE, "followers_count": 1200, "fan_count": 1200}
        if len(parts) == 2 and parts[1] == "insights" and method == "GET":
            return 200, {}, {"data": []}
        if parts == [IG, "conversations"]:
            return 200, {}, self._paged(self._private_threads(IG), query, path)
        if parts == [PAGE, "conversations"]:
            return (
                200,
                {},
                {
                    "data": [
                        *self._private_threads(PAGE),
                        {
                            "id": "t_1",
                            "updated_time": stamp(5),
                            "messages": {
                                "data": [
                                    {
                                        "id": "m_zoe1",
                                        "from": {"id": "u9", "name": "Zoé"},
                                        "message": "Bonjour, ma commande ?",
                                        "created_time": stamp(5),
                                    }
                                ]
                            },
                        },
                    ]
                },
            )
        if parts in ([PAGE, "photos"], [PAGE, "videos"]) and method == "POST":
            fields = _multipart(headers, body)
            kind = parts[1]
            allowed = PHOTO_FIELDS if kind == "photos" else VIDEO_FIELDS
            odd = sorted(set(fields) - allowed) or (
                ["alt_text_custom"] if fields.get("alt_text_custom", b"x").strip() == b"" else []
            )
            if odd:
                refused = {"message": f"(#100) Param {odd[0]} is not valid", "code": 100}
                return 400, {}, {"error": {**refused, "type": "GraphMethodException"}}
            if kind == "photos":
                self.photo_forms.append({k: v.decode() for k, v in fields.items() if k != "source"})
            text = fields.get("caption" if kind == "photos" else "description", b"").decode()
            if fields.get("published") == b"false":  # for a post of several photos
                self.unpublished.append(fields["source"])
                return 200, {}, {"id": f"photo_u{len(self.unpublished)}"}
            pid = f"{PAGE}_{100 + len(self.published)}"
            self.published.append({"id": pid, "message": text, kind: fields["source"]})
            if kind == "photos":
                return 200, {}, {"id": f"photo_{len(self.published)}", "post_id": pid}
            return 200, {}, {"id": pid}
        if parts == [PAGE, "feed"] and method == "POST":
            pid = f"{PAGE}_{100 + len(self.published)}"
            attached = [json.loads(v)["media_fbid"] for k, v in sorted(form.items())
                        if k.startswith("attached_media[")]  # fmt: skip
            self.published.append({"id": pid, "message": form.get("message", ""),
                                   "attached": attached})  # fmt: skip
            return 200, {}, {"id": pid}
        if parts == [IG, "media"] and method == "GET":
            return (
                200,
                {},
                self._paged(
                    [
                        {
                            "id": "ig_m1",
                            "timestamp": stamp(0),
                            "permalink": "https://instagram.test/p/1",
                            "comments_count": len(self.ig_comments),
                        }
                    ],
                    query,
                    path,
                ),
            )
        if parts == ["ig_m1", "comments"]:
            return 200, {}, self._paged(self.ig_comments, query, path)
        if parts == [IG, "media"] and method == "POST":
            if form.get("upload_type") == "resumable":  # a reel from a local file
                n = len(self.reels) + 1
                cid = f"reel_container_{n}"
                self.reels[cid] = {"form": form, "bytes": None, "looks": 0}
                return 200, {}, {"id": cid, "uri": f"{self.base_url}/ig-api-upload/v21.0/{cid}"}
            self.containers.append(form)
            return 200, {}, {"id": "container_1"}
        if parts == ["container_1"] and method == "GET":  # Meta fetched the web address
            return 200, {}, {"id": "container_1", "status_code": "FINISHED"}
        if len(parts) == 1 and parts[0] in self.reels and method == "GET":
            reel = self.reels[parts[0]]
            reel["looks"] += 1
            status = (
                "ERROR"
                if self.reel_fails
                else (
                    "FINISHED" if reel["bytes"] is not None and reel["looks"] > 1 else "IN_PROGRESS"
                )
            )
            return 200, {}, {"id": parts[0], "status_code": status}
        if parts == [IG, "media_publish"]:
            self.published.append({"id": "ig_new", "container": form.get("creation_id")})
            return 200, {}, {"id": "ig_new"}
        if parts == ["ig_new"]:
            return 200, {}, {"id": "ig_new", "permalink": "https://instagram.test/p/new"}
        if parts in ([PAGE, "messages"], [IG, "messages"]) and method == "POST":
            recipient, message = json.loads(form["recipient"]), json.loads(form["message"])
            self.private_replies.append((parts[0], recipient, message["text"]))
            n = len(self.private_replies)
            time.sleep(self.private_delay)
            return 200, {}, {"recipient_id": "u9", "message_id": f"m_{n}"}
        if len(parts) == 1 and method == "GET" and self._comment(parts[0]) is not None:
            c = self._comment(parts[0])
            answered = any(r[1].get("comment_id") == parts[0] for r in self.private_replies)
            out = {"id": c["id"], "from": c.get("from") or {}}
            if "can_reply_privately" in str(query.get("fields", "")):  # a Page's comment only
                out["can_reply_privately"] = not answered
            return 200, {}, out
        if len(parts) == 2 and parts[1] in ("comments", "replies") and method == "POST":
            self.published.append(
                {
                    "id": f"reply_{len(self.published)}",
                    "parent": parts[0],
                    "message": form.get("message", ""),
                }
            )
            return 200, {}, {"id": self.published[-1]["id"]}
        if parts == [PAGE, "blocked"] and method == "POST":
            self.moderation.append(("block", PAGE, form.get("user", "")))
            return 200, {}, {form.get("user", ""): True}
        if len(parts) == 1 and method == "DELETE":
            self.moderation.append(("delete", parts[0], ""))
            return 200, {}, {"success": True}
        if len(parts) == 1 and method == "POST":
            for key in ("is_hidden", "hide"):
                if key in form:
                    self.moderation.append((key, parts[0], form[key]))
            return 200, {}, {"success": True}
        return (
            400,
            {},
            {
                "error": {
                    "message": f"Unknown path {path}",
                    "type": "GraphMethodException",
                    "code": 100,
                }
            },
        )


def _multipart(headers, body: bytes) -> dict[str, bytes]:
    """The fields of a multipart/form-data body (a file's bytes under its field name)."""
    boundary = headers["content-type"].split("boundary=")[1].encode()
    fields = {}
    for part in body.split(b"--" + boundary):
        head, _, content = part.partition(b"\r\n\r\n")
        if b'name="' in head:
            fields[head.split(b'name="')[1].split(b'"')[0].decode()] = content[:-2]
    return fields

"""A local server answering as X's API v2 documents it (the parts Tribune uses).

``GET /2/users/me``; the mentions timeline ``GET /2/users/:id/mentions`` newest first with
``since_id``, ``max_results`` and ``meta.next_token`` paging, ``includes.users`` for
``expansions=author_id``; ``GET /2/dm_events``; ``POST /2/tweets`` (201); ``GET
/2/users/:id/tweets`` with ``start_time``; ``POST /2/media/upload``; ``PUT
/2/tweets/:id/hidden``; ``GET /2/users/by/username/:u``; ``POST /2/users/:id/blocking``;
``GET /2/users/:id`` and ``GET /2/tweets`` with ``public_metrics``; direct messages: ``GET
/2/dm_events/:id``, ``GET /2/dm_conversations/:id/dm_events`` and ``POST
/2/dm_conversations/:id/messages`` (201, ``dm_event_id``); ``POST /2/oauth2/token`` with
``grant_type=refresh_token`` (form-encoded, no bearer): a new access token, the refresh
token rotated, the old ones dead; ``send_delay`` seconds a tweet or direct message takes (stored
before the wait with ``land_first``: the post has landed, the answer has not; else after
it: the post is still in flight and no look-up can find it), and
``sent`` counting every tweet and message received; chunked video upload
(``/2/media/upload/initialize``,
``/:id/append``, ``/:id/finalize``, ``GET /2/media/upload?command=STATUS``) with
``processing_info`` pending → in_progress → succeeded (or failed); a media's description
with ``POST /2/media/metadata`` (JSON ``{"id", "metadata": {"alt_text": {"text"}}}``, at most
1,000 characters, for an image uploaded here — X documents it for images and GIFs, a
video's is refused: another shape, the v1.1 ``media_id`` one included, answers 400 as X's
invalid request), recorded in ``metadata`` and, with the
uploads and tweets, in ``order``; ``metadata_refuses`` (a reason) answers the next ones 400.
A bad token gets 401 as X answers it.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from urllib.parse import parse_qs

from tests.servers.base import LoopbackServer

ME = {"id": "900", "name": "Nuage Logiciel", "username": "nuagelogiciel"}
FAN = {"id": "501", "name": "Léa Fan ✿", "username": "leafan"}


def stamp(minutes: int) -> str:
    when = dt.datetime(2026, 11, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class XServer(LoopbackServer):
    def __init__(self, token="x-user-token") -> None:
        super().__init__()
        self.token = token
        self.mentions: list[dict] = []  # newest first, as X returns them
        self.dms: list[dict] = []
        self.tweets: list[dict] = []  # ours
        self.hidden: dict[str, bool] = {}
        self.blocked: list[str] = []
        self.uploads = 0
        self.client_id = "tribune-desktop"
        self.refresh_token = "x-refresh-1"
        self.renewals = 0
        self.upload_sizes: list[int] = []
        self.upload_bodies: list[bytes] = []
        self.videos: dict[str, dict] = {}  # id → {"total", "chunks": {index: bytes}, "polls"}
        self.video_fails = ""  # a reason: X's processing refuses the next video
        self.send_delay = 0.0  # seconds a send takes on the server
        self.land_first = True  # stored before the delay (else after it: still in flight)
        self.sent = 0  # tweets and direct messages received
        self.store = threading.Lock()  # the handler runs in one thread per request
        self.metadata: list[dict] = []  # the accepted POST /2/media/metadata bodies
        self.metadata_refuses = ""  # a reason: X answers the metadata calls 400 with it
        self.order: list[str] = []  # "upload <id>", "metadata <id>", "tweet <id>" as received

    def expire_access(self) -> None:
        """Two hours later: the access token in use is refused."""
        self.token = f"{self.token}-expired"

    def _renew(self, body: bytes):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if (
            form.get("grant_type") != "refresh_token"
            or form.get("refresh_token") != self.refresh_token
            or form.get("client_id") != self.client_id
        ):
            refused = "Value passed for the token was invalid."
            return 400, {}, {"error": "invalid_request", "error_description": refused}
        self.renewals += 1
        self.token = f"x-user-token-{self.renewals + 1}"
        self.refresh_token = f"x-refresh-{self.renewals + 1}"  # rotated: the old one is dead
        return 200, {}, {"token_type": "bearer", "expires_in": 7200, "access_token": self.token,
                         "scope": "tweet.read tweet.write users.read offline.access",
                         "refresh_token": self.refresh_token}  # fmt: skip

    def add_mention(self, n: int, text: str, *, reply_to: str | None = None) -> None:
        tweet = {
            "id": str(1_000_000 + n),
            "text": text,
            "author_id": FAN["id"],
            "created_at": stamp(n),
            "conversation_id": str(1_000_000 + n),
        }
        if reply_to:
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": reply_to}]
        self.mentions.insert(0, tweet)

    def add_dm(self, n: int, text: str, sender=FAN) -> None:
        self.dms.insert(
            0,
            {
                "id": str(2_000_000 + n),
                "event_type": "MessageCreate",
                "text": text,
                "sender_id": sender["id"],
                "created_at": stamp(n),
                "dm_conversation_id": f"{sender['id']}-{ME['id']}",
            },
        )

    def _video(self, method, rest, query, headers, body):
        if rest == ["initialize"]:
            data = json.loads(body)
            vid = str(880_000 + len(self.videos))
            self.videos[vid] = {
                "total": data["total_bytes"],
                "chunks": {},
                "polls": 0,
                "type": data["media_type"],
                "category": data["media_category"],
            }
            created = {"id": vid, "media_key": f"7_{vid}", "expires_after_secs": 86400}
            self.order.append(f"upload {vid}")
            return 200, {}, {"data": created}
        if len(rest) == 2 and rest[1] == "append":
            video = self.videos[rest[0]]
            # multipart: the chunk's bytes sit between the part headers and the boundary
            boundary = headers["content-type"].split("boundary=")[1].encode()
            parts = body.split(b"--" + boundary)
            fields = {}
            for part in parts:
                head, _, content = part.partition(b"\r\n\r\n")
                if b'name="' in head:
                    name = head.split(b'name="')[1].split(b'"')[0].decode()
                    fields[name] = content[:-2]  # the CRLF before the next boundary
            video["chunks"][int(fields["segment_index"])] = fields["media"]
            return 204, {}, b""
        if len(rest) == 2 and rest[1] == "finalize":
            video = self.videos[rest[0]]
            size = sum(len(c) for c in video["chunks"].values())
            if size != video["total"]:
                return 400, {}, {"errors": [{"message": f"{size} of {video['total']} bytes"}]}
            info = {"state": "pending", "check_after_secs": 1}
            return 200, {}, {"data": {"id": rest[0], "size": size, "processing_info": info}}
        if method == "GET" and query.get("command") == "STATUS":
            video = self.videos[query["media_id"]]
            video["polls"] += 1
            if self.video_fails:
                info = {"state": "failed", "error": {"code": 1, "name": "InvalidMedia",
                                                     "message": self.video_fails}}  # fmt: skip
            elif video["polls"] < 2:
                info = {"state": "in_progress", "check_after_secs": 1, "progress_percent": 50}
            else:
                info = {"state": "succeeded", "progress_percent": 100}
            return 200, {}, {"data": {"id": query["media_id"], "processing_info": info}}
        return 404, {}, {"title": "Not Found Error", "detail": "no such upload"}

    def _metadata(self, body: bytes):
        """``POST /2/media/metadata`` as X documents it; any other shape is X's 400."""
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        known = {f"77{n}" for n in range(1, self.uploads + 1)}  # images: not videos
        metadata = data.get("metadata") if isinstance(data, dict) else None
        alt = metadata.get("alt_text") if isinstance(metadata, dict) else None
        text = alt.get("text") if isinstance(alt, dict) else None
        if (
            not isinstance(data, dict)
            or set(data) != {"id", "metadata"}
            or data["id"] not in known
            or not isinstance(metadata, dict)
            or set(metadata) != {"alt_text"}
            or not isinstance(alt, dict)
            or set(alt) != {"text"}
            or not isinstance(text, str)
            or not 0 < len(text) <= 1000
        ):
            return 400, {}, _invalid("The request shape or a value is invalid.")
        if self.metadata_refuses:
            return 400, {}, _invalid(self.metadata_refuses)
        self.metadata.append(data)
        self.order.append(f"metadata {data['id']}")
        return 200, {}, {"data": {"id": data["id"], "associated_metadata": True}}

    def _page(self, rows, query, users=True):
        since = int(query.get("since_id") or 0)
        rows = [r for r in rows if int(r["id"]) > since]
        start = int(query.get("pagination_token") or 0)
        size = int(query.get("max_results") or 10)
        page = rows[start : start + size]
        meta = {"result_count": len(page)}
        if page:
            meta["newest_id"], meta["oldest_id"] = page[0]["id"], page[-1]["id"]
        if start + size < len(rows):
            meta["next_token"] = str(start + size)
        out: dict = {"meta": meta}
        if page:
            out["data"] = page
            if users:
                out["includes"] = {"users": [FAN, ME]}
        return out

    def handle(self, method, path, query, headers, body):
        if path == "/2/oauth2/token" and method == "POST":
            return self._renew(body)
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, {}, {"title": "Unauthorized", "type": "about:blank", "status": 401,
                             "detail": "Unauthorized"}  # fmt: skip
        parts = path.strip("/").split("/")
        if parts == ["2", "users", "me"]:
            return 200, {}, {"data": ME}
        if parts == ["2", "users", ME["id"], "mentions"]:
            return 200, {}, self._page(self.mentions, query)
        if parts == ["2", "dm_events"]:
            return 200, {}, self._page(self.dms, query)
        if len(parts) == 3 and parts[:2] == ["2", "dm_events"]:
            event = next((e for e in self.dms if e["id"] == parts[2]), None)
            if event is None:
                return 200, {}, {"errors": [{"title": "Not Found Error", "detail": "no event"}]}
            return 200, {}, {"data": event}
        if len(parts) == 4 and parts[:2] == ["2", "dm_conversations"] and parts[3] == "dm_events":
            return 200, {}, self._page([e for e in self.dms if e["dm_conversation_id"] == parts[2]],
                                       query, users=False)  # fmt: skip
        if len(parts) == 4 and parts[:2] == ["2", "dm_conversations"] and parts[3] == "messages":
            if not self.land_first:
                time.sleep(self.send_delay)
            with self.store:
                event = {"id": str(2_500_000 + len(self.dms)), "event_type": "MessageCreate",
                         "text": json.loads(body)["text"], "sender_id": ME["id"],
                         "created_at": stamp(60 * 24 * 30),
                         "dm_conversation_id": parts[2]}  # fmt: skip
                self.dms.insert(0, event)
                self.sent += 1
            if self.land_first:
                time.sleep(self.send_delay)
            return 201, {}, {"data": {"dm_conversation_id": parts[2], "dm_event_id": event["id"]}}
        if parts == ["2", "tweets"] and method == "POST":
            data = json.loads(body)
            if not self.land_first:
                time.sleep(self.send_delay)
            with self.store:
                tweet = {"id": str(3_000_000 + len(self.tweets)), "text": data["text"],
                         "created_at": stamp(60 * 24 * 30), "payload": data}  # fmt: skip
                answered = (data.get("reply") or {}).get("in_reply_to_tweet_id")
                if answered:
                    tweet["referenced_tweets"] = [{"type": "replied_to", "id": answered}]
                self.tweets.append(tweet)
                self.order.append(f"tweet {tweet['id']}")
                self.sent += 1
            if self.land_first:
                time.sleep(self.send_delay)
            return 201, {}, {"data": {"id": tweet["id"], "text": tweet["text"]}}
        if parts == ["2", "users", ME["id"], "tweets"]:
            return 200, {}, self._page(list(reversed(self.tweets)), query, users=False)
        if parts[:3] == ["2", "media", "upload"] and (len(parts) > 3 or method == "GET"):
            return self._video(method, parts[3:], query, headers, body)
        if parts == ["2", "media", "upload"] and method == "POST":
            self.uploads += 1
            self.upload_sizes.append(len(body))
            self.upload_bodies.append(body)
            self.order.append(f"upload 77{self.uploads}")
            return 200, {}, {"data": {"id": f"77{self.uploads}", "media_key": "3_1"}}
        if parts == ["2", "media", "metadata"] and method == "POST":
            return self._metadata(body)
        if len(parts) == 4 and parts[:2] == ["2", "tweets"] and parts[3] == "hidden":
            self.hidden[parts[2]] = json.loads(body)["hidden"]
            return 200, {}, {"data": {"hidden": self.hidden[parts[2]]}}
        if parts[:4] == ["2", "users", "by", "username"]:
            if parts[4] != FAN["username"]:
                return 200, {}, {"errors": [{"title": "Not Found Error", "detail": "no user"}]}
            return 200, {}, {"data": FAN}
        if parts == ["2", "users", ME["id"], "blocking"] and method == "POST":
            self.blocked.append(json.loads(body)["target_user_id"])
            return 200, {}, {"data": {"blocking": True}}
        if parts == ["2", "users", ME["id"]]:
            metrics = {"followers_count": 4321, "following_count": 12, "tweet_count": 987}
            return 200, {}, {"data": {**ME, "public_metrics": metrics}}
        if parts == ["2", "tweets"] and method == "GET":
            ids = str(query.get("ids", "")).split(",")
            rows = [
                {"id": i, "text": "…", "public_metrics": {"retweet_count": 2, "reply_count": 1,
                 "like_count": 9, "quote_count": 1, "impression_count": 640}}
                for i in ids if i
            ]  # fmt: skip
            return 200, {}, {"data": rows}
        return 404, {}, {"title": "Not Found Error", "detail": f"no route {method} {path}"}


def _invalid(message: str) -> dict:
    """X's answer to a request it cannot take (HTTP 400)."""
    return {
        "errors": [{"message": message}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": "https://api.twitter.com/2/problems/invalid-request",
    }

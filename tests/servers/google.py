"""A local Google: OAuth for a desktop app (loopback, PKCE, client secret, refresh tokens), the
Business Profile account and location lists, and the My Business v4 reviews API as
documented (``reviews.list`` paged by ``nextPageToken``, ``updateReply`` as ``PUT
…/reviews/{id}/reply``, ``deleteReply``). Access tokens can be expired on demand (401)."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from urllib.parse import parse_qs

from tests.servers.oauth import AuthServer

ACCOUNT = "accounts/1122"
LOCATION = "locations/3344"
PLACE = f"{ACCOUNT}/{LOCATION}"
CHANNEL = "UCdupre000000000000000"


class GoogleServer(AuthServer):
    def __init__(self) -> None:
        super().__init__()
        self.reviews: list[dict] = []  # newest update first, as orderBy=updateTime desc
        self.replies: list[tuple[str, str]] = []  # (review name, comment) as PUT
        self.expired: set[str] = set()
        self.refreshed = 0
        self.threads: list[dict] = []  # YouTube comment threads, newest first
        self.yt_replies: list[dict] = []  # comments posted as answers
        self.moderated: list[tuple[str, str, bool]] = []  # (comment, status, ban)
        self.statistics = {
            "viewCount": "3123456789",
            "subscriberCount": "4820",
            "hiddenSubscriberCount": False,
            "videoCount": "57",
        }
        self.local_posts: list[dict] = []  # Business Profile posts, newest first
        self.post_failures: list[tuple[int, dict]] = []  # answers to give the next creates

    def add_comment(
        self, n: int, text: str, author="Fan de pain", video="vid1", ours=False, held=False
    ):
        stamp = f"2026-11-{n:02d}T12:00:00Z"
        cid = f"Ugz{n}"
        self.threads.insert(
            0,
            {
                "kind": "youtube#commentThread",
                "id": cid,
                "snippet": {
                    "channelId": CHANNEL,
                    "videoId": video,
                    "topLevelComment": {
                        "id": cid,
                        "snippet": {
                            "videoId": video,
                            "textOriginal": text,
                            "textDisplay": text,
                            "authorDisplayName": "Dupré" if ours else author,
                            "authorChannelId": {"value": CHANNEL if ours else f"UCfan{n}"},
                            "publishedAt": stamp,
                            "updatedAt": stamp,
                            "moderationStatus": "heldForReview" if held else "published",
                        },
                    },
                    "totalReplyCount": 0,
                },
            },
        )

    def decide_in_studio(self, n: int, status: str) -> None:
        """What the channel's owner does in YouTube Studio: a held comment published (it
        joins the public list) or rejected (it is gone)."""
        cid = f"Ugz{n}"
        if status == "rejected":
            self.threads = [t for t in self.threads if t["id"] != cid]
            return
        for thread in self.threads:
            if thread["id"] == cid:
                thread["snippet"]["topLevelComment"]["snippet"]["moderationStatus"] = status

    def register(self, client_id: str, secret: str) -> None:
        self.apps[client_id] = {"secret": secret, "redirect_uris": []}

    def add_review(self, n: int, stars: str, comment: str, author="Léa M.", anonymous=False):
        stamp = f"2026-11-{n:02d}T10:00:00Z"
        self.reviews.insert(
            0,
            {
                "name": f"{PLACE}/reviews/r{n}",
                "reviewId": f"r{n}",
                "reviewer": {"displayName": author, "isAnonymous": anonymous},
                "starRating": stars,
                "comment": comment,
                "createTime": stamp,
                "updateTime": stamp,
            },
        )

    def _ok_token(self, headers) -> str | None:
        token = headers.get("authorization", "")[7:]
        if token in self.tokens and token not in self.expired:
            return token
        return None

    def handle(self, method, path, query, headers, body):
        if path == "/o/oauth2/v2/auth":
            if query.get("client_id") not in self.apps or query.get("access_type") != "offline":
                return 400, {}, "invalid_request"
            return super().handle(method, "/oauth/authorize", query, headers, body)
        if path == "/token":
            form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
            app = self.apps.get(form.get("client_id", ""))
            if app is None or app["secret"] != form.get("client_secret"):
                return 401, {}, {"error": "invalid_client"}
            if form.get("grant_type") == "refresh_token":
                old = form.get("refresh_token", "")
                if not old.startswith("r-") or old[2:] not in self.tokens:
                    return 400, {}, {"error": "invalid_grant"}
                token = secrets.token_hex(12)
                self.tokens.add(token)
                self.refreshed += 1
                return 200, {}, {"access_token": token, "expires_in": 3599}
            return super().handle(method, "/oauth/token", query, headers, body)
        if path == "/consent":
            return super().handle(method, path, query, headers, body)
        if self._ok_token(headers) is None:
            return 401, {}, {"error": {"code": 401, "message": "Request had invalid credentials."}}
        if path == "/v1/accounts":
            return 200, {}, {"accounts": [{"name": ACCOUNT, "accountName": "Boulangerie Dupré"}]}
        if path == f"/v1/{ACCOUNT}/locations":
            if "title" not in str(query.get("readMask", "")):
                return 400, {}, {"error": {"code": 400, "message": "readMask is required"}}
            return 200, {}, {"locations": [{"name": LOCATION, "title": "Dupré — Vieux-Port"}]}
        if path.startswith("/youtube/v3/"):
            return self._youtube(method, path.removeprefix("/youtube/v3/"), query, body)
        if path == f"/v4/{PLACE}/localPosts":
            return self._local_posts(method, query, body)
        if path == f"/v4/{PLACE}/reviews" and method == "GET":
            start = int(query.get("pageToken") or 0)
            size = int(query.get("pageSize") or 50)
            page = self.reviews[start : start + size]
            out: dict = {"reviews": page, "averageRating": 4.2, "totalReviewCount": len(page)}
            if start + size < len(self.reviews):
                out["nextPageToken"] = str(start + size)
            return 200, {}, out
        review = next((r for r in self.reviews if path == f"/v4/{r['name']}"), None)
        if review is not None and method == "GET":
            return 200, {}, review
        owner = next((r for r in self.reviews if path == f"/v4/{r['name']}/reply"), None)
        if owner is not None and method == "PUT":
            comment = json.loads(body)["comment"]
            self.replies.append((owner["name"], comment))
            owner["reviewReply"] = {"comment": comment, "updateTime": "2026-11-30T09:00:00Z"}
            return 200, {}, owner["reviewReply"]
        if owner is not None and method == "DELETE":
            owner.pop("reviewReply", None)
            return 200, {}, {}
        return 404, {}, {"error": {"code": 404, "message": f"no route {method} {path}"}}

    def _local_posts(self, method, query, body):
        """``localPosts.create`` and ``localPosts.list`` as documented (v4)."""
        if method == "GET":
            start = int(query.get("pageToken") or 0)
            size = int(query.get("pageSize") or 20)
            out: dict = {"localPosts": self.local_posts[start : start + size]}
            if start + size < len(self.local_posts):
                out["nextPageToken"] = str(start + size)
            return 200, {}, out
        if self.post_failures:
            status, answer = self.post_failures.pop(0)
            return status, {}, answer
        post = json.loads(body)
        topic = post.get("topicType")
        schedule = (post.get("event") or {}).get("schedule") or {}
        times = [schedule[k] for k in ("startTime", "endTime") if k in schedule]
        offer = post.get("offer") or {}
        limits = (("couponCode", 58), ("termsConditions", 5000))
        problem = ""
        if topic not in ("STANDARD", "EVENT", "OFFER"):
            problem = "topicType is required"
        elif len(post.get("summary") or "") > 1500:
            problem = "summary is too long"
        elif topic in ("EVENT", "OFFER") and not (post.get("event") or {}).get("schedule"):
            problem = "event.schedule is required"
        elif topic == "OFFER" and "callToAction" in post:
            problem = "callToAction is not allowed on offers"
        elif "offer" in post and topic != "OFFER":
            problem = "offer is only allowed on offers"
        elif len(set(schedule) & {"startTime", "endTime"}) == 1:
            problem = "schedule.startTime and schedule.endTime go together"
        elif any(len(offer.get(k) or "") > n for k, n in limits):
            problem = "offer.couponCode or offer.termsConditions is too long"
        elif any(v >= 24 for t in times for k, v in t.items() if k == "hours"):
            problem = "schedule time is invalid"
        if problem:
            return (
                400,
                {},
                {"error": {"code": 400, "message": problem, "status": "INVALID_ARGUMENT"}},
            )
        n = len(self.local_posts) + 1
        post.update(
            name=f"{PLACE}/localPosts/p{n}",
            state="LIVE",
            createTime=dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z"),
            searchUrl=f"https://local.google.com/place?id=3344&use=posts&lpsid=p{n}",
        )
        self.local_posts.insert(0, post)
        return 200, {}, post

    def _youtube(self, method, name, query, body):
        if name == "channels":
            if query.get("mine") != "true" and query.get("id") != CHANNEL:
                return 400, {}, {"error": {"code": 400, "message": "filter required"}}
            item: dict = {"id": CHANNEL}
            for part in str(query.get("part", "")).split(","):
                if part == "snippet":
                    item["snippet"] = {"title": "Dupré TV"}
                elif part == "statistics":
                    item["statistics"] = dict(self.statistics)
                else:
                    return 400, {}, {"error": {"code": 400, "message": f"unknown part {part}"}}
            return 200, {}, {"items": [item]}
        if name == "commentThreads" and method == "GET":
            if query.get("allThreadsRelatedToChannelId") != CHANNEL:
                return 403, {}, {"error": {"code": 403, "message": "forbidden"}}
            status = query.get("moderationStatus") or "published"
            if status not in ("published", "heldForReview", "likelySpam"):
                return 400, {}, {"error": {"code": 400, "message": "bad moderationStatus"}}
            threads = [
                t
                for t in self.threads
                if t["snippet"]["topLevelComment"]["snippet"]["moderationStatus"] == status
            ]
            start = int(query.get("pageToken") or 0)
            size = int(query.get("maxResults") or 20)
            out: dict = {"items": threads[start : start + size]}
            if start + size < len(threads):
                out["nextPageToken"] = str(start + size)
            return 200, {}, out
        if name == "comments" and method == "POST":
            if query.get("part") != "snippet":
                return 400, {}, {"error": {"code": 400, "message": "part required"}}
            snippet = json.loads(body)["snippet"]
            row = {
                "id": f"{snippet['parentId']}.r{len(self.yt_replies) + 1}",
                "snippet": {
                    **snippet,
                    "authorChannelId": {"value": CHANNEL},
                    "publishedAt": "2026-11-30T09:00:00Z",
                },
            }
            self.yt_replies.append(row)
            return 200, {}, row
        if name == "comments/setModerationStatus" and method == "POST":
            status = query["moderationStatus"]
            ban = query.get("banAuthor") == "true"
            if ban and status != "rejected":
                return 400, {}, {"error": {"code": 400, "message": "banWithoutReject"}}
            self.moderated.append((query["id"], status, ban))
            for thread in self.threads:
                top = thread["snippet"]["topLevelComment"]
                if top["id"] == query["id"]:
                    top["snippet"]["moderationStatus"] = status
            return 204, {}, b""
        if name == "comments" and method == "GET" and query.get("id"):
            wanted = str(query["id"]).split(",")
            if len(wanted) > 50:
                return 400, {}, {"error": {"code": 400, "message": "too many ids"}}
            tops = [t["snippet"]["topLevelComment"] for t in self.threads]
            return 200, {}, {"items": [t for t in tops if t["id"] in wanted]}
        if name == "comments" and method == "GET":
            rows = [r for r in self.yt_replies if r["snippet"]["parentId"] == query.get("parentId")]
            return 200, {}, {"items": rows}
        return 404, {}, {"error": {"code": 404, "message": f"no route {method} {name}"}}

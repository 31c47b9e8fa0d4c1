"""A local server answering the YouTube Data API v3 calls listening uses, as documented:

* ``GET /youtube/v3/search?part=snippet&type=video&q=…`` (``order=date``, ``publishedAfter``
  inclusive, ``maxResults`` 0–50, ``pageToken`` → ``nextPageToken``); each item
  ``{"id": {"kind": "youtube#video", "videoId"}, "snippet": {"publishedAt", "channelId",
  "title", "description", "channelTitle"}}``. Each call spends 100 units of ``quota``;
  when spent, ``403`` with ``error.errors[0].reason == "quotaExceeded"``.
* ``GET /youtube/v3/channels?part=snippet,statistics[,contentDetails]`` with ``id=`` (comma
  list) or ``forHandle=@name``; ``statistics.subscriberCount`` and ``videoCount`` as strings;
  ``contentDetails.relatedPlaylists.uploads`` (1 unit).
* ``GET /youtube/v3/playlistItems?part=contentDetails&playlistId=…`` and
  ``GET /youtube/v3/videos?part=statistics&id=…`` (1 unit each).

A bad bearer token gets 401; ``POST /token`` (Google's token endpoint, at the server's root)
renews it with ``grant_type=refresh_token`` and the refresh token, client id and secret.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

from tests.servers.base import LoopbackServer

T0 = dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC)


def _iso(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _quota_error() -> dict:
    return {"error": {"code": 403, "message": "The request cannot be completed because you "
            "have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.",
            "errors": [{"message": "quota", "domain": "youtube.quota",
                        "reason": "quotaExceeded"}]}}  # fmt: skip


class YouTubeSearchServer(LoopbackServer):
    def __init__(self, token="yt-token", quota=10_000, refresh_token="yt-refresh") -> None:
        super().__init__()
        self.token = token
        self.refresh_token = refresh_token
        self.renewed = 0
        self.quota = quota
        self.videos: list[dict] = []  # oldest first
        self.channels: dict[str, dict] = {}  # id → channel

    @property
    def api(self) -> str:
        return f"{self.base_url}/youtube/v3"

    def channel(self, cid: str, title: str, subscribers: int, *, handle="", videos=0) -> None:
        self.channels[cid] = {
            "id": cid, "handle": handle.lower(), "title": title,
            "subscribers": subscribers, "video_count": videos, "uploads": [],
        }  # fmt: skip

    def video(self, title: str, *, channel="UCfan", minutes=0, likes=0, comments=0) -> str:
        if channel not in self.channels:
            self.channel(channel, channel[2:].title(), 10)
        vid = f"v{len(self.videos) + 1:010d}"
        when = T0 + dt.timedelta(minutes=minutes)
        self.videos.append({"id": vid, "title": title, "channel": channel, "published": when,
                            "likes": likes, "comments": comments})  # fmt: skip
        self.channels[channel]["uploads"].insert(0, vid)
        return vid

    def _spend(self, units: int) -> bool:
        if self.quota < units:
            return False
        self.quota -= units
        return True

    def expire_token(self) -> None:
        """The hourly access token ends: the next call needs a renewed one."""
        self.token = f"{self.token}+"

    def handle(self, method, path, query, headers, body):
        if path == "/token" and method == "POST":
            form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
            if (
                form.get("grant_type") != "refresh_token"
                or form.get("refresh_token") != (self.refresh_token)
                or not form.get("client_id")
                or not form.get("client_secret")
            ):
                return 400, {}, {"error": "invalid_grant"}
            self.token = f"yt-renewed-{self.renewed}"
            self.renewed += 1
            return 200, {}, {"access_token": self.token, "expires_in": 3599, "token_type": "Bearer"}
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, {}, {"error": {"code": 401, "message": "Invalid Credentials"}}
        route = path.removeprefix("/youtube/v3/")
        if not self._spend(100 if route == "search" else 1):
            return 403, {}, _quota_error()
        if route == "search":
            return 200, {}, self._search(query)
        if route == "channels":
            return 200, {}, self._channels(query)
        if route == "playlistItems":
            cid = str(query.get("playlistId", "")).replace("UU", "UC", 1)
            uploads = (self.channels.get(cid) or {}).get("uploads") or []
            byid = {v["id"]: v for v in self.videos}
            items = [{"contentDetails": {"videoId": v,
                                         "videoPublishedAt": _iso(byid[v]["published"])}}
                     for v in uploads[: int(query.get("maxResults") or 5)]]  # fmt: skip
            return 200, {}, {"kind": "youtube#playlistItemListResponse", "items": items}
        if route == "videos":
            ids = str(query.get("id", "")).split(",")
            items = [{"id": v["id"], "statistics": {"viewCount": "100",
                      "likeCount": str(v["likes"]), "commentCount": str(v["comments"])}}
                     for v in self.videos if v["id"] in ids]  # fmt: skip
            return 200, {}, {"kind": "youtube#videoListResponse", "items": items}
        return 404, {}, {"error": {"code": 404, "message": "Not Found"}}

    def _search(self, query) -> dict:
        words = str(query.get("q", "")).casefold().split()
        found = [v for v in reversed(self.videos)
                 if all(w in v["title"].casefold() for w in words)]  # fmt: skip
        after = query.get("publishedAfter")
        if after:
            since = dt.datetime.fromisoformat(str(after).replace("Z", "+00:00"))
            found = [v for v in found if v["published"] >= since]
        start = int(query.get("pageToken") or 0)
        limit = max(0, min(int(query.get("maxResults") or 5), 50))
        page = found[start : start + limit]
        out: dict = {
            "kind": "youtube#searchListResponse",
            "pageInfo": {"totalResults": len(found), "resultsPerPage": limit},
            "items": [
                {"kind": "youtube#searchResult",
                 "id": {"kind": "youtube#video", "videoId": v["id"]},
                 "snippet": {"publishedAt": _iso(v["published"]), "channelId": v["channel"],
                             "title": v["title"], "description": "",
                             "channelTitle": self.channels[v["channel"]]["title"]}}
                for v in page
            ],
        }  # fmt: skip
        if start + limit < len(found):
            out["nextPageToken"] = str(start + limit)
        return out

    def _channels(self, query) -> dict:
        if query.get("forHandle"):
            handle = str(query["forHandle"]).lower()
            handle = handle if handle.startswith("@") else "@" + handle
            chosen = [c for c in self.channels.values() if c["handle"] == handle]
        else:
            ids = str(query.get("id", "")).split(",")
            chosen = [self.channels[i] for i in ids if i in self.channels]
        parts = str(query.get("part", "")).split(",")
        items = []
        for c in chosen:
            item: dict = {"kind": "youtube#channel", "id": c["id"]}
            if "snippet" in parts:
                item["snippet"] = {"title": c["title"], "customUrl": c["handle"]}
            if "statistics" in parts:
                item["statistics"] = {"viewCount": "1000", "subscriberCount": str(c["subscribers"]),
                                      "hiddenSubscriberCount": False,
                                      "videoCount": str(c["video_count"])}  # fmt: skip
            if "contentDetails" in parts:
                item["contentDetails"] = {"relatedPlaylists": {"uploads": "UU" + c["id"][2:]}}
            items.append(item)
        out: dict = {"kind": "youtube#channelListResponse",
                     "pageInfo": {"totalResults": len(items), "resultsPerPage": 5}}  # fmt: skip
        if items:  # YouTube leaves "items" out when nothing matches
            out["items"] = items
        return out

"""YouTube search and public channels, with the Data API v3 and the client's own channel's
Google token (its access token; the inbox sync renews it hourly and keeps it in the keyring).

* ``GET /search?part=snippet&type=video&order=date&q=…&maxResults=50`` (``pageToken`` →
  ``nextPageToken``), incremental with ``publishedAfter`` (RFC 3339; inclusive, so the
  boundary video may come back and is stored once by the items' unique key). A first sync
  reads the newest page only.
* Authors' audience and competitors: ``GET /channels?part=snippet,statistics,contentDetails``
  with ``id=`` (up to 50 channel ids) or ``forHandle=@handle``; ``subscriberCount`` is a
  string, absent when ``hiddenSubscriberCount``. A competitor's last videos come from its
  uploads playlist (``/playlistItems``) and their likes and comments from ``/videos``.
* The access token lasts an hour: refused (401), it is renewed once at Google's token
  endpoint with the refresh token of the account's secret, and the renewed secret is written
  back to the keyring (:class:`app.connectors.oauth.Renewal`, as the inbox's connector does).
* Quota: every project has 10,000 units a day and a search costs 100. A ``403`` whose reason
  is ``quotaExceeded`` (or ``dailyLimitExceeded``) is not retried: the stream's cursor keeps
  ``quota_until`` (the next midnight, Pacific time, when Google resets the quota) and the
  stream is not searched before then, so a background sync never hammers a spent quota.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from app.connectors.base import AccountRef
from app.connectors.errors import Rejected
from app.connectors.google_business import google_renewal
from app.connectors.http import json_of, parse_time
from app.connectors.oauth import Renewal
from app.connectors.search.base import Found, Profile, Searcher, SearchResult
from app.i18n import translate

API = "https://www.googleapis.com/youtube/v3"
TOKEN_URL = "https://oauth2.googleapis.com/token"
PAGE = 50
MAX_SEARCH_PAGES = 3  # 100 units each, of the project's 10,000 a day
QUOTA_REASONS = ("quotaExceeded", "dailyLimitExceeded")
PACIFIC = ZoneInfo("America/Los_Angeles")


class QuotaExceeded(Rejected):
    """The project's daily YouTube quota is spent."""


def next_quota_reset(now: dt.datetime) -> dt.datetime:
    """The next midnight in Pacific time (when Google resets the daily quota), in UTC."""
    local = now.astimezone(PACIFIC)
    tomorrow = (local + dt.timedelta(days=1)).date()
    return dt.datetime.combine(tomorrow, dt.time(0), PACIFIC).astimezone(dt.UTC)


def _rfc3339(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class YouTubeSearch(Searcher):
    network = "youtube"

    @property
    def api(self) -> str:
        return self.base_url or API

    _renewal: Renewal | None = None

    @property
    def renewal(self) -> Renewal:
        if self._renewal is None:
            account = AccountRef(
                0, 0, "youtube", self.handle, self.api, self.token, save_token=self.save_token
            )
            local = f"{self.api.split('/youtube/')[0]}/token"  # a local test server
            self._renewal = google_renewal(
                account, self.http, TOKEN_URL if self.api == API else local
            )
        return self._renewal

    def _get(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        url = f"{self.api}/{path}"
        response = self.renewal.send(lambda token: self.http.get(url, params=params, auth=token))
        if response.status_code == 403:
            try:
                error = response.json().get("error") or {}
                reasons = {str(e.get("reason")) for e in error.get("errors") or []}
            except (ValueError, AttributeError):
                reasons = set()
            if reasons & set(QUOTA_REASONS):
                raise QuotaExceeded(translate("Listening", "YouTube's daily quota is spent."))
        self._check(response)
        data: dict[str, Any] = json_of(response, dict)
        return data

    def search(
        self, kind: str, query: str, cursor: dict[str, Any], *, max_pages: int = 10
    ) -> SearchResult:
        result = SearchResult(cursor=dict(cursor or {}))
        now = self.now()
        until = parse_time(result.cursor.get("quota_until"))
        if until is not None and now < until:
            result.paused = translate(
                "Listening", "YouTube's daily quota is spent: searching again after {time} UTC."
            ).format(time=until.strftime("%Y-%m-%d %H:%M"))
            return result
        result.cursor.pop("quota_until", None)
        q = "#" + query.lstrip("#") if kind == "hashtag" else query
        after = str(result.cursor.get("published_after") or "")
        newest = parse_time(after) if after else None
        page_token = ""
        for _ in range(min(max_pages, MAX_SEARCH_PAGES)):
            params: dict[str, Any] = {
                "part": "snippet",
                "type": "video",
                "order": "date",
                "q": q,
                "maxResults": PAGE,
            }
            if after:
                params["publishedAfter"] = after
            if page_token:
                params["pageToken"] = page_token
            try:
                data = self._get("search", params)
            except QuotaExceeded:
                until = next_quota_reset(now)
                result.cursor["quota_until"] = until.isoformat()
                result.paused = translate(
                    "Listening",
                    "YouTube's daily quota is spent: searching again after {time} UTC.",
                ).format(time=until.strftime("%Y-%m-%d %H:%M"))
                break
            finally:
                result.requests += 1
            for item in data.get("items") or []:
                found = self._found(item)
                if found is None:
                    continue
                result.items.append(found)
                if newest is None or found.published_at > newest:
                    newest = found.published_at
            page_token = str(data.get("nextPageToken") or "")
            if not page_token or not after:
                break  # the end, or a first sync: the newest page is enough
        if newest is not None:
            result.cursor["published_after"] = _rfc3339(newest)
        return result

    @staticmethod
    def _found(item: dict[str, Any]) -> Found | None:
        video = (item.get("id") or {}).get("videoId")
        snippet = item.get("snippet") or {}
        when = parse_time(snippet.get("publishedAt"))
        if not video or when is None:
            return None
        title = str(snippet.get("title") or "")
        description = str(snippet.get("description") or "")
        return Found(
            external_id=str(video),
            author=str(snippet.get("channelTitle") or ""),
            author_handle=str(snippet.get("channelId") or ""),
            text="\n".join(part for part in (title, description) if part),
            url=f"https://www.youtube.com/watch?v={video}",
            published_at=when,
        )

    def followers(self, handles: list[str]) -> dict[str, tuple[str, int]]:
        out: dict[str, tuple[str, int]] = {}
        for i in range(0, len(handles), 50):
            try:
                data = self._get(
                    "channels", {"part": "snippet,statistics", "id": ",".join(handles[i : i + 50])}
                )
            except QuotaExceeded:  # the videos found are kept; their audience waits a day
                break
            for channel in data.get("items") or []:
                stats = channel.get("statistics") or {}
                count = _int(stats.get("subscriberCount"))
                if channel.get("id") and count is not None:
                    name = str((channel.get("snippet") or {}).get("title") or "")
                    out[str(channel["id"])] = (name, count)
        return out

    def profile(self, handle: str) -> Profile | None:
        """A channel by its id (``UC…``) or its handle (``@name``)."""
        handle = handle.strip()
        params: dict[str, Any] = {"part": "snippet,statistics,contentDetails"}
        if handle.startswith("UC") and " " not in handle:
            params["id"] = handle
        else:
            params["forHandle"] = "@" + handle.lstrip("@")
        items = self._get("channels", params).get("items") or []
        if not items:
            return None
        channel = items[0]
        stats = channel.get("statistics") or {}
        uploads = ((channel.get("contentDetails") or {}).get("relatedPlaylists") or {}).get(
            "uploads"
        )
        return Profile(
            handle=handle,
            name=str((channel.get("snippet") or {}).get("title") or handle),
            followers=_int(stats.get("subscriberCount")),
            posts_total=_int(stats.get("videoCount")),
            recent=self._recent(str(uploads)) if uploads else (),
        )

    def _recent(self, playlist: str) -> tuple[tuple[dt.datetime, int], ...]:
        """The channel's latest 50 uploads: (published, likes + comments)."""
        data = self._get(
            "playlistItems", {"part": "contentDetails", "playlistId": playlist, "maxResults": 50}
        )
        published: dict[str, dt.datetime] = {}
        for item in data.get("items") or []:
            details = item.get("contentDetails") or {}
            when = parse_time(details.get("videoPublishedAt"))
            if details.get("videoId") and when is not None:
                published[str(details["videoId"])] = when
        if not published:
            return ()
        videos = self._get("videos", {"part": "statistics", "id": ",".join(published)})
        out = []
        for video in videos.get("items") or []:
            when = published.get(str(video.get("id")))
            if when is None:
                continue
            stats = video.get("statistics") or {}
            engagements = sum(_int(stats.get(k)) or 0 for k in ("likeCount", "commentCount"))
            out.append((when, engagements))
        return tuple(out)

"""YouTube: comments on the channel's videos into the inbox, answered from Tribune.

The documented Data API v3 calls: ``GET /commentThreads?part=snippet&allThreadsRelatedToChannelId=
{channel}&order=time`` (newest first, ``pageToken`` → ``nextPageToken``; each thread's
``snippet.topLevelComment`` has ``textOriginal``, ``authorDisplayName``,
``authorChannelId.value``, ``publishedAt``, and the thread ``snippet.videoId``), ``POST
/comments?part=snippet`` with ``{"snippet": {"parentId", "textOriginal"}}`` for an answer, and
``GET /comments?part=snippet&parentId=…`` to find our answer after a seat stopped mid-send
(YouTube keeps no idempotency key).

Comments YouTube holds for review are a list of their own (``moderationStatus=heldForReview``,
read whole each sync, the held ids kept in the cursor): they come in ``held`` (stored hidden,
see :mod:`app.services.inbox.held`) and the charter's moderation decides with
``comments.setModerationStatus`` — published, rejected, ``banAuthor`` only for a ban. One that
left the list since the last sync was decided in YouTube Studio: ``comments.list?id=`` finds it
public (``decided="published"``) or not at all (``decided="rejected"``).
The channel's numbers come from ``channels.list part=statistics`` once a day.

The account's handle is the channel id (``UC…``); its token is the JSON Google's OAuth gives
with the agency's client id and secret, renewed hourly (:mod:`app.connectors.oauth`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import httpx

from app.connectors.base import AccountRef, Connector, FetchResult, Health, Published
from app.connectors.contract import (
    AccountMetricSample,
    IncomingMessage,
    ModerationToSend,
    ReplyToSend,
    RowError,
)
from app.connectors.errors import BadResponse, Rejected
from app.connectors.google_business import given_time, google_refusal, google_renewal
from app.connectors.http import Http, json_of, parse_time
from app.i18n import translate

API = "https://www.googleapis.com/youtube/v3"
TOKEN_URL = "https://oauth2.googleapis.com/token"
COMMENT_LIMIT = 10000
# the charter's moderation → comments.setModerationStatus (only on the channel's own videos)
MODERATION = {
    "hide": ("heldForReview", False),
    "unhide": ("published", False),
    "delete": ("rejected", False),
    "ban": ("rejected", True),
}


def _watch_url(video: str, comment: str) -> str:
    return f"https://www.youtube.com/watch?v={video}&lc={comment}" if video else ""


class YouTubeConnector(Connector):
    network = "youtube"
    char_limit = COMMENT_LIMIT
    credential_hosts = ("www.googleapis.com", "youtube.googleapis.com", "oauth2.googleapis.com")

    def __init__(self, account: AccountRef, http: Http) -> None:
        super().__init__(account, http)
        local = f"{self.base.split('/youtube/')[0]}/token"  # a local test server
        self._token = google_renewal(account, http, TOKEN_URL if self.base == API else local)

    @property
    def base(self) -> str:
        return (self.account.base_url or API).rstrip("/")

    @property
    def channel(self) -> str:
        return self.account.handle.strip()

    def _call(
        self, method: str, path: str, *, expect_body: bool = True, **kwargs: Any
    ) -> dict[str, Any]:
        url = f"{self.base}/{path.lstrip('/')}"
        response: httpx.Response = self._token.send(
            lambda token: self.http.request(method, url, auth=token, **kwargs)
        )
        if response.status_code >= 400:
            raise google_refusal(
                response,
                translate("Connectors", "YouTube refused the request (HTTP {status}): {message}"),
            )
        data: dict[str, Any] = json_of(response, dict) if expect_body else {}
        return data

    def check(self) -> Health:
        data = self._call("GET", "channels", params={"part": "snippet", "id": self.channel})
        items = data.get("items") or []
        title = str(((items[0] or {}).get("snippet") or {}).get("title") or "") if items else ""
        return Health(display_name=title or self.channel, char_limit=COMMENT_LIMIT)

    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: object = None
    ) -> FetchResult:
        """The public comments since the cursor, then those YouTube holds for review (a
        list of their own, with their own cursor): these come in held."""
        cursor = dict(cursor or {})
        before = self.http.requests
        items, errors = self._threads(cursor, "seen_at", {}, max_pages)
        held, held_errors = self._held(cursor, max_pages)
        return FetchResult(
            tuple(items + held), cursor, tuple(errors + held_errors), self.http.requests - before
        )

    def _held(
        self, cursor: dict[str, Any], max_pages: int
    ) -> tuple[list[IncomingMessage], list[RowError]]:
        """The whole held list (it is short), and what left it since the last sync: decided
        in YouTube Studio — published (``comments.list`` by id finds it public) or rejected
        (it finds nothing) — said as ``decided`` so the inbox takes it out of the held state.
        The cursor keeps the ids held at the last sync."""
        before = cursor.get("held_ids")
        scan = {k: v for k, v in cursor.items() if k != "held_seen_at"}  # every page
        items, errors = self._threads(
            scan, "held_seen_at", {"moderationStatus": "heldForReview"}, max_pages
        )
        cursor["held_seen_at"] = scan.get("held_seen_at") or cursor.get("held_seen_at")
        now_held = [i.external_id for i in items]
        cursor["held_ids"] = now_held
        if before is None:  # a cursor from before the held ids were kept: nothing to compare
            return items, errors
        gone = [str(x) for x in before if x not in set(now_held)]
        items = [i for i in items if i.external_id not in set(before)]  # new ones only
        for start in range(0, len(gone), 50):  # comments.list takes 50 ids at a time
            wanted = gone[start : start + 50]
            data = self._call(
                "GET",
                "comments",
                params={"part": "snippet", "id": ",".join(wanted), "textFormat": "plainText"},
            )
            public: dict[str, IncomingMessage] = {}
            still: set[str] = set()
            for row in data.get("items") or []:
                try:
                    status = row["snippet"].get("moderationStatus") or "published"
                    item = self._comment(row, held=False)
                except (KeyError, TypeError, ValueError, AttributeError):
                    continue
                if status != "published":  # held still (on a page we could not read)
                    still.add(str(row["id"]))
                elif item is not None:
                    public[item.external_id] = replace(item, decided="published")
            for ext in wanted:
                if ext in still:
                    now_held.append(ext)
                else:
                    items.append(public.get(ext) or self._rejected(ext))
        return items, errors

    def _comment(
        self, row: dict[str, Any], *, held: bool, video: str = ""
    ) -> IncomingMessage | None:
        """One top-level comment as an inbox item (None for our own)."""
        snippet = row["snippet"]
        author_id = str((snippet.get("authorChannelId") or {}).get("value") or "")
        if author_id == self.channel:
            return None
        video = video or str(snippet.get("videoId") or "")
        return IncomingMessage(
            network=self.network,
            external_id=str(row["id"]),
            kind="comment",
            author=str(snippet.get("authorDisplayName") or ""),
            author_handle=author_id,
            text=str(snippet.get("textOriginal") or snippet.get("textDisplay") or ""),
            received_at=given_time(snippet["publishedAt"]),
            url=_watch_url(video, str(row["id"])),
            account_id=self.account.id,
            held=held or snippet.get("moderationStatus") == "heldForReview",
        )

    def _rejected(self, external_id: str) -> IncomingMessage:
        """A held comment YouTube no longer has: rejected in Studio (or deleted by its
        author); only its id matters."""
        return IncomingMessage(
            self.network, external_id, "comment", "", "", "", dt.datetime.now(dt.UTC),
            account_id=self.account.id, decided="rejected",
        )  # fmt: skip

    def _threads(
        self, cursor: dict[str, Any], key: str, extra: dict[str, str], max_pages: int
    ) -> tuple[list[IncomingMessage], list[RowError]]:
        """One list of comment threads, newest first, down to ``cursor[key]`` (updated)."""
        seen = parse_time(cursor.get(key))
        newest = seen
        items: list[IncomingMessage] = []
        errors: list[RowError] = []
        held = bool(extra)
        params: dict[str, Any] = {
            "part": "snippet",
            "allThreadsRelatedToChannelId": self.channel,
            "order": "time",
            "maxResults": 100,
            "textFormat": "plainText",
            **extra,
        }
        for _ in range(max_pages):
            data = self._call("GET", "commentThreads", params=params)
            rows = data.get("items")
            if not isinstance(rows, list):
                raise BadResponse(translate("Connectors", "YouTube sent comments of an odd shape."))
            old = False
            for thread in rows:
                try:
                    top = thread["snippet"]["topLevelComment"]
                    snippet = top["snippet"]
                    when = given_time(snippet["publishedAt"])
                    if seen and when <= seen:
                        old = True
                        continue
                    newest = max(newest, when) if newest else when
                    video = str(thread["snippet"].get("videoId") or snippet.get("videoId") or "")
                    item = self._comment(top, held=held, video=video)
                    if item is not None:  # None: our own comment
                        items.append(item)
                except (KeyError, TypeError, ValueError, AttributeError):
                    ref = str(thread.get("id") or "") if isinstance(thread, dict) else ""
                    errors.append(
                        RowError(
                            0, ref, translate("Connectors", "A YouTube comment could not be read.")
                        )
                    )
            token = data.get("nextPageToken")
            if old or not token or not rows:
                break
            params = {**params, "pageToken": token}
        if newest:
            cursor[key] = newest.isoformat()
        return items, errors

    def reply(self, reply: ReplyToSend) -> Published:
        if reply.private:
            raise Rejected(translate("Connectors", "YouTube has no private answer to a comment."))
        self.check_length(reply.text)
        data = self._call(
            "POST",
            "comments",
            params={"part": "snippet"},
            json={"snippet": {"parentId": reply.in_reply_to, "textOriginal": reply.text}},
        )
        if not data.get("id"):
            raise BadResponse(translate("Connectors", "YouTube did not return the comment."))
        return Published(
            str(data["id"]), "", parse_time((data.get("snippet") or {}).get("publishedAt"))
        )

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """Our answer among the comment's replies, with the same text."""
        if reply.private:
            return None
        data = self._call(
            "GET",
            "comments",
            params={"part": "snippet", "parentId": reply.in_reply_to, "maxResults": 100},
        )
        for row in data.get("items") or []:
            snippet = (row or {}).get("snippet") or {} if isinstance(row, dict) else {}
            author = str((snippet.get("authorChannelId") or {}).get("value") or "")
            if author == self.channel and self.same_text(
                snippet.get("textOriginal", ""), reply.text
            ):
                return Published(str(row.get("id") or ""))
        return None

    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        """The channel's numbers of the day (``channels.list part=statistics``): subscribers
        as followers (none when the channel hides the count), videos as posts, and the
        lifetime views as views to date."""
        data = self._call("GET", "channels", params={"part": "statistics", "id": self.channel})
        items = data.get("items") or []
        stats = ((items[0] or {}).get("statistics") or {}) if items else {}
        if not isinstance(stats, dict) or not stats:
            raise BadResponse(translate("Connectors", "YouTube sent no channel statistics."))

        def number(name: str) -> int | None:
            try:
                return int(stats[name])
            except (KeyError, TypeError, ValueError):
                return None

        hidden = bool(stats.get("hiddenSubscriberCount"))
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=None if hidden else number("subscriberCount"),
                posts=number("videoCount"),
                views_total=number("viewCount"),
            )
        ]

    def moderate(self, item: ModerationToSend) -> None:
        """Hide (held for review), show again, reject, or reject and ban the author."""
        if item.action not in MODERATION:
            raise self.cannot(item.action)
        status, ban = MODERATION[item.action]
        params = {"id": item.external_id, "moderationStatus": status}
        if ban:
            params["banAuthor"] = "true"
        self._call("POST", "comments/setModerationStatus", params=params, expect_body=False)


__all__ = ["MODERATION", "YouTubeConnector"]

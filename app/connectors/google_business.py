"""Google Business Profile: a place's reviews into the inbox, answered from Tribune.

The documented My Business API v4 calls: ``GET /v4/{account}/{location}/reviews``
(``orderBy=updateTime desc``, ``pageSize``, ``pageToken`` → ``nextPageToken``; each review
has ``reviewId``, ``reviewer.displayName``, ``starRating`` ONE…FIVE, ``comment``,
``createTime``, ``updateTime``, ``reviewReply``), and ``PUT /v4/{review name}/reply`` with
``{"comment"}``: it sets the owner's answer, or replaces it (editing the reply is sending
it again). The PUT is idempotent by nature and ``find_reply`` reads the review's
``reviewReply`` back, so a send a stopped seat left is never doubled.

The account's handle is ``accounts/{a}/locations/{l}``; its token is the JSON Google's OAuth
gives (access token, refresh token, the agency's client id and secret): an access token
lasts an hour and is renewed at ``oauth2.googleapis.com/token`` (:mod:`app.connectors.oauth`).
The stars go at the head of the text (``★★★★☆ 4/5``), what the inbox shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from app.connectors.base import AccountRef, Connector, FetchResult, Health, Published
from app.connectors.contract import DueVariant, IncomingMessage, ReplyToSend, RowError
from app.connectors.errors import BadResponse, ConnectorError, RateLimited, Rejected
from app.connectors.google_posts import SUMMARY_LIMIT, local_post, photo_address, read_topic
from app.connectors.http import Http, json_of, parse_time
from app.connectors.oauth import Renewal
from app.i18n import translate

API = "https://mybusiness.googleapis.com"
TOKEN_URL = "https://oauth2.googleapis.com/token"
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
REPLY_LIMIT = 4096


def stars_text(rating: object, comment: str) -> str:
    n = STARS.get(str(rating or "").upper(), 0)
    head = ("★" * n + "☆" * (5 - n) + f" {n}/5") if n else ""
    return "\n".join(part for part in (head, comment.strip()) if part)


# Google's answers when a quota or a rate is spent (HTTP 403 or 429): try again later
QUOTA_REASONS = {
    "rateLimitExceeded",
    "userRateLimitExceeded",
    "quotaExceeded",
    "dailyLimitExceeded",
}


def given_time(value: object) -> dt.datetime:
    """A time the network must give (ValueError when it is missing or unreadable)."""
    when = parse_time(value)
    if when is None:
        raise ValueError("no time")
    return when


def google_refusal(response: httpx.Response, what: str) -> ConnectorError:
    """A Google API error answer as the connectors raise it: a spent quota is a rate limit
    (the post or the answer stays queued), anything else a refusal with Google's words.
    ``what`` is the translated sentence, with ``{status}`` and ``{message}``."""
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    if not isinstance(error, dict):
        error = {}
    message = str(error.get("message") or "")[:200]
    reasons = {str(e.get("reason") or "") for e in error.get("errors") or [] if isinstance(e, dict)}
    if reasons & QUOTA_REASONS or error.get("status") == "RESOURCE_EXHAUSTED":
        return RateLimited(
            translate("Connectors", "Google's quota is spent for now: {message}").format(
                message=message
            )
        )
    return Rejected(what.format(status=response.status_code, message=message))


def google_renewal(account: AccountRef, http: Http, token_url: str) -> Renewal:
    """Google's hourly access token renewed from the refresh token (Business Profile and
    YouTube alike), the new one kept in the keyring."""
    return Renewal(
        account,
        http,
        token_url,
        ("refresh_token", "client_id", "client_secret"),
        translate("Connectors", "Google refused to renew the access: reconnect the account."),
    )


class GoogleBusinessConnector(Connector):
    network = "google"
    char_limit = REPLY_LIMIT
    credential_hosts = ("mybusiness.googleapis.com", "oauth2.googleapis.com")

    def __init__(self, account: AccountRef, http: Http) -> None:
        super().__init__(account, http)
        self._token = google_renewal(
            account, http, TOKEN_URL if self.base == API else f"{self.base}/token"
        )

    @property
    def base(self) -> str:
        return (self.account.base_url or API).rstrip("/")

    @property
    def location(self) -> str:
        return self.account.handle.strip().strip("/")

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        url = f"{self.base}/v4/{path.lstrip('/')}"
        response: httpx.Response = self._token.send(
            lambda token: self.http.request(method, url, auth=token, **kwargs)
        )
        if response.status_code >= 400:
            raise google_refusal(
                response,
                translate("Connectors", "Google refused the request (HTTP {status}): {message}"),
            )
        data: dict[str, Any] = json_of(response, dict)
        return data

    def check(self) -> Health:
        data = self._call("GET", f"{self.location}/reviews", params={"pageSize": 1})
        average = data.get("averageRating")
        name = self.location if average is None else f"{self.location} ★ {average}"
        return Health(display_name=name, char_limit=REPLY_LIMIT)

    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: object = None
    ) -> FetchResult:
        cursor = dict(cursor or {})
        seen = parse_time(cursor.get("seen_at"))
        newest = seen
        items: list[IncomingMessage] = []
        errors: list[RowError] = []
        before = self.http.requests
        params: dict[str, Any] = {"pageSize": 50, "orderBy": "updateTime desc"}
        for _ in range(max_pages):
            data = self._call("GET", f"{self.location}/reviews", params=params)
            rows = data.get("reviews") or []
            if not isinstance(rows, list):
                raise BadResponse(translate("Connectors", "Google sent reviews of an odd shape."))
            old = False
            for review in rows:
                try:
                    when = given_time(review.get("updateTime") or review["createTime"])
                    if seen and when <= seen:
                        old = True
                        continue
                    newest = max(newest, when) if newest else when
                    reviewer = review.get("reviewer") or {}
                    author = str(reviewer.get("displayName") or "")
                    if reviewer.get("isAnonymous") or not author:
                        author = translate("Connectors", "A Google user")
                    items.append(
                        IncomingMessage(
                            network=self.network,
                            external_id=str(review.get("name") or review["reviewId"]),
                            kind="review",
                            author=author,
                            author_handle="",
                            text=stars_text(review.get("starRating"), review.get("comment") or ""),
                            received_at=parse_time(review.get("createTime")) or when,
                            account_id=self.account.id,
                        )
                    )
                except (KeyError, TypeError, ValueError, AttributeError):
                    ref = str(review.get("reviewId") or "") if isinstance(review, dict) else ""
                    errors.append(
                        RowError(0, ref, translate("Connectors", "A review could not be read."))
                    )
            token = data.get("nextPageToken")
            if old or not token or not rows:
                break
            params = {**params, "pageToken": token}
        if newest:
            cursor["seen_at"] = newest.isoformat()
        return FetchResult(tuple(items), cursor, tuple(errors), self.http.requests - before)

    def _review_name(self, external_id: str) -> str:
        if external_id.startswith("accounts/"):
            return external_id
        return f"{self.location}/reviews/{external_id}"

    @staticmethod
    def _answer_id(name: str, reply: ReplyToSend) -> str:
        """A review has one answer on Google, replaced by each edit; in the inbox each of our
        answers is its own message, so its id names which one it was."""
        return f"{name}/reply#{reply.reply_id}"

    def reply(self, reply: ReplyToSend) -> Published:
        """The owner's answer to a review: set, or replaced when there is one (an edit)."""
        if reply.private:
            raise Rejected(translate("Connectors", "Google has no private answer to a review."))
        self.check_length(reply.text)
        name = self._review_name(reply.in_reply_to)
        data = self._call("PUT", f"{name}/reply", json={"comment": reply.text})
        return Published(self._answer_id(name, reply), "", parse_time(data.get("updateTime")))

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        name = self._review_name(reply.in_reply_to)
        data = self._call("GET", name)
        answer = data.get("reviewReply") or {}
        if self.same_text(answer.get("comment", ""), reply.text):
            return Published(self._answer_id(name, reply), "", parse_time(answer.get("updateTime")))
        return None

    # -- posts from the calendar (app/connectors/google_posts.py) --------------------------
    def publish(self, variant: DueVariant) -> Published:
        """A "What's new" post, an offer or an event, as the text's first line says."""
        topic = read_topic(variant.text, variant.planned_day())
        self.check_length(topic.summary, SUMMARY_LIMIT)
        body = local_post(topic, variant.link, photo_address(variant.media))
        data = self._call("POST", f"{self.location}/localPosts", json=body)
        if not data.get("name"):
            raise BadResponse(translate("Connectors", "Google did not return the post."))
        return self._published(data)

    @staticmethod
    def _published(data: dict[str, Any]) -> Published:
        return Published(
            str(data["name"]), str(data.get("searchUrl") or ""), parse_time(data.get("createTime"))
        )

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """After a stopped send: the place's post with the same text made since it began
        (Google keeps no idempotency key), so a recovered post is never doubled."""
        try:
            topic = read_topic(variant.text, variant.planned_day())
        except Rejected:
            return None  # never sent: it was refused before any request
        start = since - dt.timedelta(minutes=1) if since else None
        params: dict[str, Any] = {"pageSize": 100}
        for _ in range(5):
            data = self._call("GET", f"{self.location}/localPosts", params=params)
            for post in data.get("localPosts") or []:
                if not isinstance(post, dict) or not post.get("name"):
                    continue
                if post.get("topicType", "STANDARD") != topic.kind or not self.same_text(
                    str(post.get("summary") or ""), topic.summary
                ):
                    continue
                made = parse_time(post.get("createTime"))
                if start is None or made is None or made >= start:
                    return self._published(post)
            if not data.get("nextPageToken"):
                return None
            params = {**params, "pageToken": data["nextPageToken"]}
        return None

    def delete_reply(self, review_external_id: str) -> None:
        self._call("DELETE", f"{self._review_name(review_external_id)}/reply")


__all__ = ["GoogleBusinessConnector", "stars_text"]

"""LinkedIn company pages through the versioned Community Management API (``/rest``).

The account's handle is the organization URN (``urn:li:organization:123``); the token is a
member's OAuth token with the page-admin scopes. Every call sends ``LinkedIn-Version`` and
``X-Restli-Protocol-Version: 2.0.0``; URNs in paths are URL-encoded. An access token lasts
60 days: with the app's refresh token, client id and secret in the keyring (JSON, see
:mod:`app.connectors.oauth`) a 401 renews it at ``/oauth/v2/accessToken``.

* Inbox: the comments (``GET /rest/socialActions/{post}/comments``, ``start``/``count``
  paging) on the organization's recent posts (``GET /rest/posts?q=author``), newer than the
  last sync. LinkedIn does not give the commenters' names to a page (only their member
  URN): they show as "LinkedIn member".
* Publishing: ``POST /rest/posts`` (text, link, images first sent through the Images API:
  ``initializeUpload`` then a PUT of the bytes; a video through the Videos API: each byte
  range PUT, ``finalizeUpload`` with the parts' ETags, then awaited until ``AVAILABLE``;
  the post's URN comes back in ``x-restli-id``), replies as comments of the organization
  (``parentComment`` for a reply to a comment). No idempotency key: after a crash the post
  is looked for among the organization's recent posts before a resend.
* Moderation: a comment on our posts can be deleted; LinkedIn's API has no hide, block or
  report. Numbers: the page's followers (``networkSizes``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote

import httpx

from app.connectors import linkedin_media
from app.connectors.base import (
    AccountRef,
    BadResponse,
    Connector,
    FetchProgress,
    FetchResult,
    Health,
    Published,
    Rejected,
)
from app.connectors.contract import (
    AccountMetricSample,
    DueVariant,
    IncomingMessage,
    ModerationToSend,
    ReplyToSend,
    RowError,
)
from app.connectors.http import Http, json_dict, json_of
from app.connectors.linkedin_media import VIDEO_POLL as VIDEO_POLL
from app.connectors.linkedin_media import VIDEO_WAIT as VIDEO_WAIT
from app.connectors.oauth import Renewal
from app.i18n import translate

VERSION = "202510"  # LinkedIn-Version: a marketing version still served
PAGE = 50
POSTS_LOOKED_AT = 20  # recent posts whose new comments are fetched
COMMENT_URN = re.compile(r"^urn:li:comment:\((?P<parent>urn:li:[a-zA-Z]+:[^,]+),(?P<id>[^)]+)\)$")


def _enc(urn: str) -> str:
    return quote(urn, safe="")


def _post_url(urn: str) -> str:
    return f"https://www.linkedin.com/feed/update/{urn}/"


def _when(ms: int | str) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(ms) / 1000, dt.UTC)


class LinkedInConnector(Connector):
    network = "linkedin"
    credential_hosts = ("api.linkedin.com", "www.linkedin.com")
    char_limit = 3000

    def __init__(self, account: AccountRef, http: Http) -> None:
        super().__init__(account, http)
        # LinkedIn's token endpoint is on www.linkedin.com; a test server answers it itself
        oauth = self.base.replace("://api.linkedin.com", "://www.linkedin.com", 1)
        self._token = Renewal(
            account,
            http,
            f"{oauth}/oauth/v2/accessToken",
            ("refresh_token", "client_id", "client_secret"),
            translate("Connectors", "LinkedIn refused to renew the access: reconnect the account."),
        )

    @property
    def base(self) -> str:
        return (self.account.base_url or "https://api.linkedin.com").rstrip("/")

    @property
    def org(self) -> str:
        handle = self.account.handle.strip()
        return handle if handle.startswith("urn:li:") else f"urn:li:organization:{handle}"

    # -- HTTP -----------------------------------------------------------------------------
    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {
            "LinkedIn-Version": VERSION,
            "X-Restli-Protocol-Version": "2.0.0",
            **kwargs.pop("headers", {}),
        }
        url = f"{self.base}{path}"
        response = self._token.send(
            lambda token: self.http.request(method, url, auth=token, headers=headers, **kwargs)
        )
        if response.status_code >= 400:
            try:
                data = response.json()
            except ValueError:
                data = {}
            reason = data.get("message", "") if isinstance(data, dict) else ""
            raise Rejected(
                translate(
                    "Connectors", "LinkedIn refused the request (HTTP {status}): {reason}"
                ).format(status=response.status_code, reason=str(reason)[:200])
            )
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return json_dict(self._call(method, path, **kwargs))

    def _elements(self, data: dict[str, Any]) -> list[Any]:
        rows = data.get("elements")
        if not isinstance(rows, list):
            raise BadResponse(
                translate("Connectors", "LinkedIn sent a list of an unexpected shape.")
            )
        return rows

    def _recent_posts(self, count: int = POSTS_LOOKED_AT) -> list[dict[str, Any]]:
        data = self._json(
            "GET",
            "/rest/posts",
            params={"author": self.org, "q": "author", "count": count, "sortBy": "LAST_MODIFIED"},
            headers={"X-RestLi-Method": "FINDER"},
        )
        return [p for p in self._elements(data) if isinstance(p, dict) and p.get("id")]

    # -- account --------------------------------------------------------------------------
    def check(self) -> Health:
        org_id = self.org.rsplit(":", 1)[-1]
        data = self._json("GET", f"/rest/organizations/{org_id}")
        name = data.get("localizedName") or data.get("vanityName") or self.account.handle
        # with a renewable token, the end of the refresh token (a year) is the real deadline
        return Health(
            display_name=str(name),
            char_limit=self.char_limit,
            token_expires_at=self._token.refresh_expires_at,
        )

    # -- inbox ----------------------------------------------------------------------------
    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
    ) -> FetchResult:
        cursor = dict(cursor or {})
        before = self.http.requests
        since = int(cursor.get("comments_after") or 0)  # epoch ms of the newest comment seen
        newest = since
        items: list[IncomingMessage] = []
        errors: list[RowError] = []
        for post in self._recent_posts():
            start = 0
            for _ in range(max_pages):
                data = self._json(
                    "GET",
                    f"/rest/socialActions/{_enc(post['id'])}/comments",
                    params={"start": start, "count": PAGE},
                )
                rows = self._elements(data)
                for row in rows:
                    try:
                        created = int(row["created"]["time"])
                        if created <= since or row.get("actor") == self.org:
                            continue  # seen by an earlier sync, or our own answer
                        newest = max(newest, created)
                        items.append(self._comment(row, post["id"]))
                    except (KeyError, TypeError, AttributeError, ValueError):
                        errors.append(self._skipped(row))
                start += len(rows)
                total = (data.get("paging") or {}).get("total")
                if not rows or (total is not None and start >= int(total)):
                    break
            if progress:
                progress(len(items), "comments")
        if newest:
            cursor["comments_after"] = str(newest)
        return FetchResult(tuple(items), cursor, tuple(errors), self.http.requests - before)

    def _comment(self, row: dict[str, Any], post_urn: str) -> IncomingMessage:
        urn = str(row.get("commentUrn") or "") or f"urn:li:comment:({post_urn},{row['id']})"
        parent = str(row.get("parentComment") or post_urn)
        return IncomingMessage.fast(
            network=self.network,
            external_id=urn,
            kind="comment",
            author=translate("Connectors", "LinkedIn member"),
            author_handle=str(row["actor"]),
            text=str(row["message"]["text"]),
            received_at=_when(row["created"]["time"]),
            in_reply_to=parent,
            url=_post_url(post_urn),
            account_id=self.account.id,
        )

    @staticmethod
    def _skipped(row: object) -> RowError:
        ref = str(row.get("commentUrn") or row.get("id") or "") if isinstance(row, dict) else ""
        return RowError(
            0,
            ref,
            translate("Connectors", "A LinkedIn comment without the expected fields was skipped."),
        )

    _upload = linkedin_media._upload

    _upload_video = linkedin_media._upload_video

    def publish(self, variant: DueVariant) -> Published:
        text = self.text_with_link(variant)
        self.check_length(text)
        body = {
            "author": self.org,
            "commentary": text,
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        video = self.lone_video(variant.media)
        if video is not None:
            body["content"] = {"media": {"id": self._upload_video(video), "title": video.alt_text}}
        elif variant.media:
            if len(variant.media) > 20:
                raise Rejected(translate("Connectors", "LinkedIn takes at most 20 images."))
            images = [{"id": self._upload(m), "altText": m.alt_text} for m in variant.media]
            body["content"] = (
                {"media": images[0]} if len(images) == 1 else {"multiImage": {"images": images}}
            )
        response = self._call("POST", "/rest/posts", json=body)
        urn = response.headers.get("x-restli-id", "")
        if not urn:
            raise BadResponse(translate("Connectors", "LinkedIn did not return the post's URN."))
        return Published(urn, _post_url(urn), dt.datetime.now(dt.UTC))

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """Our post with the same text since the send began (no idempotency key here)."""
        wanted = " ".join(self.text_with_link(variant).split())
        floor = (since - dt.timedelta(minutes=1)).timestamp() * 1000
        for post in self._recent_posts():
            created = int(post.get("createdAt") or 0)
            if created >= floor and " ".join(str(post.get("commentary", "")).split()) == wanted:
                urn = str(post["id"])
                return Published(urn, _post_url(urn), _when(created))
        return None

    def reply(self, reply: ReplyToSend) -> Published:
        self.check_length(reply.text, 1250)  # LinkedIn's limit for a comment
        if reply.private:
            raise Rejected(translate("Connectors", "LinkedIn has no private answer to a comment."))
        target = reply.in_reply_to
        body: dict[str, Any] = {"actor": self.org, "message": {"text": reply.text}}
        match = COMMENT_URN.match(target)
        if match:  # answering a comment: under its post, as a reply to it
            target = match.group("parent")
            body["parentComment"] = reply.in_reply_to
        body["object"] = target
        data = json_of(
            self._call("POST", f"/rest/socialActions/{_enc(target)}/comments", json=body), dict
        )
        urn = str(data.get("commentUrn") or data.get("id") or "")
        if not urn:
            raise BadResponse(translate("Connectors", "LinkedIn did not return the comment."))
        return Published(urn, _post_url(target))

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """Our comment (as the organisation) with the same text under the same post."""
        if reply.private:
            return None
        target = reply.in_reply_to
        match = COMMENT_URN.match(target)
        if match:
            target = match.group("parent")
        data = self._json("GET", f"/rest/socialActions/{_enc(target)}/comments")
        for row in self._elements(data):
            if not isinstance(row, dict) or row.get("actor") not in (None, self.org):
                continue
            text = (row.get("message") or {}).get("text", "")
            if self.same_text(text, reply.text):
                urn = str(row.get("commentUrn") or row.get("id") or "")
                return Published(urn, _post_url(target))
        return None

    # -- the first comment: a reply to our own post (app.services.sync.publish_comments) -------
    def first_comment(self, comment: ReplyToSend) -> Published:
        return self.reply(comment)

    def find_first_comment(self, comment: ReplyToSend, since: dt.datetime) -> Published | None:
        return self.find_reply(comment, since)

    # -- moderation -----------------------------------------------------------------------
    def moderate(self, item: ModerationToSend) -> None:
        match = COMMENT_URN.match(item.external_id)
        if item.action != "delete" or not match:
            raise self.cannot(item.action)
        parent, comment_id = match.group("parent"), match.group("id")
        self._call(
            "DELETE",
            f"/rest/socialActions/{_enc(parent)}/comments/{_enc(comment_id)}",
            params={"actor": self.org},
        )

    # -- numbers --------------------------------------------------------------------------
    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        data = self._json(
            "GET",
            f"/rest/networkSizes/{_enc(self.org)}",
            params={"edgeType": "COMPANY_FOLLOWED_BY_MEMBER"},
        )
        return [
            AccountMetricSample(
                account_id=self.account.id, day=day, followers=data.get("firstDegreeSize")
            )
        ]

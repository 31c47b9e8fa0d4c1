"""X (formerly Twitter) through its API v2, with an OAuth 2.0 user access token.

* Inbox: mentions from ``GET /2/users/:id/mentions`` (``expansions=author_id``; pages with
  ``meta.next_token``; ``since_id`` = the newest id of the last sync, so a second sync asks
  only for what is new) and direct messages from ``GET /2/dm_events`` (ours skipped).
* Publishing: ``POST /2/tweets`` (replies with ``reply.in_reply_to_tweet_id``, images first
  sent to ``POST /2/media/upload``, videos in chunks through ``/2/media/upload/initialize``,
  ``/{id}/append`` and ``/{id}/finalize``, then awaited while X processes them; an image's
  description then to ``POST /2/media/metadata``, see :mod:`app.connectors.x_media`). X has
  no idempotency key: after a crash the post is looked for among our recent posts
  (``GET /2/users/:id/tweets``) before any resend.
* Private answers: the message's conversation from ``GET /2/dm_events/:id``, then ``POST
  /2/dm_conversations/:id/messages`` — unless the conversation's latest events
  (``GET /2/dm_conversations/:id/dm_events``) already hold the same answer of ours.
* Moderation: a reply to our posts is hidden with ``PUT /2/tweets/:id/hidden``; an author is
  blocked with ``POST /2/users/:id/blocking``. X's API has no call to delete someone else's
  post or to file a report.
* Numbers: ``public_metrics`` of the account and of our posts.

``base_url`` is the API root (``https://api.x.com``). Rate limits answer 429 with an epoch
``x-rate-limit-reset`` (handled by :mod:`app.connectors.http`). An access token lasts two
hours: with a refresh token and the app's client id in the keyring (JSON, see
:mod:`app.connectors.oauth`) a 401 renews it through ``POST /2/oauth2/token`` and the
rotated tokens are written back to the keyring; otherwise, or when renewal is refused, 401
means reconnect.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from pathlib import Path
from typing import Any

import httpx

from app.connectors import x_media, x_messages
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
    MediaRef,
    ModerationToSend,
    PostMetricSample,
    ReplyToSend,
    RowError,
)
from app.connectors.http import Http, json_of, parse_time
from app.connectors.oauth import Renewal
from app.connectors.x_media import VIDEO_CHUNK as VIDEO_CHUNK
from app.connectors.x_media import VIDEO_WAIT as VIDEO_WAIT
from app.connectors.x_messages import DM_LIMIT as DM_LIMIT
from app.connectors.x_messages import _id_int as _id_int
from app.i18n import translate

PAGE = 100  # the most the mentions timeline gives per request
TWEET_FIELDS = "created_at,author_id,conversation_id,referenced_tweets"


def _status_url(username: str, tweet_id: object) -> str:
    return f"https://x.com/{username}/status/{tweet_id}"


class XConnector(Connector):
    network = "x"
    credential_hosts = ("api.x.com", "api.twitter.com", "upload.twitter.com")
    char_limit = 280

    def __init__(self, account: AccountRef, http: Http) -> None:
        super().__init__(account, http)
        self._me: dict[str, Any] | None = None
        self._token = Renewal(
            account,
            http,
            f"{self.base}/2/oauth2/token",
            ("refresh_token", "client_id"),
            translate("Connectors", "X refused to renew the access: reconnect the account."),
        )

    @property
    def base(self) -> str:
        return (self.account.base_url or "https://api.x.com").rstrip("/")

    # -- HTTP -----------------------------------------------------------------------------
    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._ok(self._call(method, path, **kwargs))

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The response, the access renewed once on the way if it had expired."""
        url = path if "://" in path else f"{self.base}{path}"
        return self._token.send(lambda token: self.http.request(method, url, auth=token, **kwargs))

    def _ok(self, response: httpx.Response, expect: type | tuple[type, ...] = dict) -> Any:
        if response.status_code >= 400:
            try:
                data = response.json()
            except ValueError:
                data = {}
            data = data if isinstance(data, dict) else {}
            reason = data.get("detail") or data.get("title") or ""
            if not reason and isinstance(data.get("errors"), list) and data["errors"]:
                first = data["errors"][0]
                reason = first.get("message", "") if isinstance(first, dict) else ""
            raise Rejected(
                translate("Connectors", "X refused the request (HTTP {status}): {reason}").format(
                    status=response.status_code, reason=str(reason)[:200]
                )
            )
        return json_of(response, expect)

    def me(self) -> dict[str, Any]:
        if self._me is None:
            data = self._request("GET", "/2/users/me").get("data")
            if not isinstance(data, dict) or not data.get("id"):
                raise BadResponse(translate("Connectors", "X did not say who this account is."))
            self._me = data
        return self._me

    # -- account --------------------------------------------------------------------------
    def check(self) -> Health:
        me = self.me()
        return Health(
            display_name=str(me.get("name") or me.get("username") or ""),
            char_limit=self.char_limit,
        )

    # -- inbox ----------------------------------------------------------------------------
    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
    ) -> FetchResult:
        cursor = dict(cursor or {})
        before = self.http.requests
        me = self.me()
        items: list[IncomingMessage] = []
        errors: list[RowError] = []
        since = _id_int(cursor.get("mentions"))
        newest = since
        params: dict[str, Any] = {
            "max_results": PAGE,
            "tweet.fields": TWEET_FIELDS,
            "expansions": "author_id",
            "user.fields": "username,name",
        }
        if since:
            params["since_id"] = str(since)
        for _ in range(max_pages):
            data = self._request("GET", f"/2/users/{me['id']}/mentions", params=params)
            users = self._users(data)
            for tweet in self._rows(data):
                try:
                    tid = _id_int(tweet["id"])
                    if since and tid <= since:
                        continue
                    newest = max(newest, tid)
                    author = users.get(str(tweet.get("author_id")), {})
                    items.append(self._message(tweet, author, "mention"))
                except (KeyError, TypeError, AttributeError, ValueError):
                    errors.append(self._skipped(tweet))
            if progress:
                progress(len(items), "mentions")
            token = (data.get("meta") or {}).get("next_token")
            if not token:
                break
            params = {**params, "pagination_token": token}
        if newest:
            cursor["mentions"] = str(newest)
        dm_items, dm_errors = self._direct_messages(cursor, max_pages, me)
        items += dm_items
        errors += dm_errors
        return FetchResult(tuple(items), cursor, tuple(errors), self.http.requests - before)

    _direct_messages = x_messages._direct_messages

    @staticmethod
    def _rows(data: dict[str, Any]) -> list[Any]:
        rows = data.get("data", [])
        if not isinstance(rows, list):
            raise BadResponse(translate("Connectors", "X sent a list of an unexpected shape."))
        return rows

    @staticmethod
    def _users(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
        users = (data.get("includes") or {}).get("users") or []
        return {str(u.get("id")): u for u in users if isinstance(u, dict)}

    def _message(self, row: dict[str, Any], author: dict[str, Any], kind: str) -> IncomingMessage:
        username = str(author.get("username") or row.get("author_id") or row.get("sender_id"))
        parent = next(
            (
                str(ref.get("id"))
                for ref in row.get("referenced_tweets") or ()
                if isinstance(ref, dict) and ref.get("type") == "replied_to"
            ),
            "",
        )
        url = _status_url(username, row["id"]) if kind == "mention" else ""
        return IncomingMessage.fast(
            network=self.network,
            external_id=str(row["id"]),
            kind=kind,
            author=str(author.get("name") or username),
            author_handle="@" + username,
            text=str(row["text"]),
            received_at=parse_time(row.get("created_at")) or dt.datetime.now(dt.UTC),
            in_reply_to=parent,
            url=url,
            account_id=self.account.id,
        )

    @staticmethod
    def _skipped(row: object) -> RowError:
        ref = str(row.get("id", "")) if isinstance(row, dict) else ""
        return RowError(
            0, ref, translate("Connectors", "An X item without the expected fields was skipped.")
        )

    # -- publishing -----------------------------------------------------------------------
    def _upload(self, media: MediaRef) -> str:
        media_id = self._send_media(media)
        if media.alt_text and not media.is_video:  # before the post (see x_media)
            self._describe(media_id, media.alt_text)
        return media_id

    def _send_media(self, media: MediaRef) -> str:
        path = Path(media.path)
        mime = media.mime or mimetypes.guess_type(path.name)[0] or "image/jpeg"
        if mime.startswith("video/"):
            return self._upload_video(path, mime)
        if not mime.startswith("image/"):
            raise Rejected(
                translate("Connectors", "X accepts images and videos; not {mime}.").format(
                    mime=mime
                )
            )
        data = self._request(  # bytes, not a file: sent whole again after a renewal
            "POST",
            "/2/media/upload",
            files={"media": (path.name, path.read_bytes(), mime)},
            data={"media_category": "tweet_image"},
        )
        media_id = str((data.get("data") or {}).get("id") or "")
        if not media_id:
            raise BadResponse(translate("Connectors", "X did not return a media id."))
        return media_id

    _upload_video = x_media._upload_video
    _describe = x_media._describe

    def _tweet(self, payload: dict[str, Any]) -> Published:
        data = self._request("POST", "/2/tweets", json=payload).get("data") or {}
        tid = str(data.get("id") or "")
        if not tid:
            raise BadResponse(translate("Connectors", "X did not return the post's id."))
        username = self.me().get("username", "i")
        return Published(tid, _status_url(username, tid), dt.datetime.now(dt.UTC))

    def publish(self, variant: DueVariant) -> Published:
        text = self.text_with_link(variant)
        self.check_length(text)
        payload: dict[str, Any] = {"text": text}
        if variant.media:
            if len(variant.media) > 4:
                raise Rejected(translate("Connectors", "X takes at most 4 images per post."))
            payload["media"] = {"media_ids": [self._upload(m) for m in variant.media]}
        return self._tweet(payload)

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """Our post with the same text since the send began (X keeps no idempotency key)."""
        return self._our_tweet(self.text_with_link(variant), since)

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """A public answer: our tweet with the same text answering the same tweet. A private
        one is looked for in its conversation by :meth:`_direct_message` itself."""
        if reply.private:
            return None
        return self._our_tweet(reply.text, since, in_reply_to=reply.in_reply_to)

    def _our_tweet(self, text: str, since: dt.datetime, in_reply_to: str = "") -> Published | None:
        me = self.me()
        start = (since - dt.timedelta(minutes=1)).astimezone(dt.UTC)
        data = self._request(
            "GET",
            f"/2/users/{me['id']}/tweets",
            params={
                "max_results": 100,
                "start_time": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "tweet.fields": "created_at,referenced_tweets",
            },
        )
        for tweet in self._rows(data):
            if not isinstance(tweet, dict) or not self.same_text(tweet.get("text", ""), text):
                continue
            refs = tweet.get("referenced_tweets") or []
            answered = {str(r.get("id")) for r in refs if isinstance(r, dict)}
            if in_reply_to and refs and in_reply_to not in answered:
                continue
            tid = str(tweet["id"])
            return Published(
                tid, _status_url(me.get("username", "i"), tid), parse_time(tweet.get("created_at"))
            )
        return None

    # -- the first comment: a reply to our own post (app.services.sync.publish_comments) -------
    def first_comment(self, comment: ReplyToSend) -> Published:
        return self.reply(comment)

    def find_first_comment(self, comment: ReplyToSend, since: dt.datetime) -> Published | None:
        return self.find_reply(comment, since)

    def reply(self, reply: ReplyToSend) -> Published:
        if reply.private:
            return self._direct_message(reply)
        self.check_length(reply.text)
        return self._tweet(
            {"text": reply.text, "reply": {"in_reply_to_tweet_id": reply.in_reply_to}}
        )

    _direct_message = x_messages._direct_message

    # -- moderation -----------------------------------------------------------------------
    def hide(self, external_id: str, hidden: bool = True) -> None:
        self._request("PUT", f"/2/tweets/{external_id}/hidden", json={"hidden": hidden})

    def moderate(self, item: ModerationToSend) -> None:
        if item.action in ("hide", "unhide"):
            self.hide(item.external_id, hidden=item.action == "hide")
            return
        if item.action != "ban":
            raise self.cannot(item.action)
        username = item.author_handle.lstrip("@")
        target = self._request("GET", f"/2/users/by/username/{username}").get("data") or {}
        if not target.get("id"):
            raise BadResponse(translate("Connectors", "X did not return the author."))
        self._request(
            "POST", f"/2/users/{self.me()['id']}/blocking", json={"target_user_id": target["id"]}
        )

    # -- numbers --------------------------------------------------------------------------
    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        me = self.me()
        data = self._request(
            "GET", f"/2/users/{me['id']}", params={"user.fields": "public_metrics"}
        ).get("data")
        metrics = (data or {}).get("public_metrics") or {}
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=metrics.get("followers_count"),
                posts=metrics.get("tweet_count"),
            )
        ]

    def post_samples(self, external_ids: list[str], day: dt.date) -> list[PostMetricSample]:
        out = []
        for start in range(0, len(external_ids), 100):
            ids = ",".join(external_ids[start : start + 100])
            data = self._request(
                "GET", "/2/tweets", params={"ids": ids, "tweet.fields": "public_metrics"}
            )
            for tweet in self._rows(data):
                m = tweet.get("public_metrics") or {}
                out.append(
                    PostMetricSample(
                        network=self.network,
                        external_post_id=str(tweet["id"]),
                        day=day,
                        impressions=m.get("impression_count"),
                        reactions=m.get("like_count"),
                        comments=m.get("reply_count"),
                        shares=(m.get("retweet_count") or 0) + (m.get("quote_count") or 0),
                    )
                )
        return out

"""Facebook Pages (and, in instagram.py, Instagram accounts) through Meta's Graph API.

``base_url`` is the Graph root with its version (``https://graph.facebook.com/v21.0``);
``handle`` is the page id or the Instagram user id; the token is the page token.
Errors are ``{"error": {"message", "type", "code", "error_subcode"}}``: code 190 means the
token expired (→ reconnect needed), 4/17/32/613 mean rate limited. Lists page with
``paging.cursors.after`` and ``paging.next`` (absent = the end). Page tokens last about 60
days: ``debug_token`` gives the expiry that the account health forecasts.

A photo's description (alt text) goes with its upload to ``/{page-id}/photos`` as
``alt_text_custom`` (each unpublished photo of a several-photo post its own); Graph documents
no such field for a Page's videos, which go out without one.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from app.connectors import meta_fetch
from app.connectors.base import (
    AuthError,
    Connector,
    Health,
    Published,
    RateLimited,
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
from app.connectors.http import json_of, parse_time
from app.i18n import translate

RATE_CODES = (4, 17, 32, 613)


class _Graph(Connector):
    """What Facebook and Instagram share: errors, paging, token expiry."""

    credential_hosts: tuple[str, ...] = (
        "graph.facebook.com",
        "graph-video.facebook.com",
        "rupload.facebook.com",
    )

    char_limit = 2200

    @property
    def base(self) -> str:
        return (self.account.base_url or "https://graph.facebook.com/v21.0").rstrip("/")

    def _ok(self, response: httpx.Response, expect: type | tuple[type, ...] = dict) -> Any:
        if response.status_code >= 400:
            try:
                err = response.json().get("error") or {}
            except (ValueError, AttributeError):
                err = {}
            code = err.get("code") if isinstance(err, dict) else None
            message = str(err.get("message") or "")[:200] if isinstance(err, dict) else ""
            if code == 190 or response.status_code == 401:
                raise AuthError(
                    translate(
                        "Connectors",
                        "Meta says the access token is no longer valid ({message}): "
                        "reconnect the account.",
                    ).format(message=message)
                )
            if code in RATE_CODES:
                raise RateLimited(
                    translate(
                        "Connectors", "Meta limits our requests for this account; retry later."
                    ),
                    3600,
                )
            raise Rejected(
                translate("Connectors", "Meta refused the request (code {code}): {message}").format(
                    code=code, message=message
                )
            )
        return json_of(response, expect)

    def _get(self, path: str, **params: Any) -> Any:
        url = path if "://" in path else f"{self.base}/{path.lstrip('/')}"
        return self._ok(self.http.get(url, auth=self.account.token, params=params or None))

    def _post(self, path: str, **kwargs: Any) -> Any:
        url = path if "://" in path else f"{self.base}/{path.lstrip('/')}"
        return self._ok(self.http.post(url, auth=self.account.token, **kwargs))

    def _video_base(self) -> str:
        """Meta takes video files on its own host; another base (a test server) serves both."""
        return self.base.replace("://graph.facebook.com", "://graph-video.facebook.com", 1)

    def _private_reply(self, reply: ReplyToSend) -> Published:
        """Meta's private reply to a comment: a message to its author, from the Page or the
        Instagram account (``POST /{id}/messages`` with ``recipient.comment_id``)."""
        data = self._post(
            f"{self.account.handle}/messages",
            data={
                "recipient": json.dumps({"comment_id": reply.in_reply_to}),
                "message": json.dumps({"text": reply.text}),
            },
        )
        return Published(str(data.get("message_id") or data.get("id") or ""))

    # Messenger's platform for the conversations edge ("instagram" for an Instagram account)
    platform = "messenger"

    def _find_private_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """A seat stopped between sending a private reply and recording it: is it there?

        Meta keeps no idempotency key and allows one private reply per comment. Our message
        is looked up in the account's conversations: from us, to the comment's author when
        Meta names them, with the same text, sent since the send began (minus a minute).
        Facebook also says whether the comment can still be answered privately: when it
        cannot, the reply went (its message id unknown) — sending again would be refused."""
        author = ""
        comment: dict[str, Any] = {}
        try:
            fields = "from" + (",can_reply_privately" if self.platform == "messenger" else "")
            comment = self._get(reply.in_reply_to, fields=fields)
            author = str((comment.get("from") or {}).get("id") or "")
        except Rejected:
            pass  # the comment is gone or unreadable: the conversations still tell
        floor = since - dt.timedelta(minutes=1)
        params = {
            "fields": "id,updated_time,messages.limit(25){id,from,to,message,created_time}",
            "platform": self.platform,
            "limit": 25,
        }
        for rows in self._pages(f"{self.account.handle}/conversations", 2, **params):
            for conv in rows:
                if not isinstance(conv, dict):
                    continue
                for m in (conv.get("messages") or {}).get("data", []):
                    if not isinstance(m, dict):
                        continue
                    if str((m.get("from") or {}).get("id") or "") != str(self.account.handle):
                        continue
                    to = {str(t.get("id")) for t in (m.get("to") or {}).get("data", []) if t}
                    if author and to and author not in to:
                        continue
                    when = parse_time(m.get("created_time"))
                    if when is not None and when < floor:
                        continue
                    if self.same_text(m.get("message", ""), reply.text):
                        return Published(str(m.get("id") or ""))
        if comment.get("can_reply_privately") is False:
            return Published("")
        return None

    def _pages(self, path: str, max_pages: int, **params: Any) -> Iterator[list[Any]]:
        """Yield the ``data`` lists of a Graph edge, following ``paging.next``."""
        data = self._get(path, **params)
        for _ in range(max_pages):
            rows = data.get("data")
            if not isinstance(rows, list):
                return
            yield rows
            nxt = (data.get("paging") or {}).get("next")
            if not nxt or not rows:
                return
            data = self._get(nxt)

    def token_expiry(self) -> dt.datetime | None:
        try:
            data = self._get("debug_token", input_token=self.account.token).get("data") or {}
        except Rejected:
            return None
        if data.get("is_valid") is False:
            raise AuthError(
                translate(
                    "Connectors",
                    "Meta says the access token is no longer valid: reconnect the account.",
                )
            )
        expires = data.get("expires_at") or data.get("data_access_expires_at")
        return parse_time(int(expires)) if expires else None

    def check(self) -> Health:
        me = self._get(self.account.handle, fields="name,username")
        return Health(
            display_name=str(me.get("name") or me.get("username") or ""),
            token_expires_at=self.token_expiry(),
            char_limit=self.char_limit,
        )

    def _item(
        self,
        ext_id: object,
        kind: str,
        author: object,
        handle: object,
        text: object,
        when: dt.datetime,
        parent: object = "",
        url: object = "",
    ) -> IncomingMessage:
        return IncomingMessage.fast(
            network=self.network,
            external_id=str(ext_id),
            kind=kind,
            author=str(author or ""),
            author_handle=str(handle or ""),
            text=str(text or ""),
            received_at=when,
            in_reply_to=str(parent),
            url=str(url or ""),
            account_id=self.account.id,
        )

    def _skip(self, errors: list[RowError], row: object) -> None:
        errors.append(
            RowError(
                0,
                str(row.get("id", "")) if isinstance(row, dict) else "",
                translate("Connectors", "A Meta item without the expected fields was skipped."),
            )
        )

    def hide(self, external_id: str, hidden: bool = True) -> None:
        key = "is_hidden" if self.network == "facebook" else "hide"
        self._post(external_id, data={key: "true" if hidden else "false"})

    def moderate(self, item: ModerationToSend) -> None:
        """Hide or delete a comment on our posts; on Facebook, block its author from the Page
        (Instagram's API has no block, and Meta's APIs no report)."""
        if item.action in ("hide", "unhide"):
            self.hide(item.external_id, hidden=item.action == "hide")
        elif item.action == "delete":
            url = f"{self.base}/{item.external_id}"
            self._ok(self.http.request("DELETE", url, auth=self.account.token))
        elif item.action == "ban" and self.network == "facebook" and item.author_handle:
            self._post(f"{self.account.handle}/blocked", data={"user": item.author_handle})
        else:
            raise self.cannot(item.action)


class FacebookConnector(_Graph):
    network = "facebook"
    char_limit = 63206

    fetch = meta_fetch.fetch

    def publish(self, variant: DueVariant) -> Published:
        self.check_length(variant.text)
        video = self.lone_video(variant.media)
        if video is not None:  # on Graph's video host (graph-video.facebook.com)
            endpoint = f"{self._video_base()}/{self.account.handle}/videos"
            data = self._send_file(endpoint, video, {"description": variant.text})
            post_id = data.get("post_id") or data.get("id")
        elif len(variant.media) > 1:  # several photos: uploaded unpublished, then one post
            form = {"message": variant.text}
            for i, m in enumerate(variant.media):
                photo = self._send_file(
                    f"{self.account.handle}/photos", m, _described(m, {"published": "false"})
                )
                if not photo.get("id"):
                    raise Rejected(translate("Connectors", "Meta did not return the photo's id."))
                form[f"attached_media[{i}]"] = json.dumps({"media_fbid": str(photo["id"])})
            post_id = self._post(f"{self.account.handle}/feed", data=form).get("id")
        elif variant.media:
            m = variant.media[0]
            data = self._send_file(
                f"{self.account.handle}/photos", m, _described(m, {"caption": variant.text})
            )
            post_id = data.get("post_id") or data.get("id")
        else:
            form = {"message": variant.text}
            if variant.link:
                form["link"] = variant.link
            post_id = self._post(f"{self.account.handle}/feed", data=form).get("id")
        if not post_id:
            raise Rejected(translate("Connectors", "Meta did not return the post's id."))
        if variant.first_comment:
            self._post(f"{post_id}/comments", data={"message": variant.first_comment})
        return Published(str(post_id), f"https://www.facebook.com/{post_id}")

    def _send_file(self, endpoint: str, m: MediaRef, data: dict[str, Any]) -> dict[str, Any]:
        """One file as the ``source`` of a Graph upload (a photo or a video)."""
        path = Path(m.path)
        mime = m.mime or mimetypes.guess_type(path.name)[0] or "image/jpeg"
        with open(path, "rb") as fh:
            sent: dict[str, Any] = self._post(
                endpoint, data=data, files={"source": (path.name, fh, mime)}
            )
            return sent

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        for rows in self._pages(
            f"{self.account.handle}/feed",
            2,
            fields="id,message,created_time",
            since=int(since.timestamp()) - 60,
        ):
            for post in rows:
                if isinstance(post, dict) and post.get("message") == variant.text:
                    return Published(str(post["id"]), f"https://www.facebook.com/{post['id']}")
        return None

    def reply(self, reply: ReplyToSend) -> Published:
        if reply.private:
            return self._private_reply(reply)
        data = self._post(f"{reply.in_reply_to}/comments", data={"message": reply.text})
        return Published(str(data.get("id") or ""))

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """Our comment under the same comment or post, with the same text (Graph keeps no
        idempotency key). A private reply: looked up in the conversations."""
        if reply.private:
            return self._find_private_reply(reply, since)
        for rows in self._pages(
            f"{reply.in_reply_to}/comments", 3, fields="id,message,from,created_time"
        ):
            for row in rows:
                author = str(((row or {}).get("from") or {}).get("id") or "")
                if (
                    isinstance(row, dict)
                    and author in ("", str(self.account.handle))
                    and self.same_text(row.get("message", ""), reply.text)
                ):
                    return Published(str(row.get("id") or ""))
        return None

    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        page = self._get(self.account.handle, fields="followers_count,fan_count")
        values = self._insights(
            self.account.handle,
            day,
            "page_impressions,page_impressions_unique,page_post_engagements",
        )
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=page.get("followers_count", page.get("fan_count")),
                impressions=values.get("page_impressions"),
                reach=values.get("page_impressions_unique"),
                engagements=values.get("page_post_engagements"),
            )
        ]

    def _insights(self, obj: str, day: dt.date, metrics: str) -> dict[str, Any]:
        start = dt.datetime.combine(day, dt.time(), dt.UTC)
        data = self._get(
            f"{obj}/insights",
            metric=metrics,
            period="day",
            since=int(start.timestamp()),
            until=int((start + dt.timedelta(days=1)).timestamp()),
        )
        out = {}
        for row in data.get("data") or []:
            values = row.get("values") or [{}]
            value = values[-1].get("value") if values else None
            if isinstance(value, int | float):
                out[row.get("name")] = int(value)
        return out

    def post_samples(self, external_ids: list[str], day: dt.date) -> list[PostMetricSample]:
        out = []
        for pid in external_ids:
            d = self._get(pid, fields="shares,comments.summary(true),reactions.summary(true)")
            out.append(
                PostMetricSample(
                    network=self.network,
                    external_post_id=pid,
                    day=day,
                    shares=(d.get("shares") or {}).get("count"),
                    comments=((d.get("comments") or {}).get("summary") or {}).get("total_count"),
                    reactions=((d.get("reactions") or {}).get("summary") or {}).get("total_count"),
                )
            )
        return out


def _described(m: MediaRef, form: dict[str, Any]) -> dict[str, Any]:
    """A photo upload's form with the photo's description, when it has one."""
    return {**form, "alt_text_custom": m.alt_text} if m.alt_text else form

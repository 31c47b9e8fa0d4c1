"""Bluesky (AT Protocol): app-password session, notifications, posts with facets, metrics.

An account connected with OAuth (:mod:`app.connectors.bluesky_oauth`) opens no session: its
calls are DPoP-bound (:mod:`app.connectors.bluesky_session`). Documented XRPC calls:
``com.atproto.server.createSession`` (identifier + app password →
``accessJwt``/``refreshJwt``), ``refreshSession`` when the access token expires
(``ExpiredToken``), ``app.bsky.notification.listNotifications`` (newest first, ``cursor``;
no cursor = the end), ``com.atproto.repo.createRecord`` for posts, ``uploadBlob`` for
images. Links and mentions need facets with UTF-8 byte offsets. The post's record key is
derived from the variant's idempotency key, so a resend finds the post instead of doubling it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from app.connectors import bluesky_comment, bluesky_fetch
from app.connectors.base import (
    AccountRef,
    AuthError,
    BadResponse,
    Connector,
    Health,
    Published,
    Rejected,
)
from app.connectors.bluesky_fetch import KINDS as KINDS
from app.connectors.bluesky_session import OAuthSession
from app.connectors.bluesky_text import facets_for as facets_for
from app.connectors.bluesky_tid import B32 as B32
from app.connectors.bluesky_tid import tid_for as tid_for
from app.connectors.contract import (
    AccountMetricSample,
    DueVariant,
    MediaRef,
    ModerationToSend,
    PostMetricSample,
    ReplyToSend,
)
from app.connectors.http import Http, json_of, parse_time
from app.i18n import translate

# The charter's moderation rules → the AT Protocol's report reasons.
REPORT_REASONS = {
    "spam": "com.atproto.moderation.defs#reasonSpam",
    "insult": "com.atproto.moderation.defs#reasonRude",
    "hate": "com.atproto.moderation.defs#reasonViolation",
    "threat": "com.atproto.moderation.defs#reasonViolation",
    "personal_data": "com.atproto.moderation.defs#reasonViolation",
}


class BlueskyConnector(Connector):
    network = "bluesky"
    credential_hosts = ("bsky.social",)
    char_limit = 300

    def __init__(self, account: AccountRef, http: Http) -> None:
        super().__init__(account, http)
        self._access = ""
        self._oauth: OAuthSession | None = None  # connected with OAuth: DPoP-bound calls
        self._refresh = ""
        self.did = ""
        self.handle = account.handle.lstrip("@")

    @property
    def base(self) -> str:
        return (self.account.base_url or "https://bsky.social").rstrip("/")

    def _url(self, method: str) -> str:
        return f"{self.base}/xrpc/{method}"

    def _error(self, response: httpx.Response) -> tuple[str, str]:
        try:
            data = response.json()
        except ValueError:
            return "", ""
        if not isinstance(data, dict):
            return "", ""
        return str(data.get("error") or ""), str(data.get("message") or "")[:200]

    def login(self) -> None:
        self._oauth = self._oauth or OAuthSession.of(self.account, self.http)  # keeps renewals
        if self._oauth is not None:  # no session to open: the tokens are in the keyring
            self.did, self._access = self._oauth.did, "oauth"
            return
        response = self.http.post(
            self._url("com.atproto.server.createSession"),
            json={"identifier": self.handle, "password": self.account.token},
        )
        if response.status_code in (400, 401):
            error, _ = self._error(response)
            raise AuthError(
                translate(
                    "Connectors",
                    "Bluesky refused the app password ({error}): reconnect the account.",
                ).format(error=error or response.status_code)
            )
        data = self._ok(response)
        try:
            self._access, self._refresh = data["accessJwt"], data["refreshJwt"]
            self.did = data["did"]
        except KeyError:
            raise BadResponse(
                translate("Connectors", "Bluesky's session answer lacks its tokens.")
            ) from None

    def _refresh_session(self) -> None:
        response = (
            self.http.post(self._url("com.atproto.server.refreshSession"), auth=self._refresh)
            if self._refresh
            else None
        )
        if response is None or response.status_code >= 400:
            self.login()
            return
        data = self._ok(response)
        self._access = data.get("accessJwt", "")
        self._refresh = data.get("refreshJwt", self._refresh)

    def _call(self, verb: str, method: str, **kwargs: Any) -> httpx.Response:
        if not self._access:
            self.login()
        if self._oauth is not None:
            return self._oauth.call(verb, self._url(method), **kwargs)
        for attempt in range(2):
            try:
                response = self.http.request(verb, self._url(method), auth=self._access, **kwargs)
            except AuthError:
                if attempt:
                    raise
                self._refresh_session()
                continue
            if response.status_code == 400 and self._error(response)[0] == "ExpiredToken":
                if attempt:
                    raise AuthError(
                        translate("Connectors", "Bluesky session expired: reconnect the account.")
                    )
                self._refresh_session()
                continue
            return response
        raise AuthError(translate("Connectors", "Bluesky session expired: reconnect the account."))

    def _ok(self, response: httpx.Response, expect: type | tuple[type, ...] = dict) -> Any:
        if response.status_code >= 400:
            error, message = self._error(response)
            raise Rejected(
                translate("Connectors", "Bluesky refused the request ({error}): {message}").format(
                    error=error or response.status_code, message=message
                )
            )
        return json_of(response, expect)

    def check(self) -> Health:
        self.login()
        profile = self._ok(
            self._call("GET", "app.bsky.actor.getProfile", params={"actor": self.did})
        )
        return Health(
            display_name=str(profile.get("displayName") or profile.get("handle") or ""),
            char_limit=self.char_limit,
        )

    fetch = bluesky_fetch.fetch

    # -- publishing -----------------------------------------------------------------------
    def _resolve(self, handle: str) -> str | None:
        response = self._call(
            "GET", "com.atproto.identity.resolveHandle", params={"handle": handle}
        )
        if response.status_code >= 400:
            return None
        did: str | None = json_of(response, dict).get("did")
        return did

    def _blob(self, m: MediaRef) -> dict[str, Any]:
        up = self._ok(
            self._call(
                "POST",
                "com.atproto.repo.uploadBlob",
                content=Path(m.path).read_bytes(),
                headers={"Content-Type": m.mime or "image/jpeg"},
            )
        )
        blob: dict[str, Any] = up["blob"]
        return blob

    def _record(
        self,
        text: str,
        when: dt.datetime,
        media: Sequence[MediaRef] = (),
        reply: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        self.check_length(text)
        record: dict[str, Any] = {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": when.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        }
        facets = facets_for(text, self._resolve)
        if facets:
            record["facets"] = facets
        video = self.lone_video(media)
        if video is not None:  # the documented simple method: the blob, embedded as a video
            record["embed"] = {
                "$type": "app.bsky.embed.video",
                "video": self._blob(video),
                "alt": video.alt_text,
            }
        elif media:
            images = [{"image": self._blob(m), "alt": m.alt_text} for m in media]
            record["embed"] = {"$type": "app.bsky.embed.images", "images": images}
        if reply:
            record["reply"] = reply
        return record

    # -- moderation -----------------------------------------------------------------------
    def moderate(self, item: ModerationToSend) -> None:
        """Block or report the author (a block record, a moderation report); Bluesky has no
        call to hide or delete a post of someone else."""
        if item.action not in ("ban", "report"):
            raise self.cannot(item.action)
        did = item.external_id.removeprefix("at://").split("/", 1)[0]
        if not did.startswith("did:"):
            raise BadResponse(translate("Connectors", "This message has no Bluesky author id."))
        if item.action == "ban":
            record = {
                "$type": "app.bsky.graph.block",
                "subject": did,
                "createdAt": dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z"),
            }
            body = {"repo": self.did, "collection": "app.bsky.graph.block", "record": record}
            self._ok(self._call("POST", "com.atproto.repo.createRecord", json=body))
            return
        reason = REPORT_REASONS.get(item.rule_key, "com.atproto.moderation.defs#reasonOther")
        body = {
            "reasonType": reason,
            "reason": item.reason[:2000],
            "subject": {"$type": "com.atproto.admin.defs#repoRef", "did": did},
        }
        self._ok(self._call("POST", "com.atproto.moderation.createReport", json=body))

    def _create(self, record: dict[str, Any], rkey: str) -> Published:
        data = self._ok(
            self._call(
                "POST",
                "com.atproto.repo.createRecord",
                json={
                    "repo": self.did,
                    "collection": "app.bsky.feed.post",
                    "rkey": rkey,
                    "record": record,
                },
            )
        )
        uri = str(data.get("uri") or "")
        if not uri:
            raise BadResponse(translate("Connectors", "Bluesky did not return the post's uri."))
        return Published(
            uri,
            f"https://bsky.app/profile/{self.handle}/post/{rkey}",
            parse_time(record["createdAt"]),
        )

    def _existing(self, rkey: str) -> Published | None:
        response = self._call(
            "GET",
            "com.atproto.repo.getRecord",
            params={"repo": self.did, "collection": "app.bsky.feed.post", "rkey": rkey},
        )
        if response.status_code >= 400:
            return None
        data = json_of(response, dict)
        return Published(
            str(data.get("uri")), f"https://bsky.app/profile/{self.handle}/post/{rkey}"
        )

    def publish(self, variant: DueVariant) -> Published:
        text = self.text_with_link(variant)
        self.check_length(text)
        if not self._access:
            self.login()
        rkey = tid_for(variant.idempotency_key, variant.planned_at)
        existing = self._existing(rkey)
        if existing:
            return existing
        return self._create(self._record(text, variant.planned_at, variant.media), rkey)

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        if not self._access:
            self.login()
        return self._existing(tid_for(variant.idempotency_key, variant.planned_at))

    def _reply_target(self, reply: ReplyToSend) -> tuple[dict[str, Any], dict[str, Any], str]:
        """(root, parent, rkey) of our answer. The record key depends only on the
        idempotency key and the parent's own creation time, so a second seat computes the
        same one: the record is looked up before any write, and the network refuses a
        second record under that key anyway."""
        posts = (
            self._ok(
                self._call("GET", "app.bsky.feed.getPosts", params={"uris": reply.in_reply_to})
            ).get("posts")
            or []
        )
        if not posts:
            raise Rejected(translate("Connectors", "The Bluesky post answered no longer exists."))
        parent = {"uri": posts[0]["uri"], "cid": posts[0]["cid"]}
        record = posts[0].get("record") or {}
        root = record.get("reply", {}).get("root") or parent
        when = parse_time(record.get("createdAt") or posts[0].get("indexedAt"))
        when = (when or dt.datetime(2023, 1, 1, tzinfo=dt.UTC)) + dt.timedelta(seconds=1)
        return root, parent, tid_for(reply.idempotency_key, when)

    def reply(self, reply: ReplyToSend) -> Published:
        if reply.private:
            raise Rejected(
                translate(
                    "Connectors", "Bluesky direct messages are not supported yet; reply publicly."
                )
            )
        if not self._access:
            self.login()
        root, parent, rkey = self._reply_target(reply)
        existing = self._existing(rkey)
        if existing:
            return existing
        now = dt.datetime.now(dt.UTC)
        return self._create(
            self._record(reply.text, now, reply={"root": root, "parent": parent}), rkey
        )

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        if reply.private:
            return None
        if not self._access:
            self.login()
        return self._existing(self._reply_target(reply)[2])

    # -- the first comment: a reply to our own post (app.connectors.bluesky_comment) ---
    def first_comment(self, comment: ReplyToSend) -> Published:
        return bluesky_comment.first_comment(self, comment)

    def find_first_comment(self, comment: ReplyToSend, since: dt.datetime) -> Published | None:
        return bluesky_comment.find_first_comment(self, comment)

    # -- numbers --------------------------------------------------------------------------
    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        if not self._access:
            self.login()
        p = self._ok(self._call("GET", "app.bsky.actor.getProfile", params={"actor": self.did}))
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=p.get("followersCount"),
                posts=p.get("postsCount"),
            )
        ]

    def post_samples(self, external_ids: list[str], day: dt.date) -> list[PostMetricSample]:
        out = []
        for start in range(0, len(external_ids), 25):
            chunk = external_ids[start : start + 25]
            data = self._ok(self._call("GET", "app.bsky.feed.getPosts", params={"uris": chunk}))
            for post in data.get("posts") or []:
                out.append(
                    PostMetricSample(
                        network=self.network,
                        external_post_id=post["uri"],
                        day=day,
                        reactions=post.get("likeCount"),
                        shares=post.get("repostCount"),
                        comments=post.get("replyCount"),
                    )
                )
        return out

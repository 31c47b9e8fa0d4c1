"""Mastodon (any instance): mentions, direct messages, statuses with media, metrics.

Documented API: ``/api/v1/notifications?types[]=mention`` (newest first, ``limit`` ≤ 80,
``Link`` header paging; ``min_id`` walks forward from a stored id), ``/api/v1/conversations``
for direct messages, ``POST /api/v2/media`` then ``POST /api/v1/statuses`` with an
``Idempotency-Key`` so a retry never posts twice, ``/api/v2/instance`` for the character limit.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from pathlib import Path
from typing import Any

import httpx

from app.connectors import mastodon_fetch
from app.connectors.base import (
    BadResponse,
    Connector,
    FetchProgress,
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
from app.connectors.http import json_of, parse_time
from app.connectors.mastodon_fetch import PAGE as PAGE
from app.connectors.mastodon_text import status_text
from app.connectors.text import html_to_text
from app.i18n import translate

SEEN = 400  # last-status ids of conversations kept in the cursor


class MastodonConnector(Connector):
    network = "mastodon"

    @property
    def base(self) -> str:
        return self.account.base_url.rstrip("/")

    def _get(self, path_or_url: str, **kwargs: Any) -> httpx.Response:
        url = path_or_url if "://" in path_or_url else self.base + path_or_url
        return self.http.get(url, auth=self.account.token, **kwargs)

    def _ok(self, response: httpx.Response, expect: type | tuple[type, ...] = (dict, list)) -> Any:
        if response.status_code >= 400:
            data = {}
            try:
                data = response.json()
            except ValueError:
                pass
            reason = data.get("error") if isinstance(data, dict) else ""
            raise Rejected(
                translate(
                    "Connectors", "Mastodon refused the request (HTTP {status}): {reason}"
                ).format(status=response.status_code, reason=str(reason or "")[:200])
            )
        return json_of(response, expect)

    # -- account --------------------------------------------------------------------------
    def check(self) -> Health:
        me = self._ok(self._get("/api/v1/accounts/verify_credentials"), dict)
        limit = self.instance_limit()
        return Health(
            display_name=str(me.get("display_name") or me.get("acct") or ""), char_limit=limit
        )

    def instance_limit(self) -> int:
        """The instance's own limit: ``/api/v2/instance`` (Mastodon, GoToSocial), else
        ``/api/v1/instance`` — Pleroma and Akkoma have no v2 and say ``max_toot_chars``."""
        for path in ("/api/v2/instance", "/api/v1/instance"):
            try:
                data = self._ok(self._get(path), dict)
                statuses = (data.get("configuration") or {}).get("statuses") or {}
                limit = int(statuses.get("max_characters") or data["max_toot_chars"])
            except (BadResponse, Rejected, KeyError, TypeError, ValueError, AttributeError):
                continue
            if limit > 0:
                self.char_limit = limit
                return limit
        return self.char_limit

    # -- inbox ----------------------------------------------------------------------------
    def _message(
        self, status: dict[str, Any], kind: str | None = None, author: dict[str, Any] | None = None
    ) -> IncomingMessage:
        # On the hot path (10,000 mentions a sync): one lookup per field, no needless str().
        get = status.get
        account = get("account") or author
        if not isinstance(account, dict):
            raise KeyError("account")
        aget = account.get
        acct = aget("acct") or aget("username") or ""
        plain = not (
            get("spoiler_text") or get("poll") or get("media_attachments") or get("reblog")
        )
        if plain:
            content = get("content") or ""
            text = html_to_text(content if isinstance(content, str) else str(content))
        else:
            text = status_text(status)
        return IncomingMessage.fast(
            self.network,
            str(status["id"]),
            kind or ("message" if get("visibility") == "direct" else "mention"),
            str(aget("display_name") or aget("username") or ""),
            "@" + (acct if isinstance(acct, str) else str(acct)),
            text,
            parse_time(get("created_at")) or dt.datetime.now(dt.UTC),
            str(get("in_reply_to_id") or ""),
            str(get("url") or get("uri") or ""),
            self.account.id,
        )

    def _pages(
        self,
        path: str,
        params: dict[str, Any],
        since: str,
        max_pages: int,
        progress: FetchProgress | None,
        label: str,
    ) -> tuple[list[list[Any]], int]:
        """Pages of a newest-first list. With a cursor: forward from it (``min_id``, then the
        ``Link`` rel="prev" the server gives), until an empty page; else backward from the
        newest (``Link`` rel="next"). Ids stay opaque strings (ULIDs, flake ids, snowflakes):
        nothing here compares them, a page whose ids were all seen ends the walk."""
        pages: list[list[Any]] = []
        requests = 0
        seen: set[str] = set()
        rel = "prev" if since else "next"
        url: str = path
        kwargs: dict[str, Any] = {"params": {**params, "min_id": since} if since else params}
        for _ in range(max_pages):
            response = self._get(url, **kwargs)
            page = self._ok(response, list)
            requests += 1
            ids = {str(x.get("id")) for x in page if isinstance(x, dict)}
            if not page or ids <= seen:
                break
            seen |= ids
            pages.append(page)
            if progress:
                progress(sum(len(p) for p in pages), label)
            nxt = response.links.get(rel, {}).get("url")
            if nxt:
                url, kwargs = nxt, {}
            elif since:  # no Link header: ask for what is above this page's newest item
                url, kwargs = path, {"params": {**params, "min_id": str(page[0].get("id"))}}
            else:
                break
        return pages, requests

    def _skipped(self, what: str, ref: str) -> RowError:
        message = (
            translate(
                "Connectors", "A Mastodon notification without the expected fields was skipped."
            )
            if what == "notification"
            else translate(
                "Connectors", "A Mastodon conversation without the expected fields was skipped."
            )
        )
        return RowError(0, ref, message)

    fetch = mastodon_fetch.fetch

    def _conversations(
        self, cursor: dict[str, Any], max_pages: int
    ) -> tuple[list[IncomingMessage], list[RowError], int]:
        """Direct messages: conversations come ordered by their last status, so the cursor
        is the set of last-status ids already read (a conversation with a new status comes
        back on top with a new id). A cursor from before the set existed reads one page."""
        seen = [str(x) for x in cursor.get("conversations_seen") or ()]
        known = set(seen)
        legacy = bool(cursor.get("conversations")) and not seen
        items: list[IncomingMessage] = []
        errors: list[RowError] = []
        fresh: list[str] = []
        requests = 0
        url: str = "/api/v1/conversations"
        kwargs: dict[str, Any] = {"params": {"limit": 40}}
        for _ in range(1 if legacy else max_pages):
            response = self._get(url, **kwargs)
            page = self._ok(response, list)
            requests += 1
            stop = not page
            for conv in page:
                try:
                    status = conv.get("last_status")
                    if not status:
                        continue
                    sid = str(status["id"])
                    if sid in known:
                        stop = True
                        continue
                    known.add(sid)
                    fresh.append(sid)
                    accounts = conv.get("accounts") or [None]
                    items.append(self._message(status, "message", author=accounts[0]))
                except (KeyError, TypeError, AttributeError, IndexError):
                    ref = str(conv.get("id", "")) if isinstance(conv, dict) else ""
                    errors.append(self._skipped("conversation", ref))
            nxt = response.links.get("next", {}).get("url")
            if stop or not nxt:
                break
            url, kwargs = nxt, {}
        cursor["conversations_seen"] = (fresh + seen)[:SEEN]
        cursor.pop("conversations", None)
        return items, errors, requests

    # -- publishing -----------------------------------------------------------------------
    def _upload(self, media: MediaRef) -> str:
        path = Path(media.path)
        mime = media.mime or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        with open(path, "rb") as fh:
            response = self.http.post(
                self.base + "/api/v2/media",
                auth=self.account.token,
                files={"file": (path.name, fh, mime)},
                data={"description": media.alt_text} if media.alt_text else None,
            )
        data = self._ok(response, dict)
        media_id = str(data.get("id") or "")
        if not media_id:
            raise BadResponse(translate("Connectors", "Mastodon did not return a media id."))
        for _ in range(20):  # 202: still processing
            if data.get("url") or response.status_code != 202:
                break
            self.http.sleep(0.5)
            response = self._get(f"/api/v1/media/{media_id}")
            data = self._ok(response, dict)
        return media_id

    def _post_status(self, text: str, key: str, **extra: Any) -> Published:
        self.check_length(text)
        payload = {"status": text, **extra}
        response = self.http.post(
            self.base + "/api/v1/statuses",
            auth=self.account.token,
            json=payload,
            headers={"Idempotency-Key": key},
        )
        data = self._ok(response, dict)
        if not data.get("id"):
            raise BadResponse(translate("Connectors", "Mastodon did not return a status id."))
        return Published(
            str(data["id"]), str(data.get("url") or ""), parse_time(data.get("created_at"))
        )

    def publish(self, variant: DueVariant) -> Published:
        if not getattr(self, "_limit_read", False):
            self.instance_limit()
            self._limit_read = True
        text = self.text_with_link(variant)
        self.check_length(text)
        media_ids = [self._upload(m) for m in variant.media]
        extra = {"media_ids": media_ids} if media_ids else {}
        return self._post_status(text, variant.idempotency_key, **extra)

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """Our own status with the same text, created since the send began (minus a minute).

        Mastodon keeps idempotency keys only for a while (about an hour) and other servers
        (GoToSocial, Pleroma) ignore them: look at our recent statuses first.
        """
        return self._own_status(self.text_with_link(variant), since)

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """Our status answering the same status with the same text (direct ones included)."""
        return self._own_status(reply.text, since, in_reply_to=reply.in_reply_to)

    def _own_status(
        self, wanted: str, since: dt.datetime, in_reply_to: str = ""
    ) -> Published | None:
        me = self._ok(self._get("/api/v1/accounts/verify_credentials"), dict)
        own_id = str(me.get("id") or "")
        if not own_id:
            return None
        floor = since - dt.timedelta(minutes=1)
        params: dict[str, Any] = {"limit": 40, "exclude_reblogs": "true"}
        if not in_reply_to:
            params["exclude_replies"] = "true"
        for _ in range(5):  # 200 statuses back at most
            page = self._ok(self._get(f"/api/v1/accounts/{own_id}/statuses", params=params), list)
            if not page:
                return None
            oldest = None
            for status in page:
                if not isinstance(status, dict) or not status.get("id"):
                    continue
                created = parse_time(status.get("created_at"))
                oldest = created if oldest is None or (created and created < oldest) else oldest
                if created is not None and created < floor:
                    continue
                if in_reply_to and str(status.get("in_reply_to_id") or "") != in_reply_to:
                    continue
                text = html_to_text(str(status.get("content") or ""))
                if self.same_text(text, wanted):
                    return Published(str(status["id"]), str(status.get("url") or ""), created)
            if oldest is not None and oldest < floor:
                return None
            params = {**params, "max_id": str(page[-1].get("id") or "")}
        return None

    # -- moderation -----------------------------------------------------------------------
    def moderate(self, item: ModerationToSend) -> None:
        """Block or report the author; Mastodon lets no account hide or delete the posts of
        others (only their own server's moderators can)."""
        if item.action not in ("ban", "report"):
            raise self.cannot(item.action)
        account_id = self._account_id(item.author_handle)
        if item.action == "ban":
            url = f"{self.base}/api/v1/accounts/{account_id}/block"
            self._ok(self.http.post(url, auth=self.account.token), dict)
            return
        payload = {
            "account_id": account_id,
            "status_ids": [item.external_id],
            "comment": item.reason[:1000],
            "category": "spam" if item.rule_key == "spam" else "other",
        }
        self._ok(
            self.http.post(self.base + "/api/v1/reports", auth=self.account.token, json=payload),
            dict,
        )

    def _account_id(self, handle: str) -> str:
        data = self._ok(
            self._get("/api/v1/accounts/lookup", params={"acct": handle.lstrip("@")}), dict
        )
        account_id = str(data.get("id") or "")
        if not account_id:
            raise BadResponse(translate("Connectors", "Mastodon did not return the account."))
        return account_id

    def reply(self, reply: ReplyToSend) -> Published:
        extra = {"in_reply_to_id": reply.in_reply_to}
        if reply.private:
            extra["visibility"] = "direct"
        return self._post_status(reply.text, reply.idempotency_key, **extra)

    # -- the first comment: a reply to our own post (app.services.sync.publish_comments) -------
    def first_comment(self, comment: ReplyToSend) -> Published:
        return self.reply(comment)

    def find_first_comment(self, comment: ReplyToSend, since: dt.datetime) -> Published | None:
        return self.find_reply(comment, since)

    # -- numbers --------------------------------------------------------------------------
    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        me = self._ok(self._get("/api/v1/accounts/verify_credentials"), dict)
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=int(me.get("followers_count") or 0),
                posts=int(me.get("statuses_count") or 0),
            )
        ]

    def post_samples(self, external_ids: list[str], day: dt.date) -> list[PostMetricSample]:
        out = []
        for sid in external_ids:
            response = self._get(f"/api/v1/statuses/{sid}")
            if response.status_code == 404:
                continue
            data = self._ok(response, dict)
            out.append(
                PostMetricSample(
                    network=self.network,
                    external_post_id=str(sid),
                    day=day,
                    reactions=int(data.get("favourites_count") or 0),
                    shares=int(data.get("reblogs_count") or 0),
                    comments=int(data.get("replies_count") or 0),
                )
            )
        return out

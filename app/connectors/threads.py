"""Threads (Meta): posts published, replies to them into the inbox and answered, insights.

The documented Threads API on ``graph.threads.net/v1.0`` (``base_url``); ``handle`` is the
Threads user id; the token (JSON ``{"access_token", "expires_at"}``) is a long-lived user
token, valid 60 days and refreshed before it ends (:mod:`app.connectors.threads_auth`). It is
sent to graph.threads.net only.

* Publishing is two steps: ``POST /{user}/threads`` (``media_type`` TEXT, IMAGE with
  ``image_url``, VIDEO with ``video_url``, or CAROUSEL with the ``children`` item containers:
  :mod:`app.connectors.threads_media`; ``text``, ``reply_to_id`` for an answer) makes a
  container, awaited while its ``status`` is IN_PROGRESS, then
  ``POST /{user}/threads_publish?creation_id=`` publishes it. Media must be at a public https
  address: a local file is refused before any request.
  Threads keeps no idempotency key: after a crash, ``GET /{user}/threads`` (our recent posts)
  and ``GET /{post}/replies`` (our answers) are searched for the same text.
* Replies: ``GET /{post}/conversation`` lists every reply under one of our recent posts (the
  cursor is the set of reply ids seen, never a date), at
  every depth, each with its ``replied_to`` parent; ``POST /{reply}/manage_reply?hide=`` hides.
* Metrics: ``GET /{post}/insights?metric=views,likes,replies,reposts,quotes`` and
  ``GET /{user}/threads_insights`` (``followers_count`` as a total value).
Errors are the Graph API's (``{"error": {"code", "message"}}``): 190 is a dead token.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.connectors.base import (
    AccountRef,
    BadResponse,
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
from app.connectors.http import Http, parse_time
from app.connectors.meta import _Graph
from app.connectors.threads_auth import THREADS_API, ThreadsToken
from app.connectors.threads_media import (
    CAROUSEL_MIN,
    check_media,
    expected_media_type,
    media_form,
)
from app.i18n import translate

TEXT_LIMIT = 500
POLL = 2.0  # seconds between looks at a container Threads is preparing
WAIT = 60.0  # then the post waits for the next sync
VIDEO_WAIT = 300.0  # Threads takes minutes over a video; a new container at the next sync
RECENT_POSTS = 25  # our latest posts whose replies each sync reads
REPLY_FIELDS = "id,text,username,timestamp,permalink,replied_to,is_reply,hide_status,media_type"
POST_METRICS = "views,likes,replies,reposts,quotes"
KEEP_IDS = 5000  # reply ids remembered: far more than 25 posts' conversations hold


class ThreadsConnector(_Graph):
    network = "threads"
    char_limit = TEXT_LIMIT
    credential_hosts: tuple[str, ...] = ("graph.threads.net",)

    def __init__(self, account: AccountRef, http: Http) -> None:
        super().__init__(account, http)
        self._token = ThreadsToken(account, self.http, self.base)
        self._username = ""

    @property
    def base(self) -> str:
        return (self.account.base_url or THREADS_API).rstrip("/")

    def _url(self, path: str) -> str:
        return path if "://" in path else f"{self.base}/{path.lstrip('/')}"

    def _get(self, path: str, **params: Any) -> Any:
        token = self._token.access()
        return self._ok(self.http.get(self._url(path), auth=token, params=params or None))

    def _post(self, path: str, **kwargs: Any) -> Any:
        token = self._token.access()
        return self._ok(self.http.post(self._url(path), auth=token, **kwargs))

    @property
    def user(self) -> str:
        return self.account.handle.strip()

    def username(self) -> str:
        if not self._username:
            self._username = str(self._get("me", fields="id,username").get("username") or "")
        return self._username

    def check(self) -> Health:
        me = self._get("me", fields="id,username,name")
        self._username = str(me.get("username") or "")
        return Health(
            display_name=self._username or str(me.get("name") or self.user),
            token_expires_at=self._token.expires_at,
            char_limit=TEXT_LIMIT,
        )

    def token_expiry(self) -> dt.datetime | None:
        """When the long-lived token ends (kept with it; Meta's debug_token is not Threads')."""
        return self._token.expires_at

    # -- publishing -------------------------------------------------------------------------
    def _container(self, text: str, media: Sequence[MediaRef] = (), reply_to: str = "") -> str:
        """The container to publish: TEXT, IMAGE or VIDEO, or a CAROUSEL of 2–20 items (each
        its own container, awaited, then named in ``children``); see threads_media."""
        check_media(media)  # a local file is refused here, before any request
        form: dict[str, str] = {"media_type": "TEXT", "text": text}
        if len(media) >= CAROUSEL_MIN:
            items = [self._make(media_form(m, carousel_item=True)) for m in media]
            form = {"media_type": "CAROUSEL", "children": ",".join(items), "text": text}
        elif media:
            form = {**media_form(media[0]), "text": text}
        if reply_to:
            form["reply_to_id"] = reply_to
        return self._make(form)

    def _make(self, form: dict[str, str]) -> str:
        """One container, awaited until Threads has it FINISHED (a video takes a while)."""
        container = str(self._post(f"{self.user}/threads", data=form).get("id") or "")
        if not container:
            raise BadResponse(translate("Connectors", "Threads did not create the post."))
        self.await_processing(
            lambda: self._status(container),
            translate("Connectors", "Threads could not prepare the post: {reason}"),
            translate("Connectors", "Threads is still preparing the post; it goes at next sync."),
            poll=POLL,
            limit=VIDEO_WAIT if form["media_type"] in ("VIDEO", "CAROUSEL") else WAIT,
        )
        return container

    def _status(self, container: str) -> tuple[str, float | None, object]:
        data = self._get(container, fields="status,error_message")
        status = str(data.get("status") or "FINISHED").upper()
        if status in ("FINISHED", "PUBLISHED"):
            return "ready", None, ""
        if status in ("ERROR", "EXPIRED"):
            return "failed", None, str(data.get("error_message") or status)
        return "waiting", None, ""

    def _publish(self, container: str) -> Published:
        data = self._post(f"{self.user}/threads_publish", data={"creation_id": container})
        post = str(data.get("id") or "")
        if not post:
            raise BadResponse(translate("Connectors", "Threads did not publish the post."))
        info = self._get(post, fields="permalink,timestamp")
        return Published(post, str(info.get("permalink") or ""), parse_time(info.get("timestamp")))

    def publish(self, variant: DueVariant) -> Published:
        text = self.text_with_link(variant)
        self.check_length(text)
        return self._publish(self._container(text, variant.media))

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """Our post with the same text among those published since the send began."""
        text = self.text_with_link(variant)
        kind = expected_media_type(variant.media)
        start = int((since - dt.timedelta(minutes=1)).timestamp()) if since else None
        fields = "id,text,timestamp,permalink,media_type"
        params: dict[str, Any] = {"fields": fields, "limit": RECENT_POSTS}
        if start:
            params["since"] = start
        for row in self._get(f"{self.user}/threads", **params).get("data") or []:
            if (
                isinstance(row, dict)
                and self.same_text(row.get("text", ""), text)
                and row.get("media_type", kind) == kind
            ):
                return Published(
                    str(row["id"]),
                    str(row.get("permalink") or ""),
                    parse_time(row.get("timestamp")),
                )
        return None

    def reply(self, reply: ReplyToSend) -> Published:
        if reply.private:
            raise Rejected(translate("Connectors", "Threads has no private answer to a reply."))
        self.check_length(reply.text)
        return self._publish(self._container(reply.text, reply_to=reply.in_reply_to))

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """Our answer among the replies to the same message, by text."""
        if reply.private:
            return None
        me = self.username()
        data = self._get(f"{reply.in_reply_to}/replies", fields=REPLY_FIELDS)
        for row in data.get("data") or []:
            if (
                isinstance(row, dict)
                and row.get("username") == me
                and self.same_text(row.get("text", ""), reply.text)
            ):
                return Published(str(row["id"]), str(row.get("permalink") or ""))
        return None

    def first_comment(self, comment: ReplyToSend) -> Published:
        return self.reply(comment)

    def find_first_comment(self, comment: ReplyToSend, since: dt.datetime) -> Published | None:
        return self.find_reply(comment, since)

    def hide(self, external_id: str, hidden: bool = True) -> None:
        self._post(f"{external_id}/manage_reply", data={"hide": "true" if hidden else "false"})

    def moderate(self, item: ModerationToSend) -> None:
        if item.action in ("hide", "unhide"):
            self.hide(item.external_id, hidden=item.action == "hide")
            return
        raise self.cannot(item.action)

    # -- replies into the inbox ---------------------------------------------------------------
    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
    ) -> FetchResult:
        """Replies under our recent posts not delivered yet. The cursor is the set of reply
        ids already seen (never a date): a reply Threads shows late with an older time (held
        for approval, federated late) still arrives; one from a wrong clock arrives now."""
        cursor = dict(cursor or {})
        seen: list[str] = [str(x) for x in cursor.get("seen_ids") or []]
        known, fresh = set(seen), []
        now = dt.datetime.now(dt.UTC)
        items: list[IncomingMessage] = []
        errors: list[RowError] = []
        before = self.http.requests
        me = self.username()
        posts = self._get(f"{self.user}/threads", fields="id,timestamp,permalink", limit=25)
        for post in posts.get("data") or []:
            if not isinstance(post, dict) or not post.get("id"):
                self._skip(errors, post)
                continue
            for rows in self._pages(
                f"{post['id']}/conversation", max_pages, fields=REPLY_FIELDS, reverse="false"
            ):
                for row in rows:
                    try:
                        rid = str(row["id"])
                        when = parse_time(row["timestamp"])
                        if rid in known or when is None:
                            continue
                        known.add(rid)
                        fresh.append(rid)
                        if row.get("username") == me:
                            continue  # our own answers
                        parent = (row.get("replied_to") or {}).get("id") or post["id"]
                        items.append(self._reply_item(row, min(when, now), str(parent)))
                    except (KeyError, TypeError, AttributeError):
                        self._skip(errors, row)
            if progress:
                progress(len(items), "replies")
        cursor["seen_ids"] = (fresh + seen)[:KEEP_IDS]
        return FetchResult(tuple(items), cursor, tuple(errors), self.http.requests - before)

    def _reply_item(self, row: dict[str, Any], when: dt.datetime, parent: str) -> IncomingMessage:
        text = str(row.get("text") or "")
        if not text and row.get("media_type") not in (None, "TEXT_POST"):
            text = translate("Connectors", "[media: {kind}]").format(kind=row["media_type"])
        return IncomingMessage(
            network=self.network,
            external_id=str(row["id"]),
            kind="comment",
            author=str(row["username"]),
            author_handle="@" + str(row["username"]),
            text=text,
            received_at=when,
            in_reply_to=parent,
            url=str(row.get("permalink") or ""),
            account_id=self.account.id,
        )

    # -- numbers ----------------------------------------------------------------------------
    @staticmethod
    def _values(data: dict[str, Any]) -> dict[str, int]:
        """{metric: number} from an insights answer (``values`` summed, or ``total_value``)."""
        out: dict[str, int] = {}
        for row in data.get("data") or []:
            if not isinstance(row, dict) or not row.get("name"):
                continue
            total = row.get("total_value")
            if isinstance(total, dict) and isinstance(total.get("value"), int | float):
                out[row["name"]] = int(total["value"])
            else:
                values = [v.get("value") for v in row.get("values") or [] if isinstance(v, dict)]
                out[row["name"]] = int(sum(v for v in values if isinstance(v, int | float)))
        return out

    def post_samples(self, external_ids: list[str], day: dt.date) -> list[PostMetricSample]:
        out = []
        for post in external_ids:
            got = self._values(self._get(f"{post}/insights", metric=POST_METRICS))
            out.append(
                PostMetricSample(
                    network=self.network,
                    external_post_id=str(post),
                    day=day,
                    impressions=got.get("views"),
                    reactions=got.get("likes"),
                    comments=got.get("replies"),
                    shares=got.get("reposts", 0) + got.get("quotes", 0),
                )
            )
        return out

    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        start = dt.datetime.combine(day, dt.time(), dt.UTC)
        got = self._values(
            self._get(
                f"{self.user}/threads_insights",
                metric=f"{POST_METRICS},followers_count",
                since=int(start.timestamp()),
                until=int((start + dt.timedelta(days=1)).timestamp()),
            )
        )
        engaged = sum(got.get(k, 0) for k in ("likes", "replies", "reposts", "quotes"))
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=got.get("followers_count"),
                impressions=got.get("views"),
                engagements=engaged,
            )
        ]


__all__ = ["ThreadsConnector"]

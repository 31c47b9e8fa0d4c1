"""Instagram professional accounts through the Graph API (see :mod:`app.connectors.meta`).

Comments on the account's media arrive as comments, and the replies under a comment as
comments answering it (threaded in the inbox); publishing is Meta's two steps (a media
container, then ``media_publish``). Meta fetches images from a public address; a video on
this computer goes up as a reel by resumable upload (``upload_type=resumable``, the bytes
to rupload.facebook.com), the container awaited until FINISHED. Hiding a comment is
``hide=true``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from app.connectors.base import FetchProgress, FetchResult, Published, Rejected
from app.connectors.contract import (
    AccountMetricSample,
    DueVariant,
    IncomingMessage,
    MediaRef,
    ReplyToSend,
    RowError,
)
from app.connectors.http import parse_time
from app.connectors.meta import _Graph
from app.i18n import translate

VIDEO_POLL = 3.0  # seconds between looks at a container Meta is processing
VIDEO_WAIT = 300.0  # then the post waits for the next sync
FIELDS = "id,text,username,timestamp"


class InstagramConnector(_Graph):
    network = "instagram"
    platform = "instagram"

    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
    ) -> FetchResult:
        cursor = dict(cursor or {})
        since = parse_time(cursor.get("seen_at"))
        newest = since
        # A comment whose time cannot be read (an unknown format) is taken as received at
        # this fetch's time: it still reaches the inbox instead of being refused for having
        # no time (or skipped once a cursor exists); the cursor only moves on times Meta gave.
        fetched_at = dt.datetime.now(dt.UTC)
        items: list[IncomingMessage] = []
        errors: list[RowError] = []
        before = self.http.requests
        for rows in self._pages(
            f"{self.account.handle}/media",
            max_pages,
            fields="id,timestamp,permalink,comments_count",
            limit=25,
        ):
            for media in rows:
                if not isinstance(media, dict) or "id" not in media:
                    self._skip(errors, media)
                    continue
                if not media.get("comments_count", 1):
                    continue
                for comments in self._pages(
                    f"{media['id']}/comments",
                    max_pages,
                    fields=f"{FIELDS},replies{{{FIELDS}}}",
                    limit=50,
                ):
                    for c in comments:
                        # a reply may come under an old comment: its replies are read anyway
                        for row, parent in [(c, media["id"]), *self._replies(c, max_pages)]:
                            try:
                                stamp = parse_time(row["timestamp"])
                                if since and stamp and stamp <= since:
                                    continue
                                if stamp:
                                    newest = max(newest, stamp) if newest else stamp
                                when = stamp or fetched_at
                                items.append(
                                    self._item(
                                        row["id"],
                                        "comment",
                                        row["username"],
                                        "@" + row["username"],
                                        row.get("text", ""),
                                        when,
                                        parent,
                                        media.get("permalink"),
                                    )
                                )
                            except (KeyError, TypeError, AttributeError):
                                self._skip(errors, row)
            if progress:
                progress(len(items), "comments")
        if newest:
            cursor["seen_at"] = newest.isoformat()
        return FetchResult(tuple(items), cursor, tuple(errors), self.http.requests - before)

    def _replies(self, comment: object, max_pages: int) -> list[tuple[dict[str, Any], str]]:
        """The replies under a comment (its ``replies`` edge, asked for inline), each with
        the comment it answers, so the inbox threads them; more pages follow ``paging.next``."""
        if not isinstance(comment, dict) or not isinstance(comment.get("replies"), dict):
            return []
        parent = str(comment.get("id") or "")
        edge = comment["replies"]
        out: list[tuple[dict[str, Any], str]] = []
        for _ in range(max_pages):
            rows = edge.get("data")
            if not isinstance(rows, list):
                break
            out += [(r, parent) for r in rows]
            nxt = (edge.get("paging") or {}).get("next")
            if not nxt or not rows:
                break
            edge = self._get(nxt)
        return out

    def publish(self, variant: DueVariant) -> Published:
        self.check_length(variant.text)
        if len(variant.media) > 1:
            raise Rejected(
                translate(
                    "Connectors",
                    "Tribune sends one file per Instagram post; carousels are not sent.",
                )
            )
        m = variant.media[0] if variant.media else None
        remote = m is not None and m.path.startswith(("http://", "https://"))
        if m is not None and m.is_video and not remote:
            container = self._reel_container(variant.text, m)
        elif m is not None and remote:
            if m.is_video:
                form = {"video_url": m.path, "media_type": "REELS", "caption": variant.text}
            else:
                form = {"image_url": m.path, "caption": variant.text, "alt_text": m.alt_text}
            container = self._post(f"{self.account.handle}/media", data=form).get("id")
            if container and m.is_video:
                self._wait_container(str(container))
        else:
            raise Rejected(
                translate(
                    "Connectors",
                    "Instagram fetches the image from a public address: the post "
                    "needs an image published at an http(s) address.",
                )
            )
        if not container:
            raise Rejected(translate("Connectors", "Instagram did not create the media container."))
        media_id = self._post(
            f"{self.account.handle}/media_publish", data={"creation_id": container}
        ).get("id")
        if not media_id:
            raise Rejected(translate("Connectors", "Instagram did not publish the container."))
        link = self._get(str(media_id), fields="permalink").get("permalink", "")
        return Published(str(media_id), str(link))

    def _reel_container(self, caption: str, m: MediaRef) -> str:
        """A reel from a file on this computer: Meta's resumable upload — a container with
        ``upload_type=resumable``, the bytes POSTed to the ``uri`` it gives (``OAuth`` header,
        ``offset`` and ``file_size``), then its ``status_code`` awaited until FINISHED."""
        path = Path(m.path)
        data = self._post(
            f"{self.account.handle}/media",
            data={"media_type": "REELS", "upload_type": "resumable", "caption": caption},
        )
        container, uri = str(data.get("id") or ""), str(data.get("uri") or "")
        if not container or not uri:
            raise Rejected(translate("Connectors", "Instagram did not create the media container."))
        response = self.http.request(
            "POST",
            uri,
            headers={
                "Authorization": f"OAuth {self.account.token}",
                "offset": "0",
                "file_size": str(path.stat().st_size),
            },
            content=path.read_bytes(),
        )
        self._ok(response)
        self._wait_container(container)
        return container

    def _wait_container(self, container: str) -> None:
        def look() -> tuple[str, float | None, object]:
            status = str(self._get(container, fields="status_code").get("status_code") or "")
            if status in ("FINISHED", "PUBLISHED"):
                return "ready", None, ""
            return ("failed" if status in ("ERROR", "EXPIRED") else "waiting"), None, status

        self.await_processing(
            look,
            translate("Connectors", "Instagram could not process the video."),
            translate("Connectors", "Instagram is still processing the video; the post waits."),
            poll=VIDEO_POLL,
            limit=VIDEO_WAIT,
        )

    def reply(self, reply: ReplyToSend) -> Published:
        if reply.private:  # never the public reply below
            return self._private_reply(reply)
        data = self._post(f"{reply.in_reply_to}/replies", data={"message": reply.text})
        return Published(str(data.get("id") or ""))

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """Our media with the same caption, published since the send began (minus a minute)."""
        floor = since - dt.timedelta(minutes=1)
        for rows in self._pages(
            f"{self.account.handle}/media", 2, fields="id,caption,timestamp,permalink"
        ):
            for row in rows:
                if not isinstance(row, dict) or not row.get("id"):
                    continue
                when = parse_time(row.get("timestamp"))
                if when is not None and when < floor:
                    continue
                if self.same_text(row.get("caption", ""), variant.text):
                    return Published(str(row["id"]), str(row.get("permalink") or ""), when)
        return None

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """Our answer among the comment's replies, with the same text; a private one in the
        account's Instagram conversations."""
        if reply.private:
            return self._find_private_reply(reply, since)
        for rows in self._pages(f"{reply.in_reply_to}/replies", 3, fields="id,text,username"):
            for row in rows:
                if isinstance(row, dict) and self.same_text(row.get("text", ""), reply.text):
                    return Published(str(row.get("id") or ""))
        return None

    # -- the first comment: a comment on our own media (app.services.sync.publish_comments) ---
    def first_comment(self, comment: ReplyToSend) -> Published:
        data = self._post(f"{comment.in_reply_to}/comments", data={"message": comment.text})
        return Published(str(data.get("id") or ""))

    def find_first_comment(self, comment: ReplyToSend, since: dt.datetime) -> Published | None:
        """Ours among the media's comments, with the same text."""
        for rows in self._pages(f"{comment.in_reply_to}/comments", 3, fields="id,text,from"):
            for row in rows:
                if not isinstance(row, dict):
                    continue
                author = (
                    (row.get("from") or {}).get("id") if isinstance(row.get("from"), dict) else None
                )
                if author in (None, self.account.handle) and self.same_text(
                    row.get("text", ""), comment.text
                ):
                    return Published(str(row.get("id") or ""))
        return None

    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        me = self._get(self.account.handle, fields="followers_count,media_count")
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=me.get("followers_count"),
                posts=me.get("media_count"),
            )
        ]

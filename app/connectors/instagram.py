"""Instagram professional accounts through the Graph API (see :mod:`app.connectors.meta`).

Comments on the account's media arrive as comments; publishing is Meta's two steps (a media
container from an image at a public address, then ``media_publish``); hiding a comment is
``hide=true``.
"""

from __future__ import annotations

import datetime as dt

from app.connectors.base import FetchResult, Published, Rejected
from app.connectors.http import parse_time
from app.connectors.meta import _Graph
from app.i18n import translate
from app.services.network_data import AccountMetricSample, DueVariant, ReplyToSend


class InstagramConnector(_Graph):
    network = "instagram"

    def fetch(self, cursor: dict, *, max_pages: int = 50, progress=None) -> FetchResult:
        cursor = dict(cursor or {})
        since = parse_time(cursor.get("seen_at"))
        newest = since
        items, errors = [], []
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
                    fields="id,text,username,timestamp",
                    limit=50,
                ):
                    for c in comments:
                        try:
                            when = parse_time(c["timestamp"])
                            if since and when <= since:
                                continue
                            newest = max(newest, when) if newest else when
                            items.append(
                                self._item(
                                    c["id"],
                                    "comment",
                                    c["username"],
                                    "@" + c["username"],
                                    c.get("text", ""),
                                    when,
                                    media["id"],
                                    media.get("permalink"),
                                )
                            )
                        except (KeyError, TypeError, AttributeError):
                            self._skip(errors, c)
            if progress:
                progress(len(items), "comments")
        if newest:
            cursor["seen_at"] = newest.isoformat()
        return FetchResult(tuple(items), cursor, tuple(errors), self.http.requests - before)

    def publish(self, variant: DueVariant) -> Published:
        self.check_length(variant.text)
        if not variant.media or not variant.media[0].path.startswith(("http://", "https://")):
            raise Rejected(
                translate(
                    "Connectors",
                    "Instagram fetches the image from a public address: the post "
                    "needs an image published at an http(s) address.",
                )
            )
        container = self._post(
            f"{self.account.handle}/media",
            data={
                "image_url": variant.media[0].path,
                "caption": variant.text,
                "alt_text": variant.media[0].alt_text,
            },
        ).get("id")
        if not container:
            raise Rejected(translate("Connectors", "Instagram did not create the media container."))
        media_id = self._post(
            f"{self.account.handle}/media_publish", data={"creation_id": container}
        ).get("id")
        if not media_id:
            raise Rejected(translate("Connectors", "Instagram did not publish the container."))
        link = self._get(str(media_id), fields="permalink").get("permalink", "")
        return Published(str(media_id), str(link))

    def reply(self, reply: ReplyToSend) -> Published:
        data = self._post(f"{reply.in_reply_to}/replies", data={"message": reply.text})
        return Published(str(data.get("id") or ""))

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

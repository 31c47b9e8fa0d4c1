"""Bluesky's first comment: a reply record to our own post, once.

The post answered is read from our own repository (``com.atproto.repo.getRecord``), where it
is at once, rather than through the AppView's ``getPosts``, which may not have indexed a post
made a second ago. The reply's record key depends only on the comment's idempotency key and
the post's creation time, so a seat taking over a stopped send finds the record instead of
writing a second one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

import httpx

from app.connectors.base import Published
from app.connectors.bluesky_tid import tid_for
from app.connectors.contract import MediaRef, ReplyToSend
from app.connectors.http import parse_time


class Poster(Protocol):
    """What these functions use of :class:`app.connectors.bluesky.BlueskyConnector`."""

    _access: str
    did: str

    def login(self) -> None: ...

    def _call(self, verb: str, method: str, **kwargs: Any) -> httpx.Response: ...

    def _ok(self, response: httpx.Response, expect: type | tuple[type, ...] = dict) -> Any: ...

    def _existing(self, rkey: str) -> Published | None: ...

    def _create(self, record: dict[str, Any], rkey: str) -> Published: ...

    def _record(
        self,
        text: str,
        when: dt.datetime,
        media: Sequence[MediaRef] = (),
        reply: dict[str, Any] | None = None,
    ) -> dict[str, Any]: ...


def _target(connector: Poster, comment: ReplyToSend) -> tuple[dict[str, Any], dict[str, Any], str]:
    """(root, parent, rkey) of the answer to our post ``comment.in_reply_to`` (an at:// URI)."""
    if not connector._access:
        connector.login()
    response = connector._call(
        "GET",
        "com.atproto.repo.getRecord",
        params={
            "repo": connector.did,
            "collection": "app.bsky.feed.post",
            "rkey": comment.in_reply_to.rsplit("/", 1)[-1],
        },
    )
    data = connector._ok(response)
    parent = {"uri": str(data.get("uri") or comment.in_reply_to), "cid": str(data["cid"])}
    record = data.get("value") or {}
    root = (record.get("reply") or {}).get("root") or parent
    when = parse_time(record.get("createdAt")) or dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    return root, parent, tid_for(comment.idempotency_key, when + dt.timedelta(seconds=1))


def first_comment(connector: Poster, comment: ReplyToSend) -> Published:
    root, parent, rkey = _target(connector, comment)
    existing = connector._existing(rkey)
    if existing:
        return existing
    now = dt.datetime.now(dt.UTC)
    record = connector._record(comment.text, now, reply={"root": root, "parent": parent})
    return connector._create(record, rkey)


def find_first_comment(connector: Poster, comment: ReplyToSend) -> Published | None:
    return connector._existing(_target(connector, comment)[2])

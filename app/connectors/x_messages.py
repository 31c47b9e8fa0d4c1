"""X's direct messages, fetched per conversation event and answered in the conversation
(methods of XConnector)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import httpx

from app.connectors.base import (
    BadResponse,
    Published,
)
from app.connectors.contract import (
    IncomingMessage,
    ReplyToSend,
    RowError,
)
from app.i18n import translate

DM_LIMIT = 10_000  # characters of a direct message


class XApi(Protocol):
    """What these methods use of :class:`app.connectors.x.XConnector`."""

    def _request(self, method: str, path: str, **kwargs: Any) -> Any: ...

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response: ...

    def _ok(self, response: httpx.Response, expect: type | tuple[type, ...] = dict) -> Any: ...

    def _rows(self, data: dict[str, Any]) -> list[Any]: ...

    def _users(self, data: dict[str, Any]) -> dict[str, dict[str, Any]]: ...

    def _message(
        self, row: dict[str, Any], author: dict[str, Any], kind: str
    ) -> IncomingMessage: ...

    def _skipped(self, row: object) -> RowError: ...

    def me(self) -> dict[str, Any]: ...

    def check_length(self, text: str, limit: int | None = None) -> None: ...

    def await_processing(
        self,
        look: Callable[[], tuple[str, float | None, object]],
        failed: str,
        waiting: str,
        *,
        poll: float,
        limit: float,
    ) -> None: ...


def _id_int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def _direct_messages(
    self: XApi, cursor: dict[str, Any], max_pages: int, me: dict[str, Any]
) -> tuple[list[IncomingMessage], list[RowError]]:
    since = _id_int(cursor.get("dm_events"))
    newest = since
    items: list[IncomingMessage] = []
    errors: list[RowError] = []
    params: dict[str, Any] = {
        "event_types": "MessageCreate",
        "dm_event.fields": "id,text,created_at,sender_id,dm_conversation_id",
        "expansions": "sender_id",
        "user.fields": "username,name",
        "max_results": 100,
    }
    for _ in range(max_pages):
        data = self._request("GET", "/2/dm_events", params=params)
        users = self._users(data)
        old = False
        for event in self._rows(data):
            try:
                eid = _id_int(event["id"])
                if since and eid <= since:
                    old = True  # newest first: the rest was seen by an earlier sync
                    continue
                newest = max(newest, eid)
                if str(event.get("sender_id")) == str(me["id"]):
                    continue  # our own answers
                sender = users.get(str(event.get("sender_id")), {})
                items.append(self._message(event, sender, "message"))
            except (KeyError, TypeError, AttributeError, ValueError):
                errors.append(self._skipped(event))
        token = (data.get("meta") or {}).get("next_token")
        if old or not token:
            break
        params = {**params, "pagination_token": token}
    if newest:
        cursor["dm_events"] = str(newest)
    return items, errors


def _direct_message(self: XApi, reply: ReplyToSend) -> Published:
    """Answer a direct message in its conversation. X has no idempotency key: the
    conversation's latest events are read first, and an identical answer of ours written
    after the message (a crash between send and record) is taken instead of resending."""
    self.check_length(reply.text, DM_LIMIT)
    event = self._request(
        "GET",
        f"/2/dm_events/{reply.in_reply_to}",
        params={"dm_event.fields": "id,created_at,dm_conversation_id,sender_id"},
    ).get("data")
    conversation = str((event or {}).get("dm_conversation_id") or "")
    if not conversation:
        raise BadResponse(
            translate("Connectors", "X did not say which conversation this message is in.")
        )
    me = str(self.me()["id"])
    recent = self._request(
        "GET",
        f"/2/dm_conversations/{conversation}/dm_events",
        params={"dm_event.fields": "id,text,sender_id,created_at", "max_results": 50},
    )
    answered = _id_int(reply.in_reply_to)
    for row in self._rows(recent):
        if (
            isinstance(row, dict)
            and str(row.get("sender_id")) == me
            and row.get("text") == reply.text
            and _id_int(row.get("id")) > answered
        ):
            return Published(str(row["id"]))
    data = self._request(
        "POST", f"/2/dm_conversations/{conversation}/messages", json={"text": reply.text}
    ).get("data")
    if not isinstance(data, dict) or not data.get("dm_event_id"):
        raise BadResponse(translate("Connectors", "X did not return the message sent."))
    return Published(str(data["dm_event_id"]))

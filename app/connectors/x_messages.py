"""X's direct messages, fetched per conversation event and answered in the conversation
(methods of XConnector)."""

from __future__ import annotations

from typing import Any

from app.connectors.base import (
    BadResponse,
    Published,
)
from app.connectors.contract import (
    ReplyToSend,
)
from app.i18n import translate

DM_LIMIT = 10_000  # characters of a direct message


def _id_int(value) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def _direct_messages(self, cursor: dict[str, Any], max_pages: int, me: dict):
    since = _id_int(cursor.get("dm_events"))
    newest = since
    items, errors = [], []
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


def _direct_message(self, reply: ReplyToSend) -> Published:
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

"""Publishing the calendar's due posts and the inbox's replies, never twice.

For each send the state is written before and after, in separate transactions:

1. ``mark_sending`` (the calendar's or inbox's state) and a :class:`PublishAttempt` in state
   "sending" with the idempotency key and what is being sent — committed;
2. the HTTP call (Mastodon gets the ``Idempotency-Key`` header; Bluesky a record key
   derived from it; Facebook is searched for the post before a resend);
3. ``mark_published`` / ``mark_failed`` and the attempt closed — committed.

A crash between 2 and 3 leaves the attempt "sending": :func:`recover` finishes it at the
next sync with the same key, so the network ends up with exactly one post. With no network
(timeouts, 5xx, rate limit) the variant is marked failed *retryable* and waits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.connectors.base import AuthError, ConnectorError, RateLimited, Unavailable
from app.db import Database
from app.models.base import utcnow
from app.models.sync import PublishAttempt
from app.services.network_data import DueVariant, MediaRef, ReplyToSend


@dataclass(frozen=True)
class PublishOutcome:
    published: int = 0
    replies: int = 0
    failed: int = 0
    messages: tuple[str, ...] = ()


def _payload(item: DueVariant | ReplyToSend) -> dict:
    data = dataclasses.asdict(item)
    for k, v in data.items():
        if isinstance(v, dt.datetime):
            data[k] = v.isoformat()
    return data


def _variant_of(payload: dict) -> DueVariant:
    data = dict(payload)
    data["planned_at"] = dt.datetime.fromisoformat(data["planned_at"])
    data["media"] = tuple(MediaRef(**m) for m in data.get("media") or ())
    return DueVariant(**data)


def _start(db: Database, sinks, account_id: int, kind: str, item) -> int | None:
    """Write "sending" everywhere before the call; None when someone else has it already."""
    with db.session() as s:
        mark = sinks.mark_sending if kind == "post" else sinks.mark_reply_sending
        ref = item.variant_id if kind == "post" else item.reply_id
        if not mark(s, ref):
            return None
        attempt = PublishAttempt(
            client_id=item.client_id,
            account_id=account_id,
            kind=kind,
            ref_id=ref,
            network=item.network,
            idempotency_key=item.idempotency_key,
            state="sending",
            payload=_payload(item),
        )
        s.add(attempt)
        s.flush()
        return attempt.id


def _finish(db: Database, sinks, attempt_id: int, kind: str, ref: int, published, now) -> None:
    with db.session() as s:
        if kind == "post":
            sinks.mark_published(s, ref, published.external_id, published.url, published.at or now)
        else:
            sinks.mark_reply_sent(s, ref, published.external_id, published.url, published.at or now)
        attempt = s.get(PublishAttempt, attempt_id)
        attempt.state, attempt.finished_at = "sent", utcnow()
        attempt.external_id, attempt.url = published.external_id, published.url


def _fail(db: Database, sinks, attempt_id: int, kind: str, ref: int, exc: ConnectorError):
    with db.session() as s:
        if kind == "post":
            sinks.mark_failed(s, ref, exc.message, retryable=exc.retryable)
        else:
            sinks.mark_reply_failed(s, ref, exc.message)
        attempt = s.get(PublishAttempt, attempt_id)
        attempt.state, attempt.finished_at, attempt.error = "failed", utcnow(), exc.message


def recover(db: Database, account_id: int, connector, sinks, now: dt.datetime) -> int:
    """Finish the sends a crash left "sending"; returns how many were recorded."""
    with db.read() as s:
        rows = s.execute(
            select(
                PublishAttempt.id,
                PublishAttempt.kind,
                PublishAttempt.ref_id,
                PublishAttempt.payload,
                PublishAttempt.started_at,
            )
            .where(PublishAttempt.account_id == account_id, PublishAttempt.state == "sending")
            .order_by(PublishAttempt.id)
        ).all()
    done = 0
    for attempt_id, kind, ref, payload, started in rows:
        try:
            if kind == "post":
                variant = _variant_of(payload)
                found = connector.find_published(variant, started)
                published = found or connector.publish(variant)
            else:
                published = connector.reply(ReplyToSend(**payload))
        except (Unavailable, RateLimited):
            raise
        except ConnectorError as exc:
            _fail(db, sinks, attempt_id, kind, ref, exc)
            if isinstance(exc, AuthError):
                raise
            continue
        _finish(db, sinks, attempt_id, kind, ref, published, now)
        done += 1
    return done


def for_account(item, account_id: int, network: str, default_account: bool) -> bool:
    """Is this item (post, reply, moderation) to go through this account? Its own, or one
    with no account when this is the first account of its network."""
    if item.network != network:
        return False
    return item.account_id == account_id or (item.account_id is None and default_account)


def publish_due(
    db: Database,
    client_id: int,
    account_id: int,
    connector,
    sinks,
    now: dt.datetime,
    *,
    default_account: bool = True,
    is_cancelled=lambda: False,
) -> PublishOutcome:
    """Send this account's due posts and replies. Auth errors propagate (reconnect needed);
    a network outage stops the sends for this account and leaves the rest waiting."""
    published = replies = failed = 0
    messages: list[str] = []
    recovered = recover(db, account_id, connector, sinks, now)
    published += recovered
    work: list[tuple[str, object]] = []
    with db.read() as s:
        if sinks.can_publish and connector.can_publish:
            for v in sinks.due_variants(s, client_id, now):
                if for_account(v, account_id, connector.network, default_account):
                    work.append(("post", v))
        if sinks.can_reply and connector.can_publish:
            for r in sinks.due_replies(s, client_id, connector.network):
                if for_account(r, account_id, connector.network, default_account):
                    work.append(("reply", r))
    for kind, item in work:
        if is_cancelled():
            break
        ref = item.variant_id if kind == "post" else item.reply_id
        attempt_id = _start(db, sinks, account_id, kind, item)
        if attempt_id is None:
            continue
        try:
            result = connector.publish(item) if kind == "post" else connector.reply(item)
        except ConnectorError as exc:
            _fail(db, sinks, attempt_id, kind, ref, exc)
            failed += 1
            messages.append(exc.message)
            if isinstance(exc, AuthError | Unavailable | RateLimited):
                if isinstance(exc, AuthError):
                    raise
                break  # no network: the rest waits for the next sync
            continue
        _finish(db, sinks, attempt_id, kind, ref, result, now)
        if kind == "post":
            published += 1
        else:
            replies += 1
    return PublishOutcome(published, replies, failed, tuple(messages))


def published_ids(db: Database, account_id: int, since: dt.datetime) -> dict[str, int]:
    """Posts sent through this account since ``since``: network id → calendar variant id."""
    with db.read() as s:
        rows = s.execute(
            select(PublishAttempt.external_id, PublishAttempt.ref_id).where(
                PublishAttempt.account_id == account_id,
                PublishAttempt.kind == "post",
                PublishAttempt.state == "sent",
                PublishAttempt.finished_at >= since,
            )
        ).all()
    return {external: variant for external, variant in rows}

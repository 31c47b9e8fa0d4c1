"""Publishing the calendar's due posts and the inbox's replies, exactly once across seats.

For each send the state is written before and after, in separate transactions:

1. ``mark_sending`` (the calendar's or inbox's state, a conditional UPDATE: one seat wins)
   and a :class:`PublishAttempt` "sending" with the idempotency key, what is sent, and a
   *lease*: this seat's id and until when it owns the send — committed together;
2. the HTTP call (Mastodon gets the ``Idempotency-Key`` header; Bluesky a record key derived
   from it; the others are looked up before a resend, see 4), while a
   :class:`~app.services.sync.lock.Keeper` renews the lease;
3. ``mark_published`` / ``mark_failed`` and the attempt closed — committed.

4. A seat that dies between 1 and 3 stops renewing: once its lease has EXPIRED (never
   before: another seat's send in flight is left alone), :func:`recover` claims the attempt
   with a conditional UPDATE, looks the post or reply up on the network (``find_published``
   / ``find_reply``: the record key on Bluesky, our recent posts and answers elsewhere) and
   records it, or sends it only when the network does not have it.

The sync runs one seat per account at a time (:mod:`app.services.sync.lock`), so the lease is
the second guard, for a seat that lost its lock (network cut) while still sending. A post
whose file is missing fails alone; a send that breaks for an unexpected reason fails alone
too (not retried by itself): neither keeps the account's later posts waiting. With no
network (timeouts, 5xx, rate limit) the variant is marked failed *retryable* and waits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, or_, select, update

from app.connectors.base import (
    AuthError,
    Connector,
    ConnectorError,
    Published,
    RateLimited,
    Unavailable,
)
from app.connectors.contract import DueVariant, MediaRef, ReplyToSend
from app.connectors.http import Cancelled
from app.db import Database
from app.i18n import translate
from app.models.base import utcnow
from app.models.sync import PublishAttempt
from app.services.calendar.media_store import files_for
from app.services.sync import publish_comments
from app.services.sync.lock import Keeper, db_now, lease_seconds, seat_id
from app.services.sync.sinks import Sinks

log = logging.getLogger("tribune.sync")


@dataclass(frozen=True)
class PublishOutcome:
    published: int = 0
    replies: int = 0
    failed: int = 0
    messages: tuple[str, ...] = ()


def _payload(item: DueVariant | ReplyToSend) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    for k, v in data.items():
        if isinstance(v, dt.datetime):
            data[k] = v.isoformat()
    return data


def _variant_of(payload: dict[str, Any]) -> DueVariant:
    data = dict(payload)
    data["planned_at"] = dt.datetime.fromisoformat(data["planned_at"])
    data["media"] = tuple(MediaRef(**m) for m in data.get("media") or ())
    return DueVariant(**data)


def _ref(item: DueVariant | ReplyToSend) -> int:
    """The calendar's variant or the inbox's reply that a send is for."""
    return item.variant_id if isinstance(item, DueVariant) else item.reply_id


def _start(
    db: Database, sinks: Sinks, account_id: int, kind: str, item: DueVariant | ReplyToSend
) -> int | None:
    """Claim the item and write "sending" with this seat's lease, before the call; None
    when another seat (or an earlier sync) has it already."""
    with db.session() as s:
        mark = sinks.mark_sending if kind == "post" else sinks.mark_reply_sending
        assert mark is not None  # publish_due sends only with sinks that can_publish/can_reply
        ref = _ref(item)
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
            seat=seat_id(),
            lease_until=db_now(s) + dt.timedelta(seconds=lease_seconds()),
        )
        s.add(attempt)
        s.flush()
        return attempt.id


def _finish(
    db: Database,
    sinks: Sinks,
    attempt_id: int,
    kind: str,
    ref: int,
    published: Published,
    now: dt.datetime,
) -> None:
    with db.session() as s:
        mark = sinks.mark_published if kind == "post" else sinks.mark_reply_sent
        assert mark is not None  # an attempt exists only where its sinks could send
        mark(s, ref, published.external_id, published.url, published.at or now)
        attempt = s.get_one(PublishAttempt, attempt_id)  # ours: written by _start
        attempt.state, attempt.finished_at = "sent", utcnow()
        attempt.external_id, attempt.url = published.external_id, published.url
        if kind == "post":  # its first comment is due, in the same transaction
            publish_comments.queue(s, attempt, published.external_id)


def _fail(
    db: Database, sinks: Sinks, attempt_id: int, kind: str, ref: int, exc: ConnectorError
) -> None:
    with db.session() as s:
        if kind == "post":
            assert sinks.mark_failed is not None  # an attempt exists only where it could send
            sinks.mark_failed(s, ref, exc.message, retryable=exc.retryable)
        else:
            assert sinks.mark_reply_failed is not None
            sinks.mark_reply_failed(s, ref, exc.message)
        attempt = s.get_one(PublishAttempt, attempt_id)  # ours: written by _start
        attempt.state, attempt.finished_at, attempt.error = "failed", utcnow(), exc.message


class _Broken(ConnectorError):
    """A send that failed for a reason outside the network (a bug, a full disk): that item
    alone fails, and is not tried again by itself (it may have reached the network)."""

    kind = "error"
    retryable = False


def _broken(exc: Exception) -> _Broken:
    log.error("a send failed", exc_info=exc)
    return _Broken(
        translate("Sync", "Unexpected problem ({kind}).").format(kind=type(exc).__name__)
    )


def _let_go(db: Database, attempt_id: int) -> None:
    """This seat stops working on a send it could not record (a crash of the recording, a
    cancel): nothing of it is in flight any more, so its lease ends now and the next sync
    recovers it by looking it up."""
    try:
        with db.session() as s:
            s.execute(
                update(PublishAttempt)
                .where(
                    PublishAttempt.id == attempt_id,
                    PublishAttempt.seat == seat_id(),
                    PublishAttempt.state == "sending",
                )
                .values(lease_until=db_now(s))
                .execution_options(synchronize_session=False)
            )
    except Exception:  # the database is gone too: the lease expires by itself
        log.warning("could not end the lease of send %s", attempt_id)


def _record(
    db: Database,
    sinks: Sinks,
    attempt_id: int,
    kind: str,
    ref: int,
    published: Published,
    now: dt.datetime,
) -> None:
    try:
        _finish(db, sinks, attempt_id, kind, ref, published, now)
    except BaseException:
        _let_go(db, attempt_id)
        raise


def _claim_expired(db: Database, attempt_id: int) -> bool:
    """Take over a "sending" attempt whose lease has expired (atomic: one seat wins)."""
    with db.session() as s:
        now = db_now(s)
        done = s.execute(
            update(PublishAttempt)
            .where(
                PublishAttempt.id == attempt_id,
                PublishAttempt.state == "sending",
                or_(PublishAttempt.lease_until.is_(None), PublishAttempt.lease_until < now),
            )
            .values(seat=seat_id(), lease_until=now + dt.timedelta(seconds=lease_seconds()))
            .execution_options(synchronize_session=False)
        )
        return cast(CursorResult[Any], done).rowcount == 1


def recover(
    db: Database,
    account_id: int,
    connector: Connector,
    sinks: Sinks,
    now: dt.datetime,
    keeper: Keeper | None = None,
) -> int:
    """Finish the sends whose seat stopped (lease expired): looked up on the network first,
    sent only if absent. Returns how many were recorded; a send still leased is left alone."""
    with db.read() as s:
        # typed here: the payload's dict[str, Any] leaves the select's row type unknown
        rows: list[tuple[int, str, int, dict[str, Any], dt.datetime]] = [
            (r.id, r.kind, r.ref_id, r.payload, r.started_at)
            for r in s.execute(
                select(
                    PublishAttempt.id,
                    PublishAttempt.kind,
                    PublishAttempt.ref_id,
                    PublishAttempt.payload,
                    PublishAttempt.started_at,
                )
                .where(PublishAttempt.account_id == account_id, PublishAttempt.state == "sending")
                .where(PublishAttempt.kind != publish_comments.KIND)  # publish_comments' own
                .order_by(PublishAttempt.id)
            )
        ]
    done = 0
    found: Published | None
    for attempt_id, kind, ref, payload, started in rows:
        if not _claim_expired(db, attempt_id):
            continue  # another seat's send, still in flight
        if keeper is not None:
            keeper.hold(attempt=attempt_id)
        try:
            if kind == "post":
                variant = _variant_of(payload)
                found = connector.find_published(variant, started)
                if found is None:
                    with files_for(db, variant) as ready:
                        found = connector.publish(ready)
            else:
                reply = ReplyToSend(**payload)
                found = connector.find_reply(reply, started) or connector.reply(reply)
        except Cancelled:
            _let_go(db, attempt_id)
            raise
        except (Unavailable, RateLimited):
            _let_go(db, attempt_id)
            raise
        except ConnectorError as exc:
            _fail(db, sinks, attempt_id, kind, ref, exc)
            if isinstance(exc, AuthError):
                raise
            continue
        except Exception as exc:
            _fail(db, sinks, attempt_id, kind, ref, _broken(exc))
            continue
        finally:
            if keeper is not None:
                keeper.drop(attempt=attempt_id)
        _record(db, sinks, attempt_id, kind, ref, found, now)
        done += 1
    return done


class Routed(Protocol):
    """A post, reply or moderation action: its network and account (None: the first)."""

    @property
    def network(self) -> str: ...
    @property
    def account_id(self) -> int | None: ...


def for_account(item: Routed, account_id: int, network: str, default_account: bool) -> bool:
    """Is this item (post, reply, moderation) to go through this account? Its own, or one
    with no account when this is the first account of its network."""
    if item.network != network:
        return False
    return item.account_id == account_id or (item.account_id is None and default_account)


def publish_due(
    db: Database,
    client_id: int,
    account_id: int,
    connector: Connector,
    sinks: Sinks,
    now: dt.datetime,
    *,
    default_account: bool = True,
    is_cancelled: Callable[[], bool] = lambda: False,
    keeper: Keeper | None = None,
) -> PublishOutcome:
    """Send this account's due posts and replies. Auth errors propagate (reconnect needed);
    a network outage stops the sends for this account and leaves the rest waiting."""
    published = replies = failed = 0
    messages: list[str] = []
    recovered = recover(db, account_id, connector, sinks, now, keeper)
    published += recovered
    work: list[tuple[str, DueVariant | ReplyToSend]] = []
    with db.read() as s:
        # (can_publish / can_reply hold every sink they need; the checker sees the first)
        if sinks.due_variants is not None and sinks.can_publish and connector.can_publish:
            for v in sinks.due_variants(s, client_id, now):
                if for_account(v, account_id, connector.network, default_account):
                    work.append(("post", v))
        if sinks.due_replies is not None and sinks.can_reply and connector.can_publish:
            for r in sinks.due_replies(s, client_id, connector.network):
                if for_account(r, account_id, connector.network, default_account):
                    work.append(("reply", r))
    for kind, item in work:
        if is_cancelled():
            break
        ref = _ref(item)
        attempt_id = _start(db, sinks, account_id, kind, item)
        if attempt_id is None:
            continue
        if keeper is not None:
            keeper.hold(attempt=attempt_id)
        try:
            if isinstance(item, DueVariant):  # kind "post"
                with files_for(db, item) as ready:
                    result = connector.publish(ready)
            else:
                result = connector.reply(item)
        except Cancelled:
            _let_go(db, attempt_id)
            raise
        except Exception as exc:
            if not isinstance(exc, ConnectorError):
                exc = _broken(exc)
            _fail(db, sinks, attempt_id, kind, ref, exc)
            failed += 1
            messages.append(exc.message)
            if isinstance(exc, AuthError | Unavailable | RateLimited):
                if isinstance(exc, AuthError):
                    raise
                break  # no network: the rest waits for the next sync
            continue
        finally:
            if keeper is not None:
                keeper.drop(attempt=attempt_id)
        _record(db, sinks, attempt_id, kind, ref, result, now)
        if kind == "post":
            published += 1
        else:
            replies += 1
    if connector.can_publish and not is_cancelled():  # first comments, after their posts
        comments = publish_comments.send_due(
            db, account_id, connector, keeper=keeper, is_cancelled=is_cancelled
        )
        failed += comments.failed
        messages.extend(comments.messages)
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

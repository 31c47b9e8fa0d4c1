"""The first comment under our own post, exactly once, through the publishing queue.

X, Bluesky, Mastodon (a reply to our post), Instagram and LinkedIn (a comment on it): when a
post is recorded as published, :func:`queue` writes — in the same transaction — a
:class:`PublishAttempt` of kind ``comment`` in state ``due``, carrying the post's network id
and the comment. :func:`send_due` then sends it like a post: claimed by a conditional UPDATE
(``due``, or ``sending`` whose lease expired) with this seat's lease, the HTTP call, and the
result recorded; a send whose seat stopped is looked up on the network first
(``find_first_comment``) and sent only if absent. So the comment goes once, after the post,
as an answer to it — even when a seat dies between the post and its comment.

Facebook sends its first comment itself, right after the post (:mod:`app.connectors.meta`).
Pinterest, RSS and Google Business Profile have none: the editor says so (:data:`NO_FIRST_COMMENT`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeGuard, cast

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.orm import Session

from app.connectors.base import (
    AuthError,
    Connector,
    ConnectorError,
    Published,
    RateLimited,
    Unavailable,
)
from app.connectors.contract import ReplyToSend
from app.connectors.http import Cancelled
from app.db import Database
from app.i18n import translate
from app.models.base import utcnow
from app.models.sync import PublishAttempt
from app.services.sync.lock import Keeper, db_now, lease_seconds, seat_id

log = logging.getLogger("tribune.sync")
KIND = "comment"
# networks whose connector sends the first comment through this queue
QUEUED = ("x", "bluesky", "mastodon", "instagram", "linkedin", "threads")
# networks without a first comment (the editor's note)
NO_FIRST_COMMENT = ("pinterest", "rss", "google")


def first_comment_note(network: str) -> str:
    """The editor's note beside the first-comment field: "" where the network has one."""
    if network not in NO_FIRST_COMMENT:
        return ""
    from app.networks import network_label

    return translate("Posts", "No first comment on {network}").format(
        network=network_label(network)
    )


class FirstCommenter(Protocol):
    """A connector that sends the first comment through this queue (and finds it again)."""

    def first_comment(self, comment: ReplyToSend) -> Published: ...

    def find_first_comment(self, comment: ReplyToSend, since: dt.datetime) -> Published | None: ...


def _comments(connector: Connector) -> TypeGuard[FirstCommenter]:
    """Does this connector send first comments? (the ones that do have both methods)"""
    return hasattr(connector, "first_comment")


@dataclass(frozen=True)
class CommentsOutcome:
    sent: int = 0
    failed: int = 0
    messages: tuple[str, ...] = ()


def queue(session: Session, post_attempt: PublishAttempt, post_external_id: str) -> None:
    """After the post is recorded: its first comment is due (same transaction)."""
    payload = post_attempt.payload or {}
    text = str(payload.get("first_comment") or "").strip()
    if not text or post_attempt.network not in QUEUED or not post_external_id:
        return
    already = session.scalar(
        select(PublishAttempt.id).where(
            PublishAttempt.kind == KIND, PublishAttempt.ref_id == post_attempt.ref_id
        )
    )
    if already is not None:
        return
    key = f"{post_attempt.idempotency_key}:c"[:200]
    comment = ReplyToSend(
        reply_id=post_attempt.ref_id,
        client_id=post_attempt.client_id,
        network=post_attempt.network,
        account_id=post_attempt.account_id,
        in_reply_to=post_external_id,
        text=text,
        idempotency_key=key,
    )
    session.add(
        PublishAttempt(
            client_id=post_attempt.client_id,
            account_id=post_attempt.account_id,
            kind=KIND,
            ref_id=post_attempt.ref_id,
            network=post_attempt.network,
            idempotency_key=key,
            state="due",
            payload=dataclasses.asdict(comment),
            seat="",
            lease_until=None,
        )
    )


def _claim(db: Database, attempt_id: int) -> tuple[bool, dt.datetime | None]:
    """(claimed, when the stopped send began — None when it was never in flight)."""
    with db.session() as s:
        now = db_now(s)
        before = s.execute(
            select(PublishAttempt.state, PublishAttempt.started_at).where(
                PublishAttempt.id == attempt_id
            )
        ).one_or_none()
        done = s.execute(
            update(PublishAttempt)
            .where(
                PublishAttempt.id == attempt_id,
                or_(
                    PublishAttempt.state == "due",
                    (PublishAttempt.state == "sending")
                    & or_(PublishAttempt.lease_until.is_(None), PublishAttempt.lease_until < now),
                ),
            )
            .values(
                state="sending",
                seat=seat_id(),
                started_at=utcnow(),
                lease_until=now + dt.timedelta(seconds=lease_seconds()),
            )
            .execution_options(synchronize_session=False)
        )
        claimed = cast(CursorResult[Any], done).rowcount == 1
        if before is not None and before[0] == "sending":
            return claimed, before[1]
        return claimed, None


def _close(db: Database, attempt_id: int, **values: object) -> None:
    with db.session() as s:
        s.execute(
            update(PublishAttempt)
            .where(PublishAttempt.id == attempt_id)
            .values(finished_at=utcnow(), **values)
            .execution_options(synchronize_session=False)
        )


def _again_later(db: Database, attempt_id: int) -> None:
    """This seat stops: the lease ends now, the attempt stays "sending", so the next sync
    looks the comment up on the network before sending it (it may have gone out)."""
    with db.session() as s:
        s.execute(
            update(PublishAttempt)
            .where(PublishAttempt.id == attempt_id, PublishAttempt.seat == seat_id())
            .values(lease_until=db_now(s))
            .execution_options(synchronize_session=False)
        )


def send_due(
    db: Database,
    account_id: int,
    connector: Connector,
    *,
    keeper: Keeper | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> CommentsOutcome:
    """Send this account's due first comments (and finish those a stopped seat left)."""
    if not _comments(connector):
        return CommentsOutcome()
    with db.read() as s:
        # typed here: the payload's dict[str, Any] leaves the select's row type unknown
        rows: list[tuple[int, dict[str, Any]]] = [
            (r.id, r.payload)
            for r in s.execute(
                select(PublishAttempt.id, PublishAttempt.payload)
                .where(
                    PublishAttempt.account_id == account_id,
                    PublishAttempt.kind == KIND,
                    PublishAttempt.state.in_(("due", "sending")),
                )
                .order_by(PublishAttempt.id)
            )
        ]
    sent = failed = 0
    messages: list[str] = []
    for attempt_id, payload in rows:
        if is_cancelled():
            break
        claimed, in_flight = _claim(db, attempt_id)
        if not claimed:
            continue  # another seat's, still leased
        comment = ReplyToSend(**payload)
        if keeper is not None:
            keeper.hold(attempt=attempt_id)
        try:
            found = None
            if in_flight is not None:  # a seat stopped mid-send: the network may have it
                found = connector.find_first_comment(comment, in_flight)
            result = found or connector.first_comment(comment)
        except Cancelled:
            _again_later(db, attempt_id)
            raise
        except (Unavailable, RateLimited, AuthError) as exc:
            _again_later(db, attempt_id)  # in flight when it broke: looked up next time
            messages.append(exc.message)
            if isinstance(exc, AuthError):
                raise
            break
        except ConnectorError as exc:
            _close(db, attempt_id, state="failed", error=exc.message)
            failed += 1
            messages.append(exc.message)
            continue
        except Exception as exc:
            log.error("a first comment failed", exc_info=exc)
            _close(db, attempt_id, state="failed", error=type(exc).__name__)
            failed += 1
            continue
        finally:
            if keeper is not None:
                keeper.drop(attempt=attempt_id)
        _close(db, attempt_id, state="sent", external_id=result.external_id, url=result.url or "")
        sent += 1
    return CommentsOutcome(sent, failed, tuple(messages))


__all__ = [
    "NO_FIRST_COMMENT",
    "QUEUED",
    "CommentsOutcome",
    "first_comment_note",
    "queue",
    "send_due",
]

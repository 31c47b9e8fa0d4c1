"""The publishing queue the connectors drain (contract in app/connectors/contract.py).

A variant is due when its post is scheduled (so approved first), its planned time has come,
and it is neither sending nor published. :func:`mark_sending` records the attempt BEFORE the
HTTP call with a conditional UPDATE, so two workers or a crash-and-retry can never send the
same variant twice; the variant's ``idempotency_key`` is stable across retries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.connectors.contract import DueVariant, MediaRef
from app.models import Client
from app.models.posts import MediaAsset, Post, PostEvent, PostVariant
from app.services.calendar.media_alt import for_network
from app.services.people.actor import current_actor


@dataclass(frozen=True)
class QueueItem:
    variant_id: int
    post_id: int
    network: str
    planned_at: dt.datetime
    title: str
    preview: str
    publish_state: str  # "", "sending", "failed"
    attempts: int
    last_error: str


def _media(session: Session, client_id: int, ids: list[int], network: str) -> tuple[MediaRef, ...]:
    """The variant's files for the connector, each with its description as ``network`` takes
    it (app/services/calendar/media_alt.py)."""
    if not ids:
        return ()
    rows = {
        m.id: m
        for m in session.scalars(
            select(MediaAsset).where(MediaAsset.client_id == client_id, MediaAsset.id.in_(ids))
        )
    }
    return tuple(
        MediaRef(_path(m.path), m.mime, m.sha256, for_network(m.alt_text or "", network, m.mime))
        for m in (rows[i] for i in ids if i in rows)
    )


def _path(stored: str) -> str:
    """A file's path, or a web address as it is (``Path`` would fold its ``//``)."""
    return stored if stored.startswith(("https://", "http://")) else str(Path(stored))


def due_variants(session: Session, client_id: int, now: dt.datetime) -> list[DueVariant]:
    """Approved and scheduled variants whose time has come, not sending nor published.

    A failed variant comes back only when its failure was retryable.
    """
    rows = session.execute(
        select(PostVariant, Post.planned_at)
        .join(Post, Post.id == PostVariant.post_id)
        .where(
            Post.client_id == client_id,
            PostVariant.client_id == client_id,
            Post.status == "scheduled",
            Post.planned_at <= now,
            (PostVariant.publish_state == "")
            | ((PostVariant.publish_state == "failed") & PostVariant.retryable),
        )
        .order_by(Post.planned_at, PostVariant.id)
    ).all()
    if not rows:
        return []
    timezone = session.scalar(select(Client.timezone).where(Client.id == client_id)) or "UTC"
    return [
        DueVariant(
            variant_id=v.id,
            post_id=v.post_id,
            client_id=client_id,
            network=v.network,
            account_id=v.account_id,
            text=v.text,
            planned_at=planned_at,
            idempotency_key=v.idempotency_key,
            media=_media(session, client_id, list(v.media or []), v.network),
            link=v.link,
            first_comment=v.first_comment,
            timezone=timezone,
        )
        for v, planned_at in rows
    ]


def _event(session: Session, variant: PostVariant, action: str, **details: Any) -> None:
    session.add(
        PostEvent(
            post_id=variant.post_id,
            client_id=variant.client_id,
            actor=current_actor(),
            action=action,
            details={"network": variant.network, **details},
        )
    )


def mark_sending(session: Session, variant_id: int) -> bool:
    """Claim the variant before the HTTP call; False when it is already sending/published.

    The caller commits this before sending (its own unit of work).
    """
    result = session.execute(
        update(PostVariant)
        .where(
            PostVariant.id == variant_id,
            PostVariant.publish_state.in_(("", "failed")),
        )
        .values(
            publish_state="sending",
            attempts=PostVariant.attempts + 1,
            sending_at=dt.datetime.now(dt.UTC),
        )
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult[Any], result).rowcount != 1:
        return False
    variant = session.get_one(PostVariant, variant_id)
    session.refresh(variant)
    _event(session, variant, "sending", attempt=variant.attempts)
    return True


def mark_published(
    session: Session, variant_id: int, external_id: str, url: str, at: dt.datetime
) -> None:
    variant = session.get(PostVariant, variant_id)
    if variant is None:
        return
    variant.publish_state = "published"
    variant.external_id = external_id
    variant.url = url
    variant.published_at = at.astimezone(dt.UTC)
    variant.last_error = ""
    _event(session, variant, "published", external_id=external_id, url=url)
    session.flush()
    post = session.get_one(Post, variant.post_id)
    states = session.scalars(
        select(PostVariant.publish_state).where(PostVariant.post_id == post.id)
    ).all()
    if all(s == "published" for s in states):
        post.status, post.status_reason = "published", ""


def mark_failed(session: Session, variant_id: int, reason: str, retryable: bool = True) -> None:
    variant = session.get(PostVariant, variant_id)
    if variant is None:
        return
    variant.publish_state = "failed"
    variant.last_error = reason
    variant.retryable = retryable
    _event(session, variant, "failed", reason=reason, retryable=retryable)
    if not retryable:
        post = session.get_one(Post, variant.post_id)
        post.status, post.status_reason = "failed", reason


def queue(session: Session, client_id: int) -> list[QueueItem]:
    """What waits to be published (scheduled, not yet published), soonest first."""
    rows = session.execute(
        select(PostVariant, Post.planned_at, Post.title)
        .join(Post, Post.id == PostVariant.post_id)
        .where(
            Post.client_id == client_id,
            Post.status.in_(("scheduled", "failed")),
            PostVariant.publish_state != "published",
        )
        .order_by(Post.planned_at, PostVariant.id)
    ).all()
    return [
        QueueItem(
            v.id,
            v.post_id,
            v.network,
            planned_at,
            title,
            (v.text or "").strip().split("\n")[0][:120],
            v.publish_state,
            v.attempts,
            v.last_error,
        )
        for v, planned_at, title in rows
    ]

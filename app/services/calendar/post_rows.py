"""A client's posts as rows: loading one (scoped by client), its zone, its history events."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import Client
from app.models.posts import Post, PostEvent
from app.services.calendar.post_types import PostEventInfo as PostEventInfo
from app.services.calendar.post_types import PostInfo as PostInfo
from app.services.calendar.post_types import VariantInfo as VariantInfo
from app.services.calendar.post_types import VariantInput as VariantInput
from app.services.calendar.post_types import status_label as status_label
from app.services.calendar.post_types import to_info as to_info
from app.services.people.actor import current_actor


def client_zone(session: Session, client_id: int) -> ZoneInfo:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(translate("Posts", "Unknown client #{id}.").format(id=client_id))
    try:
        return ZoneInfo(client.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_to_utc(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """Wall-clock ``day time`` in ``zone`` → UTC (fold=0: RFC 5545's reading of gaps)."""
    return dt.datetime.combine(day, time.replace(tzinfo=None), tzinfo=zone).astimezone(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValidationError(translate("Posts", "A planned time needs a time zone."), "planned_at")
    return value.astimezone(dt.UTC)


def _load(session: Session, client_id: int, post_id: int, *, lock: bool = False) -> Post:
    """The post with its variants; ``lock`` for a write that checks versions (PostgreSQL
    waits for a colleague writing it, then reads what they saved)."""
    query = (
        select(Post)
        .where(Post.id == post_id, Post.client_id == client_id)
        .options(selectinload(Post.variants))
    )
    if lock:
        query = query.with_for_update(of=Post).execution_options(populate_existing=True)
    post = session.scalar(query)
    if post is None:
        raise NotFound(translate("Posts", "This post no longer exists."))
    return post


def _event(session: Session, post: Post, action: str, **details: Any) -> None:
    session.add(
        PostEvent(
            post_id=post.id,
            client_id=post.client_id,
            actor=current_actor(),
            action=action,
            details=details,
        )
    )

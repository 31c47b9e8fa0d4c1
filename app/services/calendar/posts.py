"""Posts: create, edit, move, copy, change status, with history, all scoped by client.

Every function takes a session (one unit of work) and returns frozen dataclasses, never ORM
objects. Planned times are aware datetimes; :func:`local_to_utc` turns a wall-clock time in
the client's zone into UTC the RFC 5545 way (a time in a daylight-saving gap keeps the
offset from before the gap; an ambiguous time is its first occurrence).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.errors import Conflict, ValidationError
from app.i18n import translate
from app.models import NetworkAccount
from app.models.posts import Post, PostVariant
from app.services.calendar.conflicts import post_conflict as _post_conflict
from app.services.calendar.conflicts import stale_variant as _stale_variant
from app.services.calendar.counters import PUBLISHABLE_NETWORKS
from app.services.calendar.post_rows import _aware as _aware
from app.services.calendar.post_rows import _event as _event
from app.services.calendar.post_rows import _load as _load
from app.services.calendar.post_rows import client_zone as client_zone
from app.services.calendar.post_rows import local_to_utc as local_to_utc
from app.services.calendar.post_types import PostEventInfo as PostEventInfo
from app.services.calendar.post_types import PostInfo as PostInfo
from app.services.calendar.post_types import VariantInfo as VariantInfo
from app.services.calendar.post_types import VariantInput as VariantInput
from app.services.calendar.post_types import status_label as status_label
from app.services.calendar.post_types import to_info as to_info
from app.services.calendar.status import ALLOWED as ALLOWED
from app.services.calendar.status import history as history
from app.services.calendar.status import scheduling_problems as scheduling_problems
from app.services.calendar.status import set_status as set_status
from app.services.people import audit
from app.services.people.actor import current_actor
from app.services.versions import content_hash, stamp

EDITABLE_FIELDS = ("title", "category", "tags", "campaign", "notes", "all_day", "author")


def _check_networks(variants: list[VariantInput]) -> None:
    if not variants:
        raise ValidationError(translate("Posts", "Choose at least one network."), "networks")
    seen = set()
    for v in variants:
        if v.network not in PUBLISHABLE_NETWORKS:
            raise ValidationError(
                translate("Posts", "Unknown network: {network}").format(network=v.network),
                "networks",
            )
        if v.network in seen:
            raise ValidationError(
                translate("Posts", "The network {network} is listed twice.").format(
                    network=v.network
                ),
                "networks",
            )
        seen.add(v.network)


def _account_for(session: Session, client_id: int, network: str) -> int | None:
    return session.scalar(
        select(NetworkAccount.id)
        .where(NetworkAccount.client_id == client_id, NetworkAccount.network == network)
        .order_by(NetworkAccount.id)
        .limit(1)
    )


def _apply_variants(session: Session, post: Post, variants: list[VariantInput]) -> None:
    _check_networks(variants)
    existing = {v.network: v for v in post.variants}
    wanted = {v.network for v in variants}
    for network, old in existing.items():
        if network not in wanted:
            if old.publish_state in ("sending", "published"):
                raise Conflict(
                    translate("Posts", "The {network} version is already published.").format(
                        network=network
                    )
                )
            post.variants.remove(old)
    for v in variants:
        row = existing.get(v.network)
        if row is None:
            row = PostVariant(
                network=v.network,
                client_id=post.client_id,
                account_id=_account_for(session, post.client_id, v.network),
            )
            post.variants.append(row)
        elif row.publish_state in ("sending", "published") and (
            row.text != v.text or row.link != v.link
        ):
            raise Conflict(
                translate("Posts", "The {network} version is already published.").format(
                    network=v.network
                )
            )
        new = (v.text, v.link, v.first_comment, list(v.media))
        if (row.text, row.link, row.first_comment, list(row.media or ())) != new:
            row.text, row.link, row.first_comment, row.media = new
            row.version = (row.version or 0) + 1 if row.id is not None else 1
            stamp(row)


def create_post(
    session: Session,
    client_id: int,
    *,
    planned_at: dt.datetime,
    variants: list[VariantInput],
    title: str = "",
    category: str = "",
    tags: tuple[str, ...] | list[str] = (),
    campaign: str = "",
    notes: str = "",
    status: str = "draft",
    all_day: bool = False,
    uid: str | None = None,
    author: str | None = None,
) -> PostInfo:
    client_zone(session, client_id)
    if status not in ("idea", "draft", "in_review", "approved"):
        raise ValidationError(translate("Posts", "A new post starts as an idea or a draft."))
    post = Post(
        client_id=client_id,
        updated_by=current_actor(),
        title=title.strip(),
        planned_at=_aware(planned_at),
        all_day=all_day,
        category=category,
        tags=list(tags),
        campaign=campaign,
        notes=notes,
        status=status,
        author=author or current_actor(),
    )
    if uid:
        post.uid = uid
    session.add(post)
    _apply_variants(session, post, list(variants))
    if status == "approved":
        post.approved_hash = content_hash(post.variants)
    session.flush()
    _event(session, post, "created", networks=[v.network for v in variants])
    audit.record(session, "post.create", client_id=client_id, target_type="post", target_id=post.id)
    return to_info(post)


def get_post(session: Session, client_id: int, post_id: int) -> PostInfo:
    return to_info(_load(session, client_id, post_id))


def update_post(
    session: Session,
    client_id: int,
    post_id: int,
    *,
    expected_version: int | None = None,
    expected_variant_versions: dict[str, int] | None = None,
    planned_at: dt.datetime | None = None,
    variants: list[VariantInput] | None = None,
    **fields: Any,
) -> PostInfo:
    """Change fields and/or variants.

    A stale ``expected_version`` (the post as this person read it) or a stale variant in
    ``expected_variant_versions`` ({network: version}) raises :class:`Conflict` carrying
    mine and theirs; nothing is written. A change of an approved text sends the post back
    for approval."""
    post = _load(session, client_id, post_id, lock=True)
    stale_variant = _stale_variant(post, expected_variant_versions)
    if (expected_version is not None and post.version != expected_version) or stale_variant:
        raise _post_conflict(session, post, variants, stale_variant)
    changed = []
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValidationError(f"unknown field {name}")
        if name == "tags":
            value = list(value)
        if getattr(post, name) != value:
            setattr(post, name, value)
            changed.append(name)
    if planned_at is not None and _aware(planned_at) != post.planned_at:
        _guard_not_sent(post)
        post.planned_at = _aware(planned_at)
        changed.append("planned_at")
    if variants is not None:
        before = _snapshot(post)
        _apply_variants(session, post, list(variants))
        if _snapshot(post) != before:
            changed.append("variants")
    if (
        post.status in ("approved", "scheduled")
        and "variants" in changed
        and content_hash(post.variants) != post.approved_hash
    ):
        # The client approved another text: it goes back for a new approval.
        post.status = "in_review"
        post.status_reason = translate("Posts", "Changed after approval: to be approved again.")
    if changed:
        stamp(post)  # the post's version moves with any change, its variants' included
        _event(session, post, "edited", fields=changed)
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        raise _post_conflict(session, _load(session, client_id, post_id), variants) from None
    return to_info(post)


def _snapshot(post: Post) -> list[tuple[Any, ...]]:
    return sorted(
        (v.network, v.text, v.link, v.first_comment, tuple(v.media or ())) for v in post.variants
    )


def _guard_not_sent(post: Post) -> None:
    if any(v.publish_state in ("sending", "published") for v in post.variants):
        raise Conflict(translate("Posts", "A published post cannot be moved."))


def move_post(
    session: Session,
    client_id: int,
    post_id: int,
    planned_at: dt.datetime,
    *,
    expected_at: dt.datetime | None = None,
) -> PostInfo:
    """Move a post; with ``expected_at`` (an undo), only if it is still where we left it."""
    post = _load(session, client_id, post_id, lock=True)
    _guard_not_sent(post)
    if expected_at is not None and post.planned_at != _aware(expected_at):
        raise Conflict(
            translate(
                "Posts", "Someone else moved this post since: undo skipped, their change is kept."
            )
        )
    old = post.planned_at
    post.planned_at = _aware(planned_at)
    stamp(post)
    _event(session, post, "moved", before=old.isoformat(), after=post.planned_at.isoformat())
    session.flush()
    return to_info(post)


def copy_post(
    session: Session,
    client_id: int,
    post_id: int,
    *,
    planned_at: dt.datetime | None = None,
    networks: list[str] | None = None,
) -> PostInfo:
    """A new draft with the same content, at another time and/or for other networks."""
    src = _load(session, client_id, post_id)
    base = src.variants[0] if src.variants else None
    by_network = {v.network: v for v in src.variants}
    targets = networks or list(by_network)
    variants = []
    for network in targets:
        v = by_network.get(network, base)
        variants.append(
            VariantInput(
                network,
                v.text if v else "",
                v.link if v else "",
                v.first_comment if v else "",
                tuple(v.media or ()) if v else (),
            )
        )
    return create_post(
        session,
        client_id,
        planned_at=planned_at or src.planned_at,
        variants=variants,
        title=src.title,
        category=src.category,
        tags=src.tags or (),
        campaign=src.campaign,
        notes=src.notes,
        all_day=src.all_day,
    )


def delete_post(session: Session, client_id: int, post_id: int) -> None:
    post = _load(session, client_id, post_id)
    _guard_not_sent(post)
    session.delete(post)
    audit.record(
        session,
        "post.delete",
        client_id=client_id,
        target_type="post",
        target_id=post_id,
        details={"title": post.title},
    )

"""A post's way through idea → draft → in review → approved → scheduled, and its history."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import translate
from app.models.posts import POST_STATUSES, PostEvent
from app.services.calendar.counters import count_text
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
from app.services.versions import content_hash, stamp


def scheduling_problems(post: PostInfo, mastodon_limit: int | None = None) -> list[str]:
    """Why this post cannot be scheduled as it is (shown before, not after)."""
    problems = []
    for v in post.variants:
        problems += count_text(v.network, v.text, mastodon_limit=mastodon_limit).problems()
        if not v.text.strip() and not v.media:
            problems.append(
                translate("Posts", "{network}: nothing to publish.").format(network=v.network)
            )
    return problems


ALLOWED = {
    "idea": {"draft", "in_review"},
    "draft": {"idea", "in_review", "approved"},
    "in_review": {"draft", "approved"},
    "approved": {"draft", "in_review", "scheduled"},
    "scheduled": {"approved", "draft"},
    "failed": {"scheduled", "draft"},
    "published": set(),
}


def set_status(
    session: Session,
    client_id: int,
    post_id: int,
    status: str,
    reason: str = "",
    *,
    mastodon_limit: int | None = None,
) -> PostInfo:
    """Move a post along idea → draft → in review → approved → scheduled.

    ``mastodon_limit`` is the client's instance limit when it is not Mastodon's 500.
    """
    if status not in POST_STATUSES:
        raise ValidationError(translate("Posts", "Unknown status: {status}").format(status=status))
    from app.services.people import check_post_status

    check_post_status(session, client_id, status)
    post = _load(session, client_id, post_id)
    if status == post.status:
        return to_info(post)
    if status not in ALLOWED.get(post.status, set()):
        raise ValidationError(
            translate("Posts", "A post cannot go from « {old} » to « {new} ».").format(
                old=status_label(post.status), new=status_label(status)
            )
        )
    if status == "scheduled":
        problems = scheduling_problems(to_info(post), mastodon_limit)
        if problems:
            raise ValidationError(
                translate("Posts", "Fix this before scheduling: {problems}").format(
                    problems="; ".join(problems)
                )
            )
    old = post.status
    post.status, post.status_reason = status, reason
    if status == "approved":
        post.approved_hash = content_hash(post.variants)  # approved as it reads now
    stamp(post)
    if status in ("draft", "scheduled"):
        for v in post.variants:
            if v.publish_state == "failed":
                v.publish_state = ""
    _event(session, post, "status", before=old, after=status, reason=reason)
    session.flush()
    return to_info(post)


def history(session: Session, client_id: int, post_id: int) -> list[PostEventInfo]:
    rows = session.scalars(
        select(PostEvent)
        .where(PostEvent.client_id == client_id, PostEvent.post_id == post_id)
        .order_by(PostEvent.at, PostEvent.id)
    )
    return [PostEventInfo(e.at, e.actor, e.action, dict(e.details or {})) for e in rows]

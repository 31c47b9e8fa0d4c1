"""Client approval of a period's posts: send for review, record each decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, ConflictDetails, ValidationError
from app.i18n import translate
from app.models import Client
from app.models.posts import Post, PostEvent
from app.services.calendar.posts import PostInfo, _load, to_info
from app.services.people import audit, require
from app.services.people.actor import current_actor
from app.services.versions import content_hash, hhmm, stamp


def period_post_ids(
    session: Session, client_id: int, start: dt.datetime, end: dt.datetime
) -> Sequence[int]:
    return session.scalars(
        select(Post.id)
        .where(Post.client_id == client_id, Post.planned_at >= start, Post.planned_at < end)
        .order_by(Post.planned_at, Post.id)
    ).all()


def submit_for_review(
    session: Session, client_id: int, start: dt.datetime, end: dt.datetime
) -> list[int]:
    """Drafts and ideas of the period go to « in review »; returns their ids.

    Each post put before the client (in review) keeps the hash of the content the sheet
    shows: an approval is recorded only for that content."""
    require(session, "write", client_id)
    changed = []
    for pid in period_post_ids(session, client_id, start, end):
        post = _load(session, client_id, pid)
        if post.status in ("idea", "draft", "in_review"):
            shown = content_hash(post.variants)
            if post.approved_hash != shown:
                post.approved_hash = shown
                stamp(post)
        if post.status in ("idea", "draft"):
            old, post.status = post.status, "in_review"
            session.add(
                PostEvent(
                    post_id=pid,
                    client_id=client_id,
                    actor=current_actor(),
                    action="status",
                    details={"before": old, "after": "in_review", "reason": "approval sheet"},
                )
            )
            changed.append(pid)
    audit.record(
        session, "calendar.submit_for_review", client_id=client_id, details={"posts": changed}
    )
    return changed


def _decision_label(approved: bool, comment: str) -> str:
    if approved:
        return translate("PostsApproval", "Client approved")
    return translate("PostsApproval", "Client rejected: {comment}").format(comment=comment.strip())


def _as_stored(post: Post) -> str:
    """The post as saved now: its status, then each network's text."""
    from app.services.calendar.post_types import status_label

    lines = [status_label(post.status)]
    for v in sorted(post.variants, key=lambda v: v.network):
        lines.append(f"{v.network}: {v.text}")
    return "\n".join(lines)


def record_decision(
    session: Session,
    client_id: int,
    post_id: int,
    approved: bool,
    comment: str = "",
    decided_by: str = "",
    *,
    expected_version: int | None = None,
    seen_hash: str | None = None,
) -> PostInfo:
    """The client's answer for one post; a rejection needs a comment and returns to draft.

    The approval is bound to the content the client saw: ``seen_hash`` (else the hash kept
    when the post was put before the client). When the text changed since, :class:`Conflict`:
    the client never saw this text. ``expected_version``: the post as the user read it.

    A lead records it (a junior's post leaves only through this); the event keeps both the
    post's author and the lead who approved it."""
    lead = require(session, "approve", client_id)
    post = _load(session, client_id, post_id, lock=True)
    current = content_hash(post.variants)
    shown = seen_hash or post.approved_hash
    if (expected_version is not None and post.version != expected_version) or (
        approved and shown and shown != current
    ):
        zone = session.get_one(Client, client_id).timezone
        by = post.updated_by or translate("PostsApproval", "someone")
        raise Conflict(
            translate(
                "PostsApproval",
                "« {title} » was changed by {who} at {time} after the client saw it: "
                "put it before the client again.",
            ).format(title=post.title or post.id, who=by, time=hhmm(post.updated_at, zone)),
            ConflictDetails(
                "approval",
                post.id,
                post.title,
                mine=_decision_label(approved, comment),
                theirs=_as_stored(post),
                by=post.updated_by or "",
                at=post.updated_at,
                version=post.version,
                # "content": the text changed since the client saw it — recording this
                # decision anyway is not offered; "": only the post moved on (status, time)
                field="content" if approved and shown and shown != current else "",
            ),
        )
    if post.status in ("published", "scheduled"):
        raise ValidationError(
            translate("PostsApproval", "This post is already scheduled or published.")
        )
    if not approved and not comment.strip():
        raise ValidationError(
            translate("PostsApproval", "Say why the post is rejected (a comment is needed)."),
            "comment",
        )
    old = post.status
    post.status = "approved" if approved else "draft"
    post.status_reason = "" if approved else comment.strip()
    post.approval_comment = comment.strip()
    post.approved_hash = current if approved else post.approved_hash
    stamp(post)
    session.add(
        PostEvent(
            post_id=post_id,
            client_id=client_id,
            actor=lead.name,
            action="approved" if approved else "rejected",
            details={
                "before": old,
                "comment": comment.strip(),
                "by": decided_by,
                "author": post.author,
                "lead": lead.login,
            },
        )
    )
    audit.record(
        session,
        "post.approved" if approved else "post.rejected",
        client_id=client_id,
        target_type="post",
        target_id=post_id,
        details={
            "comment": comment.strip(),
            "by": decided_by,
            "author": post.author,
            "approved_by": lead.name,
            "approved_login": lead.login,
        },
    )
    session.flush()
    return to_info(post)

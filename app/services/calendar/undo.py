"""Undo and redo of the editor's edits: put a post back as a snapshot shows it.

The calendar's undo stack keeps :class:`PostInfo` snapshots (before and after an edit);
these functions write them back in one transaction each, through the same rules as an edit
(a published post is history and cannot be changed), and record the change in its history.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.errors import Conflict, ConflictDetails
from app.i18n import translate
from app.models.posts import Post
from app.services.calendar.media_alt import AltText, set_alt_text
from app.services.calendar.post_types import PostInfo, VariantInput, to_info
from app.services.calendar.posts import (
    _event,
    _guard_not_sent,
    _load,
    create_post,
    delete_post,
    update_post,
)


def _variants(snapshot: PostInfo) -> list[VariantInput]:
    return [
        VariantInput(v.network, v.text, v.link, v.first_comment, tuple(v.media))
        for v in snapshot.variants
    ]


def _content(snapshot: PostInfo) -> dict[str, Any]:
    """What an edit can change, as the snapshot has it (status aside)."""
    return dict(
        planned_at=snapshot.planned_at,
        variants=_variants(snapshot),
        title=snapshot.title,
        category=snapshot.category,
        tags=snapshot.tags,
        campaign=snapshot.campaign,
        notes=snapshot.notes,
        all_day=snapshot.all_day,
    )


def restore_post(
    session: Session,
    client_id: int,
    post_id: int,
    snapshot: PostInfo,
    *,
    expected_version: int | None = None,
) -> PostInfo:
    """Text, time, networks, fields and status of ``post_id`` as in ``snapshot``.

    ``expected_version``: the version this user's last write left; when someone else has
    changed the post since (a shared database), :class:`Conflict` instead of overwriting."""
    post = _load(session, client_id, post_id)
    _guard_not_sent(post)
    _check_version(post, expected_version)
    update_post(session, client_id, post_id, **_content(snapshot))
    post = _load(session, client_id, post_id)
    if (post.status, post.status_reason) != (snapshot.status, snapshot.status_reason):
        before = post.status
        post.status, post.status_reason = snapshot.status, snapshot.status_reason
        _event(session, post, "status", before=before, after=snapshot.status, reason="undo")
    session.flush()
    return to_info(post)


def undo_creation(
    session: Session, client_id: int, post_id: int, expected_version: int | None = None
) -> None:
    """Undo of a new post: delete it, unless someone else changed it since."""
    _check_version(_load(session, client_id, post_id), expected_version)
    delete_post(session, client_id, post_id)


def _check_version(post: Post, expected_version: int | None) -> None:
    if expected_version is not None and post.version != expected_version:
        raise Conflict(
            translate(
                "Posts",
                "{who} changed this post since: undo skipped, their change is kept.",
            ).format(who=post.updated_by or translate("Posts", "Someone else")),
            ConflictDetails(
                "post",
                post.id,
                post.title,
                by=post.updated_by or "",
                at=post.updated_at,
                version=post.version,
            ),
        )


def recreate_post(session: Session, client_id: int, snapshot: PostInfo) -> PostInfo:
    """A deleted new post back (redo of its creation), with the same UID; new id."""
    info = create_post(session, client_id, uid=snapshot.uid, **_content(snapshot))
    return restore_post(session, client_id, info.id, snapshot)


def restore_alt(
    session: Session, client_id: int, media_id: int, text: str, expected_version: int
) -> AltText:
    """Undo (or redo) of a picture's description: ``text`` back, unless someone else
    described the picture since (then the step is skipped and their words kept)."""
    try:
        return set_alt_text(session, client_id, media_id, text, expected_version=expected_version)
    except Conflict as exc:
        details = exc.details
        who = (details.by if details is not None else "") or translate("Posts", "Someone else")
        raise Conflict(
            translate(
                "Posts",
                "{who} described this picture again since: undo skipped, their words are kept.",
            ).format(who=who),
            details,
        ) from None

"""The shapes posts take outside the database: inputs and frozen views of a post."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.i18n import document_translate as translate  # approval sheets: the client's language
from app.models.posts import Post


@dataclass(frozen=True)
class VariantInput:
    network: str
    text: str = ""
    link: str = ""
    first_comment: str = ""
    media: tuple[int, ...] = ()


@dataclass(frozen=True)
class VariantInfo:
    id: int
    network: str
    text: str
    link: str
    first_comment: str
    media: tuple[int, ...]
    idempotency_key: str
    publish_state: str
    external_id: str
    url: str
    last_error: str
    version: int = 1
    updated_by: str = ""
    updated_at: dt.datetime | None = None


@dataclass(frozen=True)
class PostInfo:
    id: int
    client_id: int
    uid: str
    title: str
    planned_at: dt.datetime
    all_day: bool
    category: str
    tags: tuple[str, ...]
    campaign: str
    author: str
    status: str
    status_reason: str
    notes: str
    approval_comment: str
    version: int
    variants: tuple[VariantInfo, ...] = field(default_factory=tuple)
    updated_by: str = ""
    updated_at: dt.datetime | None = None
    approved_hash: str = ""  # the content the client approved (or was shown for approval)

    @property
    def networks(self) -> tuple[str, ...]:
        return tuple(v.network for v in self.variants)

    def variant(self, network: str) -> VariantInfo | None:
        return next((v for v in self.variants if v.network == network), None)


@dataclass(frozen=True)
class PostEventInfo:
    at: dt.datetime
    actor: str
    action: str
    details: dict[str, Any]


def status_label(status: str) -> str:
    return {
        "idea": translate("Posts", "Idea"),
        "draft": translate("Posts", "Draft"),
        "in_review": translate("Posts", "In review"),
        "approved": translate("Posts", "Approved"),
        "scheduled": translate("Posts", "Scheduled"),
        "published": translate("Posts", "Published"),
        "failed": translate("Posts", "Failed"),
    }.get(status, status)


def to_info(post: Post) -> PostInfo:
    return PostInfo(
        id=post.id,
        client_id=post.client_id,
        uid=post.uid,
        title=post.title,
        planned_at=post.planned_at,
        all_day=post.all_day,
        category=post.category,
        tags=tuple(post.tags or ()),
        campaign=post.campaign,
        author=post.author,
        status=post.status,
        status_reason=post.status_reason,
        notes=post.notes,
        approval_comment=post.approval_comment,
        version=post.version,
        variants=tuple(
            VariantInfo(
                v.id,
                v.network,
                v.text,
                v.link,
                v.first_comment,
                tuple(v.media or ()),
                v.idempotency_key,
                v.publish_state,
                v.external_id,
                v.url,
                v.last_error,
                v.version or 1,
                v.updated_by or "",
                v.updated_at,
            )
            for v in sorted(post.variants, key=lambda v: v.network)
        ),
        updated_by=post.updated_by or "",
        updated_at=post.updated_at,
        approved_hash=post.approved_hash or "",
    )

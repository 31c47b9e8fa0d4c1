"""A post saved from a stale read: which network's text clashed, mine against theirs."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import Conflict
from app.i18n import translate
from app.models import Client
from app.models.posts import Post
from app.services.calendar.post_types import VariantInput
from app.services.versions import stale


def stale_variant(post: Post, expected: dict[str, int] | None) -> str:
    """The first network whose variant moved since it was read ("" when none)."""
    for row in sorted(post.variants, key=lambda v: v.network):
        if expected and row.network in expected and row.version != expected[row.network]:
            return row.network
    return ""


def post_conflict(
    session: Session, post: Post, variants: list[VariantInput] | None, network: str = ""
) -> Conflict:
    """The conflict of a stale post save: the text that differs, mine against theirs."""
    mine_by = {v.network: v for v in variants or ()}
    theirs_by = {v.network: v for v in post.variants}
    if not network:
        network = next(
            (n for n in sorted(mine_by) if n in theirs_by and mine_by[n].text != theirs_by[n].text),
            next(iter(sorted(theirs_by)), ""),
        )
    mine, theirs = mine_by.get(network), theirs_by.get(network)
    row = theirs or post
    by = (theirs.updated_by if theirs and theirs.updated_by else "") or post.updated_by
    return stale(
        "post",
        post.title or translate("Posts", "this post"),
        target_id=post.id,
        mine=mine.text if mine else "",
        theirs=theirs.text if theirs else "",
        by=by,
        at=max(t for t in (getattr(row, "updated_at", None), post.updated_at) if t),
        version=post.version,
        field=network,
        zone=session.get_one(Client, post.client_id).timezone,
    )

"""The client's filled-in approval sheet comes back: each post gets the decision ticked on it.

A decision counts only for the text the client saw: the sheet's fields carry each post's
version, and a post changed since the sheet was written is reported, not decided. A post ticked
"To change" without a comment goes back to draft with a comment saying so (a rejection always
carries a reason). A post with both boxes or none is left as it was and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.documents.approval_form import read_decisions
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.services.calendar.approval import record_decision
from app.services.calendar.posts import get_post
from app.services.clients.info import find_client


@dataclass(frozen=True)
class ApprovalImport:
    approved: tuple[int, ...]
    to_change: tuple[int, ...]
    skipped: tuple[tuple[int, str], ...]  # (post id, why)


def import_approval_sheet(session: Session, client_id: int, data: bytes) -> ApprovalImport:
    client = find_client(session, client_id)
    decisions = read_decisions(data, client.uid)
    if not decisions:
        raise ValidationError(translate("ApprovalImport", "The sheet holds no post to decide on."))
    approved: list[int] = []
    to_change: list[int] = []
    skipped: list[tuple[int, str]] = []
    for d in decisions:
        try:
            post = get_post(session, client_id, d.post_id)
        except NotFound:
            skipped.append((d.post_id, translate("ApprovalImport", "the post was deleted")))
            continue
        if d.approved is None:
            skipped.append((d.post_id, translate("ApprovalImport", "no box, or both, ticked")))
            continue
        if post.version != d.version:
            skipped.append(
                (d.post_id, translate("ApprovalImport", "changed since the sheet was sent"))
            )
            continue
        if post.status != "in_review":
            skipped.append((d.post_id, translate("ApprovalImport", "no longer waiting")))
            continue
        comment = d.comment or (
            ""
            if d.approved
            else translate("ApprovalImport", "Marked « to change » on the sheet, no comment.")
        )
        record_decision(session, client_id, d.post_id, d.approved, comment, decided_by=client.name)
        (approved if d.approved else to_change).append(d.post_id)
    return ApprovalImport(tuple(approved), tuple(to_change), tuple(skipped))


__all__ = ["ApprovalImport", "import_approval_sheet"]

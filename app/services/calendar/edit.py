"""Saving the post editor against the post as that person read it: per variant, per field.

Two people edit one post, each in their own editor: Léa the Instagram text, Marc the
LinkedIn one. Each editor keeps the post it loaded (``base``). :func:`edit_post` writes
only what this person changed since ``base``:

* a variant they changed whose version moved since they read it (someone else saved that
  network's text, link, first comment or media) is a :class:`Conflict` naming that network,
  with mine and theirs: the conflict dialog. A variant they did not change keeps what is
  stored, whatever someone else saved there meanwhile — never the old text they read;
* a field (title, category, campaign, notes, all day, planned time) they changed that
  someone else changed to something else meanwhile is a Conflict naming the field; one they
  did not change keeps what is stored.

So two people on two networks never conflict, and nobody's edit is lost. The conflict
carries the stored post (``exc.current``) so "keep mine" can save again over exactly the
network or field that clashed (``force``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from app.errors import Conflict
from app.i18n import translate
from app.models import Client
from app.models.posts import Post, PostVariant
from app.services.calendar import posts
from app.services.calendar.conflicts import post_conflict
from app.services.calendar.post_types import PostInfo, VariantInfo, VariantInput, to_info
from app.services.versions import stale

COMMON = ("title", "category", "campaign", "notes", "all_day")


def _content(v: PostVariant | VariantInfo | VariantInput) -> tuple[Any, ...]:
    return (v.text, v.link, v.first_comment, tuple(v.media or ()))


def _label(field: str) -> str:
    return {
        "title": translate("Posts", "Title"),
        "category": translate("Posts", "Category"),
        "campaign": translate("Posts", "Campaign"),
        "notes": translate("Posts", "Notes"),
        "all_day": translate("Posts", "All day"),
        "planned_at": translate("Posts", "Planned time"),
    }.get(field, field)


def _show(value: object, zone: str) -> str:
    if isinstance(value, dt.datetime):
        from zoneinfo import ZoneInfo

        return value.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return translate("Posts", "yes") if value else translate("Posts", "no")
    return str(value)


def _same_instant(a: object, b: object) -> bool:
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a.astimezone(dt.UTC) == b.astimezone(dt.UTC)
    return a == b


def edit_post(
    session: Session,
    client_id: int,
    post_id: int,
    *,
    base: PostInfo,
    variants: list[VariantInput],
    planned_at: dt.datetime,
    force: frozenset[str] | set[str] = frozenset(),
    **common: Any,
) -> PostInfo:
    """Write what changed between ``base`` and (``variants``, ``planned_at``, ``common``).

    ``force``: networks or fields whose clash this person already saw and chose to keep
    theirs over ("keep mine" in the conflict dialog)."""
    post = posts._load(session, client_id, post_id, lock=True)
    zone = session.get_one(Client, client_id).timezone  # the post is this client's
    stored = {v.network: v for v in post.variants}
    read = {v.network: v for v in base.variants}
    mine = {v.network: v for v in variants}
    final: dict[str, VariantInput] = {
        n: VariantInput(n, v.text, v.link, v.first_comment, tuple(v.media or ()))
        for n, v in stored.items()
    }
    for network in sorted(set(read) | set(mine)):
        was, now, there = read.get(network), mine.get(network), stored.get(network)
        if was is not None and now is not None and _content(was) == _content(now):
            continue  # not changed here: what is stored stays, theirs included
        if was is None and now is None:
            continue
        moved = there is not None and (was is None or (there.version or 1) != was.version)
        clash = there is not None and (now is None or _content(there) != _content(now))
        if moved and clash and network not in force:
            raise _variant_conflict(session, post, network, now, zone)
        if now is None:
            final.pop(network, None)
        else:
            final[network] = now
    fields: dict[str, Any] = {}
    current = {name: getattr(post, name) for name in COMMON}
    current["planned_at"] = post.planned_at
    wanted = {**common, "planned_at": planned_at}
    for name, value in wanted.items():
        before = base.planned_at if name == "planned_at" else getattr(base, name)
        if _same_instant(value, before):
            continue  # not changed here
        there = current[name]
        clash = not _same_instant(there, before) and not _same_instant(there, value)
        if clash and name not in force:
            raise _field_conflict(session, post, name, value, there, zone)
        fields[name] = value
    planned = fields.pop("planned_at", None)
    info = posts.update_post(
        session,
        client_id,
        post_id,
        planned_at=planned,
        variants=[final[n] for n in sorted(final)],
        **fields,
    )
    return info


def _variant_conflict(
    session: Session, post: Post, network: str, mine: VariantInput | None, zone: str
) -> Conflict:
    exc = post_conflict(session, post, [mine] if mine is not None else [], network)
    exc.current = to_info(post)
    return exc


def _field_conflict(
    session: Session, post: Post, name: str, mine: object, theirs: object, zone: str
) -> Conflict:
    exc = stale(
        "post",
        post.title or translate("Posts", "this post"),
        target_id=post.id,
        mine=f"{_label(name)}: {_show(mine, zone)}",
        theirs=f"{_label(name)}: {_show(theirs, zone)}",
        by=post.updated_by,
        at=post.updated_at,
        version=post.version,
        field=name,
        zone=zone,
    )
    exc.current = to_info(post)
    return exc

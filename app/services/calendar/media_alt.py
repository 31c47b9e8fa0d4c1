"""A photo's or video's description for screen readers (alt text).

The description belongs to the client's media asset, not to one post: a picture is described
once and every post and every network using it sends the same words (what agencies expect,
and what RGAA audits look at). The networks' limits are in :data:`app.networks.NETWORKS`
(``alt_text``, ``alt_text_max``, a video's ``alt_text_video_max``); a description longer
than a network takes is said in the editor's checks and cut at that limit when the post goes
out (:func:`for_network`), never a failed post.

A change is saved against the version the person read (:func:`set_alt_text`): two seats
describing the same picture meet a :class:`~app.errors.Conflict` naming who and when,
never an overwrite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import number, translate
from app.models.base import utcnow
from app.models.posts import MediaAsset
from app.networks import NETWORKS, alt_text_limit, network_label, takes_alt_text
from app.services.people.actor import current_actor
from app.services.versions import stale

# the longest description any network takes (LinkedIn's); beyond it nothing is stored
MAX_ALT = max(n.alt_text_max for n in NETWORKS.values())


@dataclass(frozen=True)
class AltText:
    """A media's description as read: what a later save compares to (``version``)."""

    media_id: int
    text: str
    version: int
    by: str = ""
    at: dt.datetime | None = None


def clean(text: str) -> str:
    """The description as kept: one paragraph's spaces trimmed, control characters out
    (line breaks stay: a long description may have several sentences)."""
    kept = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    return "\n".join(line.rstrip() for line in kept.strip().splitlines())


def check_length(text: str) -> None:
    if len(text) > MAX_ALT:
        raise ValidationError(
            translate(
                "MediaAlt", "A description of at most {limit} characters, not {count}."
            ).format(limit=MAX_ALT, count=len(text)),
            "alt_text",
        )


def read_alt(session: Session, client_id: int, ids: Iterable[int]) -> dict[int, AltText]:
    """The descriptions of the client's media ``ids`` (missing ids are left out)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(
            MediaAsset.id,
            MediaAsset.alt_text,
            MediaAsset.version,
            MediaAsset.updated_by,
            MediaAsset.updated_at,
        ).where(MediaAsset.client_id == client_id, MediaAsset.id.in_(wanted))
    ).all()
    return {r.id: AltText(r.id, r.alt_text or "", r.version or 1, r.updated_by, r.updated_at)
            for r in rows}  # fmt: skip


def set_alt_text(
    session: Session,
    client_id: int,
    media_id: int,
    text: str,
    *,
    expected_version: int | None,
    now: dt.datetime | None = None,
) -> AltText:
    """Describe the media ``media_id``; ``expected_version`` is the version the person read
    (None: whatever is there, as the CLI does). Conflict when another seat changed the
    description since; NotFound when the media is not this client's."""
    wanted = clean(text)
    check_length(wanted)
    query = update(MediaAsset).where(MediaAsset.id == media_id, MediaAsset.client_id == client_id)
    if expected_version is not None:
        query = query.where(MediaAsset.version == expected_version)
    done = session.execute(
        query.values(
            alt_text=wanted,
            version=MediaAsset.version + 1,
            updated_by=current_actor(),
            updated_at=now or utcnow(),
        ).execution_options(synchronize_session="fetch")  # this session's rows see it too
    )
    if getattr(done, "rowcount", 0) == 1:
        return read_alt(session, client_id, [media_id])[media_id]
    current = read_alt(session, client_id, [media_id]).get(media_id)
    if current is None:
        raise NotFound(translate("MediaAlt", "No such photo or video for this client."))
    if current.text == wanted:  # the same words typed on both seats: nothing to fight over
        return current
    name = session.scalar(select(MediaAsset.filename).where(MediaAsset.id == media_id)) or ""
    raise stale(
        "media",
        name,
        target_id=media_id,
        mine=wanted,
        theirs=current.text,
        by=current.by,
        at=current.at,
        version=current.version,
        field="alt_text",
    )


def save_alt_texts(
    session: Session, client_id: int, edits: Mapping[int, tuple[int | None, str]]
) -> dict[int, AltText]:
    """The editor's descriptions changed since it read them ({media id: (version read,
    text)}), in the post's unit of work: all or none."""
    return {
        media_id: set_alt_text(session, client_id, media_id, text, expected_version=version)
        for media_id, (version, text) in edits.items()
    }


def for_network(text: str, network: str, mime: str = "") -> str:
    """What goes out to ``network``: nothing where Tribune does not send a description (a
    video, where the network takes one for photos only), else the description cut at the
    network's limit for that kind of media (the editor said so beforehand)."""
    video = mime.startswith("video/")
    if not text or not takes_alt_text(network, video):
        return ""
    limit = alt_text_limit(network, video)
    return text[:limit] if limit else text


def limits_note(networks: Iterable[str], video: bool = False) -> str:
    """The limits of ``networks`` for a photo (or, ``video``, a video) in one line, for the
    description dialog."""
    parts = []
    for key in networks:
        facts = NETWORKS.get(key)
        if facts is None:
            continue
        label = network_label(key)
        limit = alt_text_limit(key, video)
        if not facts.alt_text:
            parts.append(
                translate("MediaAlt", "{network}: not sent by Tribune").format(network=label)
            )
        elif not takes_alt_text(key, video):
            parts.append(
                translate("MediaAlt", "{network}: not sent with a video").format(network=label)
            )
        elif limit:
            parts.append(
                translate("MediaAlt", "{network}: {limit} characters").format(
                    network=label, limit=number(limit)
                )
            )
        else:
            parts.append(translate("MediaAlt", "{network}: no limit given").format(network=label))
    return " · ".join(parts)


def too_long(network: str, described: Iterable[tuple[str, str, bool]]) -> list[str]:
    """The editor's check: each description (of (file name, description, is a video)) longer
    than ``network`` takes for that kind of media."""
    found = []
    for name, text, video in described:
        limit = alt_text_limit(network, video)
        if limit and len(text) > limit:
            found.append(
                translate(
                    "MediaAlt", "{network}: the description of {name} is cut at {limit} characters"
                ).format(network=network_label(network), name=name, limit=number(limit))
            )
    return found


def undescribed_note(names: list[str]) -> str:
    """The gentle check before approval: pictures nobody described ("" when none)."""
    if not names:
        return ""
    count = len(names)
    return translate(
        "MediaAlt",
        "Accessibility: %Ln photo(s) or video(s) without a description (alt text): {names}",
        "",
        count,
    ).format(names=", ".join(names))

"""What the post editor shows when it opens, read in one go on a worker."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.services.calendar import media as posts_media
from app.services.calendar import posts
from app.services.calendar.media_address import is_address
from app.services.calendar.media_alt import AltText, read_alt
from app.services.calendar.post_types import PostInfo


@dataclass(frozen=True)
class EditorData:
    """What the editor shows when it opens, read in one go on a worker."""

    categories: list[str]
    info: PostInfo | None = None
    media: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # network → files
    history: list = field(default_factory=list)
    media_problems: dict[str, list[str]] = field(default_factory=dict)  # network → warnings
    addresses: dict[int, str] = field(default_factory=dict)  # media id → its web address
    alt: dict[int, AltText] = field(default_factory=dict)  # media id → its description
    videos: frozenset[int] = frozenset()  # the media ids that are videos


def read_editor_data(s: Session, client_id: int, post_id: int | None) -> EditorData:
    """The post (None: a new one), its media and history, the client's categories (a
    QueryOp's read session)."""
    from app.services.calendar.query import distinct_values

    categories = distinct_values(s, client_id)["categories"]
    if post_id is None:
        return EditorData(categories)
    info = posts.get_post(s, client_id, post_id)
    found = {v.network: posts_media.media_for(s, client_id, v.media) for v in info.variants}
    media = {network: [(m.id, m.filename) for m in files] for network, files in found.items()}
    addresses = {m.id: m.path for files in found.values() for m in files if is_address(m.path)}
    problems = {
        v.network: posts_media.check_media(s, client_id, v.network, v.media)
        for v in info.variants
        if v.media
    }
    history = posts.history(s, client_id, post_id)
    alt = read_alt(s, client_id, [m.id for files in found.values() for m in files])
    videos = frozenset(
        m.id for files in found.values() for m in files if m.mime.startswith("video/")
    )
    return EditorData(categories, info, media, history, problems, addresses, alt, videos)

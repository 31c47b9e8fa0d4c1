"""What a Threads post carries, checked before any request (Threads API "Posts").

Threads fetches every image and video from a public https address (``image_url``,
``video_url``): a file on this computer cannot go, and is refused here in one sentence before
anything reaches Threads, so a post is never half sent. One image or video makes an IMAGE or
VIDEO container; 2 to 20 make a carousel: one item container each (``is_carousel_item=true``),
then a ``CAROUSEL`` container naming them in ``children`` with the text, then
``threads_publish``. Every container is awaited until FINISHED (a video takes a while).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.connectors.contract import MediaRef
from app.connectors.errors import Rejected
from app.i18n import translate

CAROUSEL_MIN = 2
CAROUSEL_MAX = 20
ALT_LIMIT = 1000


def check_media(media: Sequence[MediaRef]) -> None:
    """Refuse, before any request, what Threads would not take."""
    if len(media) > CAROUSEL_MAX:
        raise Rejected(
            translate(
                "Connectors", "A Threads carousel takes at most {n} images or videos; not sent."
            ).format(n=CAROUSEL_MAX)
        )
    for m in media:
        if not str(m.path).startswith("https://"):
            raise Rejected(
                translate(
                    "Connectors",
                    "Threads only takes photos and videos at a public https address, not a "
                    "file from this computer: not sent. Give them with “Add by address…” in "
                    "the post.",
                )
            )


def media_form(m: MediaRef, *, carousel_item: bool = False) -> dict[str, str]:
    """The container's fields for one image or video."""
    kind = "VIDEO" if m.is_video else "IMAGE"
    form = {"media_type": kind, f"{kind.lower()}_url": str(m.path)}
    if m.alt_text:
        form["alt_text"] = m.alt_text[:ALT_LIMIT]
    if carousel_item:
        form["is_carousel_item"] = "true"
    return form


def expected_media_type(media: Sequence[MediaRef]) -> str:
    """The ``media_type`` our published post shows in ``GET /{user}/threads``."""
    if len(media) >= CAROUSEL_MIN:
        return "CAROUSEL_ALBUM"
    if media:
        return "VIDEO" if media[0].is_video else "IMAGE"
    return "TEXT_POST"


__all__ = ["CAROUSEL_MAX", "CAROUSEL_MIN", "check_media", "expected_media_type", "media_form"]

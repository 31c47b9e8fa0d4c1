"""Per-network counters and limits, counted the way each network counts.

- X: 280, weighted as twitter-text does: text normalised to NFC, every URL counts 23, a
  code point in the Latin/general ranges counts 1, others (CJK, emoji) 2, an emoji
  sequence (one grapheme) counts 2.
- Bluesky: 300 grapheme clusters (what a reader sees as one character).
- Mastodon: the instance's limit (500 by default), graphemes, every URL counts 23.
- Instagram: 2,200 characters and at most 30 hashtags. LinkedIn: 3,000. Facebook: 63,206.

Pure functions: no database, no Qt widgets, usable from the editor on every key press.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

import regex

from app.i18n import translate
from app.networks import MB, NETWORKS, PUBLISHABLE, MediaLimits, network_label, with_capability

URL_RE = regex.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
HASHTAG_RE = regex.compile(r"(?<![\w&])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*")
GRAPHEME_RE = regex.compile(r"\X")
EMOJI_RE = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")
X_URL_WEIGHT = 23
MASTODON_URL_WEIGHT = 23
MASTODON_DEFAULT_LIMIT = 500
# twitter-text's ranges of weight 1 (everything else weighs 2).
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


@dataclass(frozen=True)
class NetworkLimit:
    network: str
    max_length: int
    unit: str  # "weighted", "graphemes", "characters"
    max_hashtags: int | None
    media: MediaLimits


LIMITS: dict[str, NetworkLimit] = {
    key: NetworkLimit(key, n.max_length, n.unit, n.max_hashtags, n.media)
    for key, n in ((key, NETWORKS[key]) for key in PUBLISHABLE)
    if n.media is not None
}
PUBLISHABLE_NETWORKS = tuple(LIMITS)


@dataclass(frozen=True)
class TextCount:
    network: str
    used: int
    limit: int
    hashtags: int
    hashtag_limit: int | None

    @property
    def remaining(self) -> int:
        return self.limit - self.used

    @property
    def over(self) -> bool:
        return self.used > self.limit or (
            self.hashtag_limit is not None and self.hashtags > self.hashtag_limit
        )

    def problems(self) -> list[str]:
        out = []
        if self.used > self.limit:
            out.append(
                translate("PostsCounters", "{network}: {used} / {limit} characters").format(
                    network=network_label(self.network), used=self.used, limit=self.limit
                )
            )
        if self.hashtag_limit is not None and self.hashtags > self.hashtag_limit:
            out.append(
                translate("PostsCounters", "{network}: {count} hashtags (at most {limit})").format(
                    network=network_label(self.network),
                    count=self.hashtags,
                    limit=self.hashtag_limit,
                )
            )
        return out


def graphemes(text: str) -> int:
    return len(GRAPHEME_RE.findall(text))


def _x_weight_of_plain(text: str) -> int:
    total = 0
    for cluster in GRAPHEME_RE.findall(text):
        if EMOJI_RE.search(cluster):
            total += 2
            continue
        for ch in cluster:
            cp = ord(ch)
            total += 1 if any(lo <= cp <= hi for lo, hi in _X_LIGHT) else 2
    return total


def _split_urls(text: str) -> tuple[int, list[str]]:
    """Number of URLs and the pieces of text between them."""
    pieces, last, n = [], 0, 0
    for m in URL_RE.finditer(text):
        pieces.append(text[last : m.start()])
        last = m.end()
        n += 1
    pieces.append(text[last:])
    return n, pieces


def x_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    n, pieces = _split_urls(text)
    return n * X_URL_WEIGHT + sum(_x_weight_of_plain(p) for p in pieces)


def mastodon_length(text: str) -> int:
    n, pieces = _split_urls(text)
    # A remote mention counts only its user part (@user@instance → @user).
    body = "".join(pieces)
    body = regex.sub(r"(@[\w.]+)@[\w.-]+\w", r"\1", body)
    return n * MASTODON_URL_WEIGHT + graphemes(body)


def hashtags(text: str) -> int:
    return len(HASHTAG_RE.findall(text))


def count_text(network: str, text: str, *, mastodon_limit: int | None = None) -> TextCount:
    """How ``network`` counts ``text`` against its limit."""
    limit = LIMITS.get(network)
    if limit is None:
        return TextCount(network, len(text), 10**9, hashtags(text), None)
    if network == "x":
        used = x_length(text)
    elif network == "mastodon":
        used = mastodon_length(text)
    elif limit.unit == "graphemes":
        used = graphemes(text)
    else:
        used = len(text)
    max_length = limit.max_length
    if network == "mastodon" and mastodon_limit:
        max_length = mastodon_limit
    return TextCount(network, used, max_length, hashtags(text), limit.max_hashtags)


# one video per post, and nothing else with it (Instagram's carousels mix them)
VIDEO_ALONE = with_capability("video_alone")
# networks that fetch each photo from its public address (Business Profile, Threads)
PHOTO_BY_ADDRESS = ("google", "threads")


def media_problems(
    network: str, files: list[tuple[str, str, int]], remote: Collection[int] = ()
) -> list[str]:
    """Problems with attachments given as (filename, mime, size in bytes) for ``network``;
    ``remote`` holds the indexes of those given by their web address, not as files."""
    limit = LIMITS.get(network)
    if limit is None:
        return []
    out = []
    label = network_label(network)
    if len(files) > limit.media.max_count:
        out.append(
            translate("PostsCounters", "{network}: {count} files (at most {limit})").format(
                network=label, count=len(files), limit=limit.media.max_count
            )
        )
    if network == "instagram":
        # Meta fetches Instagram images from a public web address, which a desktop app has
        # none to give; a video goes up from the computer as a reel
        pictures = [
            name
            for i, (name, mime, _size) in enumerate(files)
            if not mime.startswith("video/") and i not in remote
        ]
        if pictures:
            out.append(
                translate(
                    "PostsCounters",
                    "Instagram fetches images from a web address: post {name} from the app.",
                ).format(name=pictures[0])
            )
        if len(files) > 1:
            out.append(translate("PostsCounters", "Instagram: Tribune sends one file per post."))
    local = [name for i, (name, _m, _s) in enumerate(files) if i not in remote]
    if network in PHOTO_BY_ADDRESS and local:
        # Google and Threads fetch a photo from a public https address, which a file on this
        # computer has none of: said when it is attached, refused at the send
        out.append(
            translate(
                "PostsCounters",
                "{network} only takes a photo at a public https address: remove {name} "
                "and use “Add by address…”.",
            ).format(network=label, name=local[0])
        )
    videos = [name for name, mime, _size in files if mime.startswith("video/")]
    if network in VIDEO_ALONE and videos and len(files) > 1:
        out.append(
            translate("PostsCounters", "{network}: the video {name} must go alone").format(
                network=label, name=videos[0]
            )
        )
    for name, mime, size in files:
        cap = (
            limit.media.max_video_bytes
            if mime.startswith("video/")
            else limit.media.max_image_bytes
        )
        if size > cap:
            out.append(
                translate(
                    "PostsCounters", "{network}: {name} is {size} MB (at most {limit} MB)"
                ).format(
                    network=label, name=name, size=round(size / MB, 1), limit=round(cap / MB, 1)
                )
            )
    return out

"""One table of what Tribune knows about each network, read by every layer.

The editor's counters and media checks, the inbox's private replies, the publishing queue's
first comments, the connectors' limits, the charts' and the calendar's colours and the
badges all read :data:`NETWORKS`; nothing else in the code lists per-network facts. Adding a
network starts here (see docs/architecture.md, "How to add a network").

Pure data: no database, no Qt, no translation (labels are brand names, the same in every
language).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class MediaLimits:
    max_count: int
    max_image_bytes: int
    max_video_bytes: int


@dataclass(frozen=True)
class Network:
    key: str
    label: str  # the name users know (every screen, document and message uses it)
    short: str  # the letters of its badge
    colour: str  # one colour for charts, chips and badges (#rrggbb), readable on white
    publishable: bool = True  # the calendar can publish to it
    max_length: int = 0  # text limit of a post, in ``unit``s (0: none)
    unit: str = "characters"  # "weighted" (twitter-text), "graphemes", "characters"
    max_hashtags: int | None = None
    media: MediaLimits | None = None
    video_alone: bool = False  # one video per post, and nothing else with it
    private_reply: bool = False  # the inbox can answer privately
    # How the post's first comment goes out: "reply" to our own post, "comment" on it, or
    # None when the network has none (the editor says so).
    first_comment: str | None = None
    reviews: bool = False  # the network has reviews (stars) in the inbox
    # A photo's or video's description for screen readers (alt text): whether Tribune sends
    # it to this network, and the network's limit in characters (0: none documented).
    alt_text: bool = False
    alt_text_max: int = 0
    alt_text_video: bool = True  # False: photos only (a video goes out without it)
    alt_text_video_max: int = 0  # a video's limit when it differs (0: alt_text_max)


NETWORKS: dict[str, Network] = {
    "mastodon": Network(
        "mastodon",
        "Mastodon",
        "M",
        "#563acc",
        max_length=500,  # the instance's own limit when known (see counters)
        unit="graphemes",
        media=MediaLimits(4, 16 * MB, 99 * MB),
        video_alone=True,
        private_reply=True,
        first_comment="reply",
        alt_text=True,
        alt_text_max=1500,  # the media API's description
    ),
    "bluesky": Network(
        "bluesky",
        "Bluesky",
        "B",
        "#0a6cd6",
        max_length=300,
        unit="graphemes",
        media=MediaLimits(4, 1 * MB, 50 * MB),
        video_alone=True,
        first_comment="reply",
        alt_text=True,
        alt_text_max=2000,  # what the Bluesky app allows for an image
        # the app.bsky.embed.video lexicon: "alt", maxGraphemes 1000 (a longer one fails the
        # post's validation); a code point is never less than a grapheme, so cutting at 1,000
        # characters stays within it
        alt_text_video_max=1000,
    ),
    "facebook": Network(
        "facebook",
        "Facebook",
        "f",
        "#1a5fd0",
        max_length=63206,
        media=MediaLimits(10, 10 * MB, 1024 * MB),
        video_alone=True,
        private_reply=True,
        first_comment="comment",
        # a photo's alt_text_custom (one post's photos each their own), no limit documented;
        # Graph documents no description for a Page's videos: they go out without one
        alt_text=True,
        alt_text_video=False,
    ),
    "instagram": Network(
        "instagram",
        "Instagram",
        "IG",
        "#c1246b",
        max_length=2200,
        max_hashtags=30,
        media=MediaLimits(10, 8 * MB, 100 * MB),
        private_reply=True,
        first_comment="comment",
        alt_text=True,  # an image container's alt_text; no limit documented
        alt_text_video=False,  # a video container has none
    ),
    "linkedin": Network(
        "linkedin",
        "LinkedIn",
        "in",
        "#0a7285",  # teal: Facebook's and LinkedIn's blues look alike side by side
        max_length=3000,
        media=MediaLimits(9, 8 * MB, 200 * MB),
        video_alone=True,
        first_comment="comment",
        alt_text=True,
        alt_text_max=4086,  # the Images API's altText
    ),
    "x": Network(
        "x",
        "X",
        "X",
        "#25292e",
        max_length=280,
        unit="weighted",
        media=MediaLimits(4, 5 * MB, 512 * MB),
        video_alone=True,
        private_reply=True,
        first_comment="reply",
        alt_text=True,
        alt_text_max=1000,  # media metadata (POST /2/media/metadata): images and GIFs only
        alt_text_video=False,
    ),
    "rss": Network("rss", "RSS / Atom", "R", "#b35c00", publishable=False),
    # Business Profile: reviews come in and are answered; posts go out as local posts
    # ("What's new", offers, events: app/connectors/google_posts.py), one photo by address.
    "google": Network(
        "google",
        "Google",
        "G",
        "#1967d2",
        max_length=1500,
        media=MediaLimits(1, 5 * MB, 0),
        reviews=True,
    ),
    # Comments come in and are answered, held ones moderated; Tribune does not upload videos.
    "youtube": Network("youtube", "YouTube", "YT", "#c4302b", publishable=False),
    "threads": Network(
        "threads",
        "Threads",
        "@",
        "#5a5a5a",  # Threads is black; a grey keeps it apart from X's near-black
        max_length=500,
        # one image or video, or a carousel of up to 20, each by its public https address
        media=MediaLimits(20, 8 * MB, 1024 * MB),
        first_comment="reply",
        alt_text=True,
        alt_text_max=1000,
    ),
    # Pins: an image, a title, a 500-character description and a link; no comments API.
    "pinterest": Network(
        "pinterest",
        "Pinterest",
        "P",
        "#e60023",
        max_length=500,
        media=MediaLimits(1, 20 * MB, 0),
        alt_text=True,
        alt_text_max=500,
    ),
}

NETWORK_KEYS: tuple[str, ...] = tuple(NETWORKS)
# The editor's tabs and the calendar's filters list the networks we publish to with the
# shortest limits first: what needs trimming shows first.
PUBLISHABLE: tuple[str, ...] = tuple(
    sorted((k for k, n in NETWORKS.items() if n.publishable), key=lambda k: NETWORKS[k].max_length)
)


def network(key: str) -> Network | None:
    return NETWORKS.get(key)


def takes_alt_text(key: str, video: bool = False) -> bool:
    """Whether Tribune sends ``key`` a description for a photo (or, ``video``, a video)."""
    facts = NETWORKS.get(key)
    return facts is not None and facts.alt_text and (facts.alt_text_video or not video)


def alt_text_limit(key: str, video: bool = False) -> int:
    """The longest description ``key`` takes for a photo (or, ``video``, a video), in
    characters; 0 when none is documented or none is sent."""
    facts = NETWORKS.get(key)
    if facts is None or not takes_alt_text(key, video):
        return 0
    return (facts.alt_text_video_max if video else 0) or facts.alt_text_max


def network_label(key: str) -> str:
    """The network's name as users know it (every screen, document and message uses this)."""
    n = NETWORKS.get(key)
    return n.label if n else key


def network_colour(key: str) -> str:
    n = NETWORKS.get(key)
    return n.colour if n else "#5c6370"


# For the badges and the charts, keyed by network.
NETWORK_COLOURS: dict[str, str] = {key: n.colour for key, n in NETWORKS.items()}
NETWORK_SHORT: dict[str, str] = {key: n.short for key, n in NETWORKS.items()}


def with_capability(name: str) -> frozenset[str]:
    """The networks whose ``name`` fact is true (e.g. ``"private_reply"``)."""
    return frozenset(k for k, n in NETWORKS.items() if getattr(n, name))

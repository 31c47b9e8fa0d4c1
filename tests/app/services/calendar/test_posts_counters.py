"""Counters as each network counts: URLs, emoji, combining characters, hashtags, media."""

from __future__ import annotations

import pytest

from app.services.calendar.counters import count_text, media_problems

URL = "https://www.example.com/un/chemin/tres/long/qui/depasse/largement?utm_source=x"


def test_x_counts_every_url_as_23():
    c = count_text("x", f"Voir {URL} et http://a.fr")
    assert c.used == len("Voir ") + 23 + len(" et ") + 23
    assert count_text("x", "www.fleurs.fr").used == 23


def test_x_emoji_and_cjk_weigh_two_combining_normalised():
    assert count_text("x", "👍").used == 2
    assert count_text("x", "👩‍👩‍👧‍👦").used == 2  # one ZWJ sequence
    assert count_text("x", "🇫🇷").used == 2  # a flag: two regional indicators, one grapheme
    assert count_text("x", "日本").used == 4
    # "é" typed as e + combining acute is one character after NFC
    assert count_text("x", "cafe\u0301").used == 4
    assert count_text("x", "a" * 280).over is False
    assert count_text("x", "a" * 281).over is True
    assert count_text("x", "a" * 270 + "👍" * 5).used == 280


def test_bluesky_counts_graphemes():
    text = "e\u0301" * 150 + "👩‍👩‍👧‍👦" * 150
    assert len(text) > 600
    c = count_text("bluesky", text)
    assert c.used == 300 and not c.over
    assert count_text("bluesky", text + "!").over


def test_mastodon_instance_limit_urls_and_remote_mentions():
    assert count_text("mastodon", "a" * 500).over is False
    assert count_text("mastodon", "a" * 501).over is True
    assert count_text("mastodon", "a" * 501, mastodon_limit=1000).over is False
    assert count_text("mastodon", URL).used == 23
    assert count_text("mastodon", "@alice@mastodon.social salut").used == len("@alice salut")


def test_instagram_hashtags_and_length():
    tags = " ".join(f"#tag{i}x" for i in range(30))
    assert count_text("instagram", tags).hashtags == 30
    assert not count_text("instagram", tags).over
    c = count_text("instagram", tags + " #encore")
    assert c.over and "31 hashtags" in " ".join(c.problems())
    assert count_text("instagram", "#été #fête").hashtags == 2
    assert count_text("instagram", "prix #1 & C#").hashtags == 0
    assert count_text("instagram", "a" * 2201).over


@pytest.mark.parametrize(("network", "limit"), [("linkedin", 3000), ("facebook", 63206)])
def test_long_networks(network, limit):
    assert not count_text(network, "a" * limit).over
    assert count_text(network, "a" * (limit + 1)).over


def test_media_limits():
    assert media_problems("x", [("a.jpg", "image/jpeg", 1000)] * 4) == []
    assert media_problems("x", [("a.jpg", "image/jpeg", 1000)] * 5)
    assert media_problems("bluesky", [("big.png", "image/png", 2 * 1024 * 1024)])
    assert media_problems("instagram", [("v.mp4", "video/mp4", 50 * 1024 * 1024)]) == []
    (only,) = media_problems("instagram", [("b.jpg", "image/jpeg", 1000)])
    assert "post b.jpg from the app" in only  # said before, not a failed publish
    clip, photo = ("clip.mp4", "video/mp4", 1000), ("a.jpg", "image/jpeg", 1000)
    assert media_problems("linkedin", [clip]) == []
    assert media_problems("linkedin", [clip, photo]) == [
        "LinkedIn: the video clip.mp4 must go alone"
    ]
    assert media_problems("x", [photo, clip])
    assert not any("alone" in p for p in media_problems("instagram", [clip, photo]))

"""Listening searches: what a network says about a brand, beyond the client's own accounts.

One module per network, each a :class:`~app.connectors.search.base.Searcher` over
:class:`app.connectors.http.Http`. The credentials are those of the client's own account on
that network and are only sent to that account's host.
"""

from __future__ import annotations

from app.connectors.search.base import Searcher

SEARCHABLE = ("mastodon", "bluesky", "x", "youtube")
# followed as competitors (public profiles) but with no public search of posts
PROFILE_ONLY = ("facebook",)


def searcher_for(network: str) -> type[Searcher] | None:
    """The Searcher class of ``network`` (``rss`` for alert feeds)."""
    cls: type[Searcher]
    if network == "mastodon":
        from app.connectors.search.mastodon import MastodonSearch as cls
    elif network == "bluesky":
        from app.connectors.search.bluesky import BlueskySearch as cls
    elif network == "x":
        from app.connectors.search.x import XSearch as cls
    elif network == "youtube":
        from app.connectors.search.youtube import YouTubeSearch as cls
    elif network == "facebook":
        from app.connectors.search.facebook import FacebookSearch as cls
    elif network == "rss":
        from app.connectors.search.rss import FeedSearch as cls
    else:
        return None
    return cls

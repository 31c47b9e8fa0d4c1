"""Connectors: one per network, behind the small interface in :mod:`app.connectors.base`.

A connector speaks HTTP to one account of one network and turns what it gets into the
frozen dataclasses of :mod:`app.connectors.contract`. It never touches the database:
the sync and publish services do (cursors, health, the inbox, the calendar's queue).
"""

from __future__ import annotations

from app.connectors.base import (
    AccountRef,
    AuthError,
    BadResponse,
    Connector,
    ConnectorError,
    FetchResult,
    Health,
    NotSupported,
    Published,
    RateLimited,
    Rejected,
    Unavailable,
)
from app.connectors.http import Http

CONNECTORS = {
    "mastodon": "app.connectors.mastodon:MastodonConnector",
    "bluesky": "app.connectors.bluesky:BlueskyConnector",
    "facebook": "app.connectors.meta:FacebookConnector",
    "instagram": "app.connectors.instagram:InstagramConnector",
    "rss": "app.connectors.rss:RssConnector",
    "x": "app.connectors.x:XConnector",
    "linkedin": "app.connectors.linkedin:LinkedInConnector",
    "google": "app.connectors.google_business:GoogleBusinessConnector",
    "youtube": "app.connectors.youtube:YouTubeConnector",
    "threads": "app.connectors.threads:ThreadsConnector",
    "pinterest": "app.connectors.pinterest:PinterestConnector",
}

# Networks whose accounts work without a token.
TOKENLESS = ("rss",)


def connector_for(account: AccountRef, http: Http) -> Connector:
    """The connector for ``account.network`` (imported only when needed)."""
    import importlib

    target = CONNECTORS.get(account.network)
    if target is None:
        raise NotSupported.for_network(account.network)
    module, name = target.split(":")
    factory: type[Connector] = getattr(importlib.import_module(module), name)
    return factory(account, http)


__all__ = [
    "CONNECTORS",
    "TOKENLESS",
    "AccountRef",
    "AuthError",
    "BadResponse",
    "Connector",
    "ConnectorError",
    "FetchResult",
    "Health",
    "NotSupported",
    "Published",
    "RateLimited",
    "Rejected",
    "Unavailable",
    "connector_for",
]

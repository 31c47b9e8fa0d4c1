"""What every listening search returns, and the guard that keeps a token on its own host."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx

from app.connectors.errors import Rejected
from app.i18n import translate

if TYPE_CHECKING:
    from app.connectors.http import Http


@dataclass(frozen=True)
class Found:
    """A post a search found (text already plain)."""

    external_id: str
    author: str
    author_handle: str
    text: str
    url: str
    published_at: dt.datetime
    author_followers: int | None = None  # when the answer carries it


@dataclass(frozen=True)
class Profile:
    """A public account's numbers, as a competitor's daily sample records them."""

    handle: str
    name: str
    followers: int | None
    posts_total: int | None
    recent: tuple[tuple[dt.datetime, int], ...] = ()  # its latest posts: (when, engagements)


@dataclass
class SearchResult:
    items: list[Found] = field(default_factory=list)
    cursor: dict[str, Any] = field(default_factory=dict)
    requests: int = 0
    paused: str = ""  # why the search stopped early and waits (a spent daily quota)


def origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return (parts.scheme, (parts.hostname or "").lower(), parts.port)


def same_origin(url: str, base_url: str) -> bool:
    return origin(url) == origin(base_url)


class Searcher:
    """One search on one network. ``base_url`` is the client's account's host; ``token`` its
    credential (empty for feeds)."""

    network = ""

    def __init__(self, http: Http, base_url: str, token: str = "", handle: str = "") -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.handle = handle
        self.clock: dt.datetime | None = None  # the sync's ``now`` (tests); else the clock
        # where a renewed credential goes (the account's keyring entry); None: kept in memory
        self.save_token: Callable[[str], None] | None = None

    def now(self) -> dt.datetime:
        return self.clock or dt.datetime.now(dt.UTC)

    def search(
        self, kind: str, query: str, cursor: dict[str, Any], *, max_pages: int = 10
    ) -> SearchResult:
        raise NotImplementedError

    def followers(self, handles: list[str]) -> dict[str, tuple[str, int]]:
        """handle → (name, followers) for authors whose audience the search did not give."""
        return {}

    def profile(self, handle: str) -> Profile | None:
        """A public profile's numbers (None where the network shows none)."""
        return None

    def _check(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            raise Rejected(
                translate("Listening", "{host} refused the search (HTTP {status}).").format(
                    host=urlsplit(self.base_url).hostname or "", status=response.status_code
                )
            )

"""The one interface every network connector implements.

The errors it may raise live in :mod:`app.connectors.errors` (re-exported here, where every
connector imports them from).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.connectors.contract import (
    AccountMetricSample,
    DueVariant,
    IncomingMessage,
    MediaRef,
    ModerationToSend,
    PostMetricSample,
    ReplyToSend,
    RowError,
)
from app.connectors.errors import AuthError as AuthError
from app.connectors.errors import BadResponse as BadResponse
from app.connectors.errors import ConnectorError as ConnectorError
from app.connectors.errors import NotSupported as NotSupported
from app.connectors.errors import RateLimited as RateLimited
from app.connectors.errors import Rejected as Rejected
from app.connectors.errors import Unavailable as Unavailable
from app.connectors.http import Http, ScopedHttp, origin_of
from app.i18n import translate
from app.networks import network_label

# (items read so far, what they are: "comments", "mentions"…) while a fetch pages
FetchProgress = Callable[[int, str], None]


@dataclass(frozen=True)
class AccountRef:
    """What a connector needs about an account; the token stays out of every repr."""

    id: int
    client_id: int
    network: str
    handle: str
    base_url: str
    token: str = field(default="", repr=False)
    # where a connector writes credentials the network renewed (rotated refresh tokens):
    # the keyring entry of the account; None when nothing may be stored (a one-off check)
    save_token: Callable[[str], None] | None = field(default=None, repr=False, compare=False)
    # the account's keyring entry read again (a token another seat renewed meanwhile)
    load_token: Callable[[], str | None] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class FetchResult:
    """New inbox items since the cursor, the cursor to store, and items that were skipped."""

    items: tuple[IncomingMessage, ...]
    cursor: dict[str, Any]
    errors: tuple[RowError, ...] = ()
    requests: int = 0
    deleted: int = 0  # items deleted on the network since they were listed: skipped quietly


@dataclass(frozen=True)
class Published:
    external_id: str
    url: str = ""
    at: dt.datetime | None = None


@dataclass(frozen=True)
class Health:
    display_name: str = ""
    token_expires_at: dt.datetime | None = None
    char_limit: int | None = None


class Connector(ABC):
    """One account of one network over HTTP (``http`` is an :class:`app.connectors.http.Http`)."""

    network = ""
    char_limit = 500
    can_publish = True
    # The network's documented API and upload hosts (HTTPS) that may receive the account's
    # credentials besides the origin of its own base URL; any other host never gets them.
    credential_hosts: tuple[str, ...] = ()

    def __init__(self, account: AccountRef, http: Http) -> None:
        self.account = account
        self.http = ScopedHttp(http, self.credential_origins, self.network or "?")

    def credential_origins(self) -> set[tuple[str, str, int]]:
        """Where this account's credentials may go: its base URL's origin and the hosts
        declared in :attr:`credential_hosts`."""
        base = getattr(self, "base", None) or self.account.base_url
        origins = {("https", host.lower(), 443) for host in self.credential_hosts}
        if base:
            origins.add(origin_of(str(base)))
        return origins

    @abstractmethod
    def check(self) -> Health:
        """Who we are connected as; raises :class:`AuthError` when the token is refused."""

    @abstractmethod
    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
    ) -> FetchResult:
        """Inbox items newer than ``cursor`` (``{}`` for a first sync)."""

    def publish(self, variant: DueVariant) -> Published:
        raise NotSupported.for_network(self.network, translate("Connectors", "publishing"))

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """After a crash between send and record: the post if the network already has it."""
        return None

    def reply(self, reply: ReplyToSend) -> Published:
        raise NotSupported.for_network(self.network, translate("Connectors", "replies"))

    def find_reply(self, reply: ReplyToSend, since: dt.datetime) -> Published | None:
        """After a seat stopped between send and record: our answer if the network has it
        (looked up among our answers to the same message, by text), else None."""
        return None

    @staticmethod
    def same_text(a: str, b: str) -> bool:
        """Equal once whitespace is normalised (networks trim and fold line ends)."""
        return " ".join(str(a or "").split()) == " ".join(str(b or "").split())

    def hide(self, external_id: str, hidden: bool = True) -> None:
        raise NotSupported.for_network(self.network, translate("Connectors", "hiding a comment"))

    def moderate(self, item: ModerationToSend) -> None:
        """Carry out a moderation action on the network (hide here; networks add more).

        Raises :class:`NotSupported` where the network's API does not allow it: the action
        then stays what it always is in Tribune, recorded and applied to the inbox."""
        if item.action in ("hide", "unhide"):
            self.hide(item.external_id, hidden=item.action == "hide")
            return
        raise self.cannot(item.action)

    def cannot(self, action: str) -> NotSupported:
        what = {
            "hide": translate("Connectors", "hiding someone else's message"),
            "delete": translate("Connectors", "deleting someone else's message"),
            "ban": translate("Connectors", "blocking an author"),
            "report": translate("Connectors", "reporting a message"),
        }.get(action, action)
        return NotSupported.for_network(network_label(self.network), what)

    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        return []

    def post_samples(self, external_ids: list[str], day: dt.date) -> list[PostMetricSample]:
        return []

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def text_with_link(variant: DueVariant) -> str:
        """The post's text, with its link on a line of its own unless the text has it."""
        if not variant.link or variant.link in variant.text:
            return variant.text
        return f"{variant.text}\n{variant.link}"

    def lone_video(self, media: Sequence[MediaRef]) -> MediaRef | None:
        """The post's video, refused before anything is sent if other files come with it
        (the networks that call this take one video, alone)."""
        videos = [m for m in media if m.is_video]
        if videos and len(media) > 1:
            raise Rejected(
                translate("Connectors", "A {network} post takes one video, alone.").format(
                    network=network_label(self.network)
                )
            )
        return videos[0] if videos else None

    def await_processing(
        self,
        look: Callable[[], tuple[str, float | None, object]],
        failed: str,
        waiting: str,
        *,
        poll: float,
        limit: float,
    ) -> None:
        """Wait while a network processes an uploaded video. ``look()`` answers ("ready" |
        "failed" | "waiting", seconds to wait or None for ``poll``, the network's reason).
        ``failed`` (formatted with ``reason``) is raised as a refusal; past ``limit`` seconds,
        ``waiting`` as an outage, so the post is tried again at the next sync."""
        waited = 0.0
        while True:
            state, pause, reason = look()
            if state == "ready":
                return
            if state == "failed":
                raise Rejected(failed.format(reason=str(reason)[:200]))
            pause = poll if pause is None else pause
            if waited + pause > limit:
                raise Unavailable(waiting)
            self.http.sleep(pause)  # in small steps: Cancel is honoured
            waited += pause

    def check_length(self, text: str, limit: int | None = None) -> None:
        limit = limit or self.char_limit
        if len(text) > limit:
            raise Rejected(
                translate(
                    "Connectors", "The text is {n} characters long; {network} allows {limit}."
                ).format(n=len(text), network=self.network, limit=limit)
            )

"""What crosses between the connectors and the inbox, the calendar and the metrics.

The connectors speak to the networks; the inbox, the calendar's publishing queue and the
metrics own the rows. These frozen dataclasses are the only shapes that pass between them,
so each side can change its tables or its HTTP code without the other noticing. Services
that take or give them:

- inbox: ``app.services.inbox.ingest.ingest_messages(session, client_id, items)`` →
  :class:`IngestResult`; the CSV import goes through the same function. Replies written in
  the inbox wait as :class:`ReplyToSend` (``inbox_ingest.due_replies``,
  ``mark_reply_sending``, ``mark_reply_sent``, ``mark_reply_failed``).
- calendar: ``app.services.calendar.queue.due_variants(session, client_id, now)`` →
  list of :class:`DueVariant`; ``mark_sending``, ``mark_published``, ``mark_failed``.
- metrics: ``app.services.reports.metrics.record_account_samples(session, client_id, samples)`` and
  ``record_post_samples(session, client_id, samples)``, both idempotent (upsert per day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MESSAGE_KINDS = ("comment", "mention", "message", "review")


@dataclass(frozen=True)
class IncomingMessage:
    """One comment, mention, direct message or review, as a network (or a CSV row) gives it.

    ``text`` is plain text (HTML from a network is converted before it gets here);
    ``received_at`` is aware. (network, external_id) identifies the message for a client.
    """

    network: str
    external_id: str
    kind: str
    author: str
    author_handle: str
    text: str
    received_at: dt.datetime
    in_reply_to: str = ""  # external id of the parent message, if any
    url: str = ""
    account_id: int | None = None  # the client's NetworkAccount it came through
    # held for review by the network (YouTube): not public; stored hidden, moderated by rule
    held: bool = False
    # a comment the network held, since decided there (YouTube Studio): "published" (public
    # now) or "rejected" (gone); the inbox takes it out of the held state
    decided: str = ""

    @classmethod
    def fast(
        cls,
        network: str,
        external_id: str,
        kind: str,
        author: str,
        author_handle: str,
        text: str,
        received_at: dt.datetime,
        in_reply_to: str = "",
        url: str = "",
        account_id: int | None = None,
        held: bool = False,
        decided: str = "",
    ) -> IncomingMessage:
        """The constructor's twin, twice as fast, for connectors that build 10,000 a sync
        (a frozen dataclass sets each field through ``object.__setattr__``)."""
        self = object.__new__(cls)
        self.__dict__.update(
            network=network,
            external_id=external_id,
            kind=kind,
            author=author,
            author_handle=author_handle,
            text=text,
            received_at=received_at,
            in_reply_to=in_reply_to,
            url=url,
            account_id=account_id,
            held=held,
            decided=decided,
        )
        return self


@dataclass(frozen=True)
class RowError:
    """A row or item that was not taken: where it was (line number or external id) and why."""

    line: int  # 1-based line in the source file; 0 when the item came from a network
    ref: str  # external id, UID or other reference the user can look up; may be empty
    reason: str  # translated, one line


@dataclass(frozen=True)
class IngestResult:
    added: int
    duplicates: int
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True)
class MediaRef:
    path: str  # absolute path of the stored file (stored once by its SHA-256)
    mime: str
    sha256: str
    alt_text: str = ""

    @property
    def is_video(self) -> bool:
        return (self.mime or "").startswith("video/")


@dataclass(frozen=True)
class DueVariant:
    """A post's variant for one network whose planned time has come and that is approved."""

    variant_id: int
    post_id: int
    client_id: int
    network: str
    account_id: int | None
    text: str
    planned_at: dt.datetime  # aware, UTC
    idempotency_key: str  # stable for the variant: a retry sends the same key
    media: tuple[MediaRef, ...] = ()
    link: str = ""
    first_comment: str = ""
    timezone: str = "UTC"  # the client's: "the planned day" is the client's day

    def planned_day(self) -> dt.date:
        """The day the post is planned for, in the client's time zone."""
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return self.planned_at.astimezone(ZoneInfo(self.timezone or "UTC")).date()
        except (ZoneInfoNotFoundError, ValueError):
            return self.planned_at.date()


@dataclass(frozen=True)
class ReplyToSend:
    """A reply written in the inbox, waiting to be sent through the network's API."""

    reply_id: int
    client_id: int
    network: str
    account_id: int | None
    in_reply_to: str  # external id of the message answered
    text: str
    idempotency_key: str
    private: bool = False  # a direct message rather than a public reply


@dataclass(frozen=True)
class ModerationToSend:
    """A moderation action applied in the inbox, to be carried out on the network too."""

    moderation_id: int
    client_id: int
    network: str
    account_id: int | None
    action: str  # hide | delete | ban | report | unhide (a restored message)
    external_id: str  # the message's id on the network
    author_handle: str  # as the connector gave it (Mastodon "@acct", Meta user id, …)
    reason: str = ""  # the charter rule's label and the moderator's note (for reports)
    rule_key: str = ""


@dataclass(frozen=True)
class AccountMetricSample:
    """One day of an account's numbers; None when the network does not give that figure."""

    account_id: int
    day: dt.date
    followers: int | None = None
    impressions: int | None = None
    reach: int | None = None
    engagements: int | None = None
    clicks: int | None = None
    profile_visits: int | None = None
    posts: int | None = None
    views_total: int | None = None  # a lifetime total (YouTube's channel views), not daily


@dataclass(frozen=True)
class PostMetricSample:
    """One day of a published post's numbers, identified by its network id."""

    network: str
    external_post_id: str
    day: dt.date
    variant_id: int | None = None  # the calendar's variant when known
    impressions: int | None = None
    reactions: int | None = None
    comments: int | None = None
    shares: int | None = None
    clicks: int | None = None

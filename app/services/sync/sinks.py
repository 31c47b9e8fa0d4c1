"""Where synced data goes: the inbox, the calendar's publishing queue and the metrics.

The sync engine is written against the contracts of :mod:`app.connectors.contract` and
calls the functions a :class:`Sinks` holds; each has a :class:`~typing.Protocol` naming its
shape. :func:`real_sinks` binds those of the inbox, calendar and reports services by direct
import (so "go to definition" leads to them), and tests pass small in-test functions instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Protocol

from sqlalchemy.orm import Session

from app.connectors.contract import IngestResult
from app.services.calendar import queue
from app.services.inbox import ingest
from app.services.reports import metrics


class Ingest(Protocol):
    def __call__(self, session: Session, client_id: int, items: list[Any]) -> IngestResult: ...


class DueItems(Protocol):
    def __call__(self, session: Session, client_id: int, *args: Any) -> Sequence[Any]: ...


class MarkSending(Protocol):
    def __call__(self, session: Session, ref: int) -> bool: ...


class MarkDone(Protocol):
    def __call__(
        self, session: Session, ref: int, external_id: str, url: str, at: dt.datetime
    ) -> Any: ...


class MarkFailed(Protocol):
    def __call__(self, session: Session, ref: int, reason: str, *args: Any, **kw: Any) -> Any: ...


class RecordSamples(Protocol):
    def __call__(self, session: Session, client_id: int, samples: list[Any]) -> Any: ...


@dataclass(frozen=True)
class Sinks:
    ingest: Ingest | None = None
    due_variants: DueItems | None = None  # (session, client_id, now) -> list[DueVariant]
    mark_sending: MarkSending | None = None
    mark_published: MarkDone | None = None
    mark_failed: MarkFailed | None = None  # (session, variant_id, reason, retryable=True)
    due_replies: DueItems | None = None  # (session, client_id, network=None)
    mark_reply_sending: MarkSending | None = None
    mark_reply_sent: MarkDone | None = None
    mark_reply_failed: MarkFailed | None = None
    record_account_samples: RecordSamples | None = None
    record_post_samples: RecordSamples | None = None

    @property
    def can_publish(self) -> bool:
        return all((self.due_variants, self.mark_sending, self.mark_published, self.mark_failed))

    @property
    def can_reply(self) -> bool:
        return all(
            (
                self.due_replies,
                self.mark_reply_sending,
                self.mark_reply_sent,
                self.mark_reply_failed,
            )
        )


def real_sinks(**overrides: Any) -> Sinks:
    """The inbox, the calendar's queue and the metrics; ``overrides`` replace some of them."""
    values: dict[str, Any] = dict(
        ingest=ingest.ingest_messages,
        due_replies=ingest.due_replies,
        mark_reply_sending=ingest.mark_reply_sending,
        mark_reply_sent=ingest.mark_reply_sent,
        mark_reply_failed=ingest.mark_reply_failed,
        due_variants=queue.due_variants,
        mark_sending=queue.mark_sending,
        mark_published=queue.mark_published,
        mark_failed=queue.mark_failed,
        record_account_samples=metrics.record_account_samples,
        record_post_samples=metrics.record_post_samples,
    )
    names = {f.name for f in fields(Sinks)}
    values.update({k: v for k, v in overrides.items() if k in names})
    return Sinks(**values)

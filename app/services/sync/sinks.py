"""Where synced data goes: the inbox, the calendar's queue and the metrics, imported lazily.

The sync engine is written against the contracts of :mod:`app.connectors.contract`; a
:class:`Sinks` holds the functions it calls. :func:`real_sinks` binds those of the inbox,
calendar and metrics services when they are installed (a missing one is skipped), and tests
pass small in-test functions instead.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Sinks:
    ingest: Callable | None = None  # (session, client_id, items) -> IngestResult
    due_variants: Callable | None = None  # (session, client_id, now) -> list[DueVariant]
    mark_sending: Callable | None = None  # (session, variant_id) -> bool
    mark_published: Callable | None = None  # (session, variant_id, external_id, url, at)
    mark_failed: Callable | None = None  # (session, variant_id, reason, retryable=True)
    due_replies: Callable | None = None  # (session, client_id, network=None)
    mark_reply_sending: Callable | None = None  # (session, reply_id) -> bool
    mark_reply_sent: Callable | None = None  # (session, reply_id, external_id, url, at)
    mark_reply_failed: Callable | None = None  # (session, reply_id, reason)
    record_account_samples: Callable | None = None  # (session, client_id, samples)
    record_post_samples: Callable | None = None  # (session, client_id, samples)

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


_BINDINGS = {
    "app.services.inbox.ingest": (
        ("ingest", "ingest_messages"),
        ("due_replies", "due_replies"),
        ("mark_reply_sending", "mark_reply_sending"),
        ("mark_reply_sent", "mark_reply_sent"),
        ("mark_reply_failed", "mark_reply_failed"),
    ),
    "app.services.calendar.queue": (
        ("due_variants", "due_variants"),
        ("mark_sending", "mark_sending"),
        ("mark_published", "mark_published"),
        ("mark_failed", "mark_failed"),
    ),
    "app.services.reports.metrics": (
        ("record_account_samples", "record_account_samples"),
        ("record_post_samples", "record_post_samples"),
    ),
}


def real_sinks(**overrides) -> Sinks:
    """The services of the other features that are present in this build."""
    values: dict = {}
    for module_name, pairs in _BINDINGS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for field_name, attr in pairs:
            values[field_name] = getattr(module, attr, None)
    names = {f.name for f in fields(Sinks)}
    values.update({k: v for k, v in overrides.items() if k in names})
    return Sinks(**values)

"""Imported metric samples written in batches that let other writers in (see app.db_busy)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.connectors.contract import AccountMetricSample, PostMetricSample
from app.db_busy import BATCH, commit_batch
from app.services.reports.metrics import (
    ACCOUNT_FIELDS,
    record_account_samples,
    record_post_samples,
)

T = TypeVar("T")


def _write_in_batches(
    session: Session,
    client_id: int,
    account_samples: Sequence[AccountMetricSample],
    post_samples: Sequence[PostMetricSample],
    details: dict[str, dict[str, Any]],
) -> int:
    """Write the samples a batch of days at a time, so other writers get in between
    (docs/pitfalls.md); everything is checked first, so a refusal writes nothing."""
    from app.services.reports import metrics

    for sample in account_samples:
        for name in ACCOUNT_FIELDS:
            metrics._check_number(getattr(sample, name), name)
    for post in post_samples:
        metrics._post_key(client_id, post)
        for name in metrics.POST_FIELDS:
            metrics._check_number(getattr(post, name), name)
    written = 0
    # a (account, day) or (post, day) stays in one batch: its samples merge into one row
    by_account = sorted(account_samples, key=lambda s: (s.account_id, s.day))
    by_post = sorted(post_samples, key=lambda s: metrics._post_key(client_id, s))
    for chunk in _chunks(by_account, lambda s: (s.account_id, s.day)):
        written += record_account_samples(session, client_id, chunk, source="csv")
        commit_batch(session)
    for posts in _chunks(by_post, lambda s: metrics._post_key(client_id, s)):
        written += record_post_samples(session, client_id, posts, source="csv", details=details)
        commit_batch(session)
    return written


def _chunks(samples: Iterable[T], key: Callable[[T], object]) -> Iterator[list[T]]:
    chunk: list[T] = []
    for sample in samples:
        if len(chunk) >= BATCH and key(chunk[-1]) != key(sample):
            yield chunk
            chunk = []
        chunk.append(sample)
    if chunk:
        yield chunk

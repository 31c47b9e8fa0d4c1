"""Imported metric samples written in batches that let other writers in (see app.db_busy)."""

from __future__ import annotations

from app.db_busy import BATCH, commit_batch
from app.services.reports.metrics import (
    ACCOUNT_FIELDS,
    record_account_samples,
    record_post_samples,
)


def _write_in_batches(session, client_id, account_samples, post_samples, details) -> int:
    """Write the samples a batch of days at a time, so other writers get in between
    (docs/pitfalls.md); everything is checked first, so a refusal writes nothing."""
    from app.services.reports import metrics

    for sample in account_samples:
        for name in ACCOUNT_FIELDS:
            metrics._check_number(getattr(sample, name), name)
    for sample in post_samples:
        metrics._post_key(client_id, sample)
        for name in metrics.POST_FIELDS:
            metrics._check_number(getattr(sample, name), name)
    written = 0
    # a (account, day) or (post, day) stays in one batch: its samples merge into one row
    by_account = sorted(account_samples, key=lambda s: (s.account_id, s.day))
    by_post = sorted(post_samples, key=lambda s: metrics._post_key(client_id, s))
    for chunk in _chunks(by_account, lambda s: (s.account_id, s.day)):
        written += record_account_samples(session, client_id, chunk, source="csv")
        commit_batch(session)
    for chunk in _chunks(by_post, lambda s: metrics._post_key(client_id, s)):
        written += record_post_samples(session, client_id, chunk, source="csv", details=details)
        commit_batch(session)
    return written


def _chunks(samples, key):
    chunk: list = []
    for sample in samples:
        if len(chunk) >= BATCH and key(chunk[-1]) != key(sample):
            yield chunk
            chunk = []
        chunk.append(sample)
    if chunk:
        yield chunk

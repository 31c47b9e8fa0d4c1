"""Daily metrics of a client's network accounts and posts: record (upsert) and read.

The connectors, the CSV import and the demo all come through :func:`record_account_samples`
and :func:`record_post_samples`. A sample only sets the figures it carries (``None`` keeps
what is stored), so recording the same sample twice, or an export that overlaps the last
one, changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from app.connectors.contract import AccountMetricSample, PostMetricSample
from app.db import insert_ignore
from app.errors import ValidationError
from app.i18n import translate
from app.models import NetworkAccount
from app.models.base import utcnow
from app.models.metrics import AccountMetricDay, PostMetricDay

ACCOUNT_FIELDS = (
    "followers",
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "profile_visits",
    "posts",
    "views_total",
)
POST_FIELDS = ("impressions", "reactions", "comments", "shares", "clicks")
POST_EXTRA = ("variant_id", "published_at", "text", "url")


def _check_number(value: object, name: str) -> None:
    if value is not None and (not isinstance(value, int) or value < 0):
        raise ValidationError(
            translate("Metrics", "{name} must be a whole number, zero or more: {value}").format(
                name=name, value=value
            ),
            field=name,
        )


def _merge(target: dict[str, Any], sample: object, fields: Iterable[str]) -> None:
    for name in fields:
        value = getattr(sample, name, None)
        if value is not None:
            target[name] = value


def record_account_samples(
    session: Session,
    client_id: int,
    samples: Iterable[AccountMetricSample],
    *,
    source: str = "connector",
) -> int:
    """Upsert one row per (account, day); returns how many (account, day) rows were touched.

    Every account must belong to ``client_id`` (else :class:`ValidationError`, nothing written).
    """
    merged: dict[tuple[int, dt.date], dict[str, Any]] = {}
    for sample in samples:
        for name in ACCOUNT_FIELDS:
            _check_number(getattr(sample, name), name)
        key = (sample.account_id, sample.day)
        _merge(merged.setdefault(key, {}), sample, ACCOUNT_FIELDS)
    if not merged:
        return 0
    account_ids = {a for a, _ in merged}
    owned = set(
        session.scalars(
            select(NetworkAccount.id).where(
                NetworkAccount.client_id == client_id, NetworkAccount.id.in_(account_ids)
            )
        )
    )
    stray = account_ids - owned
    if stray:
        raise ValidationError(
            translate("Metrics", "Unknown network account for this client: {ids}").format(
                ids=", ".join(str(i) for i in sorted(stray))
            )
        )
    table = cast(Table, AccountMetricDay.__table__)
    existing: dict[tuple[int, dt.date], int] = {}
    for account_id in account_ids:
        days = [d for a, d in merged if a == account_id]
        rows = session.execute(  # the mapped columns type the rows: (int, date)
            select(AccountMetricDay.id, AccountMetricDay.day).where(
                AccountMetricDay.account_id == account_id,
                AccountMetricDay.day >= min(days),
                AccountMetricDay.day <= max(days),
            )
        )
        existing.update({(account_id, day): row_id for row_id, day in rows})
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updates: list[tuple[int, dict[str, Any]]] = []
    for (account_id, day), values in merged.items():
        row_id = existing.get((account_id, day))
        if row_id is None:
            row: dict[str, Any] = dict.fromkeys(ACCOUNT_FIELDS)
            row.update(values)
            inserts.append(
                {
                    **row,
                    "client_id": client_id,
                    "account_id": account_id,
                    "day": day,
                    "source": source,
                    "updated_at": now,
                }
            )
        elif values:
            updates.append((row_id, values))
    if inserts and insert_ignore(session, table, inserts) < len(inserts):
        # another seat wrote some of these days meanwhile: ours become updates of its rows
        for row in inserts:
            row_id = session.scalar(
                select(table.c.id).where(
                    table.c.account_id == row["account_id"], table.c.day == row["day"]
                )
            )
            values = merged[(row["account_id"], row["day"])]
            if row_id is not None and values:
                updates.append((row_id, values))
    for row_id, values in updates:
        session.execute(
            update(table)
            .where(table.c.id == row_id)
            .values(**values, source=source, updated_at=now)
        )
    return len(merged)


def _post_key(client_id: int, sample: PostMetricSample) -> tuple[str, str, dt.date]:
    network = (sample.network or "").strip().lower()
    ext = (sample.external_post_id or "").strip()
    if not network or not ext:
        raise ValidationError(
            translate("Metrics", "A post sample needs its network and post id."), field="network"
        )
    return network, ext, sample.day


def record_post_samples(
    session: Session,
    client_id: int,
    samples: Iterable[PostMetricSample],
    *,
    source: str = "connector",
    details: dict[str, dict[str, Any]] | None = None,
) -> int:
    """Upsert one row per (client, network, post id, day); returns the rows touched.

    ``details`` optionally maps an external post id to ``published_at`` (aware), ``text``
    and ``url`` (the CSV exports carry them; the connectors' samples do not).
    """
    details = details or {}
    merged: dict[tuple[str, str, dt.date], dict[str, Any]] = {}
    for sample in samples:
        for name in POST_FIELDS:
            _check_number(getattr(sample, name), name)
        key = _post_key(client_id, sample)
        target = merged.setdefault(key, {})
        _merge(target, sample, (*POST_FIELDS, "variant_id"))
        extra = details.get(key[1]) or {}
        for name in ("published_at", "text", "url"):
            if extra.get(name):
                target[name] = extra[name]
    if not merged:
        return 0
    table = cast(Table, PostMetricDay.__table__)
    existing: dict[tuple[str, str, dt.date], int] = {}
    post_ids = sorted({(n, e) for n, e, _ in merged})
    for start in range(0, len(post_ids), 500):
        chunk = post_ids[start : start + 500]
        rows = session.execute(
            select(
                PostMetricDay.id,
                PostMetricDay.network,
                PostMetricDay.external_post_id,
                PostMetricDay.day,
            ).where(
                PostMetricDay.client_id == client_id,
                PostMetricDay.external_post_id.in_([e for _, e in chunk]),
            )
        )
        existing.update({(n, e, d): i for i, n, e, d in rows if (n, e, d) in merged})
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    for (network, ext, day), values in merged.items():
        row_id = existing.get((network, ext, day))
        if row_id is None:
            row: dict[str, Any] = dict.fromkeys((*POST_FIELDS, "variant_id", "published_at"))
            row.update({"text": "", "url": ""})
            row.update(values)
            inserts.append(
                {
                    **row,
                    "client_id": client_id,
                    "network": network,
                    "external_post_id": ext,
                    "day": day,
                    "source": source,
                    "updated_at": now,
                }
            )
        elif values:
            session.execute(
                update(table)
                .where(table.c.id == row_id)
                .values(**values, source=source, updated_at=now)
            )
    if inserts and insert_ignore(session, table, inserts) < len(inserts):
        for row in inserts:  # written by another seat meanwhile: update its rows instead
            key = (row["network"], row["external_post_id"], row["day"])
            values = merged[key]
            if values:
                session.execute(
                    update(table)
                    .where(
                        table.c.client_id == client_id,
                        table.c.network == key[0],
                        table.c.external_post_id == key[1],
                        table.c.day == key[2],
                    )
                    .values(**values, source=source, updated_at=now)
                )
    return len(merged)


# -- reading ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AccountRef:
    id: int
    network: str
    handle: str

    @property
    def label(self) -> str:
        from app.networks import network_label

        return f"{network_label(self.network)} · {self.handle}"


class AccountDay(NamedTuple):
    """One stored day of an account. A named tuple, not a dataclass: a year of a client's
    accounts is thousands of them per dashboard, and a frozen dataclass's ``__init__`` cost
    as much as the query."""

    account_id: int
    day: dt.date
    followers: int | None
    impressions: int | None
    reach: int | None
    engagements: int | None
    clicks: int | None
    profile_visits: int | None
    posts: int | None
    views_total: int | None = None  # a lifetime total (YouTube), not a day's count


def client_accounts(session: Session, client_id: int) -> list[AccountRef]:
    rows = session.execute(
        select(NetworkAccount.id, NetworkAccount.network, NetworkAccount.handle)
        .where(NetworkAccount.client_id == client_id)
        .order_by(NetworkAccount.network, NetworkAccount.handle)
    )
    return [AccountRef(*r) for r in rows]


def account_days(
    session: Session, client_id: int, start: dt.date, end: dt.date
) -> list[AccountDay]:
    """Every stored day of the client's accounts between ``start`` and ``end`` (inclusive)."""
    t = AccountMetricDay.__table__
    # columns chosen by name: untyped rows, typed by the dataclass they fill
    rows: Iterable[Sequence[Any]] = session.execute(
        select(t.c.account_id, t.c.day, *(t.c[f] for f in ACCOUNT_FIELDS))
        .where(t.c.client_id == client_id, t.c.day >= start, t.c.day <= end)
        .order_by(t.c.account_id, t.c.day)
    ).all()  # fetched at once: iterating the result fetches row by row
    return [AccountDay._make(r) for r in rows]


@dataclass(frozen=True)
class PostTotals:
    """A post's numbers summed over a period (latest text and publication time)."""

    network: str
    external_post_id: str
    published_at: dt.datetime | None
    text: str
    url: str
    impressions: int
    reactions: int
    comments: int
    shares: int
    clicks: int

    @property
    def engagements(self) -> int:
        return self.reactions + self.comments + self.shares + self.clicks

    @property
    def engagement_rate(self) -> float:
        return self.engagements / self.impressions if self.impressions else 0.0


def post_totals(session: Session, client_id: int, start: dt.date, end: dt.date) -> list[PostTotals]:
    t = PostMetricDay.__table__
    rows: Iterable[Sequence[Any]] = session.execute(  # columns chosen by name: untyped
        select(
            t.c.network,
            t.c.external_post_id,
            t.c.published_at,
            t.c.text,
            t.c.url,
            *(t.c[f] for f in POST_FIELDS),
        ).where(t.c.client_id == client_id, t.c.day >= start, t.c.day <= end)
    ).all()
    # per post: published_at, text, url (the first given), then POST_FIELDS summed
    acc: dict[tuple[str, str], list[Any]] = {}
    for network, ext, published_at, text, url, *numbers in rows:
        entry = acc.get((network, ext))
        if entry is None:
            entry = acc[(network, ext)] = [None, "", "", *(0 for _ in POST_FIELDS)]
        entry[0] = entry[0] or published_at
        entry[1] = entry[1] or text
        entry[2] = entry[2] or url
        for i, value in enumerate(numbers, 3):
            if value:
                entry[i] += value
    return [PostTotals(n, e, *v) for (n, e), v in acc.items()]


def has_metrics(session: Session, client_id: int) -> bool:
    t = AccountMetricDay.__table__
    return session.scalar(select(t.c.id).where(t.c.client_id == client_id).limit(1)) is not None


__all__ = [
    "ACCOUNT_FIELDS",
    "POST_FIELDS",
    "AccountDay",
    "AccountRef",
    "PostTotals",
    "account_days",
    "client_accounts",
    "has_metrics",
    "post_totals",
    "record_account_samples",
    "record_post_samples",
]

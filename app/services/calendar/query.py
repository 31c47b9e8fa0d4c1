"""Reading the calendar: posts in a period (month/week views) and pages (list view).

Views get :class:`PostChip` rows — just what a cell or a list row paints — fetched with Core
selects (no ORM objects, no type processors: the dates are decoded once, here), so a month
with thousands of posts loads in a few milliseconds (``benchmarks/calendar_month.py``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import DateTime, String, and_, exists, func, select, type_coerce
from sqlalchemy.orm import Session

from app.models.posts import Post, PostVariant


@dataclass(frozen=True)
class PostFilter:
    networks: tuple[str, ...] = ()  # empty = all
    statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    campaigns: tuple[str, ...] = ()
    text: str = ""


class PostChip(NamedTuple):
    """One post as a chip paints it: a light tuple (thousands are built per month shown)."""

    id: int
    planned_at: dt.datetime  # UTC
    all_day: bool
    title: str
    status: str
    category: str
    campaign: str
    networks: tuple[str, ...]
    preview: str  # first variant's text, first line
    version: int


def _conditions(client_id: int, flt: PostFilter | None):
    conds = [Post.client_id == client_id]
    flt = flt or PostFilter()
    if flt.networks:
        conds.append(
            exists().where(
                and_(PostVariant.post_id == Post.id, PostVariant.network.in_(flt.networks))
            )
        )
    if flt.statuses:
        conds.append(Post.status.in_(flt.statuses))
    if flt.categories:
        conds.append(Post.category.in_(flt.categories))
    if flt.campaigns:
        conds.append(Post.campaign.in_(flt.campaigns))
    if flt.text:
        like = f"%{flt.text.lower()}%"
        conds.append(
            func.lower(Post.title).like(like)
            | exists().where(
                and_(PostVariant.post_id == Post.id, func.lower(PostVariant.text).like(like))
            )
        )
    return conds


def _utc(value) -> dt.datetime:
    """A planned time as the driver returns it, aware in UTC: SQLite gives the stored text
    (naive UTC), PostgreSQL an aware datetime."""
    if isinstance(value, str):
        try:  # ~5x faster than parsing then replace(tzinfo=...)
            return dt.datetime.fromisoformat(value + "+00:00")
        except ValueError:  # written with an offset by another tool
            return dt.datetime.fromisoformat(value).astimezone(dt.UTC)
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value if value.utcoffset() == _ZERO else value.astimezone(dt.UTC)


_ZERO = dt.timedelta(0)


def _tuples(conn, query) -> list[tuple]:
    """The driver's own rows of ``query``: no Row objects, no result processors (every
    column read here is a plain int, str or bool-like, or decoded by :func:`_utc`)."""
    result = conn.execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _chips(session: Session, query) -> list[PostChip]:
    """The chips of ``query`` (a select of :data:`_COLUMNS`): two plain Core reads, the
    posts then their variants, turned into tuples in one pass each."""
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    when = type_coerce(Post.planned_at, String if sqlite else DateTime(timezone=True))
    rows = _tuples(conn, query.with_only_columns(*_COLUMNS[:1], when, *_COLUMNS[2:]))
    if not rows:
        return []
    # One query for the variants of exactly these posts (the same query as a subquery), and
    # only the start of each text: a chip shows one line.
    ids = query.with_only_columns(Post.id).order_by(None)
    if query._limit_clause is not None or query._offset_clause is not None:
        ids = query.with_only_columns(Post.id).subquery().select()
    networks: dict[int, list[str]] = {}
    first_text: dict[int, str] = {}
    for pid, network, text in _tuples(
        conn,
        select(PostVariant.post_id, PostVariant.network, func.substr(PostVariant.text, 1, 300))
        .where(PostVariant.post_id.in_(ids))
        .order_by(PostVariant.post_id, PostVariant.network),
    ):
        found = networks.get(pid)
        if found is None:
            networks[pid] = [network]
        else:
            found.append(network)
        if text and pid not in first_text:
            first_text[pid] = text
    try:
        return _build(rows, networks, first_text, fast=sqlite)
    except ValueError:  # a time written with an offset by another tool: the careful way
        return _build(rows, networks, first_text, fast=False)


def _build(rows, networks, first_text, *, fast: bool) -> list[PostChip]:
    """The chips, in one tight loop: ``tuple.__new__`` (no Python-level constructor), the
    stored UTC text parsed by ``fromisoformat`` when ``fast`` (SQLite), the preview cut
    to its first line."""
    none: tuple[str, ...] = ()
    new, chip, utc, fromiso = tuple.__new__, PostChip, _utc, dt.datetime.fromisoformat
    get_networks, get_text = networks.get, first_text.get
    out: list[PostChip] = []
    append = out.append
    for pid, planned, all_day, title, status, category, campaign, version in rows:
        text = get_text(pid)
        found = get_networks(pid)
        append(
            new(
                chip,
                (
                    pid,
                    fromiso(planned + "+00:00") if fast else utc(planned),
                    bool(all_day),
                    title,
                    status,
                    category,
                    campaign,
                    tuple(found) if found else none,
                    text.lstrip().partition("\n")[0][:140].rstrip() if text else "",
                    version,
                ),
            )
        )
    return out


_COLUMNS = (
    Post.id,
    Post.planned_at,
    Post.all_day,
    Post.title,
    Post.status,
    Post.category,
    Post.campaign,
    Post.version,
)


def posts_between(
    session: Session,
    client_id: int,
    start: dt.datetime,
    end: dt.datetime,
    flt: PostFilter | None = None,
) -> list[PostChip]:
    """Posts planned in [start, end) (aware datetimes), ordered by time."""
    query = (
        select(*_COLUMNS)
        .where(*_conditions(client_id, flt), Post.planned_at >= start, Post.planned_at < end)
        .order_by(Post.planned_at, Post.id)
    )
    return _chips(session, query)


def count_posts(session: Session, client_id: int, flt: PostFilter | None = None) -> int:
    return int(session.scalar(select(func.count(Post.id)).where(*_conditions(client_id, flt))) or 0)


def count_before(
    session: Session, client_id: int, flt: PostFilter | None, before: dt.datetime
) -> int:
    """How many posts (in the list's order) are planned before ``before``: the row of the
    first post from that moment on, where the list view opens."""
    query = select(func.count(Post.id)).where(
        *_conditions(client_id, flt), Post.planned_at < before
    )
    return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class ListWindow:
    """Where the list view opens: ``rows`` are the posts from position ``offset`` on, the
    first from ``start_at`` being ``rows[today_row]`` (== len(rows) when none is)."""

    total: int
    offset: int
    today_row: int
    rows: tuple[PostChip, ...]


def list_window(
    session: Session,
    client_id: int,
    flt: PostFilter | None,
    start_at: dt.datetime,
    *,
    before: int = 200,
    after: int = 200,
) -> ListWindow:
    """Up to ``before`` posts before ``start_at`` and ``after`` from it, in list order."""
    total = count_posts(session, client_id, flt)
    first = count_before(session, client_id, flt, start_at)
    offset = max(0, first - before)
    rows = page_posts(session, client_id, flt, offset=offset, limit=first - offset + after)
    return ListWindow(total, offset, first - offset, tuple(rows))


def page_posts(
    session: Session,
    client_id: int,
    flt: PostFilter | None = None,
    *,
    offset: int = 0,
    limit: int = 200,
) -> list[PostChip]:
    """One page of the list view, newest plans last (chronological)."""
    query = (
        select(*_COLUMNS)
        .where(*_conditions(client_id, flt))
        .order_by(Post.planned_at, Post.id)
        .offset(offset)
        .limit(limit)
    )
    return _chips(session, query)


def distinct_values(session: Session, client_id: int) -> dict[str, list[str]]:
    """Categories and campaigns in use (for the filter menus)."""
    cats = session.scalars(
        select(Post.category).where(Post.client_id == client_id, Post.category != "").distinct()
    )
    camps = session.scalars(
        select(Post.campaign).where(Post.client_id == client_id, Post.campaign != "").distinct()
    )
    return {"categories": sorted(cats), "campaigns": sorted(camps)}

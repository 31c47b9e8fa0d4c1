"""Reading the calendar: posts in a period (month/week views) and pages (list view).

Views get :class:`PostChip` rows — just what a cell or a list row paints — read by two SQL
strings compiled once per filter shape and run on the driver's cursor (:mod:`app.db_pages`:
no ORM objects, no statement built per call, no type processors — the dates are decoded once,
here), so a month with thousands of posts loads in a few milliseconds
(``benchmarks/calendar_month.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, ColumnElement, and_, bindparam, exists, func, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from app.db_pages import CompiledPage, compile_page, fetch_page, when_bind
from app.models.base import UTCDateTime, table_of
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


def _conditions(client_id: int, flt: PostFilter | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Post.client_id == client_id]
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


def _utc(value: str | dt.datetime) -> dt.datetime:
    """A planned time as the driver returns it, aware in UTC: SQLite gives the stored text
    (naive UTC), PostgreSQL an aware datetime."""
    if isinstance(value, str):
        try:  # ~5x faster than parsing then replace(tzinfo=...)
            when = dt.datetime.fromisoformat(value + "+00:00")
        except ValueError:  # written with an offset by another tool
            when = dt.datetime.fromisoformat(value).astimezone(dt.UTC)
        return when
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value if value.utcoffset() == _ZERO else value.astimezone(dt.UTC)


_ZERO = dt.timedelta(0)
_P = table_of(Post).c
_V = table_of(PostVariant).c


_Shape = tuple[int, int, int, int, bool]  # how many networks, statuses, …; a text or not


def _shape(flt: PostFilter | None) -> _Shape:
    flt = flt or PostFilter()
    n = (len(flt.networks), len(flt.statuses), len(flt.categories), len(flt.campaigns))
    return (*n, bool(flt.text))


def _params(client_id: int, flt: PostFilter | None) -> dict[str, Any]:
    """The bind values of :func:`_compiled`'s statements for ``flt``."""
    params: dict[str, Any] = {"p_client": client_id}
    if flt is not None:
        for prefix, values in (
            ("p_net", flt.networks),
            ("p_status", flt.statuses),
            ("p_cat", flt.categories),
            ("p_camp", flt.campaigns),
        ):
            params.update({f"{prefix}{i}": v for i, v in enumerate(values)})
        if flt.text:
            params["p_like"] = f"%{flt.text.lower()}%"
    return params


def _core_conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    """:func:`_conditions` with named parameters (``p_…``), for a statement compiled once."""
    n_networks, n_statuses, n_categories, n_campaigns, text = shape
    conds: list[ColumnElement[bool]] = [_P.client_id == bindparam("p_client")]
    if n_networks:
        nets: list[BindParameter[Any]] = [bindparam(f"p_net{i}") for i in range(n_networks)]
        conds.append(exists().where(_V.post_id == _P.id, _V.network.in_(nets)))
    for column, prefix, n in (
        (_P.status, "p_status", n_statuses),
        (_P.category, "p_cat", n_categories),
        (_P.campaign, "p_camp", n_campaigns),
    ):
        if n:
            conds.append(column.in_([bindparam(f"{prefix}{i}") for i in range(n)]))
    if text:
        like: BindParameter[Any] = bindparam("p_like")
        conds.append(
            func.lower(_P.title).like(like)
            | exists().where(_V.post_id == _P.id, func.lower(_V.text).like(like))
        )
    return conds


@functools.lru_cache(maxsize=128)
def _compiled(dialect: Dialect, shape: _Shape, between: bool) -> tuple[CompiledPage, CompiledPage]:
    """The posts' and their variants' SQL for a filter shape, a period (``between``) or a
    window of the list (offset, limit): compiled once, run on the driver's cursor
    (:mod:`app.db_pages`)."""
    when = UTCDateTime()
    posts = select(*(_P[c] for c in _FIELDS)).where(*_core_conditions(shape))
    if between:
        posts = posts.where(
            _P.planned_at >= bindparam("p_start", type_=when),
            _P.planned_at < bindparam("p_end", type_=when),
        )
    posts = posts.order_by(_P.planned_at, _P.id)
    ids = posts.with_only_columns(_P.id).order_by(None)
    if not between:
        posts = posts.offset(bindparam("p_offset")).limit(bindparam("p_limit"))
        ids = posts.with_only_columns(_P.id).subquery().select()
    # only the start of each text: a chip shows one line
    variants = (
        select(_V.post_id, _V.network, func.substr(_V.text, 1, 300))
        .where(_V.post_id.in_(ids))
        .order_by(_V.post_id, _V.network)
    )
    return compile_page(posts, dialect), compile_page(variants, dialect)


def _chips(
    session: Session, params: dict[str, Any], shape: _Shape, between: bool
) -> list[PostChip]:
    """The chips: two plain reads on the driver's cursor (the posts, then their variants),
    turned into tuples in one pass each."""
    conn = session.connection()
    dialect = conn.dialect
    sqlite = dialect.name == "sqlite"
    if between:
        when = when_bind(dialect)
        params["p_start"], params["p_end"] = when(params["p_start"]), when(params["p_end"])
    posts, variants = _compiled(dialect, shape, between)
    rows = fetch_page(conn, posts, params)
    if not rows:
        return []
    extra = _networks_and_previews(fetch_page(conn, variants, params))
    try:
        return _build(rows, extra, fast=sqlite)
    except ValueError:  # a time written with an offset by another tool: the careful way
        return _build(rows, extra, fast=False)


def _networks_and_previews(
    variants: list[tuple[Any, ...]],
) -> dict[int, tuple[tuple[str, ...], str]]:
    """Per post, its networks (in the variants' order) and the preview of its first variant
    with a text — its first line, 140 characters at most: one pass, the final tuples built
    here (no list per post to copy later)."""
    extra: dict[int, tuple[tuple[str, ...], str]] = {}
    get = extra.get
    for pid, network, text in variants:
        found = get(pid)
        if found is None:
            preview = text.lstrip().partition("\n")[0][:140].rstrip() if text else ""
            extra[pid] = ((network,), preview)
        else:
            networks, preview = found
            if text and not preview:
                preview = text.lstrip().partition("\n")[0][:140].rstrip()
            extra[pid] = ((*networks, network), preview)
    return extra


def _build(
    rows: list[tuple[Any, ...]],
    extra: dict[int, tuple[tuple[str, ...], str]],
    *,
    fast: bool,
) -> list[PostChip]:
    """The chips, in one tight loop: ``tuple.__new__`` (no Python-level constructor), the
    stored UTC text parsed by ``fromisoformat`` when ``fast`` (SQLite)."""
    none: tuple[tuple[str, ...], str] = ((), "")
    new, chip, utc, fromiso = tuple.__new__, PostChip, _utc, dt.datetime.fromisoformat
    get, flag = extra.get, (False, True)  # flag[x]: bool(x) for 0/1 without a call
    out: list[PostChip] = []
    append = out.append
    for pid, planned, all_day, title, status, category, campaign, version in rows:
        networks, preview = get(pid, none)
        when = fromiso(planned + "+00:00") if fast else utc(planned)
        append(
            new(
                chip,
                (pid, when, flag[all_day], title, status, category, campaign, networks, preview,
                 version),
            )
        )  # fmt: skip
    return out


_FIELDS = ("id", "planned_at", "all_day", "title", "status", "category", "campaign", "version")


def posts_between(
    session: Session,
    client_id: int,
    start: dt.datetime,
    end: dt.datetime,
    flt: PostFilter | None = None,
) -> list[PostChip]:
    """Posts planned in [start, end) (aware datetimes), ordered by time."""
    params = _params(client_id, flt)
    params["p_start"], params["p_end"] = start, end
    return _chips(session, params, _shape(flt), True)


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
    params = _params(client_id, flt)
    params["p_offset"], params["p_limit"] = int(offset), int(limit)
    return _chips(session, params, _shape(flt), False)


def distinct_values(session: Session, client_id: int) -> dict[str, list[str]]:
    """Categories and campaigns in use (for the filter menus)."""
    cats = session.scalars(
        select(Post.category).where(Post.client_id == client_id, Post.category != "").distinct()
    )
    camps = session.scalars(
        select(Post.campaign).where(Post.client_id == client_id, Post.campaign != "").distinct()
    )
    return {"categories": sorted(cats), "campaigns": sorted(camps)}

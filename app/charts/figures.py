"""The dashboard's charts as matplotlib Figures built from :class:`DashboardData`.

``build(key, data, language)`` is the single entry point; it works in any thread (no pyplot)
and is used by the Charts area, the PNG/SVG export and the monthly PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import cast

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import NDArray

from app.charts import style as st
from app.charts.figures_competitors import competitors
from app.charts.figures_goals import (  # noqa: F401  (re-exported)
    _short,
    _value,
    heatmap,
    objectives,
    top_posts,
)
from app.charts.figures_reviews import reviews
from app.charts.figures_views import draw_views, legend_with
from app.charts.lang import translate
from app.charts.titles import (
    CHART_KEYS,
    chart_title,
)
from app.networks import network_label
from app.services.reports.dashboard import DashboardData

WEEK_SPAN = dt.timedelta(days=6)  # Monday to Sunday


def build(key: str, data: DashboardData, language: str = "en") -> Figure:
    return BUILDERS[key](data, language)


def _days(data: DashboardData) -> NDArray[np.float64]:
    # matplotlib leaves date2num untyped (Any): an array of floats here, a list given
    return cast("NDArray[np.float64]", mdates.date2num(list(data.dates)))


def audience(data: DashboardData, language: str) -> Figure:
    fig, ax = st.new_figure()
    if not data.has_metrics:
        st.empty(ax, chart_title("audience"))
        return fig
    st.title(ax, chart_title("audience"))
    x = _days(data)
    for i, account in enumerate(data.accounts):
        series = data.followers.get(account.id, ())
        if not any(v is not None for v in series):
            continue
        y = [float("nan") if v is None else v for v in series]
        ax.plot(x, y, color=st.network_colour(account.network, i), lw=1.8, label=account.label)
    for jump in data.jumps:
        if jump.day in data.dates:
            xi = mdates.date2num(jump.day)
            late = xi > (x[0] + x[-1]) / 2  # write the note on the side with room
            ax.axvline(xi, color=st.BAD, lw=1, ls=":")
            ax.annotate(
                translate("Charts", "+{gain} followers, flat engagement").format(
                    gain=st.format_number(jump.gain, language)
                ),
                (xi, 1.0),
                xycoords=("data", "axes fraction"),  # in the band kept free below
                xytext=(-4 if late else 4, -12),
                textcoords="offset points",
                ha="right" if late else "left",
                color=st.BAD,
                fontsize=7.5,
            )
    ax.set_xlim(x[0] - 0.5, x[-1] + 0.5)
    st.date_axis(ax, language)
    st.number_axis(ax, language)
    right = draw_views(ax, data, x, language)  # YouTube's lifetime views, right-hand axis
    if any(jump.day in data.dates for jump in data.jumps):
        for axes in (ax, right):  # the notes' band at the top: no line runs through a note
            if axes is not None:
                st.headroom(axes, 0.14)
    legend_with(ax, right, loc="upper left", ncols=2)
    return fig


def _rolling_rate(
    eng: Sequence[int | None], imp: Sequence[int | None], window: int = 7
) -> NDArray[np.float64]:
    """Engagements ÷ impressions over the ``window`` days up to each day (fewer at the
    start), NaN on a day without impressions data — no point, not a made-up one — or
    without impressions in its window. Running sums, not a sum per day and window."""
    missing = np.fromiter((v is None for v in imp), dtype=bool, count=len(imp))
    sums = []
    for values in (eng, imp):
        running = np.zeros(len(values) + 1, dtype=np.int64)  # exact: counts fit in int64
        np.cumsum(np.fromiter((v or 0 for v in values), np.int64, len(values)), out=running[1:])
        sums.append(running)
    days = np.arange(1, len(imp) + 1)
    first = np.maximum(days - window, 0)
    engaged, seen = (running[days] - running[first] for running in sums)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = engaged / seen  # as Python's int / int: both exact in float64, then divided
    rate[(seen == 0) | missing] = np.nan
    return rate


def engagement(data: DashboardData, language: str) -> Figure:
    fig, ax = st.new_figure()
    if not data.has_metrics:
        st.empty(ax, chart_title("engagement"))
        return fig
    st.title(ax, chart_title("engagement"))
    x = _days(data)
    for i, account in enumerate(data.accounts):
        rate = _rolling_rate(data.engagements[account.id], data.impressions[account.id])
        ax.plot(x, rate, color=st.network_colour(account.network, i), lw=1.6, label=account.label)
    if any(data.previous_impressions):
        n = len(data.dates)
        prev = _rolling_rate(data.previous_engagements, data.previous_impressions)[:n]
        ax.plot(
            x[: len(prev)],
            prev,
            color=st.MUTED,
            lw=1.2,
            ls="--",
            label=translate("Charts", "All networks, previous period"),
        )
    ax.set_xlim(x[0] - 0.5, x[-1] + 0.5)
    st.date_axis(ax, language)
    st.number_axis(ax, language, percent=True)
    ax.set_ylim(bottom=0)
    st.legend(ax, loc="lower left", ncols=2)
    return fig


def posts(data: DashboardData, language: str) -> Figure:
    fig, ax = st.new_figure()
    weeks = sorted({w for v in data.posts_per_week.values() for w in v})
    if not weeks:
        st.empty(ax, chart_title("posts"))
        return fig
    weeks = _period_weeks(data, weeks)
    st.title(ax, chart_title("posts"))
    networks = sorted(data.posts_per_week)
    if len(weeks) > 16:
        banded = _posts_lines(ax, data, weeks, networks)
    else:
        banded = _posts_bars(ax, data, weeks, networks)
    notes: list[str] = []
    if banded:
        ax.fill_between(
            [], [], color=st.MUTED, alpha=0.25, label=translate("Charts", "Charter range (shaded)")
        )
    else:
        notes.append(translate("Charts", "No posting range in the charter"))
    step = max(1, len(weeks) // 8)
    ticks = list(range(0, len(weeks), step))
    # a week cut by the period's start or end holds fewer posts: starred, and said so, so
    # that "1 post" on the 1st of the month never reads as a week below the charter
    partial = {w for w in weeks if w < data.period.start or w + WEEK_SPAN > data.period.end}
    ax.set_xticks(
        ticks,
        [st.format_date(weeks[j], language) + ("*" if weeks[j] in partial else "") for j in ticks],
    )
    if any(weeks[j] in partial for j in ticks):
        notes.append("* " + translate("Charts", "week partly outside the period"))
    st.notes_above(ax, notes)
    st.count_axis(ax, language)
    ax.set_ylim(0, max(ax.get_ylim()[1], 1))  # weeks without a post: 0 at the bottom, not mid-air
    st.legend(ax, loc="upper left", ncols=3)
    return fig


def _period_weeks(data: DashboardData, weeks: Sequence[dt.date]) -> list[dt.date]:
    """``weeks`` and every other Monday of the period: a week without a post (or an
    escalation) stands at zero, and one busy week alone is not drawn as a wall."""
    monday = data.period.start - dt.timedelta(days=data.period.start.weekday())
    span = range(0, (data.period.end - monday).days + 1, 7)
    return sorted(set(weeks) | {monday + dt.timedelta(days=d) for d in span})


def _posts_lines(ax: Axes, data: DashboardData, weeks: list[dt.date], networks: list[str]) -> bool:
    """Many weeks: one line per network inside its charter band (readable, cheap to draw)."""
    xs = list(range(len(weeks)))
    banded = False
    for i, network in enumerate(networks):
        colour = st.network_colour(network, i)
        counts = [data.posts_per_week[network].get(w, 0) for w in weeks]
        low, high = data.charter_ranges.get(network, (0, 0))
        if low or high:
            top = high or max(max(counts), low) + 1
            ax.fill_between(xs, low, top, color=colour, alpha=0.12, lw=0)
            banded = True
        ax.plot(
            xs, counts, color=colour, lw=1.6, label=network_label(network), drawstyle="steps-mid"
        )
    return banded


def _posts_bars(ax: Axes, data: DashboardData, weeks: list[dt.date], networks: list[str]) -> bool:
    """A few weeks: grouped bars, each in front of its network's charter band."""
    width = 0.8 / max(len(networks), 1)
    banded = False
    for i, network in enumerate(networks):
        colour = st.network_colour(network, i)
        counts = [data.posts_per_week[network].get(w, 0) for w in weeks]
        xs = [j + (i - (len(networks) - 1) / 2) * width for j in range(len(weeks))]
        low, high = data.charter_ranges.get(network, (0, 0))
        if low or high:
            top = high or max(max(counts), low) + 1
            ax.broken_barh(
                [(x - width * 0.46, width * 0.92) for x in xs],
                (low, top - low),
                facecolors=colour,
                alpha=0.16,
                zorder=0,
            )
            banded = True
        ax.bar(xs, counts, width * 0.62, color=colour, label=network_label(network), zorder=2)
    return banded


def delays(data: DashboardData, language: str) -> Figure:
    fig, ax = st.new_figure(left=0.3, bottom=0.1)
    rows = [d for d in (data.delays or ()) if d.messages]
    if not rows:
        reason = None if data.delays is not None else translate("Charts", "No inbox data yet")
        st.empty(ax, chart_title("delays"), reason)
        return fig
    st.title(ax, chart_title("delays"))
    labels = [
        translate("Charts", "{category} (within {hours} h)").format(
            category=category_label(d.category),
            hours=format_hours(d.delay_minutes, language),
        )
        for d in rows
    ]
    st.share_bars(ax, labels, [d.share_within or 0 for d in rows], language)
    return fig


def format_hours(minutes: float, language: str) -> str:
    """8 rather than 8,0; 1,5 keeps its decimal."""
    hours = round(minutes / 60, 1)
    return st.format_number(hours, language, 0 if float(hours).is_integer() else 1)


def category_label(category: str) -> str:
    return {
        "question": translate("Charts", "Questions"),
        "complaint": translate("Charts", "Complaints"),
        "praise": translate("Charts", "Praise"),
        "suggestion": translate("Charts", "Suggestions"),
        "request": translate("Charts", "Requests"),
        "spam": translate("Charts", "Spam"),
        "abuse": translate("Charts", "Abuse"),
        "other": translate("Charts", "Other"),
    }.get(category, category)


def inbox(data: DashboardData, language: str) -> Figure:
    fig, (left, right) = st.new_grid(rows=1, cols=2, left=0.14, bottom=0.1, wspace=0.45)
    if data.inbox is None or not data.inbox.total:
        reason = None if data.inbox is not None else translate("Charts", "No inbox data yet")
        st.empty(left, chart_title("inbox"), reason)
        right.set_visible(False)
        return fig
    st.title(left, translate("Charts", "Messages by category"))
    cats = list(data.inbox.by_category.items())
    left.barh([category_label(c) for c, _ in cats], [n for _, n in cats], color=st.PALETTE[0])
    left.invert_yaxis()
    st.title(right, translate("Charts", "Messages by network"))
    nets = list(data.inbox.by_network.items())
    right.barh(
        [network_label(n) for n, _ in nets],
        [v for _, v in nets],
        color=[st.network_colour(n, i) for i, (n, _) in enumerate(nets)],
    )
    right.invert_yaxis()
    for ax in (left, right):
        ax.grid(True, axis="x", color=st.GRID)
        ax.grid(False, axis="y")
        st.count_axis(ax, language, axis="x")
    return fig


def escalations(data: DashboardData, language: str) -> Figure:
    fig, ax = st.new_figure()
    esc = data.escalations
    if esc is None or not esc.opened:
        st.empty(
            ax,
            chart_title("escalations"),
            None if esc is not None else translate("Charts", "No inbox data yet"),
        )
        return fig
    st.title(ax, chart_title("escalations"))
    weeks = _period_weeks(data, sorted(set(esc.opened_by_week) | set(esc.answered_by_week)))
    xs = range(len(weeks))
    ax.bar(
        [x - 0.2 for x in xs],
        [esc.opened_by_week.get(w, 0) for w in weeks],
        0.38,
        color=st.PALETTE[1],
        label=translate("Charts", "Opened"),
    )
    ax.bar(
        [x + 0.2 for x in xs],
        [esc.answered_by_week.get(w, 0) for w in weeks],
        0.38,
        color=st.GOOD,
        label=translate("Charts", "Resolved"),
    )
    step = max(1, len(weeks) // 8)
    ticks = list(range(0, len(weeks), step))
    ax.set_xticks(ticks, [st.format_date(weeks[j], language) for j in ticks])
    st.count_axis(ax, language)
    st.legend(ax, loc="upper left")
    return fig


BUILDERS = {
    "audience": audience,
    "engagement": engagement,
    "posts": posts,
    "delays": delays,
    "inbox": inbox,
    "escalations": escalations,
    "heatmap": heatmap,
    "top_posts": top_posts,
    "objectives": objectives,
    "competitors": competitors,
    "reviews": reviews,
}

__all__ = ["BUILDERS", "CHART_KEYS", "build", "category_label", "chart_title"]

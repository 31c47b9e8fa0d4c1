"""The charts about posts and goals: best times, top and bottom posts, objectives."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter
from PySide6.QtCore import QTime

from app.charts import style as st
from app.charts.lang import translate
from app.charts.titles import (  # noqa: F401  (re-exported)
    CHART_KEYS,
    chart_title,
)
from app.networks import network_label
from app.services.reports.dashboard import DashboardData


def hour_label(hour: int, language: str) -> str:
    """ "8 h" in French, "8 AM" in English (never "8 h" to an English reader)."""
    if language == "fr":
        return f"{hour}\u00a0h"
    return st.locale_for(language).toString(QTime(hour, 0), "h AP")


def heatmap(data: DashboardData, language: str) -> Figure:
    grids = [(translate("Charts", "Engagement on posts"), data.engagement_heatmap, "Blues")]
    if data.message_heatmap and any(any(r) for r in data.message_heatmap):
        grids.append((translate("Charts", "Community messages"), data.message_heatmap, "Oranges"))
    fig, axes = st.new_grid(
        size=(7.2, 2.4 * len(grids)),
        rows=len(grids),
        cols=1,
        bottom=0.12 if len(grids) == 1 else 0.07,
        top=0.86 if len(grids) == 1 else 0.92,
    )
    if not any(any(r) for r in data.engagement_heatmap) and len(grids) == 1:
        st.empty(axes[0], chart_title("heatmap"))
        return fig
    for ax, (label, grid, cmap) in zip(axes, grids, strict=True):
        st.title(ax, label)
        ax.imshow(grid, aspect="auto", cmap=cmap, interpolation="nearest")
        ax.set_yticks(range(7), st.weekday_names(language))
        ax.set_xticks(range(0, 24, 3), [hour_label(h, language) for h in range(0, 24, 3)])
        ax.grid(False)
    for weekday, hour in data.best_slots:
        axes[0].add_patch(
            Rectangle((hour - 0.5, weekday - 0.5), 1, 1, fill=False, ec=st.BAD, lw=1.5)
        )
    return fig


def top_posts(data: DashboardData, language: str) -> Figure:
    fig, ax = st.new_figure(size=(7.2, 3.0), left=0.42, bottom=0.16)
    rows = list(data.top_posts) + list(data.bottom_posts)
    if not rows:
        st.empty(ax, chart_title("top_posts"))
        return fig
    st.title(ax, chart_title("top_posts"))
    # "(LinkedIn)", never the internal key "(linkedin)" or "(x)"
    labels = [
        _short(p.text or p.external_post_id) + f"  ({network_label(p.network)})" for p in rows
    ]
    colours = [st.GOOD] * len(data.top_posts) + [st.BAD] * len(data.bottom_posts)
    ax.barh(range(len(rows)), [p.engagements for p in rows], color=colours, height=0.6)
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    ax.grid(True, axis="x", color=st.GRID)
    ax.grid(False, axis="y")
    ax.set_xlabel(
        translate("Charts", "Engagements (reactions, comments, shares, clicks)"),
        fontsize=8,
        color=st.MUTED,
    )
    return fig


def _value(value: float, language: str) -> str:
    rounded = round(value, 1)
    decimals = 0 if float(rounded).is_integer() or abs(rounded) >= 1000 else 1
    return st.format_number(rounded, language, decimals)


def _short(text: str, n: int = 32) -> str:
    return st.printable(text, n)


def objectives(data: DashboardData, language: str) -> Figure:
    fig, ax = st.new_figure(size=(7.2, 2.8), left=0.36, bottom=0.12)
    if not data.objectives:
        st.empty(
            ax, chart_title("objectives"), translate("Charts", "No objectives in the charter yet")
        )
        return fig
    st.title(ax, chart_title("objectives"))
    labels = [_short(o.label, 40) for o in data.objectives]
    ratios = [(o.actual or 0) / o.target if o.target else 0 for o in data.objectives]
    colours = [st.GOOD if o.met else st.BAD for o in data.objectives]
    ax.barh(range(len(labels)), [min(r, 1.5) for r in ratios], color=colours, height=0.55)
    ax.axvline(1.0, color=st.INK, lw=1)
    ax.text(1.0, -0.6, " " + translate("Charts", "target"), fontsize=7.5, color=st.INK, va="bottom")
    for i, o in enumerate(data.objectives):  # the figures themselves, not only the ratio
        actual = "—" if o.actual is None else _value(o.actual, language)
        inside = ratios[i] >= 0.5  # long bars carry their figures inside, clear of the line
        ax.text(
            min(ratios[i], 1.5) + (-0.015 if inside else 0.01),
            i,
            f"{actual} / {_value(o.target, language)} {o.unit}".strip(),
            va="center",
            ha="right" if inside else "left",
            fontsize=7.5,
            color="white" if inside else st.INK,
        )
    ax.set_xlim(0, max(1.25, min(max(ratios), 1.5) + 0.3))
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: st.format_percent(v * 100, language)))
    ax.grid(True, axis="x", color=st.GRID)
    ax.grid(False, axis="y")
    return fig

"""A YouTube channel's lifetime views beside its subscribers on the audience chart.

YouTube gives a channel's views as a running total (``views_total``, recorded each day), in
millions or billions where its subscribers are in thousands: one dashed series per channel on
an axis of its own, on the right, so the audience lines keep their scale. Nothing is drawn
(and the figure keeps its margins) when no account has any.
"""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes

from app.charts import style as st
from app.charts.lang import translate
from app.services.reports.dashboard import DashboardData

RIGHT_MARGIN = 0.9  # room for the right axis's figures ("3,1 G" never cut)


def views_label(account_label: str) -> str:
    return translate("Charts", "{account}: views (total)").format(account=account_label)


def draw_views(ax: Axes, data: DashboardData, x: Any, language: str) -> Axes | None:
    """The series on a right-hand axis of ``ax``; returns that axis, or None."""
    series = [
        (i, account, data.views_total.get(account.id, ()))
        for i, account in enumerate(data.accounts)
    ]
    series = [(i, a, s) for i, a, s in series if any(v is not None for v in s)]
    if not series:
        return None
    right = ax.twinx()
    for side in ("top", "left", "bottom"):
        right.spines[side].set_visible(False)
    right.spines["right"].set_color(st.GRID)
    right.tick_params(colors=st.MUTED, labelsize=8, length=0, pad=4)
    for i, account, values in series:
        y = [float("nan") if v is None else v for v in values]
        colour = st.network_colour(account.network, i)
        right.plot(x, y, color=colour, lw=1.4, ls="--", label=views_label(account.label))
    st.number_axis(right, language)
    right.set_ylabel(translate("Charts", "Views (total)"), color=st.MUTED, fontsize=8)
    ax.figure.subplots_adjust(right=RIGHT_MARGIN)
    return right


def legend_with(ax: Axes, right: Axes | None, **kwargs: Any) -> None:
    """One legend below the plot for both axes' series."""
    handles, labels = ax.get_legend_handles_labels()
    if right is not None:
        more, more_labels = right.get_legend_handles_labels()
        handles, labels = handles + more, labels + more_labels
    if handles:
        st.legend(ax, handles=handles, labels=labels, **kwargs)


__all__ = ["draw_views", "legend_with", "views_label"]

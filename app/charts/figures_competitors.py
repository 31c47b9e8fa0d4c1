"""The competitors' chart: followers and engagement per post, each competitor beside the
client's own accounts (:func:`app.services.listening.competitors.comparison`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from app.charts import style as st
from app.charts.lang import translate
from app.charts.titles import chart_title
from app.networks import network_label
from app.services.reports.dashboard import DashboardData

OURS = st.PALETTE[0]  # the client's accounts: the accent blue
THEIRS = st.PALETTE[7]  # competitors: a quiet slate


class Row(Protocol):
    """What the chart reads of a :class:`app.services.listening.competitors.CompetitorRow`."""

    @property
    def name(self) -> str: ...
    @property
    def network(self) -> str: ...
    @property
    def ours(self) -> bool: ...
    @property
    def followers(self) -> int | None: ...
    @property
    def engagement_per_post(self) -> float | None: ...


R = TypeVar("R", bound=Row)


def ordered(rows: Iterable[R]) -> list[R]:
    """The client's accounts first, then the competitors by followers (most first)."""
    ours = [r for r in rows if r.ours]
    theirs = sorted((r for r in rows if not r.ours), key=lambda r: -(r.followers or 0))
    return ours + theirs


def row_label(row: Row) -> str:
    return f"{st.printable(row.name, 26)} · {network_label(row.network)}"


def _value(value: float, language: str, decimals: int) -> str:
    rounded = round(value, decimals)
    return st.format_number(rounded, language, 0 if float(rounded).is_integer() else decimals)


def competitors(data: DashboardData, language: str) -> Figure:
    rows = ordered(data.competitors)
    height = max(2.6, 1.1 + 0.32 * len(rows))
    if not any(not r.ours for r in rows):
        fig, ax = st.new_figure(size=(7.2, 2.4))
        st.empty(
            ax,
            chart_title("competitors"),
            translate(
                "Charts",
                "No competitor sampled yet: add competitors' accounts in Listening › Streams.",
            ),
        )
        return fig
    fig, (left, right) = st.new_grid(
        size=(7.2, height),
        cols=2,
        left=0.27,
        bottom=0.9 / height,
        top=1 - 0.55 / height,
        wspace=0.12,
    )
    st.title(left, chart_title("competitors"))
    colours = [OURS if r.ours else THEIRS for r in rows]
    positions = range(len(rows))
    for ax, values, heading, decimals in (
        (left, [r.followers for r in rows], translate("Charts", "Followers"), 0),
        (
            right,
            [r.engagement_per_post for r in rows],
            translate("Charts", "Engagement per post"),
            1,
        ),
    ):
        known = [v or 0 for v in values]
        ax.barh(positions, known, color=colours, height=0.6)
        top = max(known) or 1
        for i, value in enumerate(values):
            text = "—" if value is None else _value(value, language, decimals)
            ax.text(
                (value or 0) + top * 0.02,
                i,
                text,
                va="center",
                ha="left",
                fontsize=7.5,
                color=st.INK,
            )
        ax.set_xlim(0, top * 1.25)
        ax.invert_yaxis()
        ax.grid(True, axis="x", color=st.GRID)
        ax.grid(False, axis="y")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: st.format_number(v, language)))
        # three or four ticks: "100 000" and "120 000" side by side ran into each other
        ax.xaxis.set_major_locator(MaxNLocator(nbins=3, min_n_ticks=2))
        ax.set_xlabel(heading, fontsize=8, color=st.MUTED)
    left.set_yticks(list(positions), [row_label(r) for r in rows])
    right.set_yticks(list(positions), [""] * len(rows))
    fig.legend(
        handles=[
            Patch(color=OURS, label=translate("Charts", "Your accounts")),
            Patch(color=THEIRS, label=translate("Charts", "Competitors")),
        ],
        loc="lower right",  # on the title's line, above the engagement panel
        ncols=2,
        frameon=False,
        fontsize=7.5,
        labelcolor=st.INK,
        bbox_to_anchor=(0.98, 1 - 0.55 / height),
        borderaxespad=0.1,
    )
    return fig

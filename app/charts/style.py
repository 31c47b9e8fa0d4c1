"""One visual style for every chart of Tribune (screen, PNG/SVG export and PDF report).

Figures are built with ``matplotlib.figure.Figure`` (never pyplot: no global state, safe in
worker threads). Dates and numbers follow the client's language through QLocale.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from PySide6.QtCore import QDate, QLocale

from app.charts.lang import translate
from app.networks import NETWORK_COLOURS  # the one table of network facts

PALETTE = ("#3b6fd8", "#d8553b", "#2f9e6e", "#a23bd8", "#d8a73b", "#3bb5d8", "#d83b8a", "#6b7a8f")
INK = "#1d2536"
MUTED = "#6b7385"
GRID = "#e3e7ef"
GOOD = "#2f9e44"
BAD = "#e03131"
BAND = "#d3f9d8"
FONT = "DejaVu Sans"
FIGSIZE = (7.2, 3.4)


def locale_for(language: str) -> QLocale:
    return QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English)


def format_date(day: dt.date, language: str, pattern: str = "d MMM") -> str:
    return locale_for(language).toString(QDate(day.year, day.month, day.day), pattern)


def format_number(value: float, language: str, decimals: int = 0) -> str:
    loc = locale_for(language)
    return loc.toString(float(value), "f", decimals) if decimals else loc.toString(round(value))


def weekday_names(language: str) -> list[str]:
    loc = locale_for(language)
    return [loc.dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)]


def network_colour(network: str, index: int = 0) -> str:
    return NETWORK_COLOURS.get(network, PALETTE[index % len(PALETTE)])


def new_figure(
    size: tuple[float, float] = FIGSIZE,
    *,
    left: float = 0.09,
    bottom: float = 0.24,
    top: float = 0.88,
    wspace: float = 0.2,
    hspace: float = 0.6,
) -> tuple[Figure, Axes]:
    """A figure in Tribune's style and its one axes (margins as :func:`new_grid`)."""
    fig, axes = new_grid(
        size, 1, 1, left=left, bottom=bottom, top=top, wspace=wspace, hspace=hspace
    )
    return fig, axes[0]


def new_grid(
    size: tuple[float, float] = FIGSIZE,
    rows: int = 1,
    cols: int = 1,
    *,
    left: float = 0.09,
    bottom: float = 0.24,
    top: float = 0.88,
    wspace: float = 0.2,
    hspace: float = 0.6,
) -> tuple[Figure, list[Axes]]:
    """A figure in Tribune's style and its axes, row by row (always a list, even of one).

    Margins are fixed fractions (room for the title above and the legend below) rather
    than matplotlib's constrained layout, which doubles the drawing time of a dashboard.
    """
    fig = Figure(figsize=size, dpi=100, facecolor="white")
    fig.subplots_adjust(left=left, right=0.98, bottom=bottom, top=top, wspace=wspace, hspace=hspace)
    grid = fig.subplots(rows, cols, squeeze=False)  # a numpy array of Axes
    flat: list[Axes] = [ax for row in grid for ax in row]
    for ax in flat:
        style_axes(ax)
    return fig, flat


def style_axes(ax: Axes) -> None:
    ax.set_facecolor("white")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GRID)
    ax.tick_params(colors=MUTED, labelsize=8, length=0, pad=4)
    ax.grid(True, axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)


# A title's height, fixed: the titles sit at the top of their axes (``y=1.0``, matplotlib's
# own place) without matplotlib measuring every tick label of the chart at each draw to see
# whether it must move them up. It never must: no chart has ticks, labels or an offset text
# above its plot. The measuring was about a tenth of the dashboard's drawing time.
TITLE_Y = 1.0


def title(ax: Axes, text: str) -> None:
    ax.set_title(
        text, loc="left", fontsize=10.5, fontweight="bold", color=INK, fontfamily=FONT, y=TITLE_Y
    )


def notes_above(ax: Axes, notes: list[str]) -> None:
    """Short notes right-aligned above the plot, on the title's line and upwards (the first
    note on top): outside the data, so no bar or line however tall ever runs through them."""
    for k, note in enumerate(reversed(notes)):
        ax.annotate(
            note,
            (1.0, 1.0),
            xycoords="axes fraction",
            xytext=(0, 3 + 10 * k),
            textcoords="offset points",
            ha="right",
            va="bottom",
            fontsize=7.5,
            color=MUTED,
        )


def headroom(ax: Axes, share: float) -> None:
    """Keep the top ``share`` of the plot free of data (for notes written there)."""
    low, high = ax.get_ylim()
    ax.set_ylim(low, low + (high - low) / (1 - share))


LEGEND_SIZE = 7.5  # points
LEGEND_ROWS_IN_MARGIN = 3  # what the usual bottom margin holds under the tick labels


def legend(ax: Axes, **kwargs: Any) -> None:
    """Below the plot, so it never hides a line or an annotation; a legend of more rows than
    the bottom margin holds (a client with eight accounts) takes the room it needs from the
    plot rather than running off the picture."""
    handles = kwargs.get("handles") or ax.get_legend_handles_labels()[0]
    if handles:
        kwargs.pop("loc", None)
        kwargs.setdefault("ncols", min(len(handles), 3))
        ax.legend(
            frameon=False,
            fontsize=LEGEND_SIZE,
            labelcolor=INK,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            **kwargs,
        )
        rows = -(-len(handles) // kwargs["ncols"])
        fig = ax.figure
        if rows > LEGEND_ROWS_IN_MARGIN and isinstance(fig, Figure):  # a row: text + spacing
            extra = (rows - LEGEND_ROWS_IN_MARGIN) * LEGEND_SIZE * 1.55 / 72 / fig.get_figheight()
            fig.subplots_adjust(bottom=fig.subplotpars.bottom + extra)


def date_axis(ax: Axes, language: str) -> None:
    """Tick labels "3 mars" / "Mar 3" for day numbers (matplotlib date floats)."""
    import matplotlib.dates as mdates

    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _pos: format_date(mdates.num2date(x).date(), language))
    )


def format_percent(value: float, language: str, decimals: int = 0) -> str:
    """ "12 %" with a no-break space in French, "12%" in English (``value`` in percent)."""
    text = format_number(value, language, decimals)
    return f"{text}\u00a0%" if language == "fr" else f"{text}%"


def count_axis(ax: Axes, language: str, axis: str = "y") -> None:
    """An axis of counts: whole numbers only (no "0.25 escalations"), in the locale."""
    from matplotlib.ticker import MaxNLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    target.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, language)))


def number_axis(ax: Axes, language: str, percent: bool = False) -> None:
    if percent:
        ax.yaxis.set_major_formatter(
            FuncFormatter(lambda y, _pos: format_percent(y * 100, language, 1))
        )
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: format_number(y, language)))


def share_bars(
    ax: Axes, labels: list[str], shares: list[float], language: str, height: float = 0.6
) -> None:
    """Horizontal bars of shares (0–1) coloured green / orange / red at 90 % and 70 %, each
    with its figure: a long bar carries it inside, in white ("100 %" is never cut at the
    edge)."""
    colours = [GOOD if s >= 0.9 else ("#f59f00" if s >= 0.7 else BAD) for s in shares]
    ax.barh(range(len(shares)), shares, color=colours, height=height)
    ax.set_yticks(range(len(shares)), labels)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_percent(v * 100, language)))
    ax.grid(True, axis="x", color=GRID)
    ax.grid(False, axis="y")
    for i, s in enumerate(shares):
        inside = s >= 0.8
        ax.text(
            s - 0.015 if inside else s + 0.015,
            i,
            format_percent(s * 100, language),
            va="center",
            ha="right" if inside else "left",
            fontsize=7.5,
            color="white" if inside else INK,
            fontweight="bold" if inside else "normal",
        )


def empty(ax: Axes, heading: str, reason: str | None = None) -> None:
    """A chart with no data says so, in the chart itself."""
    title(ax, heading)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(
        0.5,
        0.5,
        reason or translate("Charts", "No data for this period"),
        ha="center",
        va="center",
        color=MUTED,
        fontsize=10,
        transform=ax.transAxes,
        wrap=True,
    )


def printable(text: str, limit: int | None = None) -> str:
    """``text`` on one line without emojis (the bundled font has no glyph for them)."""
    text = "".join(c for c in text if ord(c) < 0x2600 or 0x3000 <= ord(c) < 0x1F000)
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text

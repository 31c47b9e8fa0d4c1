"""The Google reviews' chart: reviews per month with their average rating over the year that
ends with the period, and the period's answers — answer rate and answers within the
charter's delay (:func:`app.services.reports.reviews.review_stats`)."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from app.charts import style as st
from app.charts.lang import translate
from app.charts.titles import chart_title
from app.services.reports.dashboard import DashboardData
from app.services.reports.reviews import ReviewStats

BARS = "#1967d2"  # Google's blue, as the network's colour
STARS = "#e8a317"  # the rating line: the stars' gold, readable on white


def hours_text(minutes: float, language: str) -> str:
    """ "3 h" / "1,5 h"; under an hour, "40 min"."""
    if minutes < 60:
        return f"{st.format_number(minutes, language)}\u00a0min"
    hours = round(minutes / 60, 1)
    text = st.format_number(hours, language, 0 if float(hours).is_integer() else 1)
    return f"{text}\u00a0h"


def summary_line(stats: ReviewStats, language: str) -> str:
    """ "average 4,2 / 5 · reviews this period: 12 · median answer 3 h" for the period."""
    parts = [
        translate("Charts", "reviews this period: {n}").format(n=stats.reviews),
    ]
    if stats.average is not None:
        parts.insert(
            0,
            translate("Charts", "average {rating} / 5").format(
                rating=st.format_number(stats.average, language, 1)
            ),
        )
    if stats.median_answer_minutes is not None:
        parts.append(
            translate("Charts", "median answer {delay}").format(
                delay=hours_text(stats.median_answer_minutes, language)
            )
        )
    return " · ".join(parts)


def reviews(data: DashboardData, language: str) -> Figure:
    stats: ReviewStats | None = data.reviews
    fig: Figure  # st.new_figure is untyped
    if stats is None or not stats.has_reviews:
        fig, ax = st.new_figure(size=(7.2, 2.4))
        st.empty(
            ax,
            chart_title("reviews"),
            translate("Charts", "No Google review in the last twelve months."),
        )
        return fig
    fig, (left, right) = st.new_grid(size=(7.2, 3.2), cols=2, left=0.08, wspace=0.45)
    fig.subplots_adjust(right=0.95)  # "100 %" under the answers' last tick is never cut
    st.title(left, chart_title("reviews"))
    months = list(stats.months)
    positions = list(range(len(months)))
    left.bar(
        positions,
        [m.reviews for m in months],
        color=BARS,
        width=0.6,
        label=translate("Charts", "Reviews"),
    )
    # every third month, the period's own month labelled: "févr. 26" never runs into "avr. 26"
    ticks = [i for i in positions if (len(months) - 1 - i) % 3 == 0]
    left.set_xticks(ticks, [st.format_date(months[i].month, language, "MMM yy") for i in ticks])
    st.count_axis(left, language)
    rating = left.twinx()
    rating.spines["top"].set_visible(False)
    rating.tick_params(colors=st.MUTED, labelsize=8, length=0)
    known = [(i, m.average) for i, m in enumerate(months) if m.average is not None]
    rating.plot(
        [i for i, _ in known],
        [a for _, a in known],
        color=STARS,
        marker="o",
        markersize=3.5,
        linewidth=1.6,
        label=translate("Charts", "Average rating"),
    )
    rating.set_ylim(0.8, 5.2)
    rating.set_yticks([1, 2, 3, 4, 5])
    rating.grid(False)
    handles = left.get_legend_handles_labels()[0] + rating.get_legend_handles_labels()[0]
    left.legend(
        handles=handles,
        frameon=False,
        fontsize=7.5,
        labelcolor=st.INK,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncols=2,
    )
    _answers(right, stats, language)
    fig.text(0.08, 0.015, summary_line(stats, language), fontsize=7.5, color=st.MUTED)
    return fig


def _answers(ax: Axes, stats: ReviewStats, language: str) -> None:
    ax.set_title(
        translate("Charts", "This period's answers"),
        loc="left",
        fontsize=9,
        color=st.INK,
        fontfamily=st.FONT,
        y=st.TITLE_Y,
    )
    if not stats.reviews:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        ax.text(
            0.5,
            0.5,
            translate("Charts", "No review this period"),
            ha="center",
            va="center",
            color=st.MUTED,
            fontsize=9,
            transform=ax.transAxes,
        )
        return
    rows = [(translate("Charts", "Answered"), stats.answer_rate or 0.0)]
    # one bar per charter delay the reviews were held to (a complaint's is not a question's),
    # each named with its delay and how many reviews it counts
    rows += [(within_label(d.minutes, d.reviews, language), d.share) for d in stats.by_delay]
    st.share_bars(ax, [label for label, _ in rows], [s for _, s in rows], language, 0.55)
    ax.invert_yaxis()


def within_label(minutes: int, reviews: int, language: str) -> str:
    """ "Within 8 h" over "reviews: 3": the delay these reviews were counted against (on two
    lines, so the label stays clear of the rating axis beside it)."""
    delay = translate("Charts", "Within {delay}").format(delay=hours_text(minutes, language))
    count = translate("Charts", "reviews: {n}").format(n=st.format_number(reviews, language))
    return f"{delay}\n{count}"


__all__ = ["hours_text", "reviews", "summary_line", "within_label"]

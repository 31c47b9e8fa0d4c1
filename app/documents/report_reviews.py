"""The monthly report's Google reviews page: the chart (reviews per month and their average
over the year, the month's answers), then the month's figures — average rating, reviews,
stars, answer rate, answers within the charter's delay, median answer time — beside the
previous month's. Left out when the client had no review in the last twelve months."""

from __future__ import annotations

from app.charts import style as st
from app.charts.figures_reviews import hours_text
from app.charts.lang import translate
from app.documents.report_sections import e, heading_html, html_table, percent
from app.services.reports.reviews import ReviewStats

REVIEWS_PNG = "chart-reviews.png"


def _rating(value: float | None, language: str) -> str:
    return "—" if value is None else f"{st.format_number(value, language, 1)} / 5"


def _share(value: float | None, language: str) -> str:
    return "—" if value is None else percent(value * 100, language)


def _delay(value: float | None, language: str) -> str:
    return "—" if value is None else hours_text(value, language)


def _within_rows(
    stats: ReviewStats, before: ReviewStats, language: str
) -> list[tuple[str, str, str]]:
    """One row per charter delay the month's reviews were counted against (a complaint's is
    not a question's), named with it and its reviews, beside the previous month's share
    within the same delay ("—" when none was held to it)."""
    rows = []
    for held in stats.by_delay:
        label = translate("Report", "Answered within the charter's delay ({delay}; reviews: {n})")
        then = next((d.share for d in before.by_delay if d.minutes == held.minutes), None)
        rows.append(
            (
                label.format(
                    delay=hours_text(held.minutes, language),
                    n=st.format_number(held.reviews, language),
                ),
                _share(held.share, language),
                _share(then, language),
            )
        )
    return rows


def reviews_section(
    stats: ReviewStats | None, previous: ReviewStats | None, language: str, chart: str = ""
) -> str:
    """The page, or "" without any review in the year; ``chart`` is the image's HTML."""
    if stats is None or not stats.has_reviews:
        return ""
    before = previous or stats  # no previous month read: the columns agree
    stars = " · ".join(f"{n}★ {stats.by_stars[n - 1]}" for n in range(5, 0, -1))
    rows = [
        (
            translate("Report", "Average rating"),
            _rating(stats.average, language),
            _rating(before.average, language),
        ),
        (
            translate("Report", "Reviews received"),
            st.format_number(stats.reviews, language),
            st.format_number(before.reviews, language),
        ),
        (
            translate("Report", "Answered"),
            _share(stats.answer_rate, language),
            _share(before.answer_rate, language),
        ),
        *_within_rows(stats, before, language),
        (
            translate("Report", "Median time to answer"),
            _delay(stats.median_answer_minutes, language),
            _delay(before.median_answer_minutes, language),
        ),
    ]
    out = [heading_html(translate("Report", "Google reviews"), new_page=True), chart]
    out.append(
        html_table(
            [
                translate("Report", "Figure"),
                translate("Report", "This month"),
                translate("Report", "Previous month"),
            ],
            [[e(label), e(now), e(then)] for label, now, then in rows],
            widths=[50, 25, 25],
        )
    )
    if stats.reviews:
        label = translate("Report", "Stars this month:")
        out.append(f'<p class="muted">{e(label)} {e(stars)}</p>')
    return "".join(out)


__all__ = ["REVIEWS_PNG", "reviews_section"]

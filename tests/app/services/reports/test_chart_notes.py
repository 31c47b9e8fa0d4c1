"""The posts chart's notes ("no posting range in the charter", "week partly outside the
period") never cover the data, whatever the data: one very tall week, a tall first week,
all weeks at zero, one week alone, a year drawn as lines — in French and in English. The
extents are the ones matplotlib's renderer draws (the PDF report and the Charts area draw
the same figure)."""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from app.charts.figures import build
from app.charts.lang import report_language
from app.services.reports.periods import Period, period_for

NOVEMBER = period_for("month", dt.date(2026, 11, 15))
YEAR = Period("custom", dt.date(2025, 12, 1), dt.date(2026, 11, 29))  # 52 weeks: lines
MONDAYS = [dt.date(2026, 10, 26) + dt.timedelta(weeks=n) for n in range(6)]
NOTES = {
    "en": ("No posting range in the charter", "* week partly outside the period"),
    "fr": (
        "Pas de fréquence de publication dans la charte",
        "* semaine en partie hors de la période",
    ),
}


def _weeks(tall_at: int | None, tall: int = 60, low: int = 2) -> dict:
    return {m: (tall if i == tall_at else low) for i, m in enumerate(MONDAYS)}


CASES = {
    "tall last week, no range": (NOVEMBER, {"mastodon": _weeks(5), "x": _weeks(None, low=1)}, {}),
    "tall first week, no range": (NOVEMBER, {"mastodon": _weeks(0)}, {}),
    "tall week, a range": (NOVEMBER, {"mastodon": _weeks(5)}, {"mastodon": (3, 7)}),
    "all zero": (NOVEMBER, {"mastodon": _weeks(None, low=0)}, {}),
    "one week alone": (NOVEMBER, {"mastodon": {MONDAYS[2]: 1}}, {}),
    "a year as lines": (
        YEAR,
        {
            "mastodon": {
                YEAR.start + dt.timedelta(weeks=n): (90 if n == 51 else 3) for n in range(52)
            }
        },
        {},
    ),
}


def _draw(case: str, language: str) -> tuple[Figure, object]:
    period, per_week, ranges = CASES[case]
    data = SimpleNamespace(period=period, posts_per_week=per_week, charter_ranges=ranges)
    with report_language(language):
        figure = build("posts", data, language)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return figure, canvas.get_renderer()


def _data_boxes(figure: Figure, renderer) -> list[Bbox]:
    """Every bar (a rectangle higher than nothing) and every line of weekly counts."""
    ax = figure.axes[0]
    boxes = [
        p.get_window_extent(renderer)
        for p in ax.patches
        if p.get_visible() and getattr(p, "get_height", lambda: 0)() > 0
    ]
    for line in ax.get_lines():
        xy = line.get_transform().transform(line.get_xydata())
        boxes += [Bbox([[x - 1, y - 1], [x + 1, y + 1]]) for x, y in xy]  # each point
    return boxes


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_notes_never_cover_a_bar_nor_the_title(case, language):
    figure, renderer = _draw(case, language)
    ax = figure.axes[0]
    texts = {t.get_text(): t for t in figure.findobj(Text) if t.get_visible() and t.get_text()}
    notes = [texts[n] for n in NOTES[language] if n in texts]
    assert notes, "the chart carries at least one of its notes in every case here"
    data = _data_boxes(figure, renderer)
    assert data or case == "all zero"
    title = ax.title.get_window_extent(renderer)
    boxes = [n.get_window_extent(renderer) for n in notes]
    for note, box in zip(notes, boxes, strict=True):
        hits = [d for d in data if box.overlaps(d)]
        assert not hits, f"{note.get_text()!r} covers the data ({case}, {language})"
        assert not box.overlaps(title), f"{note.get_text()!r} runs into the title"
        assert figure.bbox.contains(box.x0, box.y0) and figure.bbox.contains(box.x1, box.y1)
    if len(boxes) == 2:
        assert not boxes[0].overlaps(boxes[1])


def test_a_week_without_posts_stands_at_zero_beside_the_busy_one():
    figure, _ = _draw("one week alone", "en")
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "26 Oct*",
        "2 Nov",
        "9 Nov",
        "16 Nov",
        "23 Nov",
        "30 Nov*",
    ]
    heights = [p.get_height() for p in ax.patches]
    assert sorted(heights) == [0, 0, 0, 0, 0, 1]
    assert ax.get_ylim()[0] == 0


def test_all_weeks_at_zero_put_zero_at_the_bottom():
    figure, _ = _draw("all zero", "fr")
    assert figure.axes[0].get_ylim() == (0, 1)


def _line_boxes(ax, renderer) -> list[Bbox]:
    """Every line of ``ax`` as small boxes along its segments (a peak between two points
    counts, not only the points)."""
    import numpy as np

    boxes = []
    for line in ax.get_lines():
        xy = line.get_transform().transform(line.get_xydata())
        for (x0, y0), (x1, y1) in itertools.pairwise(xy):
            if np.isnan([x0, y0, x1, y1]).any():
                continue
            for t in np.linspace(0, 1, 20):
                x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
                boxes.append(Bbox([[x - 1, y - 1], [x + 1, y + 1]]))
    return boxes


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("jump", "peak"), [(25, 25), (3, 3), (3, 8), (27, 22)])
def test_a_follower_jump_note_never_runs_through_a_line(jump, peak, language):
    from app.services.reports.metrics import AccountRef
    from app.services.reports.metrics_health import FollowerJump

    dates = tuple(NOVEMBER.dates())
    followers = [1000 + i for i in range(len(dates))]
    followers[peak] = 90_000
    data = SimpleNamespace(
        has_metrics=True,
        accounts=(AccountRef(1, "mastodon", "rose"),),
        dates=dates,
        followers={1: tuple(followers)},
        jumps=(FollowerJump(1, "mastodon", "rose", dates[jump], 5000, 10.0, 6000, 1.0),),
        views_total={},
    )
    with report_language(language):
        figure = build("audience", data, language)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = figure.axes[0]
    notes = [t for t in ax.texts if t.get_text().startswith("+5")]  # "+5 000 abonnés…"
    assert len(notes) == 1
    box = notes[0].get_window_extent(renderer)
    lines = [b for b in _line_boxes(ax, renderer) if b.overlaps(box)]
    # the jump's own dotted line is drawn by axvline beside the note, never under it
    assert not lines, f"the jump's note covers a line (jump {jump}, peak {peak}, {language})"
    assert ax.get_window_extent(renderer).contains(box.x0, box.y0)


def test_escalations_of_one_week_are_drawn_among_the_period_weeks():
    from app.services.reports import sources

    data = SimpleNamespace(
        period=NOVEMBER,
        escalations=sources.EscalationSummary(1, 0, 0, 0, {MONDAYS[2]: 1}, {}),
    )
    ax = build("escalations", data, "en").axes[0]
    assert len(ax.get_xticklabels()) == 6
    assert sorted(p.get_height() for p in ax.patches) == [0] * 11 + [1]

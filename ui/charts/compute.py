"""The Charts area's worker part: read the data, build every figure and draw it (no widget).

:func:`compute_dashboard` runs in a :class:`ui.operations.QueryOp` (its read session) and
returns a :class:`Dashboard`; the GUI thread only shows the images. Named fields rather than
a tuple: a new part (the competitors' comparison) never breaks a caller that unpacks it
(``benchmarks/dashboard.py`` once did).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.charts.figures import CHART_KEYS, build
from app.charts.render import figure_image
from app.services.listening.competitors import comparison
from app.services.reports.dashboard import DashboardData, dashboard_data
from app.services.reports.empty import client_has_data
from app.services.reports.periods import Period
from app.services.reports.reviews import review_stats
from app.services.reports.slots import PostingHint, posting_hint
from ui.charts.figure_colours import recolour


@dataclass(frozen=True)
class Dashboard:
    data: DashboardData
    figures: dict  # chart key -> matplotlib Figure
    hint: PostingHint  # the calendar's best times (the year up to today, whatever the period)
    images: dict  # chart key -> QImage drawn at the panels' width
    has_data: bool  # False: a client with nothing at all (one empty state)


def compute_dashboard(
    session,
    client_id: int,
    period: Period,
    language: str,
    width: int | None = None,
    ratio: float = 1.0,
    scheme=None,
) -> Dashboard:
    """Worker: read with ``session``, build every figure and draw it to an image.

    The images are ``width`` logical pixels wide (the figure's own size when None), in the
    palette's ``scheme`` (light when None).
    """
    data = dashboard_data(session, client_id, period)
    rows = comparison(session, client_id, period.start, period.end)
    stats = review_stats(session, client_id, period.start, period.end)
    data = replace(data, competitors=tuple(rows), reviews=stats)
    hint = posting_hint(session, client_id)
    has_data = client_has_data(session, client_id)
    figures = {key: build(key, data, language) for key in CHART_KEYS}
    if scheme is not None:
        for figure in figures.values():
            recolour(figure, scheme)
    return Dashboard(data, figures, hint, draw_images(figures, width, ratio), has_data)


def draw_images(figures: dict, width: int | None, ratio: float) -> dict:
    """Worker: every figure drawn by Agg (the GUI thread only shows the pixmaps)."""
    return {key: figure_image(fig, width, ratio) for key, fig in figures.items()}


def redraw(figures: dict, width: int | None, ratio: float, scheme) -> dict:
    """Worker: the same figures in ``scheme`` at a new width (one worker at a time)."""
    for figure in figures.values():
        recolour(figure, scheme)
    return draw_images(figures, width, ratio)

"""A chart's legend below the plot stays inside the picture, however many accounts a client
has (eight accounts and the previous period: five rows of two)."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from app.charts import style as st


def _legend_inside(entries: int, ncols: int) -> tuple[bool, float]:
    fig, ax = st.new_figure()
    FigureCanvasAgg(fig)
    for i in range(entries):
        ax.plot([0, 1], [i, i + 1], label=f"Compte n°{i + 1} (Instagram)")
    st.legend(ax, ncols=ncols)
    fig.canvas.draw()
    box = ax.get_legend().get_window_extent()
    plot = ax.get_window_extent()
    return box.y0 >= 0 and box.y1 <= plot.y0, plot.height


@pytest.mark.parametrize(("entries", "ncols"), [(9, 2), (9, 3), (12, 3), (16, 3)])
def test_a_long_legend_stays_inside_the_picture_below_the_plot(entries, ncols):
    inside, _height = _legend_inside(entries, ncols)
    assert inside


def test_a_short_legend_leaves_the_plot_as_it_was():
    _inside, short = _legend_inside(3, 3)
    _inside, two_rows = _legend_inside(6, 3)
    assert short == two_rows  # two rows fit the usual margin: the plot keeps its height
    _inside, many = _legend_inside(12, 3)
    assert many < short  # four rows: the plot gives up the room they need

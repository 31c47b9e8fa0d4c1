"""The charts' Agg drawing (app/charts/render.py) measures each text once per process: the
images must stay those of matplotlib's own Agg canvas, and a text whose string, size or
dpi changes must be measured again, never given another text's extents."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from app.charts import style as st
from app.charts.render import figure_image


def _chart(title: str = "Audience per network", size: float = 10) -> Figure:
    fig, ax = st.new_figure()
    st.title(ax, title)
    ax.plot([0, 1, 2], [3, 1, 2], label="Facebook · bench0")
    ax.text(0.5, 0.5, "No data for this period", fontsize=size, transform=ax.transAxes, wrap=True)
    st.legend(ax)
    return fig


def _agg_pixels(fig: Figure, width: int, ratio: float) -> bytes:
    """What matplotlib's own Agg canvas draws for the figure_image(fig, width, ratio)."""
    fig.set_size_inches(width / 100, fig.get_size_inches()[1], forward=False)
    fig.set_dpi(100 * ratio)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return bytes(canvas.buffer_rgba())


def _rgba(image) -> bytes:
    return bytes(image.constBits())[: image.sizeInBytes()]


def test_images_are_matplotlibs_own_whatever_was_measured_before(qapp):
    for width, ratio in ((744, 1.0), (744, 1.0), (520, 2.0), (744, 1.0)):  # warm, then not
        image = figure_image(_chart(), width, ratio)
        assert _rgba(image) == _agg_pixels(_chart(), width, ratio)


def test_a_changed_text_size_is_measured_again(qapp):
    def width_of(size: float) -> float:
        fig = _chart(size=size)
        figure_image(fig, 744)  # measured through the shared metrics
        text = fig.axes[0].texts[0]
        return text.get_window_extent(fig.canvas.get_renderer()).width

    small, large = width_of(10), width_of(20)
    assert 1.8 < large / small < 2.2
    assert width_of(10) == small  # the same text again: the same extents
    plain = _chart(size=20)
    FigureCanvasAgg(plain).draw()
    expected = plain.axes[0].texts[0].get_window_extent(plain.canvas.get_renderer()).width
    assert large == expected

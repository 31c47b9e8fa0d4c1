"""Draw a matplotlib Figure to a QImage with the Agg backend, off the GUI thread.

The Charts area used to wrap each Figure in a FigureCanvasQTAgg and let it draw on the GUI
thread (about 60 ms per chart for a year of data). Drawing with Agg in the worker and
showing the ready image keeps the GUI thread free; only QPixmap.fromImage happens there.
QtGui's QImage is safe to build in any thread.

Text metrics are measured once per process (:class:`_Renderer`): matplotlib keeps them per
renderer, that is per figure drawn, and since matplotlib 3.11 measuring a string costs two to
three times what it did — the dashboard measured its tick labels, legends, titles and the
wrapping of its messages again for every chart of every reload (60 of its 490 ms).
"""

from __future__ import annotations

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from PySide6.QtGui import QImage

BASE_DPI = 100  # the figures' inches × 100 = their size in logical pixels

_Key = tuple[str, FontProperties, object, float, object]
_METRICS: dict[_Key, tuple[float, float, float]] = {}
_METRICS_MAX = 4096  # strings × fonts × dpi: far more than all the charts show


class _Renderer(RendererAgg):
    """Agg, with the width, height and descent of a text shared by every renderer."""

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)  # type: ignore[no-untyped-call]

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: object
    ) -> tuple[float, float, float]:
        # the key of matplotlib's own per-renderer cache — the text, the font's properties
        # (their hash and equality are their values), math or not, the dpi — and the hinting
        hinting = mpl.rcParams["text.hinting"]
        found = _METRICS.get((s, prop, ismath, self.dpi, hinting))
        if found is None:
            found = super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-untyped-call]
            if len(_METRICS) >= _METRICS_MAX:
                _METRICS.clear()
            # a copy of the properties: the text's own may change later
            _METRICS[(s, prop.copy(), ismath, self.dpi, hinting)] = found
        return found


class _Canvas(FigureCanvasAgg):
    """An Agg canvas drawing with :class:`_Renderer`."""

    def __init__(self, figure: Figure) -> None:
        super().__init__(figure)

    def draw(self) -> None:
        super().draw()  # type: ignore[no-untyped-call]

    def get_renderer(self) -> _Renderer:
        w, h = self.figure.bbox.size
        dpi = self.figure.dpi
        renderer = getattr(self, "renderer", None)
        if not (
            isinstance(renderer, _Renderer)
            and (renderer.width, renderer.height, renderer.dpi) == (w, h, dpi)
        ):
            renderer = self.renderer = _Renderer(w, h, dpi)
        return renderer


def figure_image(figure: Figure, width_px: int | None = None, ratio: float = 1.0) -> QImage:
    """``figure`` drawn ``width_px`` logical pixels wide (its height kept) for a screen of
    device pixel ratio ``ratio``; the figure is resized to that width, as a canvas would."""
    if width_px:
        height_in = figure.get_size_inches()[1]
        figure.set_size_inches(width_px / BASE_DPI, height_in, forward=False)
    figure.set_dpi(BASE_DPI * ratio)
    canvas = _Canvas(figure)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    pixels: memoryview = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    image = QImage(
        bytes(pixels), width, height, width * 4, QImage.Format.Format_RGBA8888
    ).copy()  # own the pixels: the Agg buffer goes away with the canvas
    image.setDevicePixelRatio(ratio)
    figure.set_dpi(BASE_DPI)
    return image

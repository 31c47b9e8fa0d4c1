"""Draw a matplotlib Figure to a QImage with the Agg backend, off the GUI thread.

The Charts area used to wrap each Figure in a FigureCanvasQTAgg and let it draw on the GUI
thread (about 60 ms per chart for a year of data). Drawing with Agg in the worker and
showing the ready image keeps the GUI thread free; only QPixmap.fromImage happens there.
QtGui's QImage is safe to build in any thread.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtGui import QImage

BASE_DPI = 100  # the figures' inches × 100 = their size in logical pixels


def figure_image(figure: Figure, width_px: int | None = None, ratio: float = 1.0) -> QImage:
    """``figure`` drawn ``width_px`` logical pixels wide (its height kept) for a screen of
    device pixel ratio ``ratio``; the figure is resized to that width, as a canvas would."""
    if width_px:
        height_in = figure.get_size_inches()[1]
        figure.set_size_inches(width_px / BASE_DPI, height_in, forward=False)
    figure.set_dpi(BASE_DPI * ratio)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    image = QImage(
        bytes(canvas.buffer_rgba()), width, height, width * 4, QImage.Format.Format_RGBA8888
    ).copy()  # own the pixels: the Agg buffer goes away with the canvas
    image.setDevicePixelRatio(ratio)
    figure.set_dpi(BASE_DPI)
    return image

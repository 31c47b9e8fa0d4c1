"""One chart of the dashboard: its canvas and its actions (copy, save PNG/SVG, export CSV) in
one "⋯" menu.

matplotlib is imported here only, and this module only when the Charts area is first shown,
so start-up never pays for it.
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.charts.figures import chart_title
from app.charts.tables import write_chart_csv
from app.errors import TribuneError
from app.safefile import write_bytes_checked
from ui import icons
from ui.charts.figure_colours import recolour
from ui.design import current, set_role
from ui.design.palette import LIGHT
from ui.messages import show_error


class ChartPanel(QFrame):
    """A titled chart with its tool buttons; :meth:`show_figure` swaps in a new figure.

    Signals:
        width_changed(): the panel's width no longer matches its drawn image (redraw it).
    """

    width_changed = Signal()

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.data = None
        self.figure = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.picture: QLabel | None = None  # the figure drawn off the GUI thread
        self.image_drawn_width = 0
        self.setObjectName("chartPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        bar = QHBoxLayout()
        self.title = QLabel(chart_title(key))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("chartPanelTitle")
        self.title.setVisible(False)  # the figure carries its title (exports and PDF too)
        bar.addStretch(1)
        bar.addWidget(self.title)
        self.menu = QMenu(self)
        self.copy_action = self.menu.addAction(self.tr("Copy the chart as an image"))
        self.save_action = self.menu.addAction(self.tr("Save as PNG or SVG…"))
        self.csv_action = self.menu.addAction(self.tr("Export the chart's data (CSV)…"))
        for action, name in (
            (self.copy_action, "copy"),
            (self.save_action, "image"),
            (self.csv_action, "file-csv"),
        ):
            icons.set_icon(action, name)
        # one quiet "⋯" button instead of three text buttons repeated on every chart
        self.menu_button = QToolButton(self)
        self.menu_button.setObjectName("chartMenuButton")
        self.menu_button.setMenu(self.menu)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setToolTip(self.tr("Copy, save or export this chart"))
        self.menu_button.setAccessibleName(self.tr("Chart actions"))
        icons.set_icon(self.menu_button, "menu")
        set_role(self.menu_button, "quiet")
        bar.addWidget(self.menu_button)
        layout.addLayout(bar)
        self.holder = QVBoxLayout()
        layout.addLayout(self.holder)
        self.copy_action.triggered.connect(self.copy_image)
        self.save_action.triggered.connect(self._ask_save_image)
        self.csv_action.triggered.connect(self._ask_export_csv)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        self.menu_button.setEnabled(on)

    def image_width(self) -> int | None:
        """The width (logical px) an image should have to fill the panel, if laid out yet."""
        width = self.contentsRect().width() - 16  # the layout's margins
        return width if self.isVisible() and width > 200 else None

    def show_figure(self, figure, data, image: QImage | None = None) -> None:
        """Show ``figure`` for ``data``.

        With ``image`` (the figure already drawn by Agg in a worker) the GUI thread only
        shows a pixmap; without it, an interactive canvas draws the figure on the next idle.
        """
        self.figure, self.data = figure, data
        if image is not None:
            self._drop_canvas()
            if self.picture is None:
                self.picture = QLabel(self)
                self.picture.setObjectName("chartPicture")
                self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                self.holder.addWidget(self.picture)
            self.picture.setPixmap(QPixmap.fromImage(image))
            self.picture.setFixedHeight(round(image.height() / image.devicePixelRatio()))
            self.image_drawn_width = round(image.width() / image.devicePixelRatio())
            self._set_enabled(True)
            return
        if self.picture is not None:
            self.holder.removeWidget(self.picture)
            self.picture.deleteLater()
            self.picture = None
        self._drop_canvas()
        self.canvas = FigureCanvasQTAgg(figure)
        _width, height = figure.get_size_inches()
        self.canvas.setMinimumHeight(int(height * 100 * 0.9))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.canvas.setFixedHeight(int(height * 100))
        self.holder.addWidget(self.canvas)
        self.canvas.draw_idle()
        self._set_enabled(True)

    def _drop_canvas(self) -> None:
        if self.canvas is not None:
            self.holder.removeWidget(self.canvas)
            self.canvas.setParent(None)
            self.canvas.deleteLater()
            self.canvas = None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        width = self.image_width()
        if self.picture is not None and width and abs(width - self.image_drawn_width) > 4:
            self.width_changed.emit()

    # -- actions ---------------------------------------------------------------------------
    def image_bytes(self, fmt: str = "png", dpi: int = 150) -> bytes:
        """The chart as a file, always in the light scheme (it goes into client documents)."""
        buf = io.BytesIO()
        recolour(self.figure, LIGHT)
        try:
            self.figure.savefig(buf, format=fmt, dpi=dpi)
        finally:
            recolour(self.figure, current())
        return buf.getvalue()

    def copy_image(self) -> None:
        if self.figure is None:
            return
        QGuiApplication.clipboard().setImage(QImage.fromData(self.image_bytes("png")))

    def save_image(self, path: str) -> None:
        fmt = "svg" if path.lower().endswith(".svg") else "png"
        if fmt == "png" and not path.lower().endswith(".png"):
            path += ".png"
        try:  # aside, fsynced, moved when whole: a full disk leaves nothing behind
            write_bytes_checked(path, self.image_bytes(fmt))
        except (OSError, TribuneError) as exc:
            show_error(self, exc)

    def export_csv(self, path: str) -> None:
        try:
            write_chart_csv(self.key, self.data, path)
        except Exception as exc:  # shown, never lost
            show_error(self, exc)

    def _ask_save_image(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the chart"),
            f"{self.key}.png",
            self.tr("PNG image (*.png);;SVG image (*.svg)"),
        )
        if path:
            self.save_image(path)

    def _ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart's data"), f"{self.key}.csv", self.tr("CSV file (*.csv)")
        )
        if path:
            self.export_csv(path)

"""The Charts area of a client workspace: period bar, key figures, warnings, charts.

The area owns its parts: the period bar (:mod:`ui.charts.period_bar`), the key figures, the
best times, one :class:`ChartPanel` per chart (the competitors' comparison among them) and the
metrics import (:mod:`ui.charts.metrics_import`). The data is read, every figure built and
drawn to an image with Agg in a :class:`ui.operations.QueryOp` (:mod:`ui.charts.compute`); the
GUI thread only shows the pixmaps, and has them drawn again (in a worker) when the panels
change width. A result that arrives after the user switched client or period is dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app import changes
from app.charts import style as chart_style
from app.charts.figures import CHART_KEYS
from app.i18n import system_language
from app.networks import network_label
from app.services.reports.dashboard import DashboardData
from app.services.reports.periods import Period
from app.services.reports.slots import PostingHint
from ui import icons
from ui.areas import AreaServices, WorkspaceArea
from ui.charts.best_times import BestTimesBox
from ui.charts.compute import Dashboard, compute_dashboard, redraw
from ui.charts.empty_state import ChartsEmptyState
from ui.charts.key_figures import KeyFigures
from ui.charts.metrics_import import MetricsImport
from ui.charts.panel import ChartPanel
from ui.charts.period_bar import PeriodBar
from ui.design import current, set_role, theme_notifier
from ui.messages import show_error
from ui.operations import QueryOp, drop_pending


class ChartsArea(WorkspaceArea):
    """Signals:
    loaded(): the charts of the current client and period are on screen (tests wait on it).
    """

    loaded = Signal()

    def __init__(self, services: AreaServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.data: DashboardData | None = None
        self.language = services.settings.language or system_language()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        self.period_bar = PeriodBar(self.language)
        bar = self.period_bar  # its widgets under the names the tests and tools know
        self.kind, self.period_label = bar.kind, bar.period_label
        self.prev_button, self.next_button = bar.prev_button, bar.next_button
        self.start_edit, self.end_edit = bar.start_edit, bar.end_edit
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr("Import metrics: Tribune's CSV format or a Meta Business Suite export")
        )
        self.report_button = QPushButton(self.tr("Monthly report…"))
        for button, icon in ((self.import_button, "import"), (self.report_button, "report")):
            set_role(button, "secondary")
            icons.set_icon(button, icon)
        bar.add_buttons(self.import_button, self.report_button)
        outer.addWidget(bar)

        self.figures_box = KeyFigures(self.language)
        self.figures_grid = self.figures_box.grid
        self.figure_labels = self.figures_box.labels
        outer.addWidget(self.figures_box)

        self.warning = QLabel()
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setObjectName("chartsWarning")
        self.warning.setProperty("callout", "warning")  # ui/design/stylesheet.py
        self.warning.setVisible(False)
        outer.addWidget(self.warning)

        self.best_times_box = BestTimesBox(self.language)
        self.best_times = self.best_times_box.slots
        self.best_times_note = self.best_times_box.note
        outer.addWidget(self.best_times_box)

        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("chartsStatus")
        outer.addWidget(self.status)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.panels_layout = QVBoxLayout(inner)
        self.panels_layout.setContentsMargins(0, 0, 8, 0)
        self.panels: dict[str, ChartPanel] = {}
        for key in CHART_KEYS:
            panel = ChartPanel(key, inner)
            self.panels[key] = panel
            self.panels_layout.addWidget(panel)
            panel.width_changed.connect(self._schedule_redraw)
        self.panels_layout.addStretch(1)
        self._figures: dict = {}
        self._redrawing = False
        self._reload_on_show = False
        self._redraw_timer = QTimer(self, singleShot=True, interval=150)
        self._redraw_timer.timeout.connect(self._redraw)
        scroll.setWidget(inner)
        self.scroll = scroll
        outer.addWidget(scroll, 1)
        # a client with nothing at all: one empty state with a next step, not empty frames
        self.empty_state = ChartsEmptyState(self)
        self.empty_state.setVisible(False)
        outer.addWidget(self.empty_state, 1)

        self.importer = MetricsImport(self)
        self.importer.busy.connect(lambda on: self.import_button.setEnabled(not on))
        self.importer.imported.connect(self._imported)
        self.empty_state.import_requested.connect(self._ask_import)
        self.empty_state.connect_requested.connect(self._connect_account)
        self.import_button.clicked.connect(self._ask_import)
        self.report_button.clicked.connect(self.open_report_dialog)
        bar.changed.connect(lambda _period: self.reload())
        theme_notifier().changed.connect(self._scheme_changed)
        # metrics written by any seat (a sync, an import here or elsewhere): the charts follow,
        # once for a burst of changes
        self._feed_timer = QTimer(self, singleShot=True, interval=150)
        self._feed_timer.timeout.connect(self.reload)
        services.feed.changed.connect(self._feed_changed)

    # -- period (owned by the bar) ---------------------------------------------------------
    @property
    def period(self) -> Period:
        return self.period_bar.period

    def set_period(self, period: Period) -> None:
        self.period_bar.set_period(period)

    def shift(self, steps: int) -> None:
        self.period_bar.shift(steps)

    def period_text(self, today: dt.date | None = None) -> str:
        return self.period_bar.period_text(today)

    # -- data ------------------------------------------------------------------------------
    def set_client(self, client) -> None:
        super().set_client(client)
        drop_pending(self, "dashboard")
        self.reload()

    def _feed_changed(self, changeset: changes.ChangeSet) -> None:
        if self.client is not None and changeset.touches("metrics", self.client.id):
            self._feed_timer.start()

    def reload(self) -> None:
        if self.client is None:
            return
        if not self.isVisible():  # hidden: load when shown, at the panels' real width
            self._reload_on_show = True
            return
        self._reload_on_show = False
        client_id, period, language = self.client.id, self.period, self.language
        width, ratio, scheme = self._image_width(), self.devicePixelRatioF(), current()
        self.status.setText(self.tr("Loading…"))
        self.status.setVisible(True)
        QueryOp(
            self,
            lambda s: compute_dashboard(s, client_id, period, language, width, ratio, scheme),
            self._loaded,
        ).latest("dashboard").failure(self._failed).run()

    def _image_width(self) -> int | None:
        return next(iter(self.panels.values())).image_width()

    def _schedule_redraw(self) -> None:
        self._redraw_timer.start()

    def _redraw(self) -> None:
        """The panels changed width: draw the same figures again at the new width."""
        width = self._image_width()
        if not self._figures or not width:
            return
        if self._redrawing:  # one worker at a time touches the figures
            self._redraw_timer.start()
            return
        self._redrawing = True
        figures, data, ratio, scheme = self._figures, self.data, self.devicePixelRatioF(), current()

        def done(images) -> None:
            self._redrawing = False
            if figures is self._figures:  # still the figures shown
                for key, panel in self.panels.items():
                    panel.show_figure(figures[key], data, images[key])

        def failed(_exc) -> None:
            self._redrawing = False

        # no database: the op's session is left unused
        QueryOp(self, lambda _s: redraw(figures, width, ratio, scheme), done).failure(failed).run()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._reload_on_show:
            self._reload_on_show = False
            QTimer.singleShot(0, self.reload)  # once laid out: images drawn at their width

    def _scheme_changed(self, _scheme) -> None:
        if self._figures:
            self._redraw_timer.start()

    def _show_empty(self, empty: bool) -> None:
        self.empty_state.setVisible(empty)
        for widget in (self.figures_box, self.scroll, self.report_button, self.import_button):
            widget.setVisible(not empty)  # the empty state has its own import button
        self.period_bar.set_choosing(not empty)
        if empty:
            self.best_times_box.setVisible(False)
            self.warning.setVisible(False)

    def _connect_account(self) -> None:
        window = self.window()
        if hasattr(window, "edit_client"):
            window.edit_client()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The charts could not be loaded."))
        show_error(self, exc)

    def _loaded(self, result: Dashboard) -> None:
        data, figures = result.data, result.figures
        self.data, self._figures = data, figures
        for key, panel in self.panels.items():
            panel.show_figure(figures[key], data, result.images[key])
        self.figures_box.show_figures(data)
        # drawn before the panels had their width (first show): draw again at that width
        first = next(iter(self.panels.values()))
        width = first.image_width()
        if width and abs(width - first.image_drawn_width) > 4:
            self._schedule_redraw()
        self._show_warnings(data)
        self._show_best_times(result.hint)
        self._show_empty(not result.has_data)
        if data.has_metrics or not result.has_data:
            self.status.setVisible(False)
        else:
            self.status.setText(
                self.tr("No metrics for this period: connect the accounts or import a CSV export.")
            )
        self.status_message.emit(self.tr("Charts updated"))
        self.loaded.emit()

    def _show_warnings(self, data: DashboardData) -> None:
        lines = [
            self.tr(
                "Suspicious follower jump on {account}: +{gain} followers on {day} while "
                "engagement stayed flat (×{lift}). Bought or fake followers?"
            ).format(
                account=f"{network_label(j.network)} · {j.handle}",
                gain=chart_style.format_number(j.gain, self.language),
                day=chart_style.format_date(j.day, self.language, "d MMMM yyyy"),
                lift=chart_style.format_number(j.engagement_lift, self.language, 2),
            )
            for j in data.jumps
        ]
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def _show_best_times(self, hint: PostingHint) -> None:
        self.hint = hint
        self.best_times_box.show_hint(hint)

    def open_report_dialog(self) -> None:
        if self.client is None:
            return
        from ui.charts.report_dialog import ReportDialog

        month = self.period.start.replace(day=1)
        if month <= dt.date.today() <= self.period.end:  # a running period: last month's report
            month = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        dialog = ReportDialog(self.services, self.client, month, self)
        dialog.open()
        self._report_dialog = dialog

    # -- metrics import (owned by self.importer) --------------------------------------------
    def _ask_import(self) -> None:
        self.importer.ask_file()

    def import_csv(self, path: str, account: str | None = None) -> None:
        self.importer.import_csv(path, account)

    def _imported(self, result) -> None:
        self.status_message.emit(self.importer.box.text() if self.importer.box else "")
        self._feed_timer.start()  # one reload with the feed's own "metrics" change

"""The Charts area of a client workspace: period selector, key figures, warnings, charts.

The data is read, every figure built and drawn to an image with Agg in a worker
(ui.tasks.TaskRunner); the GUI thread only shows the pixmaps, and has them drawn again
(in a worker) when the panels change width. A result that arrives after the user switched
client or period is dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.charts import style as chart_style
from app.charts.figures import CHART_KEYS, build
from app.charts.render import figure_image
from app.documents import wording
from app.i18n import system_language
from app.models.client import network_label
from app.services.reports.dashboard import DashboardData, dashboard_data
from app.services.reports.empty import client_has_data
from app.services.reports.periods import Period, period_for
from app.services.reports.slots import PostingHint, posting_hint
from ui import icons
from ui.areas import AreaServices, WorkspaceArea
from ui.charts.best_times import BestTimesBox
from ui.charts.empty_state import ChartsEmptyState
from ui.charts.figure_colours import recolour
from ui.charts.key_figures import KeyFigures
from ui.charts.panel import ChartPanel
from ui.design import current, set_role, theme_notifier
from ui.messages import show_error


def compute_dashboard(
    db,
    client_id: int,
    period: Period,
    language: str,
    width: int | None = None,
    ratio=1.0,
    scheme=None,
):
    """Worker: read the data, build every figure and draw it to an image (no widget here).

    Returns (DashboardData, {chart key: Figure}, PostingHint, {chart key: QImage}, has_data):
    the images are ``width`` logical pixels wide (the figure's own size when None), in the
    palette's ``scheme``; the hint is the calendar's (best times over the twelve months up to
    today, whatever the period); ``has_data`` is False for a client with nothing at all.
    """
    with db.read() as session:
        data = dashboard_data(session, client_id, period)
        hint = posting_hint(session, client_id)
        has_data = client_has_data(session, client_id)
    figures = {key: build(key, data, language) for key in CHART_KEYS}
    if scheme is not None:
        for figure in figures.values():
            recolour(figure, scheme)
    return data, figures, hint, draw_images(figures, width, ratio), has_data


def draw_images(figures: dict, width: int | None, ratio: float) -> dict:
    """Worker: every figure drawn by Agg (the GUI thread only shows the pixmaps)."""
    return {key: figure_image(fig, width, ratio) for key, fig in figures.items()}


class ChartsArea(WorkspaceArea):
    """Signals:
    loaded(): the charts of the current client and period are on screen (tests wait on it).
    """

    loaded = Signal()

    def __init__(self, services: AreaServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        # the last 28 days: on the 5th, "this month" would be four days of lines
        self.period = period_for("last28", dt.date.today())
        self.data: DashboardData | None = None
        self._request = 0
        self.language = services.settings.language or system_language()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        for key, label in (
            ("last28", self.tr("Last 28 days")),
            ("week", self.tr("Week")),
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("custom", self.tr("Custom")),
        ):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(self.kind.findData("last28"))
        self.prev_button = QToolButton()
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.prev_button.setAccessibleName(self.tr("Previous period"))
        icons.set_icon(self.prev_button, "back")
        self.next_button = QToolButton()
        self.next_button.setToolTip(self.tr("Next period"))
        self.next_button.setAccessibleName(self.tr("Next period"))
        icons.set_icon(self.next_button, "forward")
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.start_edit = QDateEdit(calendarPopup=True)
        self.end_edit = QDateEdit(calendarPopup=True)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd/MM/yyyy" if self.language == "fr" else "yyyy-MM-dd")
            edit.setVisible(False)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr("Import metrics: Tribune's CSV format or a Meta Business Suite export")
        )
        self.report_button = QPushButton(self.tr("Monthly report…"))
        set_role(self.import_button, "secondary")
        set_role(self.report_button, "secondary")
        icons.set_icon(self.import_button, "import")
        icons.set_icon(self.report_button, "report")
        self.period_caption = QLabel(self.tr("Period:"))
        bar.addWidget(self.period_caption)
        bar.addWidget(self.kind)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.period_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.start_edit)
        bar.addWidget(self.end_edit)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.report_button)
        outer.addLayout(bar)

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
        self.panels_layout.addStretch(1)
        self._figures: dict = {}
        self._redrawing = False
        self._redraw_timer = QTimer(self, singleShot=True, interval=150)
        self._redraw_timer.timeout.connect(self._redraw)
        for panel in self.panels.values():
            panel.width_changed.connect(self._schedule_redraw)
        scroll.setWidget(inner)
        self.scroll = scroll
        outer.addWidget(scroll, 1)
        # a client with nothing at all: one empty state with a next step, not empty frames
        self.empty_state = ChartsEmptyState(self)
        self.empty_state.import_requested.connect(self._ask_import)
        self.empty_state.connect_requested.connect(self._connect_account)
        self.empty_state.setVisible(False)
        outer.addWidget(self.empty_state, 1)
        theme_notifier().changed.connect(self._scheme_changed)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.prev_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.start_edit.dateChanged.connect(self._custom_changed)
        self.end_edit.dateChanged.connect(self._custom_changed)
        self.report_button.clicked.connect(self.open_report_dialog)
        self.import_button.clicked.connect(self._ask_import)
        self._show_period()

    # -- period ----------------------------------------------------------------------------
    def set_period(self, period: Period) -> None:
        self.period = period
        self._show_period()
        self.reload()

    def shift(self, steps: int) -> None:
        self.set_period(self.period.shifted(steps))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        custom = kind == "custom"
        for edit in (self.start_edit, self.end_edit):
            edit.setVisible(custom)
        self.prev_button.setVisible(True)
        self.next_button.setVisible(True)
        if custom:
            start, end = self.period.start, self.period.end
            for edit, day in ((self.start_edit, start), (self.end_edit, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
            self.set_period(Period("custom", start, end))
        else:
            self.set_period(period_for(kind, self.period.end))

    def _custom_changed(self) -> None:
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        if end < start:
            return
        self.set_period(period_for("custom", start, end))

    def period_text(self, today: dt.date | None = None) -> str:
        """ "décembre 2026", or "du 1er au 5 décembre 2026 (en cours)" while it runs."""
        p, lang = self.period, self.language
        today = today or dt.date.today()
        if p.kind == "last28" and p.end == today:
            return self.tr("Last 28 days ({range})").format(
                range=wording.period(p.start, p.end, lang)
            )
        if p.is_partial(today):  # the days that have data so far, said as such
            return self.tr("{range} (so far)").format(range=wording.period(p.start, today, lang))
        if p.kind == "month":
            return chart_style.format_date(p.start, lang, "MMMM yyyy")
        if p.kind == "quarter":
            return self.tr("Q{n} {year}").format(n=(p.start.month - 1) // 3 + 1, year=p.start.year)
        return wording.period(p.start, p.end, lang)

    def _show_period(self) -> None:
        self.period_label.setText(self.period_text())

    # -- data ------------------------------------------------------------------------------
    def set_client(self, client) -> None:
        super().set_client(client)
        self.reload()

    def reload(self) -> None:
        if self.client is None:
            return
        if not self.isVisible():  # hidden: load when shown, at the panels' real width
            self._reload_on_show = True
            return
        self._reload_on_show = False
        self._request += 1
        request, client_id, period = self._request, self.client.id, self.period
        self.status.setText(self.tr("Loading…"))
        self.status.setVisible(True)
        db, language = self.services.db, self.language
        width, ratio = self._image_width(), self.devicePixelRatioF()
        scheme = current()
        self.services.tasks.run(
            lambda: compute_dashboard(db, client_id, period, language, width, ratio, scheme),
            lambda result: self._loaded(request, result),
            lambda exc: self._failed(request, exc),
        )

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
        request, figures, ratio = self._request, self._figures, self.devicePixelRatioF()
        scheme = current()

        def done(images) -> None:
            self._redrawing = False
            if request == self._request:
                for key, panel in self.panels.items():
                    panel.show_figure(figures[key], self.data, images[key])

        def failed(exc) -> None:
            self._redrawing = False

        def work():
            for figure in figures.values():
                recolour(figure, scheme)
            return draw_images(figures, width, ratio)

        self.services.tasks.run(work, done, failed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_reload_on_show", False):
            self._reload_on_show = False
            QTimer.singleShot(0, self.reload)  # once laid out: images drawn at their width

    def _scheme_changed(self, _scheme) -> None:
        if self._figures:
            self._redraw_timer.start()

    def _show_empty(self, empty: bool) -> None:
        self.empty_state.setVisible(empty)
        for widget in (
            self.figures_box,
            self.scroll,
            self.kind,
            self.prev_button,
            self.period_caption,
        ):
            widget.setVisible(not empty)
        self.next_button.setVisible(not empty)
        self.period_label.setVisible(not empty)
        self.report_button.setVisible(not empty)
        self.import_button.setVisible(not empty)  # the empty state has its own
        if empty:
            self.best_times_box.setVisible(False)
            self.warning.setVisible(False)

    def _connect_account(self) -> None:
        window = self.window()
        if hasattr(window, "edit_client"):
            window.edit_client()

    def _failed(self, request: int, exc: BaseException) -> None:
        if request == self._request:
            self.status.setText(self.tr("The charts could not be loaded."))
            show_error(self, exc)

    def _loaded(self, request: int, result) -> None:
        if request != self._request:
            return  # the user moved on: an older answer
        data, figures, hint, images, has_data = result
        self.data, self._figures = data, figures
        for key, panel in self.panels.items():
            panel.show_figure(figures[key], data, images[key])
        self.figures_box.show_figures(data)
        # drawn before the panels had their width (first show): draw again at that width
        first = next(iter(self.panels.values()))
        width = first.image_width()
        if width and abs(width - first.image_drawn_width) > 4:
            self._schedule_redraw()
        self._show_warnings(data)
        self._show_best_times(hint)
        self._show_empty(not has_data)
        if data.has_metrics or not has_data:
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

    # -- metrics import ----------------------------------------------------------------------
    def _ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import metrics"), "", self.tr("CSV file (*.csv)")
        )
        if path:
            self.import_csv(path)

    def import_csv(self, path: str, account: str | None = None) -> None:
        """Import ``path`` off the GUI thread; asks for the account when the export needs it."""
        if self.client is None:
            return
        from app.services.reports.metrics_import import import_metrics_csv

        db, client_id = self.services.db, self.client.id

        def work():
            with db.session() as session:
                return import_metrics_csv(session, client_id, path, account=account)

        self.import_button.setEnabled(False)
        self.services.tasks.run(
            work, self._imported, lambda exc: self._import_failed(path, account, exc)
        )

    def _import_failed(self, path: str, account, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        from app.errors import ValidationError

        if isinstance(exc, ValidationError) and exc.field == "account" and account is None:
            choice = self.ask_account()
            if choice:
                self.import_csv(path, choice)
            return
        show_error(self, exc)

    def ask_account(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        accounts = [f"{a.network}:{a.handle}" for a in (self.client.accounts or ())]
        if not accounts and self.data is not None:
            accounts = [f"{a.network}:{a.handle}" for a in self.data.accounts]
        item, ok = QInputDialog.getItem(
            self, self.tr("Import metrics"), self.tr("Account of this export:"), accounts, 0, False
        )
        return item if ok and item else None

    def _imported(self, result) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.import_button.setEnabled(True)
        self.last_import = result
        lines = [
            self.tr("{rows} rows imported, {errors} rejected.").format(
                rows=result.rows, errors=len(result.errors)
            )
        ]
        lines += [
            self.tr("Line {line}: {reason}").format(line=e.line, reason=e.reason)
            for e in result.errors[:20]
        ]
        self.status_message.emit(lines[0])
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Import metrics"), lines[0], parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if result.errors:
            box.setDetailedText("\n".join(lines[1:]))
        box.open()
        self._import_box = box
        self.reload()

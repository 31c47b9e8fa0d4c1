"""The Charts area of a client workspace: period selector, key figures, warnings, charts.

The data is read and every figure built in a worker (ui.tasks.TaskRunner); the GUI thread
only wraps the figures in canvases, which paint with ``draw_idle``. A result that arrives
after the user switched client or period is dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
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
from app.i18n import system_language
from app.services.dashboard import DashboardData, dashboard_data
from app.services.dashboard_periods import PERIOD_KINDS, Period, period_for
from ui.areas import AreaServices, WorkspaceArea
from ui.charts.panel import ChartPanel
from ui.messages import show_error


def compute_dashboard(db, client_id: int, period: Period, language: str):
    """Worker: read the data and build every figure (no widget touched here)."""
    with db.read() as session:
        data = dashboard_data(session, client_id, period)
    return data, {key: build(key, data, language) for key in CHART_KEYS}


class ChartsArea(WorkspaceArea):
    """Signals:
    loaded(): the charts of the current client and period are on screen (tests wait on it).
    """

    loaded = Signal()

    def __init__(self, services: AreaServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.period = period_for("month", dt.date.today())
        self.data: DashboardData | None = None
        self._request = 0
        self.language = services.settings.language or system_language()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        for key, label in (
            ("week", self.tr("Week")),
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("custom", self.tr("Custom")),
        ):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(PERIOD_KINDS.index("month"))
        self.prev_button = QToolButton(text="◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.next_button = QToolButton(text="▶")
        self.next_button.setToolTip(self.tr("Next period"))
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
        bar.addWidget(QLabel(self.tr("Period:")))
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

        self.figures_box = QFrame()
        self.figures_box.setObjectName("keyFigures")
        self.figures_grid = QGridLayout(self.figures_box)
        self.figures_grid.setContentsMargins(0, 4, 0, 4)
        self.figure_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        outer.addWidget(self.figures_box)

        self.warning = QLabel()
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setObjectName("chartsWarning")
        self.warning.setStyleSheet(
            "QLabel#chartsWarning { background: #fff4e6; color: #a33a00; border: 1px solid #ffc078;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.warning.setVisible(False)
        outer.addWidget(self.warning)

        self.best_times = QLabel()
        self.best_times.setObjectName("chartsBestTimes")
        self.best_times.setTextFormat(Qt.TextFormat.PlainText)
        self.best_times.setVisible(False)
        outer.addWidget(self.best_times)

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
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)

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

    def period_text(self) -> str:
        p, lang = self.period, self.language
        if p.kind == "month":
            return chart_style.format_date(p.start, lang, "MMMM yyyy")
        if p.kind == "quarter":
            return self.tr("Q{n} {year}").format(n=(p.start.month - 1) // 3 + 1, year=p.start.year)
        return "{} – {}".format(
            chart_style.format_date(p.start, lang, "d MMM yyyy"),
            chart_style.format_date(p.end, lang, "d MMM yyyy"),
        )

    def _show_period(self) -> None:
        self.period_label.setText(self.period_text())

    # -- data ------------------------------------------------------------------------------
    def set_client(self, client) -> None:
        super().set_client(client)
        self.reload()

    def reload(self) -> None:
        if self.client is None:
            return
        self._request += 1
        request, client_id, period = self._request, self.client.id, self.period
        self.status.setText(self.tr("Loading…"))
        self.status.setVisible(True)
        db, language = self.services.db, self.language
        self.services.tasks.run(
            lambda: compute_dashboard(db, client_id, period, language),
            lambda result: self._loaded(request, result),
            lambda exc: self._failed(request, exc),
        )

    def _failed(self, request: int, exc: BaseException) -> None:
        if request == self._request:
            self.status.setText(self.tr("The charts could not be loaded."))
            show_error(self, exc)

    def _loaded(self, request: int, result) -> None:
        if request != self._request:
            return  # the user moved on: an older answer
        data, figures = result
        self.data = data
        for key, panel in self.panels.items():
            panel.show_figure(figures[key], data)
        self._show_figures(data)
        self._show_warnings(data)
        self._show_best_times(data)
        if data.has_metrics:
            self.status.setVisible(False)
        else:
            self.status.setText(
                self.tr("No metrics for this period: connect the accounts or import a CSV export.")
            )
        self.status_message.emit(self.tr("Charts updated"))
        self.loaded.emit()

    def figure_names(self) -> dict[str, str]:
        return {
            "followers": self.tr("Followers"),
            "follower_growth": self.tr("New followers"),
            "impressions": self.tr("Impressions"),
            "engagements": self.tr("Engagements"),
            "engagement_rate": self.tr("Engagement rate"),
            "clicks": self.tr("Clicks"),
            "posts": self.tr("Posts"),
            "messages": self.tr("Messages"),
            "answered_within_delay": self.tr("Answered in time"),
        }

    def _show_figures(self, data: DashboardData) -> None:
        names = self.figure_names()
        for col, figure in enumerate(data.key_figures):
            if figure.key not in self.figure_labels:
                name, value, change = QLabel(names[figure.key]), QLabel(), QLabel()
                name.setObjectName("keyFigureName")
                value.setObjectName("keyFigureValue")
                value.setStyleSheet("font-size: 15pt; font-weight: 600;")
                change.setObjectName("keyFigureChange")
                self.figures_grid.addWidget(name, 0, col)
                self.figures_grid.addWidget(value, 1, col)
                self.figures_grid.addWidget(change, 2, col)
                self.figure_labels[figure.key] = (name, value, change)
            _name, value, change = self.figure_labels[figure.key]
            value.setText(self.format_figure(figure.key, figure.value))
            if figure.change is None:
                change.setText(self.tr("no comparison"))
                change.setStyleSheet("color: #6b7385;")
            else:
                pct = chart_style.format_number(figure.change * 100, self.language, 1)
                sign = "+" if figure.change >= 0 else ""
                change.setText(self.tr("{change} % vs previous").format(change=sign + pct))
                colour = "#2f9e44" if figure.change >= 0 else "#e03131"
                change.setStyleSheet(f"color: {colour};")

    def format_figure(self, key: str, value) -> str:
        if value is None:
            return "—"
        if key in ("engagement_rate", "answered_within_delay"):
            return chart_style.format_number(value * 100, self.language, 1) + " %"
        return chart_style.format_number(value, self.language)

    def _show_warnings(self, data: DashboardData) -> None:
        lines = [
            self.tr(
                "Suspicious follower jump on {account}: +{gain} followers on {day} while "
                "engagement stayed flat (×{lift}). Bought or fake followers?"
            ).format(
                account=f"{j.network} · {j.handle}",
                gain=chart_style.format_number(j.gain, self.language),
                day=chart_style.format_date(j.day, self.language, "d MMMM yyyy"),
                lift=chart_style.format_number(j.engagement_lift, self.language, 2),
            )
            for j in data.jumps
        ]
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def _show_best_times(self, data: DashboardData) -> None:
        days = chart_style.weekday_names(self.language)
        slots = ", ".join(f"{days[d]} {h} h" for d, h in data.best_slots)
        self.best_times.setText(
            self.tr("Best times to post (engagement over the last 12 months): {slots}").format(
                slots=slots
            )
            if slots
            else ""
        )
        self.best_times.setVisible(bool(slots))

    def open_report_dialog(self) -> None:
        if self.client is None:
            return
        from ui.charts.report_dialog import ReportDialog

        month = self.period.start
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
        from app.services.metrics_import import import_metrics_csv

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

"""The key figures of the Charts area, in rows of five with their change."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from app.charts import style as chart_style
from app.services.reports.dashboard import DashboardData
from ui.design import set_text_style, set_tone

FIGURES_PER_ROW = 5  # nine figures side by side forced the main window wider than 1400 px


class KeyFigures(QFrame):
    """Name, value and change against the previous period of each key figure."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("keyFigures")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(0)
        for col in range(FIGURES_PER_ROW):
            self.grid.setColumnStretch(col, 1)
        self.labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}

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

    def show_figures(self, data: DashboardData) -> None:
        names = self.figure_names()
        for index, figure in enumerate(data.key_figures):
            # rows of FIGURES_PER_ROW: nine figures side by side forced the window wider
            row, col = divmod(index, FIGURES_PER_ROW)
            if figure.key not in self.labels:
                name, value, change = QLabel(names[figure.key]), QLabel(), QLabel()
                name.setObjectName("keyFigureName")
                value.setObjectName("keyFigureValue")
                set_text_style(value, "title")
                change.setObjectName("keyFigureChange")
                self.grid.addWidget(name, 3 * row, col)
                self.grid.addWidget(value, 3 * row + 1, col)
                self.grid.addWidget(change, 3 * row + 2, col)
                if row:  # a gap between two rows of figures
                    name.setContentsMargins(0, 8, 0, 0)
                self.labels[figure.key] = (name, value, change)
            _name, value, change = self.labels[figure.key]
            value.setText(self.format_figure(figure.key, figure.value))
            if figure.change is None:
                change.setText(self.tr("no comparison"))
                set_tone(change, "muted")
            else:
                # "+2,0 % vs précédente" / "+2.0% vs previous": the locale's percent sign
                pct = chart_style.format_percent(figure.change * 100, self.language, 1)
                pct = pct.replace("-", "\u2212")  # a true minus sign
                sign = "+" if figure.change >= 0 else ""
                change.setText(self.tr("{change} vs previous").format(change=sign + pct))
                # palette tones: AA contrast in both schemes (the old green read at 3.2:1)
                set_tone(change, "success" if figure.change >= 0 else "danger")

    def format_figure(self, key: str, value) -> str:
        if value is None:
            return "—"
        if key in ("engagement_rate", "answered_within_delay"):
            return chart_style.format_percent(value * 100, self.language, 1)
        return chart_style.format_number(value, self.language)

"""The calendar's posting hint in the Charts area: the best times to post and their basis."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.charts import style as chart_style
from app.documents import wording
from app.services.reports.slots import PostingHint
from ui.design import set_tone


class BestTimesBox(QFrame):
    """« Best times to post: mer. 18 h · mar. 12 h » with the averages and the posts counted."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("chartsBestTimesBox")
        self.setProperty("callout", "info")  # ui/design/stylesheet.py, both schemes
        box = QHBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        self.title = QLabel(self.tr("Best times to post:"))
        self.title.setStyleSheet("font-weight: 600;")
        self.slots = QLabel()
        self.slots.setObjectName("chartsBestTimes")
        self.slots.setTextFormat(Qt.TextFormat.PlainText)
        self.slots.setStyleSheet("font-weight: 600;")
        set_tone(self.slots, "accent")
        self.note = QLabel()
        self.note.setObjectName("chartsBestTimesNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        set_tone(self.note, "muted")
        box.addWidget(self.title)
        box.addWidget(self.slots)
        box.addWidget(self.note, 1)
        self.setVisible(False)

    def show_hint(self, hint: PostingHint) -> None:
        lang = self.language
        days = chart_style.weekday_names(lang)
        self.slots.setText(
            "  ·  ".join(
                f"{days[s.weekday]} {wording.clock_time(dt.time(s.hour), lang)}" for s in hint.slots
            )
        )
        self.slots.setVisible(bool(hint.slots))
        if hint.slots:
            note = self.tr(
                "{engagements} engagements per post on average; from {posts} posts published "
                "since {start}. The calendar suggests these times when you plan a post."
            ).format(
                engagements=" / ".join(
                    chart_style.format_number(s.average_engagements, lang) for s in hint.slots
                ),
                posts=chart_style.format_number(hint.posts, lang),
                start=chart_style.format_date(hint.start, lang, "d MMMM yyyy"),
            )
        else:
            note = self.tr(
                "Not enough published posts with metrics yet: a time is suggested once "
                "{n} posts went out on the same weekday and hour."
            ).format(n=hint.min_posts_per_slot)
        self.note.setText(note)
        self.setVisible(True)

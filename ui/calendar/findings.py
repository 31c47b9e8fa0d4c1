"""The charter check as a list of findings, and the legend bar under the calendar.

Each finding of :func:`app.services.calendar.check.check_calendar` is one row: a painted
severity mark (no emoji the UI font may lack), the message as plain text. A click or the
arrow keys select the post or day it concerns; Enter or a double-click opens it.

Signals of :class:`FindingsList`:
    finding_selected(object, object): (post id or None, ``datetime.date`` or None).
    finding_activated(object, object): the same, Enter or double-click.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.textsafe import escape
from ui.calendar.painting import status_legend
from ui.design import current

POST_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_TOKENS = {"error": "danger", "warning": "warning", "hint": "accent_text"}


def severity_colour(severity: str) -> str:
    """The palette colour of a finding's severity, in the scheme on screen."""
    return getattr(current(), SEVERITY_TOKENS.get(severity, "text_muted"))


def severity_icon(severity: str, size: int = 16) -> QIcon:
    """A red disc with "!", an amber triangle with "!", a blue disc with "i"."""
    ratio = 2.0
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(severity_colour(severity)))
    box = QRectF(1, 1, size - 2, size - 2)
    if severity == "warning":
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(size / 2, 1),
                    QPointF(size - 1, size - 1.5),
                    QPointF(1, size - 1.5),
                ]
            )
        )
        box = QRectF(1, 3, size - 2, size - 3)
    else:
        p.drawEllipse(box)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    p.setFont(font)
    p.setPen(QColor(current().surface))  # the mark cut out of the disc
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, "i" if severity == "hint" else "!")
    p.end()
    return QIcon(pixmap)


class FindingsList(QListWidget):
    finding_selected = Signal(object, object)
    finding_activated = Signal(object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarFindings")
        self.setWordWrap(True)
        self.setIconSize(QSize(16, 16))
        self.setSpacing(2)
        self.setUniformItemSizes(False)
        self.setAlternatingRowColors(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._icons = {s: severity_icon(s) for s in SEVERITY_TOKENS}
        self.currentItemChanged.connect(self._current_changed)
        self.itemActivated.connect(self._activated)  # Enter, or a double-click

    def set_findings(self, findings, empty_text: str) -> None:
        self.blockSignals(True)
        self.clear()
        names = {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "hint": self.tr("Suggestion"),
        }
        for f in findings:
            item = QListWidgetItem(self._icons.get(f.severity, QIcon()), f.message)
            item.setData(POST_ROLE, f.post_id)
            item.setData(DAY_ROLE, f.day)
            item.setData(SEVERITY_ROLE, f.severity)
            hint = (
                self.tr("Click: show the post · Enter: open it")
                if f.post_id
                else self.tr("Click: show the day · Enter: open its week")
                if f.day
                else ""
            )
            item.setToolTip(
                # a finding quotes a post's title: plain text, escaped by the view
                "\n".join(x for x in (names.get(f.severity, ""), hint) if x)
            )
            self.addItem(item)
        if not findings:
            item = QListWidgetItem(empty_text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(QColor(current().success))
            self.addItem(item)
        self.blockSignals(False)

    @staticmethod
    def _target(item: QListWidgetItem | None) -> tuple[object, object]:
        if item is None:
            return None, None
        return item.data(POST_ROLE), item.data(DAY_ROLE)

    def _current_changed(self, current, _previous) -> None:
        post_id, day = self._target(current)
        if post_id or day:
            self.finding_selected.emit(post_id, day)

    def mouseReleaseEvent(self, event) -> None:
        """A click on the finding already current shows its post or day again."""
        item = self.itemAt(event.position().toPoint())
        again = item is not None and item is self.currentItem()
        super().mouseReleaseEvent(event)
        if again:
            self._current_changed(item, None)

    def _activated(self, item: QListWidgetItem) -> None:
        post_id, day = self._target(item)
        if post_id or day:
            self.finding_activated.emit(post_id, day)


class CalendarLegend(QLabel):
    """One line under the calendar (two when narrow): the status marks and the check's dots.

    A wrapping label, so the legend never sets the window's minimum width.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarLegend")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)  # our own words, escaped: colours only
        self.parts: list[tuple[str, str]] = [
            (f"{mark} {name}", current().text_muted) for mark, name in status_legend()
        ]
        self.parts.append(("● " + self.tr("charter error"), severity_colour("error")))
        self.parts.append(("● " + self.tr("charter warning"), severity_colour("warning")))
        self.setText(
            " &nbsp; ".join(
                f"<span style='color:{colour}; white-space:nowrap;'>{escape(text)}</span>"
                for text, colour in self.parts
            )
        )
        self.setToolTip(
            self.tr(
                "Status of each post, and the charter check's marks: a red dot on a post, an "
                "error; an orange dot, a warning"
            )
        )

    def plain_text(self) -> str:
        return " ".join(text for text, _colour in self.parts)


class CheckPanel(QWidget):
    """The charter check's side panel — a part the calendar area owns (``area.check``): a
    toolbar toggle (``check_button``) gives its width back to the calendar; filled by
    :meth:`show_findings`; a finding leads to its post or day."""

    def __init__(self, area, check_button) -> None:
        super().__init__()
        self.area = area
        self.setObjectName("calendarCheckPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Charter check"))
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        self.findings = FindingsList()
        self.findings.finding_selected.connect(self.show_finding)
        self.findings.finding_activated.connect(self._finding_activated)
        layout.addWidget(self.findings)
        self.check_button = check_button
        check_button.setCheckable(True)
        check_button.setChecked(True)
        check_button.setText(self.tr("Check"))
        check_button.setToolTip(
            self.tr(
                "Show or hide the charter check: what the charter says about the posts shown "
                "(hidden: wider days)"
            )
        )
        check_button.toggled.connect(self.setVisible)
        settings = getattr(getattr(area, "services", None), "settings", None)
        if settings is not None:  # shown or hidden as the user left it
            shown = settings.panel_shown("calendar_check")
            check_button.setChecked(shown)
            self.setVisible(shown)
            check_button.toggled.connect(lambda on: settings.set_panel_shown("calendar_check", on))

    def show_findings(self, findings) -> None:
        self.findings.set_findings(
            findings, self.tr("Nothing to report: the calendar follows the charter.")
        )
        serious = sum(1 for f in findings if f.severity in ("error", "warning"))
        text = self.tr("Check")
        self.check_button.setText(f"{text} · {serious}" if serious else text)

    def show_finding(self, post_id, day) -> None:
        """A finding clicked: select its post (or day) in the view shown."""
        area = self.area
        chip = area._chips.get(post_id) if post_id else None
        if chip is not None:
            day = chip.planned_at.astimezone(area.zone).date()
        if area.view == "list":
            area.set_view("month")
        start, end = area.period()
        for view in (area.month_view, area.week_view):
            view.selected_id = post_id if chip is not None else None
        area.month_view.selected_day = day
        if day is not None and not (start <= day <= end):
            area.go_to(day)  # reloads; the selection is kept for the chips painted then
        area.month_view.update()
        area.week_view.update()

    def _finding_activated(self, post_id, day) -> None:
        """Enter or a double-click on a finding: open its post, or the week of its day."""
        if post_id:
            self.area.open_editor(post_id=post_id)
        elif day is not None:
            self.area._open_week(day)

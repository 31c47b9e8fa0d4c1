"""The Charts area driven like a user: periods, clients, exports and the report dialog."""

from __future__ import annotations

import datetime as dt
import subprocess
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt

from app.connectors.contract import AccountMetricSample
from app.services.clients import workspaces as clients
from app.services.reports.commentary import get_commentary
from app.services.reports.metrics import record_account_samples


@pytest.fixture(autouse=True)
def _mid_month(time_machine):
    """The area opens on the current month, and the fixture's follower jump is nine days back:
    a fixed mid-month day keeps both in one month whatever the date the suite runs on."""
    time_machine.move_to(
        dt.datetime(2026, 6, 20, 10, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=True
    )


@pytest.fixture
def two_clients(sqlite_db):
    today = dt.date.today()
    ids = []
    with sqlite_db.session() as s:
        for name, base, jump in (("Aquarelle", 10000, True), ("Nuage", 500, False)):
            c = clients.create_client(s, name)
            acc = clients.add_account(
                s, c.id, "instagram", name.lower(), base_url="https://x.example"
            )
            samples = []
            for i in range(150):
                day = today - dt.timedelta(days=149 - i)
                followers = base + 7 * i + (3000 if jump and i >= 140 else 0)
                samples.append(
                    AccountMetricSample(
                        acc.id,
                        day,
                        followers=followers,
                        impressions=base // 10,
                        engagements=base // 200,
                        posts=i % 2,
                    )
                )
            record_account_samples(s, c.id, samples)
            ids.append(c.id)
    return ids


def _charts(qtbot, window):
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.reload_clients()
    window.show_area("charts")
    area = window._areas["charts"]
    qtbot.waitUntil(lambda: area.data is not None, timeout=20000)
    return area


def test_switch_periods_and_clients(qtbot, main_window, two_clients):
    first, second = two_clients
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients()
    main_window.select_client(first)
    area = _charts(qtbot, main_window)
    qtbot.waitUntil(lambda: area.data.client_id == first, timeout=20000)
    panel = area.panels["audience"]
    # drawn by Agg in the worker: the GUI thread only shows the pixmap, filling the panel
    assert panel.canvas is None and not panel.picture.pixmap().isNull()
    qtbot.waitUntil(lambda: abs(panel.image_drawn_width - panel.image_width()) <= 4, timeout=20000)
    assert not area.best_times.isVisible()  # no post metrics here: no hint made up
    assert area.best_times_box.isVisible()
    assert area.best_times_note.text().startswith("Not enough published posts with metrics")
    month_label = area.period_label.text()
    followers = area.figure_labels["followers"][1].text()
    assert area.warning.isVisible() and "+3" in area.warning.text()  # the bought followers

    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.kind.setCurrentIndex(area.kind.findData("quarter"))
    assert area.data.period.kind == "quarter" and area.period_label.text() != month_label
    assert area.data.period.days > 80
    with qtbot.waitSignal(area.loaded, timeout=20000):
        qtbot.mouseClick(area.prev_button, Qt.MouseButton.LeftButton)
    assert area.data.period.end < dt.date.today() - dt.timedelta(days=20)
    assert not area.warning.isVisible()  # no jump back then

    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.kind.setCurrentIndex(area.kind.findData("custom"))
    assert area.start_edit.isVisible() and area.data.period.kind == "custom"
    start = dt.date.today() - dt.timedelta(days=20)
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.end_edit.setDate(dt.date.today())
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.start_edit.setDate(start)
    assert area.data.period.start == start and area.data.jumps  # the jump is back in range
    assert area.warning.isVisible()

    with qtbot.waitSignal(area.loaded, timeout=20000):
        main_window.select_client(second)
    assert area.data.client_id == second
    assert area.figure_labels["followers"][1].text() != followers
    assert main_window.windowTitle() == "Tribune — Nuage"


def test_charts_fit_a_1400_px_window(qtbot, main_window, two_clients):
    main_window.resize(1400, 860)
    main_window.select_client(two_clients[0])
    area = _charts(qtbot, main_window)
    qtbot.waitUntil(lambda: area.data.client_id == two_clients[0], timeout=20000)
    assert len(area.figure_labels) == 9
    # the nine key figures wrap in rows of five instead of forcing the window wider
    rows = {
        area.figures_grid.getItemPosition(area.figures_grid.indexOf(v))[0]
        for _n, v, _c in area.figure_labels.values()
    }
    assert rows == {1, 4}
    assert area.minimumSizeHint().width() < 1000
    qtbot.wait(50)
    assert main_window.width() == 1400
    assert main_window.minimumSizeHint().width() <= 1400
    panel = area.panels["heatmap"]
    qtbot.waitUntil(lambda: abs(panel.image_drawn_width - panel.image_width()) <= 4, timeout=20000)
    before = panel.image_drawn_width
    main_window.resize(1200, 860)  # narrower: the charts are drawn again, off the GUI thread
    qtbot.waitUntil(lambda: panel.image_drawn_width < before - 30, timeout=20000)
    assert abs(panel.image_drawn_width - panel.image_width()) <= 4
    assert panel.picture.height() == round(
        panel.picture.pixmap().height() / panel.picture.pixmap().devicePixelRatio()
    )


def test_best_times_to_post_are_the_calendars_hint(qtbot, main_window, two_clients, sqlite_db):
    from app.connectors.contract import PostMetricSample
    from app.services.reports.dashboard import best_posting_slots
    from app.services.reports.metrics import record_post_samples

    first = two_clients[0]
    with sqlite_db.read() as s:
        tz = ZoneInfo(clients.get_client(s, first).timezone)
    samples, details = [], {}
    for week in range(1, 6):  # five Wednesdays at 18:00 local time, well liked
        day = dt.date.today() - dt.timedelta(weeks=week)
        day -= dt.timedelta(days=(day.weekday() - 2) % 7)
        samples.append(PostMetricSample("instagram", f"w{week}", day, reactions=200 + week))
        details[f"w{week}"] = {"published_at": dt.datetime.combine(day, dt.time(18), tz)}
    with sqlite_db.session() as s:
        record_post_samples(s, first, samples, details=details)
    with sqlite_db.read() as s:
        slots = best_posting_slots(s, first)
    main_window.select_client(first)
    area = _charts(qtbot, main_window)
    qtbot.waitUntil(lambda: area.data.client_id == first, timeout=20000)
    assert slots == ((2, 18),)
    assert area.best_times.isVisible() and area.best_times.text() == "Wed 6:00\u00a0PM"
    assert "203 engagements per post on average; from 5 posts" in area.best_times_note.text()


def test_export_chart_and_write_report(qtbot, main_window, two_clients, sqlite_db, tmp_path):
    area = _charts(qtbot, main_window)
    main_window.select_client(two_clients[0])
    qtbot.waitUntil(lambda: area.data.client_id == two_clients[0], timeout=20000)
    panel = area.panels["audience"]
    panel.export_csv(str(tmp_path / "audience.csv"))
    lines = (tmp_path / "audience.csv").read_text(encoding="utf-8").splitlines()
    assert (
        lines[0] == "date,instagram:aquarelle:followers" and len(lines) == area.data.period.days + 1
    )
    panel.save_image(str(tmp_path / "audience.svg"))
    panel.save_image(str(tmp_path / "audience.png"))
    assert (tmp_path / "audience.svg").read_text().lstrip().startswith("<?xml")
    assert (tmp_path / "audience.png").read_bytes()[:4] == b"\x89PNG"
    panel.copy_image()
    from PySide6.QtGui import QGuiApplication

    assert not QGuiApplication.clipboard().image().isNull()

    area.open_report_dialog()
    dialog = area._report_dialog
    assert dialog.successes.isReadOnly()  # until the month's commentary is read (worker)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
    assert not dialog.successes.isReadOnly()
    dialog.successes.insertPlainText("Concours « fête des mères » réussi")
    dialog.failures.insertPlainText("Un pic d'abonnés suspect")
    assert dialog.report_language() == (area.client.language or "fr")
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    opened = []
    dialog.open_url = opened.append
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(dialog.written, timeout=30000):
        dialog.write_pdf(str(out))
    assert [u.toLocalFile() for u in opened] == [str(out)]  # shown in the PDF viewer
    with sqlite_db.read() as s:
        saved = get_commentary(s, two_clients[0], dialog.month_key())
    assert saved.successes == "Concours « fête des mères » réussi"
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Concours « fête des mères » réussi" in text and "Un pic d'abonnés suspect" in text
    assert "Report written" in dialog.info.text()
    assert "Rapport mensuel" in text  # the report's language, the interface stays English
    assert "Report written" in dialog.info.text()

    other = tmp_path / "cancelled.pdf"
    with qtbot.waitSignal(dialog.cancelled, timeout=30000):
        dialog.write_pdf(str(other))
        assert dialog.cancel_button.isVisible() and not dialog.pdf_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not other.exists() and not list(tmp_path.glob(".tribune-*"))
    assert dialog.info.text() == "Cancelled: no PDF was written."
    assert dialog.pdf_button.isEnabled() and not dialog.cancel_button.isVisible()
    assert len(opened) == 1


def test_report_commentary_is_kept_when_the_month_changes_and_on_close(
    qtbot, main_window, two_clients, sqlite_db
):
    area = _charts(qtbot, main_window)
    main_window.select_client(two_clients[0])
    qtbot.waitUntil(lambda: area.data.client_id == two_clients[0], timeout=20000)
    area.open_report_dialog()
    dialog = area._report_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
    first = dialog.month_key()
    qtbot.keyClicks(dialog.successes, "Bon mois")
    with qtbot.waitSignal(dialog.commentary_loaded, timeout=10000):
        dialog.month.setDate(dialog.month.date().addMonths(-1))  # typed, never saved by hand
    assert dialog.successes.toPlainText() == ""  # the other month's (empty) commentary
    dialog.failures.insertPlainText("Trop peu de vidéos")  # (QTest types ASCII only)
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.reject()  # closing saves what was typed
    assert not dialog.isVisible()
    with sqlite_db.read() as s:
        assert get_commentary(s, two_clients[0], first).successes == "Bon mois"
        previous = get_commentary(s, two_clients[0], dialog.month_key())
    assert previous.failures == "Trop peu de vidéos" and previous.successes == ""
    # opened again on the first month: what was typed is there
    dialog.month.setDate(QDate.fromString(first + "-01", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10000)
    assert dialog.successes.toPlainText() == "Bon mois"


def test_import_meta_export_asks_for_the_account(qtbot, main_window, two_clients, tmp_path):
    area = _charts(qtbot, main_window)
    main_window.select_client(two_clients[1])
    qtbot.waitUntil(lambda: area.data.client_id == two_clients[1], timeout=20000)
    day = dt.date.today() - dt.timedelta(days=3)
    path = tmp_path / "meta.csv"
    path.write_text(
        '"Date","Instagram reach","Followers"\n'
        f'"{day.isoformat()}T00:00:00","1,234","99999"\n'
        '"not a date","1","1"\n',
        encoding="utf-8",
    )
    asked = []
    area.importer.ask_account = lambda: asked.append(True) or "instagram:nuage"
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.import_csv(str(path))
    assert asked and area.importer.last_import.rows == 1
    assert [e.line for e in area.importer.last_import.errors] == [3]
    assert area.importer.box.text() == "1 rows imported, 1 rejected."
    assert "Line 3: invalid date" in area.importer.box.detailedText()
    series = area.data.followers[area.data.accounts[0].id]
    assert 99999 in series  # the chart data now carries the imported day
    area.importer.box.close()


def test_startup_does_not_import_matplotlib(tmp_path):
    import sys

    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from PySide6.QtCore import QSettings\n"
        "from ui.settings import Settings\n"
        "from ui.main_window import MainWindow\n"
        f"s = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "w = MainWindow(s); w.show(); app.processEvents()\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr


def test_opens_on_the_last_28_days_and_says_a_running_month_is_partial(
    qtbot, main_window, two_clients
):
    main_window.select_client(two_clients[0])
    area = _charts(qtbot, main_window)
    period = area.data.period
    assert (period.kind, period.days, period.end) == ("last28", 28, dt.date.today())
    assert area.period_label.text() == "Last 28 days (24 May – 20 June 2026)"
    assert area.kind.findData("month") >= 0  # the month picker is still there
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.kind.setCurrentIndex(area.kind.findData("month"))
    # on 20 June, "June" is twenty days of data, and said so
    assert area.period_label.text() == "1–20 June 2026 (so far)"
    with qtbot.waitSignal(area.loaded, timeout=20000):
        qtbot.mouseClick(area.prev_button, Qt.MouseButton.LeftButton)
    assert area.period_label.text() == "May 2026"


def test_last_28_days_step_back_by_28_days():
    from app.services.reports.periods import period_for

    p = period_for("last28", dt.date(2026, 12, 5))
    assert (p.start, p.end) == (dt.date(2026, 11, 8), dt.date(2026, 12, 5))
    assert p.previous().end == dt.date(2026, 11, 7) and p.previous().days == 28
    assert p.shifted(-1).shifted(1) == p
    assert p.is_partial(dt.date(2026, 12, 5)) is False
    assert period_for("month", dt.date(2026, 12, 5)).is_partial(dt.date(2026, 12, 5))


def test_each_chart_has_one_menu_of_actions(qtbot, main_window, two_clients):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QToolButton

    main_window.select_client(two_clients[0])
    area = _charts(qtbot, main_window)
    panel = area.panels["audience"]
    buttons = panel.findChildren(QToolButton)
    assert buttons == [panel.menu_button] and panel.menu_button.isEnabled()
    assert panel.menu_button.property("role") == "quiet"
    assert [a.text() for a in panel.menu.actions()] == [
        "Copy the chart as an image",
        "Save as PNG or SVG…",
        "Export the chart's data (CSV)…",
    ]
    QGuiApplication.clipboard().clear()
    panel.copy_action.trigger()
    assert not QGuiApplication.clipboard().image().isNull()


def test_a_client_without_any_data_gets_one_empty_state(qtbot, main_window, sqlite_db, monkeypatch):
    with sqlite_db.session() as s:
        empty = clients.create_client(s, "Tout neuf")
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(select_id=empty.id)
    area = _charts(qtbot, main_window)
    qtbot.waitUntil(lambda: area.data.client_id == empty.id, timeout=20000)
    assert area.empty_state.isVisible()
    assert not area.scroll.isVisible() and not area.figures_box.isVisible()
    assert area.empty_state.title.text() == "No data yet for this client"
    asked = []
    monkeypatch.setattr(area, "_ask_import", lambda: asked.append(1))
    area.empty_state.import_requested.disconnect()
    area.empty_state.import_requested.connect(area._ask_import)
    qtbot.mouseClick(area.empty_state.import_button, Qt.MouseButton.LeftButton)
    assert asked == [1]


def test_dark_charts_on_screen_light_charts_in_files(qtbot, qapp, main_window, two_clients):
    from PySide6.QtGui import QImage

    from ui.design import apply_theme
    from ui.design.theme import unstyle

    main_window.select_client(two_clients[0])
    area = _charts(qtbot, main_window)
    palette = qapp.palette()
    try:
        apply_theme(qapp, "dark")
        with qtbot.waitSignal(area.loaded, timeout=20000):
            area.reload()
        panel = area.panels["audience"]
        assert panel.figure._tribune_scheme == "dark"
        shown = panel.picture.pixmap().toImage()
        assert shown.pixelColor(5, 5).lightness() < 80  # drawn on the dark surface
        saved = QImage.fromData(panel.image_bytes("png"))
        assert saved.pixelColor(5, 5).lightness() > 240  # a file for a client: light
        assert panel.figure._tribune_scheme == "dark"  # and the screen stays dark
    finally:
        unstyle(qapp, palette)

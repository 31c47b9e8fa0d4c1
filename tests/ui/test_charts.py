"""The Charts area driven like a user: periods, clients, exports and the report dialog."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import Qt

from app.services import clients
from app.services.metrics import record_account_samples
from app.services.network_data import AccountMetricSample
from app.services.report_commentary import get_commentary


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
    assert "matplotlib" in type(area.panels["audience"].canvas).__module__
    assert not area.best_times.isVisible()  # no post metrics here: no hint made up
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
    dialog.successes.insertPlainText("Concours « fête des mères » réussi")
    dialog.failures.insertPlainText("Un pic d'abonnés suspect")
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(dialog.written, timeout=30000):
        dialog.write_pdf(str(out))
    with sqlite_db.read() as s:
        saved = get_commentary(s, two_clients[0], dialog.month_key())
    assert saved.successes == "Concours « fête des mères » réussi"
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Concours « fête des mères » réussi" in text and "Un pic d'abonnés suspect" in text
    assert "Report written" in dialog.info.text()


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
    area.ask_account = lambda: asked.append(True) or "instagram:nuage"
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.import_csv(str(path))
    assert asked and area.last_import.rows == 1
    assert [e.line for e in area.last_import.errors] == [3]
    assert area._import_box.text() == "1 rows imported, 1 rejected."
    assert "Line 3: invalid date" in area._import_box.detailedText()
    series = area.data.followers[area.data.accounts[0].id]
    assert 99999 in series  # the chart data now carries the imported day
    area._import_box.close()


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

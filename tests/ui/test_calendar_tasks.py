"""File work and writes of the calendar run off the GUI thread: import with progress and
cancel, the approval sheet, optimistic moves and status changes rolled back on error."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest

from app.services.calendar import posts
from app.services.calendar import queue as posts_queue
from app.services.calendar.posts import VariantInput
from app.services.calendar.query import count_posts
from app.services.clients import workspaces as clients

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris", language="en")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        info = clients.get_client(s, info.id)
    yield open_calendar(info, dt.date(2026, 2, 10))


def _ics(n: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for i in range(n):
        start = dt.datetime(2026, 2, 1, 8) + dt.timedelta(hours=5 * i)
        lines += [
            "BEGIN:VEVENT",
            f"UID:evt-{i}@test",
            f"DTSTART;TZID=Europe/Paris:{start:%Y%m%dT%H%M%S}",
            f"SUMMARY:Post {i}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode()


def _threads_of(monkeypatch, module, name):
    """Record the thread the real function runs in (it still runs for real)."""
    seen = []
    real = getattr(module, name)

    def spy(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return seen


def test_import_runs_in_the_pool_with_progress(qtbot, area, sqlite_db, tmp_path, monkeypatch):
    import app.services.calendar.ical as ical_io

    on_main = _threads_of(monkeypatch, ical_io, "import_ics")
    file = tmp_path / "plan.ics"
    file.write_bytes(_ics(60))
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.import_file(str(file))
    assert on_main == [False]
    assert area.files.last_import.added == 60
    dialog = area.files.progress_dialog
    assert dialog.maximum() == 60
    # the feed's reload may land just before the import's own result closes the dialog
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with sqlite_db.read() as s:
        assert count_posts(s, area.client.id) == 60


def test_cancelled_import_writes_nothing(qtbot, area, sqlite_db, tmp_path, monkeypatch):
    import ui.calendar.area_files as files

    shown = []
    monkeypatch.setattr(files, "show_error", lambda parent, exc: shown.append(str(exc)))
    file = tmp_path / "plan.ics"
    file.write_bytes(_ics(400))
    area.import_file(str(file))
    from PySide6.QtWidgets import QPushButton

    area.files.progress_dialog.findChild(QPushButton).click()  # the user's Cancel button
    area.services.tasks.wait(20000)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["Import cancelled: nothing was written."]
    with sqlite_db.read() as s:
        assert count_posts(s, area.client.id) == 0


def test_approval_sheet_is_written_off_the_gui_thread(
    qtbot, area, sqlite_db, tmp_path, monkeypatch
):
    import subprocess

    import app.documents.calendar_approval as approval

    on_main = _threads_of(monkeypatch, approval, "render_approval_sheet")
    with sqlite_db.session() as s:
        posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime(2026, 2, 12, 9, tzinfo=PARIS),
            title="Pivoines",
            variants=[VariantInput("mastodon", "Pivoines de saison")],
        )
    sheet = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.approval_sheet(str(sheet))
    assert on_main == [False]
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True).stdout
    assert "Pivoines de saison" in text and "Posts to approve" in text  # the client's English
    assert [c.status for c in area.month_view.posts_on(dt.date(2026, 2, 12))] == ["in_review"]


def test_move_is_optimistic_and_rolled_back_on_error(qtbot, area, sqlite_db, monkeypatch):
    import ui.calendar.area_actions as actions

    shown = []
    monkeypatch.setattr(actions, "show_error", lambda parent, exc: shown.append(str(exc)))
    with sqlite_db.session() as s:
        p = posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime(2026, 2, 9, 9, tzinfo=PARIS),
            status="approved",
            variants=[VariantInput("mastodon", "Bonjour")],
        )
        posts.set_status(s, area.client.id, p.id, "scheduled")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.reload()
    with sqlite_db.session() as s:  # meanwhile, the queue starts sending it
        assert posts_queue.mark_sending(s, p.variants[0].id)
    view = area.month_view
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.request_move(p.id, dt.date(2026, 2, 20))
        # shown at its new day at once, before the database answers
        assert [c.id for c in view.posts_on(dt.date(2026, 2, 20))] == [p.id]
    assert shown == ["A published post cannot be moved."]
    assert [c.id for c in view.posts_on(dt.date(2026, 2, 9))] == [p.id]  # rolled back
    assert view.posts_on(dt.date(2026, 2, 20)) == []
    with sqlite_db.read() as s:
        assert posts.get_post(s, area.client.id, p.id).planned_at.date() == dt.date(2026, 2, 9)


def test_status_change_is_optimistic_then_written(qtbot, area, sqlite_db):
    with sqlite_db.session() as s:
        p = posts.create_post(
            s,
            area.client.id,
            planned_at=dt.datetime(2026, 2, 11, 9, tzinfo=PARIS),
            status="approved",
            variants=[VariantInput("mastodon", "Bonjour")],
        )
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.reload()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_status(p.id, "scheduled")
        assert area.month_view.posts_on(dt.date(2026, 2, 11))[0].status == "scheduled"
    with sqlite_db.read() as s:
        assert posts.get_post(s, area.client.id, p.id).status == "scheduled"

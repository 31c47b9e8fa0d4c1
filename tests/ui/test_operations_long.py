"""The operation helper for the long kinds of work: the whole Database (DatabaseOp), no
database (CallOp), progress on the GUI thread, a cancel that stops the work, a failure that
reaches its callback with what was committed before it announced — and a sync run from the
window's sync bar heard by the inbox through the feed, on both engines."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models.inbox import InboxMessage
from app.services.clients import workspace
from app.services.clients import workspaces as clients
from tests.servers.mastodon_mock_server import MockServer
from ui.areas import AreaServices
from ui.operations import CallOp, DatabaseOp, ops_pending, writes_pending
from ui.tasks import TaskRunner


class _Owner(QWidget):
    def __init__(self, services):
        super().__init__()
        self.services = services


def _owner(qtbot, db, ui_settings) -> _Owner:
    owner = _Owner(AreaServices(db, TaskRunner(), ui_settings))
    qtbot.addWidget(owner)
    return owner


def _names(db) -> list[str]:
    with db.read() as s:
        return sorted(c.name for c in clients.list_clients(s))


def test_progress_reaches_the_gui_thread_and_cancel_stops_the_work(qtbot, db, ui_settings):
    owner = _owner(qtbot, db, ui_settings)
    heard, steps, result = [], [], []
    owner.services.feed.changed.connect(heard.append)

    def work(db, progress, token):
        made = []
        for i in range(20):
            if token.cancelled:
                break
            with db.session() as s:  # one unit of work a step, like an import's batches
                made.append(clients.create_client(s, f"Client {i:02d}").id)
            progress(i + 1, 20, f"Client {i:02d}")
            if i == 2:  # wait for the GUI's cancel: the step after it must not run
                deadline = time.monotonic() + 10
                while not token.cancelled and time.monotonic() < deadline:
                    time.sleep(0.01)
        return made

    def on_progress(done, total, label):
        steps.append((done, total, label, threading.current_thread() is threading.main_thread()))
        if done == 3:
            token.cancel()  # the Cancel button

    token = DatabaseOp(owner, work, result.append).writes().with_progress(on_progress).run()
    assert writes_pending(owner.services.tasks) == 1  # quitting would wait for it
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    made = result[0]
    assert len(made) == 3  # stopped at the cancel
    assert steps == [(i, 20, f"Client {i - 1:02d}", True) for i in (1, 2, 3)]
    assert _names(db) == ["Client 00", "Client 01", "Client 02"]
    assert len(heard) == 1 and heard[0].local  # what it committed, announced by the helper
    assert {cid for cid in made if heard[0].touches("clients", cid)} == set(made)
    assert writes_pending(owner.services.tasks) == 0 and ops_pending(owner) == 0


def test_a_failure_reaches_the_failed_callback_and_what_was_committed_is_heard(
    qtbot, db, ui_settings
):
    owner = _owner(qtbot, db, ui_settings)
    heard, failed, succeeded = [], [], []
    owner.services.feed.changed.connect(heard.append)
    created = []

    def work(db):
        with db.session() as s:
            created.append(clients.create_client(s, "Aquarelle").id)
        raise ValidationError("Le deuxième lot est illisible.")

    DatabaseOp(owner, work, succeeded.append).writes().failure(failed.append).run()
    qtbot.waitUntil(lambda: bool(failed), timeout=10000)
    assert [str(e) for e in failed] == ["Le deuxième lot est illisible."]
    assert succeeded == []
    assert len(heard) == 1 and heard[0].touches("clients", created[0])  # the first lot is kept
    assert _names(db) == ["Aquarelle"]


def test_a_sync_like_write_is_announced_but_not_waited_for_at_quit(qtbot, db, ui_settings):
    owner = _owner(qtbot, db, ui_settings)
    heard, got = [], []
    owner.services.feed.changed.connect(heard.append)
    release = threading.Event()

    def work(db):
        with db.session() as s:
            cid = clients.create_client(s, "Aquarelle").id
        release.wait(10)
        return cid

    DatabaseOp(owner, work, got.append).writes(counted=False).run()
    assert writes_pending(owner.services.tasks) == 0  # quitting does not wait for a sync
    release.set()
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert len(heard) == 1 and heard[0].touches("clients", got[0])


def test_a_call_without_database_needs_only_a_runner(qtbot):
    tasks = TaskRunner()
    owner = QWidget()
    qtbot.addWidget(owner)
    got = []
    CallOp(owner, lambda: threading.current_thread() is threading.main_thread(), got.append,
           tasks=tasks).run()  # fmt: skip
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [False]  # ran on a worker, delivered here
    owner.deleteLater()  # a result for a deleted parent is dropped, never raised
    late = []
    CallOp(owner, lambda: time.sleep(0.2) or 1, late.append, tasks=tasks).run()
    qtbot.wait(50)
    assert tasks.wait(5000) and late == []


@pytest.fixture
def mastodon():
    with MockServer() as srv:
        yield srv


@pytest.mark.keyring
def test_the_sync_bars_writes_reach_the_inbox_through_the_helper(
    qtbot, db, ui_settings, real_keyring, mastodon
):
    """Sync now in the window's header: the inbox (another part of the window) shows the new
    mention, delivered at once by the operation as this seat's change (not read back from the
    log by a catch-up)."""
    from ui.main_window import MainWindow

    with db.session() as s:
        cid = clients.create_client(s, "Fleuriste Rosa").id
    workspace.add_account_with_token(
        db, cid, "mastodon", "alice", base_url=mastodon.base_url, token="alice_token"
    )
    window = MainWindow(ui_settings)
    window.resize(1366, 768)
    window.show()
    try:
        with qtbot.waitSignal(window.clients_loaded, timeout=10000):
            window.set_database(db)
        window.show_area("inbox")
        area = window.current_area()
        qtbot.waitUntil(lambda: area.client is not None and area.idle(), timeout=10000)
        assert area.model.rowCount() == 0
        httpx.post(
            mastodon.base_url + "/api/v1/statuses",
            headers={"Authorization": "Bearer bob_token"},
            json={"status": "@alice Des pivoines ?"},
        )
        local = []
        window.services.feed.changed.connect(
            lambda cs: local.append(cs) if cs.local and cs.touches("inbox", cid) else None
        )
        bar = window.sync_bar
        qtbot.waitUntil(bar.sync_button.isEnabled, timeout=5000)
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=20000)
        assert local, "the sync's writes were delivered by the operation"
        assert "pivoines" in area.model.index(0, 4).data()
    finally:
        window.close()
        qtbot.wait(300)
        assert window.tasks.wait(10000)
        window.deleteLater()
        qtbot.wait(10)


def test_the_inbox_import_reports_progress_and_its_cancel_keeps_what_was_heard(
    qtbot, db, ui_settings, tmp_path, monkeypatch
):
    """The inbox CSV import (a DatabaseOp with progress): the progress dialog moves, Cancel
    stops it after the batch under way, and the batches it committed reach the list through
    the feed — both engines."""
    from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

    from app.services.inbox import csv_import
    from ui.main_window import MainWindow

    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
    path = tmp_path / "m.csv"
    path.write_text(
        "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"
        + "".join(
            f"mastodon,m{i},mention,A{i},a{i},Bonjour {i},2026-02-10T10:{i % 60:02d}:00+00:00,,\n"
            for i in range(2500)
        ),
        encoding="utf-8",
    )
    go_on = threading.Event()
    original, calls = csv_import.ingest_messages, []

    def second_batch_waits(*args, **kwargs):  # on the worker: batch 2 waits for the cancel
        calls.append(threading.current_thread() is threading.main_thread())
        if len(calls) == 2:
            go_on.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(csv_import, "ingest_messages", second_batch_waits)
    window = MainWindow(ui_settings)
    window.resize(1366, 768)
    window.show()
    try:
        with qtbot.waitSignal(window.clients_loaded, timeout=10000):
            window.set_database(db)
        window.show_area("inbox")
        area = window.current_area()
        qtbot.waitUntil(lambda: area.client is not None and area.idle(), timeout=10000)
        heard = []
        window.services.feed.changed.connect(
            lambda cs: heard.append(cs) if cs.local and cs.touches("inbox", cid) else None
        )
        area.import_file(str(path))
        dialog = area.findChild(QProgressDialog, "inboxImportProgress")
        qtbot.waitUntil(lambda: dialog.value() == 1000 and dialog.maximum() == 2500, timeout=10000)
        # batch 2 under way (waiting in it) before Cancel: on a loaded machine the click could
        # land between batches, and then batch 2 rightly never runs
        qtbot.waitUntil(lambda: len(calls) == 2, timeout=10000)
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
        go_on.set()
        qtbot.waitUntil(lambda: area.findChild(QMessageBox, "inboxImportReport") is not None,
                        timeout=20000)  # fmt: skip
        report = area.findChild(QMessageBox, "inboxImportReport")
        assert report.text() == "2000 added, 0 duplicates, 0 rejected"  # batch 3 never ran
        assert calls == [False, False]
        assert heard and all(cs.local for cs in heard)
        qtbot.waitUntil(lambda: area.model.rowCount() > 0, timeout=5000)  # the list followed
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(InboxMessage)) == 2000
    finally:
        go_on.set()
        window.close()
        qtbot.wait(300)
        assert window.tasks.wait(10000)
        window.deleteLater()
        qtbot.wait(10)


def test_deleting_a_client_is_heard_on_the_feed_and_a_refusal_is_its_dialogs(
    qtbot, db, ui_settings
):
    """The deletion dialog (a DatabaseOp: the rows, then the keyring): its change reaches the
    window's feed; a wrong name is the dialog's own message, nothing announced."""
    from ui.client_delete_dialog import DeleteClientDialog

    with db.session() as s:
        info = clients.create_client(s, "Hôtel Les Embruns")
    owner = _owner(qtbot, db, ui_settings)
    heard = []
    owner.services.feed.changed.connect(heard.append)
    dialog = DeleteClientDialog(db, info, owner.services.tasks, owner)
    dialog.confirm_edit.setText("Hôtel Les Embruns")
    with qtbot.waitSignal(dialog.deleted, timeout=10000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert len(heard) == 1 and heard[0].local and heard[0].touches("clients", info.id)
    assert _names(db) == []

    with db.session() as s:
        other = clients.create_client(s, "Aquarelle")
    dialog = DeleteClientDialog(db, other, owner.services.tasks, owner)
    dialog.confirm_edit.setText("Aquarelle")
    with db.session() as s:  # another seat renames it meanwhile: the typed name is stale
        clients.update_client(s, other.id, name="Aquarelle & Pétales")
    heard.clear()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm_edit.isEnabled(), timeout=10000)
    assert dialog.error_label.isVisibleTo(dialog) and dialog.error_label.text()
    assert "Traceback" not in dialog.error_label.text()
    assert [cs for cs in heard if cs.touches("clients", other.id)] == []  # nothing committed
    assert _names(db) == ["Aquarelle & Pétales"]

"""The operation helper: reads and writes off the GUI thread, results on it, one message on
failure, a write's ChangeSet through the change feed before its success callback."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ValidationError
from app.services.clients import workspaces as clients
from ui.areas import AreaServices
from ui.operations import QueryOp, WriteOp, ops_pending
from ui.tasks import TaskRunner


class _Owner(QWidget):
    def __init__(self, services):
        super().__init__()
        self.services = services


def _owner(qtbot, db, ui_settings) -> _Owner:
    owner = _Owner(AreaServices(db, TaskRunner(), ui_settings))
    qtbot.addWidget(owner)
    return owner


def test_query_runs_on_a_worker_and_delivers_on_the_gui_thread(qtbot, db, ui_settings):
    with db.session() as s:
        clients.create_client(s, "Aquarelle")
    owner = _owner(qtbot, db, ui_settings)
    seen = []

    def read(session):
        seen.append(("read", threading.current_thread() is threading.main_thread()))
        return [c.name for c in clients.list_clients(session)]

    def success(names):
        seen.append(("success", threading.current_thread() is threading.main_thread(), names))

    QueryOp(owner, read, success).run()
    assert ops_pending(owner) == 1
    qtbot.waitUntil(lambda: ops_pending(owner) == 0, timeout=5000)
    assert seen == [("read", False), ("success", True, ["Aquarelle"])]


def test_a_failure_is_one_message_or_the_failure_callback(qtbot, db, ui_settings):
    owner = _owner(qtbot, db, ui_settings)
    owner.show()
    got = []

    def bad(session):
        raise ValidationError("Le nom est déjà pris.")

    QueryOp(owner, bad, got.append).failure(lambda exc: got.append(str(exc))).run()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == ["Le nom est déjà pris."]

    WriteOp(owner, bad, got.append).run()
    qtbot.waitUntil(lambda: owner.findChild(QMessageBox, "errorBox") is not None, timeout=5000)
    assert owner.findChild(QMessageBox, "errorBox").text() == "Le nom est déjà pris."
    assert got == ["Le nom est déjà pris."]  # no success after a failure


def test_a_write_broadcasts_its_changeset_before_its_success(qtbot, db, ui_settings):
    owner = _owner(qtbot, db, ui_settings)
    order = []
    owner.services.feed.changed.connect(lambda cs: order.append(("changed", cs)))
    WriteOp(
        owner,
        lambda s: clients.create_client(s, "Aquarelle").id,
        lambda cid: order.append(("success", cid)),
    ).run()
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
    (first, changeset), (second, cid) = order
    assert (first, second) == ("changed", "success")
    assert changeset.local and changeset.touches("clients", cid)
    assert changeset.ids("clients", cid) == {cid}


def test_only_the_latest_result_of_a_key_is_delivered(qtbot, db, ui_settings):
    owner = _owner(qtbot, db, ui_settings)
    got = []

    def slow(session):
        time.sleep(0.3)
        return "old"

    QueryOp(owner, slow, got.append).latest("detail").run()
    QueryOp(owner, lambda s: "new", got.append).latest("detail").run()
    qtbot.waitUntil(lambda: ops_pending(owner) == 0, timeout=5000)
    assert got == ["new"]


def test_a_deleted_parent_gets_nothing_but_the_write_is_announced(qtbot, db, ui_settings):
    services = AreaServices(db, TaskRunner(), ui_settings)
    owner = _Owner(services)
    got, announced = [], []
    services.feed.changed.connect(announced.append)
    WriteOp(
        owner, lambda s: (time.sleep(0.2), clients.create_client(s, "B").id)[1], got.append
    ).run()
    owner.deleteLater()
    qtbot.wait(10)
    assert services.tasks.wait(5000)
    qtbot.wait(50)
    assert got == [] and len(announced) == 1

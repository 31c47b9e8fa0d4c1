"""The one lazy list model: pages from a reader on a real SQLite file, read by QueryOps on
workers (never on the GUI thread), appended in pages, dropped when stale, reloaded in place;
and the listening list built on it."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import text

from app.connectors.search.base import Found
from app.db import Database
from app.errors import ValidationError
from app.services.clients import workspaces as clients
from app.services.listening import store
from tests.conftest import spy_on_threads
from ui.lazy_model import LazyListModel, RowsPage
from ui.listening.model import ListeningModel
from ui.tasks import ChangeHub, TaskRunner


class Names(LazyListModel[tuple[int, str]]):
    """Client names, keyset on the id: the smallest model there is."""

    columns = 2
    page_size = 200

    def key(self, row):
        return row[0]

    def format_row(self, row):
        self.formatted += 1
        return (str(row[0]), row[1].upper())

    def cell(self, row, cells, column, role):
        return cells[column] if role == Qt.ItemDataRole.DisplayRole else None

    formatted = 0


def names(prefix: str = "", gate: threading.Event | None = None):
    def read(conn, after, limit):
        if gate is not None:
            gate.wait(5)
        rows = conn.execute(
            text(
                "SELECT id, name FROM clients WHERE id > :after AND name LIKE :p"
                " ORDER BY id LIMIT :n"
            ),
            {"after": after or 0, "p": prefix + "%", "n": limit},
        ).all()
        rows = [tuple(r) for r in rows]
        return RowsPage(rows, rows[-1][0] if len(rows) == limit else None)

    return read


@pytest.fixture(scope="module")
def named_template(sqlite_template, tmp_path_factory):
    """451 clients written once for the module (each through the service, as a user adds
    them); every test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("named") / "named.sqlite3"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    with db.session() as s:
        for i in range(450):
            clients.create_client(s, f"Client {i:03d}")
        clients.create_client(s, "Zèbre")
    db.dispose()
    return path


@pytest.fixture
def named(named_template, tmp_path):
    path = tmp_path / "tribune.sqlite3"
    shutil.copy(named_template, path)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def services(named):
    runner = TaskRunner()
    yield SimpleNamespace(db=named, tasks=runner, feed=ChangeHub())
    runner.wait(5000)


def _settled(qtbot, model):
    qtbot.waitUntil(lambda: not model.busy(), timeout=10000)


def test_pages_are_read_on_workers_and_appended(qtbot, qtmodeltester, monkeypatch, services):
    model = Names(services=services)
    engine_threads = []
    connect = services.db.engine.connect

    def spy():
        engine_threads.append(threading.current_thread() is threading.main_thread())
        return connect()

    monkeypatch.setattr(services.db.engine, "connect", spy)
    model.reset_source(names(), connection=True)
    assert model.loading and model.rowCount() == 0  # nothing read on the GUI thread
    _settled(qtbot, model)
    assert model.rowCount() == 200 and model.canFetchMore()
    assert model.formatted == 0  # formatted when shown, not when read
    assert model.data(model.index(0, 1)) == "CLIENT 000"
    model.data(model.index(0, 1))
    assert model.formatted == 1  # and kept
    model.fetchMore()
    _settled(qtbot, model)
    model.fetchMore()
    _settled(qtbot, model)
    assert model.rowCount() == 451 and not model.canFetchMore()
    assert model.data(model.index(450, 1)) == "ZÈBRE"
    assert engine_threads and not any(engine_threads), "a page was read on the GUI thread"
    qtmodeltester.check(model)


def test_a_page_asked_for_before_a_reset_is_dropped(qtbot, services):
    model = Names(services=services)
    gate = threading.Event()
    model.reset_source(names(gate=gate), connection=True)
    model.reset_source(names("Z"), connection=True)  # the filter changed meanwhile
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    gate.set()  # the first reader's page now arrives: it must not be mixed in
    services.tasks.wait(5000)
    qtbot.wait(50)
    assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] == ["ZÈBRE"]
    model.reset_source(None)
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_reload_swaps_rows_in_place_and_keeps_the_selection(qtbot, services):
    model = Names(services=services)
    model.reset_source(names(), connection=True)
    _settled(qtbot, model)
    selection = QItemSelectionModel(model)
    chosen = model.index(10, 0)
    key = model.row_at(10)[0]
    selection.setCurrentIndex(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    with services.db.session() as s:  # another seat: one row gone, before the selected one
        s.execute(text("DELETE FROM clients WHERE name = 'Client 003'"))
    lost = []
    model.reload(lost.append)
    _settled(qtbot, model)
    assert model.rowCount() == 200
    assert model.row_at(selection.currentIndex().row())[0] == key  # still the same row
    assert selection.currentIndex().row() == 9
    assert len(lost) == 1 and len(lost[0]) == 1


def test_a_failing_reader_says_so_once_and_stops(qtbot, services):
    model = Names(services=services)

    def broken(_conn, _after, _limit):
        raise ValidationError("the reader broke")

    with qtbot.waitSignal(model.load_failed, timeout=5000) as failed:
        model.reset_source(broken, connection=True)
    assert isinstance(failed.args[0], ValidationError)
    assert not model.loading and not model.canFetchMore() and model.rowCount() == 0


def test_without_services_pages_are_read_here(named):
    model = Names(db=named)
    model.reset_source(names(), connection=True)
    assert model.rowCount() == 200
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 451


def test_the_listening_list_pages_on_the_same_helper(qtbot, qtmodeltester, monkeypatch, sqlite_db):
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Fleurs").id
    now = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
    found = [
        Found(f"i{i}", f"Auteur {i}", f"a{i}", f"bouquet numéro {i}", "",
              now - dt.timedelta(minutes=i), 100 + i)
        for i in range(450)
    ]  # fmt: skip
    with sqlite_db.session() as s:
        store.save_items(s, cid, None, "mastodon", found, {})
    runner = TaskRunner()
    services = SimpleNamespace(db=sqlite_db, tasks=runner, feed=ChangeHub())
    threads = spy_on_threads(monkeypatch, sqlite_db)
    model = ListeningModel(services=services)
    assert isinstance(model, LazyListModel)

    def fetch(s, after, limit):
        from app.services.listening.items import page

        return page(s, cid, after=after, limit=limit)

    model.reset_source(fetch, "Europe/Paris")
    qtbot.waitUntil(lambda: model.rowCount() == 200 and not model.busy(), timeout=10000)
    assert model.data(model.index(0, 4)) == "bouquet numéro 0"
    while model.canFetchMore() or model.busy():
        if not model.busy():
            model.fetchMore()
        qtbot.wait(10)
    assert model.rowCount() == 450
    assert model.data(model.index(449, 4)) == "bouquet numéro 449"  # keyset: no gap, no repeat
    assert threads and not any(threads), "a listening page was read on the GUI thread"
    qtmodeltester.check(model)
    model.set_status(model.row_item(3).id, "dismissed")
    assert model.data(model.index(3, 5)) == "Dismissed"
    runner.wait(5000)


def test_a_reload_superseded_by_another_still_settles(qtbot, services):
    """Two changes in a row: the first reload's result is dropped, the model is not left
    "busy" for ever (an area waiting for idle would never be)."""
    model = Names(services=services)
    model.reset_source(names(), connection=True)
    _settled(qtbot, model)
    lost = []
    model.reload(lambda gone: lost.append(("first", gone)))
    model.reload(lambda gone: lost.append(("second", gone)))
    _settled(qtbot, model)
    assert lost == [("second", set())]  # only the newest one delivered
    assert model.rowCount() == 200

"""Seat B's open inbox follows what another process writes: a new message appears in the
list within 2 s of the commit, the selection stays on the message being read, and the open
conversation shows another seat's note — on one SQLite file and on PostgreSQL."""

from __future__ import annotations

import sys
import textwrap
import time

import pytest

from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from tests.conftest import db_url_of
from tests.harness import popen as forked
from tests.ui.test_live import incoming, write_in_another_process
from ui.sidebar import BadgesRole


@pytest.fixture
def seat_b(qtbot, db, ui_settings):
    """The real main window (seat B) on ``db``, its inbox open on a client with 3 messages."""
    from ui.main_window import MainWindow

    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(
            s, cid, [incoming("a", "Premier"), incoming("b", "Deuxième"), incoming("c", "Trois")]
        )
    window = MainWindow(ui_settings)  # not qtbot.addWidget: deleted here, after its tasks
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.set_database(db)
    qtbot.waitUntil(lambda: window.live.state == "live", timeout=5000)
    window.show_area("inbox")
    area = window.current_area()
    qtbot.waitUntil(lambda: area.model.rowCount() == 3 and area.idle(), timeout=10000)
    yield window, area, cid
    window.close()
    qtbot.wait(300)  # reactions already gathered start their reads
    assert window.tasks.wait(10000)
    window.deleteLater()
    qtbot.wait(10)


def _texts(area):
    return [area.model.index(r, 4).data() for r in range(area.model.rowCount())]


def test_a_message_written_by_another_process_appears_within_two_seconds(qtbot, db, seat_b):
    window, area, cid = seat_b
    area.select_row(1)
    qtbot.waitUntil(lambda: area.conv.detail is not None and area.idle(), timeout=5000)
    reading = area.current_id()
    assert reading == area.model.row_id(1)
    committed = write_in_another_process(db, cid, "from-b", "Nouveau message d'un autre poste")
    qtbot.waitUntil(lambda: "Nouveau message d'un autre poste" in _texts(area), timeout=2000)
    elapsed = time.monotonic() - committed
    assert elapsed < 2.0, elapsed
    assert area.model.rowCount() == 4
    assert area.current_id() == reading  # the message being read stays selected
    assert area.conv.detail.id == reading
    badges = window.client_model.index(0)
    qtbot.waitUntil(lambda: badges.data(BadgesRole).unread == 4, timeout=2000)  # no 60 s wait


def test_another_seats_note_shows_in_the_open_conversation_and_keeps_the_reply(qtbot, db, seat_b):
    _window, area, cid = seat_b
    area.select_row(0)
    qtbot.waitUntil(lambda: area.conv.detail is not None and area.idle(), timeout=5000)
    mid = area.current_id()
    area.conv.reply.setPlainText("Bonjour, je regarde")
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.inbox import triage as inbox_triage
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            inbox_triage.add_note(s, {cid}, {mid}, "Vu au téléphone par Léa")
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    qtbot.waitUntil(
        lambda: "Vu au téléphone par Léa" in area.conv.thread.toPlainText(), timeout=2000
    )
    assert area.conv.reply.toPlainText() == "Bonjour, je regarde"
    assert area.current_id() == mid


def test_a_client_added_by_another_seat_joins_the_sidebar(qtbot, db, seat_b):
    window, _area, _cid = seat_b
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.clients import workspaces as clients
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            clients.create_client(s, "Boulangerie Martin")
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    qtbot.waitUntil(
        lambda: "Boulangerie Martin" in [c.name for c in window.client_model.clients()],
        timeout=2000,
    )
    assert window.current_client.name == "Aquarelle"  # the client shown stays


def test_what_this_seats_sync_wrote_reaches_the_list_after_the_sync(qtbot, db, seat_b):
    """A sync writes from a worker, outside any operation: when it ends, the window asks the
    feed for this seat's own changes (no area is refreshed by hand any more)."""
    window, area, cid = seat_b
    with db.session() as s:  # what the sync's worker does
        inbox_ingest.ingest_messages(s, cid, [incoming("synced", "Arrivé par la synchro")])
    qtbot.wait(700)
    assert "Arrivé par la synchro" not in _texts(area)  # own write: not the watcher's
    window._after_sync(None)
    qtbot.waitUntil(lambda: "Arrivé par la synchro" in _texts(area), timeout=2000)


def test_an_import_by_the_tribune_cli_shows_in_the_open_list(qtbot, db, seat_b, cli, tmp_path):
    _window, area, _cid = seat_b
    csv = tmp_path / "messages.csv"
    csv.write_text(
        "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"
        "facebook,cli-1,comment,Zoé,zoe,Importé par la ligne de commande,"
        "2026-03-10T11:00:00+01:00,,\n",
        encoding="utf-8",
    )
    done = cli("inbox", "import", "Aquarelle", str(csv), db_url=db_url_of(db))
    assert done.returncode == 0, done.stderr
    committed = time.monotonic()
    qtbot.waitUntil(lambda: "Importé par la ligne de commande" in _texts(area), timeout=2000)
    assert time.monotonic() - committed < 2.0


def test_the_scroll_position_stays_when_messages_arrive_above(qtbot, db, seat_b, tmp_path):
    window, area, cid = seat_b
    with db.session() as s:  # enough rows to scroll (written by this seat: no reaction)
        inbox_ingest.ingest_messages(
            s, cid, [incoming(f"bulk{i}", f"Message {i}") for i in range(80)]
        )
    area.refresh()
    qtbot.waitUntil(lambda: area.model.rowCount() == 83 and area.idle(), timeout=5000)
    bar = area.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(50)
    top = area.model.row_id(area.table.rowAt(1))
    area.select_row(area.table.rowAt(1) + 2)
    qtbot.waitUntil(lambda: area.conv.detail is not None and area.idle(), timeout=5000)
    reading = area.current_id()
    write_in_another_process(db, cid, "newest", "Tout nouveau, en haut de la liste")
    qtbot.waitUntil(lambda: area.model.rowCount() == 84, timeout=2000)
    qtbot.waitUntil(area.idle, timeout=2000)
    assert area.model.row_id(area.table.rowAt(1)) == top  # the same message at the top
    assert area.current_id() == reading
    window.grab().save(str(tmp_path / "inbox-live.png"))


def test_another_seats_edit_of_the_client_keeps_the_open_conversation(qtbot, db, seat_b):
    window, area, cid = seat_b
    area.select_row(2)
    qtbot.waitUntil(lambda: area.conv.detail is not None and area.idle(), timeout=5000)
    reading = area.current_id()
    area.conv.reply.setPlainText("Réponse en cours")
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.clients import workspaces as clients
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            clients.update_client(s, {cid}, name="Aquarelle & Pétales", sector="Fleurs")
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    qtbot.waitUntil(lambda: window.client_title.text() == "Aquarelle & Pétales", timeout=2000)
    assert area.current_id() == reading and area.model.rowCount() == 3
    assert area.conv.reply.toPlainText() == "Réponse en cours"


def test_tags_being_typed_survive_another_seats_change(qtbot, db, seat_b):
    _window, area, cid = seat_b
    area.select_row(0)
    qtbot.waitUntil(lambda: area.conv.detail is not None and area.idle(), timeout=5000)
    mid = area.current_id()
    area.window().activateWindow()
    area.conv.tags.setFocus()
    qtbot.waitUntil(area.conv.tags.hasFocus, timeout=3000)
    area.conv.tags.setText("livraison, urgent")
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.inbox import triage as inbox_triage
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            inbox_triage.add_note(s, {cid}, {mid}, "Client rappelé")
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    qtbot.waitUntil(lambda: "Client rappelé" in area.conv.thread.toPlainText(), timeout=2000)
    assert area.conv.tags.text() == "livraison, urgent"

"""The first paint shows the clients as they were last loaded (a small snapshot in the
preferences) while the database opens; the real list replaces it without a jump."""

from __future__ import annotations

from app.services.clients import workspaces as clients
from ui import window_snapshot


def _names(panel) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in panel.findChildren(QLabel)]


def test_the_shell_shows_the_clients_last_seen_then_the_real_ones(
    qtbot, main_window, sqlite_db, ui_settings
):
    from ui.main_window import MainWindow

    with sqlite_db.session() as s:
        clients.create_client(s, "Aquarelle", colour="#0f766e")
        second = clients.create_client(s, "Boulangerie <b>Martin</b>").id
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(select_id=second)
    qtbot.waitUntil(lambda: main_window.current_area() is not None, timeout=10000)
    main_window.close()

    # next start: the shell, before any database
    window = MainWindow(ui_settings, complete=False)
    qtbot.addWidget(window)
    window.show()
    assert window.db is None and window.shell_clients is not None
    assert _names(window.shell_clients) == ["Aquarelle", "Boulangerie <b>Martin</b>"]
    (tagged,) = [
        label
        for label in window.shell_clients.findChildren(type(window.loading))
        if "<" in label.text()
    ]
    assert tagged.textFormat().name == "PlainText"  # a name is text, never markup
    window.finish_build()  # the complete window paints the same clients, the last one chosen
    assert [c.name for c in window.client_model.clients()] == [
        "Aquarelle",
        "Boulangerie <b>Martin</b>",
    ]
    assert window.client_model.clients()[0].colour == "#0f766e"
    assert window.client_title.text() == "Boulangerie <b>Martin</b>"
    assert window.current_client is None  # nothing opened from a snapshot

    # the database answers: the real rows, the client shown with its areas
    with sqlite_db.session() as s:
        clients.create_client(s, "Cordonnerie")  # added meanwhile on another seat
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.set_database(sqlite_db)
    assert [c.name for c in window.client_model.clients()][-1] == "Cordonnerie"
    assert window.current_client.id == second
    qtbot.waitUntil(lambda: window.current_area() is not None, timeout=10000)
    window.tasks.wait(10000)
    assert len(window_snapshot.load(ui_settings).clients) == 3


def test_no_or_a_broken_snapshot_shows_the_plain_shell(qtbot, ui_settings):
    from ui.main_window import MainWindow

    for value in (
        None,
        "not a snapshot",
        '{"clients": [[1, "Aquarelle", "#0f766e", false]]}',  # the JSON of older versions
        "x\t#0f766e\t0\tAquarelle",
        "1\t#0f766e\tyes\tAquarelle",
        "1\t#0f766e\t0\t",
    ):
        if value is None:
            ui_settings.q.remove(window_snapshot.KEY)
        else:
            ui_settings.q.setValue(window_snapshot.KEY, value)
        assert window_snapshot.load(ui_settings) is None
        window = MainWindow(ui_settings, complete=False)
        qtbot.addWidget(window)
        assert window.shell_clients is None
        window.finish_build()
        assert window.client_model.rowCount() == 0


def test_the_snapshot_keeps_any_name_and_the_archived_state(ui_settings):
    class Row:
        def __init__(self, id, name, colour, archived=False):
            self.id, self.name, self.colour, self.archived = id, name, colour, archived

    rows = [
        Row(3, "Tab\there, <b>bold</b> & ça", "#0f766e"),
        Row(7, "Two\nlines", "#b45309", archived=True),
        *(Row(100 + n, f"Client {n}", "#123456") for n in range(50)),
    ]
    ui_settings.q.setValue(window_snapshot.OLD_KEY, '{"clients": []}')
    window_snapshot.save(ui_settings, rows)
    ui_settings.last_client_id = 7
    ui_settings.q.sync()
    snapshot = window_snapshot.load(ui_settings)
    assert [(c.id, c.name, c.colour, c.archived) for c in snapshot.clients[:2]] == [
        (3, "Tab\there, <b>bold</b> & ça", "#0f766e", False),
        (7, "Two lines", "#b45309", True),  # a line break is a space: one line per client
    ]
    assert len(snapshot.clients) == window_snapshot.MAX_CLIENTS
    assert snapshot.current_client().id == 7
    assert ui_settings.q.value(window_snapshot.OLD_KEY) is None  # the JSON one is dropped
    window_snapshot.save(ui_settings, [])
    assert window_snapshot.load(ui_settings) is None

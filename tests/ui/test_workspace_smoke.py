"""Every area of every demo client opens and switches without an error shown or logged.

The areas are built by different features on one database; this drives the real window the
way a CM starts the day (each client, each tab, quickly) and checks that nothing failed.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.demo import build_demo
from ui.areas import AREA_KEYS


@pytest.mark.slow
def test_each_demo_client_and_area_opens_cleanly(qtbot, main_window, sqlite_db, tribune_home):
    build_demo(sqlite_db)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=20000):
        main_window.reload_clients()
    clients = main_window.client_model.clients()
    assert len(clients) >= 4
    for client in clients:
        main_window.select_client(client.id)
        assert main_window.windowTitle() == f"Tribune — {client.name}"
        for key in AREA_KEYS:
            main_window.show_area(key)
            assert main_window.current_area().client == client
        main_window.tasks.wait(20000)
        qtbot.wait(50)
    main_window.tasks.wait(20000)
    qtbot.wait(200)
    errors = [box.text() for box in main_window.findChildren(QMessageBox) if box.isVisible()]
    assert errors == []
    crash_log = tribune_home / "crash.log"
    assert not crash_log.exists() or crash_log.read_text() == ""
    assert main_window.width() <= 1400

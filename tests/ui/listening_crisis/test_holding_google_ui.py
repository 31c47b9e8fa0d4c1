"""The Listening area's "Holding message" for a client on Google whose charter words Google
would read as an event: the draft leaves Google out and the crisis bar says so in one line.
Driven like a user on a real SQLite file, rendered offscreen at 1366×768
(``TRIBUNE_SHOTS=dir`` keeps the PNG)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt

from app.services.calendar.posts import get_post
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients

T0 = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)


def test_holding_message_not_offered_for_google_says_why_in_one_line(
    qtbot, main_window, sqlite_db, time_machine
):
    time_machine.move_to(T0, tick=False)
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        clients.add_account(s, cid, "google", "accounts/1/locations/2", base_url="https://g.test")
        clients.add_account(s, cid, "mastodon", "@dupre", base_url="https://m.example")
    with sqlite_db.session() as s:
        doc = charter.ensure_charter(s, cid)
        crisis = next(x for x in doc.sections if x.key == "crisis")
        words = "Événement : incident au magasin. Nous revenons vers vous ce soir."
        charter.save_section(s, cid, crisis.id, html=f"<h3>Message d'attente</h3><p>{words}</p>")
    main_window.resize(1366, 768)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients()
    main_window.select_client(cid)
    main_window.show_area("listening")
    area = main_window._areas["listening"]
    qtbot.waitUntil(lambda: area.streams.text() != "", timeout=10000)
    with qtbot.waitSignal(area.holding_drafted, timeout=10000) as got:
        qtbot.mouseClick(area.holding_button, Qt.MouseButton.LeftButton)
    said = area.status.text()
    assert said.startswith("Holding message drafted for Mastodon:")
    assert said.endswith(
        "Not offered for Google, which would read its first line as an offer or an event: "
        "post it there by hand."
    )
    assert "\n" not in said
    with sqlite_db.read() as s:
        post = get_post(s, cid, int(got.args[0]))
    assert [v.network for v in post.variants] == ["mastodon"]
    folder = os.environ.get("TRIBUNE_SHOTS")
    if folder:
        main_window.grab().save(str(Path(folder) / "listening-holding-google-1366.png"))

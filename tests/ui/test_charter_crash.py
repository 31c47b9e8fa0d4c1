"""A killed app loses at most the last 1.5 s of typing: the autosave already wrote the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from tests.conftest import REPO, db_url_of

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {repo!r})
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from app.db import Database
    from app.services.clients.workspaces import get_client
    from ui.areas import AreaServices
    from ui.charter.charter_area import CharterArea
    from ui.settings import Settings
    from ui.tasks import TaskRunner
    db = Database({url!r})
    tasks = TaskRunner()
    settings = Settings(QSettings({ini!r}, QSettings.Format.IniFormat))
    area = CharterArea(AreaServices(db, tasks, settings))
    area.show()
    with db.read() as s:
        area.set_client(get_client(s, {cid}))
    def spin(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
    spin(1.0)
    tasks.wait()
    spin(0.2)
    area.pages["context"].editor.edit.insertPlainText("Tapé avant la panne")
    spin(2.5)  # more than the autosave delay
    area.pages["context"].editor.edit.insertPlainText(" et juste avant")
    print("killing", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_killed_process_keeps_what_was_typed(sqlite_db, tmp_path):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Aquarelle", language="fr")
        charter.ensure_charter(s, c.id)
    script = SCRIPT.format(
        repo=str(REPO), url=db_url_of(sqlite_db), ini=str(tmp_path / "s.ini"), cid=c.id
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TRIBUNE_LANG": "en"},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "killing" in proc.stdout
    with sqlite_db.read() as s:
        html = charter.load(s, c.id).section("context").html
    assert "Tapé avant la panne" in html

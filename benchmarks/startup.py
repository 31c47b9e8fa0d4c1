"""Start-up: Tribune's time to a visible main window against a bare PySide6 window.

Each figure runs from spawning a fresh process (interpreter start, imports, QApplication)
to the first paint of the window, the median of several runs. Tribune's window is shown
before SQLAlchemy, Alembic and the feature modules are imported; the database is opened on
a worker thread after the first paint. The second Tribune figure waits for the clients to be
loaded from a demo database as well (what the user sees as "ready").

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST_PAINT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    def __init__(self, app):
        super().__init__()
        self.app, self.done = app, False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(time.time(), flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False
"""

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.setWindowTitle("bare")
probe = FirstPaint(app); w.installEventFilter(probe)
w.show()
app.exec()
"""
)

# The launcher's path: the CLI front door first, then the desktop app.
TRIBUNE_SHOWN = (
    FIRST_PAINT
    + """
from app.cli import main
from ui.application import create_application, start
app = create_application()
probe = FirstPaint(app)
app.installEventFilter(probe)
window = start(sys.argv[1])
app.exec()
window.tasks.wait(20000)
"""
)

TRIBUNE_READY = """
import sys, time
from app.cli import main
from ui.application import create_application, start
app = create_application()
window = start(sys.argv[1])
def ready():
    print(time.time(), flush=True)
    app.quit()
window.clients_loaded.connect(ready)
app.exec()
window.tasks.wait(20000)
"""


def timed(code: str, *args: str, runs: int, env: dict) -> float:
    """Median seconds from spawning the process to the moment the child printed."""
    times = []
    for _ in range(runs):
        t0 = time.time()
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            check=True, env=env, cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        times.append(float(done.stdout.split()[0]) - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tribune-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["TRIBUNE_HOME"] = str(tmp)
    env["PYTHONPATH"] = str(ROOT)
    url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", url, "demo"],
        check=True, env=env, cwd=ROOT, capture_output=True,
    )  # fmt: skip
    # warm the OS file cache once
    timed(BARE, runs=1, env=env)
    timed(TRIBUNE_SHOWN, url, runs=1, env=env)
    bare = timed(BARE, runs=args.runs, env=env)
    shown = timed(TRIBUNE_SHOWN, url, runs=args.runs, env=env)
    ready = timed(TRIBUNE_READY, url, runs=args.runs, env=env)
    print(f"bare PySide6 window            {bare * 1000:7.0f} ms")
    print(f"Tribune window shown           {shown * 1000:7.0f} ms   ratio {shown / bare:4.2f}x")
    print(f"Tribune clients loaded (demo)  {ready * 1000:7.0f} ms   ratio {ready / bare:4.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

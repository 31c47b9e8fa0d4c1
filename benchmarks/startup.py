"""Start-up: Tribune's time to a visible main window against a bare PySide6 window.

Each figure runs from spawning a fresh process (interpreter start, imports, QApplication)
to a paint of the window, the median of several runs (the bare window's and Tribune's in
turn); the paint is seen by an event filter on the window in both programs (an
application-wide Python filter would itself cost ~15 ms).
Tribune's window is first painted as a shell (client panel, menu titles, "Opening the
database…") before SQLAlchemy, Alembic, the feature modules or the ``Qt`` namespace are
touched. "Clients in the sidebar" is the first paint of the clients' names: from the snapshot
of the last run (see ``ui/window_snapshot.py``), painted by the shell while the database
opens. "Window complete" is the first paint of everything the window shows while the database
opens, usable: the real client list, the search, the menus' actions with their shortcuts
(seen once the client list's rows are painted, the end of that paint; the menus are filled a
paint later, or when one opens first).
"Workspace built" is when the rest is built too (the workspace header with the area tabs,
which the window shows once the clients are loaded; nothing of it is on screen before) and
the database starts opening. "Client's area shown" waits for the clients read from a demo
database and the client's area built and painted (its data is read on a worker): what the
user sees as "ready". Then each other area is shown once, after the worker imported their
modules: the time from the click to its first paint (the GUI thread's CPU time beside it).

Each moment is given in wall-clock time (what the user waits) and in the process's CPU time
(what it computed: on a busy shared machine the wall clock mostly measures the other
processes, the CPU time much less). Every program runs with its bytecode compiled (cached
in the run's temporary folder), as an installed app is: without it each run would compile
Tribune's modules again.

    python benchmarks/startup.py [--runs N] [--tree OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
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

class PaintProbe(QObject):
    \"\"\"Prints the time of the first paint of ``widget``, then quits ``app`` (if asked).\"\"\"

    def __init__(self, app, widget, quit=True, label="paint"):
        super().__init__()
        self.app, self.quit, self.done, self.label = app, quit, False, label
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(f"{self.label}={time.time()} cpu_{self.label}={time.process_time()}", flush=True)
            if self.quit:
                QTimer.singleShot(0, self.app.quit)
        return False
"""

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.setWindowTitle("bare")
probe = PaintProbe(app, w)
w.show()
app.exec()
"""
)

# The launcher's path (``tribune`` with no command opens the app without importing the CLI),
# then the desktop app. Prints the first paint of the window (its shell), then the first
# paint of a widget of the complete window.
TRIBUNE_SHOWN = (
    FIRST_PAINT
    + """
import ui.launcher
from ui.application import create_application, start
app = create_application()
window = start(sys.argv[1])
shell = PaintProbe(app, window, quit=False, label="shell")
if window.shell_clients is not None:
    clients = PaintProbe(app, window.shell_clients, quit=False, label="clients")
build_visible, finish_build = window.build_visible, window.finish_build
def visible_and_probe():
    if hasattr(window, "rows_probe"):
        return build_visible()
    import ui.sidebar  # (build_visible() imports it first: the same cost, a line earlier)
    viewport_event = window.rows_probe = ui.sidebar.ClientSidebar.viewportEvent
    def rows_painted(self, event):  # the list's rows: the end of that paint (its last widget)
        paint = event.type() == QEvent.Type.Paint
        handled = viewport_event(self, event)
        if paint and not hasattr(window, "rows_painted"):
            window.rows_painted = True
            print(f"complete={time.time()} cpu_complete={time.process_time()}", flush=True)
        return handled
    ui.sidebar.ClientSidebar.viewportEvent = rows_painted
    build_visible()
def finish_and_stamp():
    finish_build()
    if not hasattr(window, "built"):
        window.built = True
        print(f"built={time.time()} cpu_built={time.process_time()}", flush=True)
        QTimer.singleShot(0, app.quit)
window.build_visible, window.finish_build = visible_and_probe, finish_and_stamp
app.exec()
window.tasks.wait(20000)
"""
)

TRIBUNE_READY = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
import ui.launcher
from ui.application import create_application, start
from ui.areas import AREA_KEYS
app = create_application()
window = start(sys.argv[1])

class Painted(QObject):
    \"\"\"Calls ``then`` just after ``widget``'s first paint.\"\"\"

    def __init__(self, widget, then):
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            QTimer.singleShot(0, then)
        return False

def switch(keys):
    # each other area shown for the first time: built on that switch, timed to its paint
    if not keys:
        window.settings.sync()  # the snapshot the next start paints first
        app.quit()
        return
    key, t0, c0 = keys[0], time.perf_counter(), time.thread_time()
    window.show_area(key)
    def painted():
        wall, cpu = time.perf_counter() - t0, time.thread_time() - c0  # the GUI thread's
        print(f"switch_{key}={wall} cpu_switch_{key}={cpu}", flush=True)
        switch(keys[1:])
    Painted(window.current_area(), painted)

def ready():
    window.clients_loaded.disconnect(ready)
    # the clients listed and the area shown built and painted (its data read on a worker)
    def painted():
        print(f"ready={time.time()} cpu_ready={time.process_time()}", flush=True)
        shown = window.current_area().objectName().removeprefix("area_")
        others = [k for k in AREA_KEYS if k != shown]
        def when_preloaded():  # the other areas' modules imported on a worker meanwhile
            if getattr(window, "areas_preloaded", []) is None:  # (older trees: at once)
                QTimer.singleShot(20, when_preloaded)
            else:
                print(f"preloaded={time.time()} cpu_preloaded={time.process_time()}", flush=True)
                switch(others)
        when_preloaded()
    Painted(window.current_area(), painted)
window.clients_loaded.connect(ready)
app.exec()
window.tasks.wait(20000)
"""


def run_once(code: str, *args: str, env: dict, into: dict[str, list[float]]) -> None:
    """Seconds from spawning the process to each moment the child printed (wall clock), and
    the process's CPU time then (``cpu_<moment>``, counted from its start), added to ``into``."""
    t0 = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True, env=env, cwd=env["PYTHONPATH"], capture_output=True, text=True,
    )  # fmt: skip
    for line in done.stdout.split():
        label, _, stamp = line.partition("=")
        offset = 0.0 if label.startswith(("cpu_", "switch_")) else t0
        into.setdefault(label, []).append(float(stamp) - offset)


def timed(programs: list[tuple[str, tuple[str, ...]]], runs: int, env: dict) -> list[dict]:
    """The median of each moment of each program, the programs run in turn ``runs`` times
    (interleaved: on a shared machine a change of load reaches the bare window and Tribune
    alike, rather than whichever block of runs it fell in)."""
    samples: list[dict[str, list[float]]] = [{} for _ in programs]
    for _ in range(runs):
        for (code, args), into in zip(programs, samples, strict=True):
            run_once(code, *args, env=env, into=into)
    return [{label: statistics.median(v) for label, v in s.items()} for s in samples]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree", type=Path, default=ROOT, help="measure that checkout's app")
    args = parser.parse_args()
    root = args.tree.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="tribune-bench-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)  # the run's files, gone after it
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["TRIBUNE_HOME"] = str(tmp)
    env["XDG_CONFIG_HOME"] = str(tmp / "config")  # the preferences (and snapshot) of this run
    env["PYTHONPATH"] = str(root)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, by the warm-up runs below
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", url, "demo"],
        check=True, env=env, cwd=root, capture_output=True,
    )  # fmt: skip
    # warm the OS file cache once; a first run loads the clients (and leaves the snapshot)
    timed([(BARE, ()), (TRIBUNE_READY, (url,))], runs=1, env=env)
    load_before = os.getloadavg()
    bare, shown, ready = timed(
        [(BARE, ()), (TRIBUNE_SHOWN, (url,)), (TRIBUNE_READY, (url,))], runs=args.runs, env=env
    )
    load_after = os.getloadavg()
    rows = [
        ("bare PySide6 window", "paint", bare, ""),
        ("Tribune window shown (shell)", "shell", shown, ""),
        ("Tribune clients in the sidebar", "clients", shown, "<= 2x"),
        ("Tribune window complete", "complete", shown, "<= 1.5x"),
        ("Tribune workspace built", "built", shown, ""),
        ("Tribune client's area shown (demo)", "ready", ready, ""),
    ]
    print(f"{args.runs} runs each, medians; load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after ({os.cpu_count()} CPUs)")  # fmt: skip
    print(f"{'':35s}{'wall clock':>10s}{'ratio':>8s}{'CPU time':>12s}{'ratio':>8s}  target")
    for label, key, figures, target in rows:
        wall, cpu = figures.get(key, float("nan")), figures.get(f"cpu_{key}", float("nan"))
        ratios = ("", "") if figures is bare else (
            f"{wall / bare['paint']:7.2f}x", f"{cpu / bare['cpu_paint']:7.2f}x"
        )  # fmt: skip
        print(
            f"{label:35s}{wall * 1000:7.0f} ms{ratios[0]:>8s}{cpu * 1000:9.0f} ms"
            f"{ratios[1]:>8s}  {target}"
        )
    print("first switch to each other area, to its first paint (target < 100 ms; built then,")
    print("its module imported on a worker after the first area; CPU: the GUI thread's alone):")
    for key in sorted(k.removeprefix("switch_") for k in ready if k.startswith("switch_")):
        wall, cpu = ready[f"switch_{key}"], ready[f"cpu_switch_{key}"]
        print(f"  {key:33s}{wall * 1000:7.0f} ms{'':8s}{cpu * 1000:9.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

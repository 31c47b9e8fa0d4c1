"""The task runner: results, errors and progress reach the GUI thread, and whatever a task
shares with the GUI is freed there.

CI once hung for 90 minutes: a cancel token connected to a progress dialog's ``canceled`` was
freed on a worker, so PySide disconnected it there — holding Qt's signal lock, waiting for the
GIL — while the GUI thread, holding the GIL, closed the dialog and waited for that lock.
"""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtWidgets import QProgressDialog

from ui.tasks import CancelToken, TaskRunner


class _Tracked:
    """Records the thread it is freed on."""

    freed_on: list[str] = []

    def __init__(self, name: str) -> None:
        self.name = name

    def __del__(self) -> None:
        where = "gui" if threading.current_thread() is threading.main_thread() else "worker"
        _Tracked.freed_on.append(f"{self.name}:{where}")


class _TrackedToken(CancelToken):
    def __del__(self) -> None:
        where = "gui" if threading.current_thread() is threading.main_thread() else "worker"
        _Tracked.freed_on.append(f"token:{where}")


def _settle(qtbot, runner):
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert runner.wait(5000)
    qtbot.wait(20)
    gc.collect()


def test_result_progress_and_error_reach_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = []
    busy = []
    runner.busy_changed.connect(busy.append)

    def work(progress, token):
        assert threading.current_thread() is not threading.main_thread()
        for i in range(3):
            progress(i + 1, 3, f"step {i + 1}")
        return 42

    runner.run(
        work,
        lambda r: seen.append(("done", r, threading.current_thread() is threading.main_thread())),
        on_progress=lambda d, t, label: seen.append(("progress", d, t, label)),
    )
    runner.run(lambda: 1 / 0, None, lambda exc: seen.append(("error", type(exc).__name__)))
    _settle(qtbot, runner)
    assert seen.index(("progress", 3, 3, "step 3")) < seen.index(("done", 42, True))
    assert ("error", "ZeroDivisionError") in seen
    assert busy == [True, False]


def test_a_task_shares_nothing_that_a_worker_frees(qtbot):
    """Function, token, result and error are freed on the GUI thread, never on a worker."""
    _Tracked.freed_on.clear()
    runner = TaskRunner()
    got = []

    def start():
        held = _Tracked("closure")
        token = _TrackedToken()

        def work(progress, tok):
            assert held is not None
            progress(1, 1, "")
            return _Tracked("result")

        runner.run(work, lambda r: got.append(r.name), on_progress=lambda *a: None, token=token)

        failing_held = _Tracked("failing closure")

        def fails():
            local = _Tracked("frame local")  # noqa: F841 — held by the error's traceback
            raise ValueError(failing_held.name)

        runner.run(fails, None, lambda exc: got.append(str(exc)))

    for _ in range(20):  # a race: give the worker many chances to be the last holder
        start()
        _settle(qtbot, runner)
    assert got.count("result") == 20 and got.count("failing closure") == 20
    assert _Tracked.freed_on, "nothing was tracked"
    assert [f for f in _Tracked.freed_on if f.endswith(":worker")] == []
    names = {f.split(":")[0] for f in _Tracked.freed_on}
    assert names == {"closure", "token", "result", "failing closure", "frame local"}


def test_closing_a_progress_dialog_while_its_token_is_let_go(qtbot):
    """The shape of the import that hung: the dialog's cancel connected to the token."""
    runner = TaskRunner()
    closed = []
    for _ in range(30):
        dialog = QProgressDialog("…", "Cancel", 0, 0)
        qtbot.addWidget(dialog)
        dialog.show()

        def finished(_result, dialog=dialog):
            dialog.close()
            closed.append(True)

        token = runner.run(lambda progress, tok: None, finished, on_progress=lambda *a: None)
        dialog.canceled.connect(token.cancel)
        del token
        qtbot.waitUntil(lambda n=len(closed) + 1: len(closed) == n, timeout=5000)
    assert len(closed) == 30


def test_a_queue_runs_its_tasks_one_after_the_other_in_order(qtbot):
    runner = TaskRunner()
    running = []
    log = []
    lock = threading.Lock()

    def step(name, queue):
        def work():
            with lock:
                running.append(queue)
                overlap = running.count(queue) > 1
            time.sleep(0.02)
            with lock:
                running.remove(queue)
            log.append((name, overlap))
            return name

        return work

    done = []
    for i in range(6):
        runner.run(step(f"a{i}", "a"), done.append, queue="a")
    runner.run(step("free", None), done.append)  # not in a queue: starts at once
    assert runner.wait(10000)  # also runs the ones still waiting in the queue
    assert [name for name, _ in log if name.startswith("a")] == [f"a{i}" for i in range(6)]
    assert not any(overlap for name, overlap in log if name.startswith("a"))
    assert log.index(("free", False)) < 5  # it did not wait behind the queue
    assert sorted(done) == sorted([f"a{i}" for i in range(6)] + ["free"])
    assert not runner.busy


def test_a_task_whose_runner_was_deleted_meanwhile_ends_quietly(qtbot, caplog):
    """A window closed (its runner deleted) while a task runs: the worker's last signal has
    no source any more — the task ends without an error in the Qt event loop."""
    from PySide6.QtCore import QThreadPool
    from shiboken6 import delete

    runner = TaskRunner()
    release = threading.Event()
    runner.run(lambda: release.wait(5), lambda _r: None)
    delete(runner)  # the C++ side and its signal hub go, as with a closed window
    with caplog.at_level("INFO", logger="ui.tasks"):
        release.set()
        assert QThreadPool.globalInstance().waitForDone(5000)
    assert "finished after its runner was deleted" in caplog.text

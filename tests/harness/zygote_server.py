"""The fork server behind the tests' ``cli`` fixture (see tests/harness/__init__.py).

Run as ``python zygote_server.py SOCKET PARENT_PID``: it imports the libraries every
``tribune`` command imports (SQLAlchemy and its drivers, PySide6's QtCore and QtGui) and the
trunk of the CLI that every command runs through (``app.cli``'s own module, the database
layer, translations, logs) — never a model, a service or a feature's command module, whose
import (and registration on the models' metadata) each command must do itself — and opens
nothing: no engine, no Qt application, no keyring backend, no thread, no environment read.

Then, per request on its Unix socket (argv, environment, working directory, and the three
standard streams' descriptors), it forks. The child takes the streams as 0, 1 and 2, the
environment, the directory and ``sys.argv``, returns from :func:`serve` to the top level and
runs ``ui.launcher.main`` — the console script's entry point — ending with ``sys.exit`` and
the interpreter's normal shutdown (atexit handlers, flushed streams). The server reaps the
child and sends its return code (negative: the signal that ended it) to the client.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import sys

MAX_REQUEST = 1 << 20

# In the order app.cli.main imports them: SQLAlchemy before Qt (PySide's import hook would
# read the source of every module imported after it).
LIBRARIES = (
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "sqlite3",
    "psycopg",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic.command",
    "alembic.runtime.migration",
    "PySide6.QtCore",
    "PySide6.QtGui",
)
# What every command imports before it reaches its own module (tests/harness/test_zygote.py
# checks that none of them imports a model, a service or a feature).
TRUNK = (
    "ui.launcher",
    "app",
    "app.errors",
    "app.cli",
    "app.i18n",
    "app.qt",
    "app.logs",
    "app.db_busy",
    "app.db",
)


def preload() -> None:
    import importlib

    for name in LIBRARIES + TRUNK:
        try:
            importlib.import_module(name)
        except ImportError:  # psycopg absent: its commands import it themselves
            pass


def serve(listener: socket.socket, parent: int) -> dict:
    """Fork a child per request; returns only in a child, with its request."""
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    children: dict[int, socket.socket] = {}
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    sel.register(wake_r, selectors.EVENT_READ)
    while True:
        events = sel.select(timeout=1.0)
        if os.getppid() != parent:  # the test session is gone: so is its server
            for pid in children:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            sys.exit(0)
        for key, _ in events:
            if key.fileobj is listener:
                conn, _addr = listener.accept()
                try:
                    data, fds, _flags, _ = socket.recv_fds(conn, MAX_REQUEST, 3)
                    request = json.loads(data)
                except (OSError, ValueError):
                    conn.close()
                    continue
                if len(fds) != 3:
                    for fd in fds:
                        os.close(fd)
                    conn.close()
                    continue
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    signal.set_wakeup_fd(-1)
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    sel.close()
                    for other in children.values():
                        other.close()
                    listener.close()
                    conn.close()
                    os.close(wake_r)
                    os.close(wake_w)
                    request["fds"] = fds
                    return request
                for fd in fds:
                    os.close(fd)
                try:
                    conn.send(json.dumps({"pid": pid}).encode())
                except OSError:
                    pass
                children[pid] = conn
            else:
                try:
                    while os.read(wake_r, 512):
                        pass
                except BlockingIOError:
                    pass
        while children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            conn = children.pop(pid, None)
            if conn is not None:
                try:
                    conn.send(
                        json.dumps({"returncode": os.waitstatus_to_exitcode(status)}).encode()
                    )
                except OSError:
                    pass
                conn.close()


def become(request: dict) -> None:
    """The child takes the request's streams, environment, directory and arguments."""
    for target, fd in enumerate(request["fds"]):
        os.dup2(fd, target)  # dup2 makes 0, 1 and 2 inheritable, as a spawned process has them
    for fd in set(request["fds"]):
        if fd > 2:
            os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.path[1:1] = request.get("pythonpath", [])  # as PYTHONPATH puts them, after the first


def run_python(args: list[str]) -> None:
    """``python -c CODE ARGS…`` or ``python SCRIPT ARGS…`` in this process, as the
    interpreter runs them: ``__main__`` a fresh module, ``sys.argv`` and ``sys.path[0]`` as
    it sets them; an uncaught exception prints its traceback and exits 1."""
    import builtins
    import runpy
    import types

    if args[0] == "-c":
        sys.argv = ["-c", *args[2:]]
        sys.path[0] = ""
        main = types.ModuleType("__main__")
        main.__dict__["__builtins__"] = builtins
        sys.modules["__main__"] = main
        exec(compile(args[1], "<string>", "exec"), main.__dict__)
    else:
        sys.argv = list(args)
        sys.path[0] = os.path.dirname(os.path.abspath(args[0]))
        runpy.run_path(args[0], run_name="__main__")


def main() -> None:
    path, parent = sys.argv[1], int(sys.argv[2])
    preload()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind(path)
    listener.listen(64)
    print("ready", flush=True)
    request = serve(listener, parent)
    become(request)
    if request.get("python"):  # the interpreter with a script or -c
        run_python(request["argv"][1:])
        sys.exit(0)
    sys.argv = list(request["argv"])
    # the console script's own folder first on the path, as when it runs as a script
    sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
    from ui.launcher import main as tribune

    sys.exit(tribune())


if __name__ == "__main__":
    main()

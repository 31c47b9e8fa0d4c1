"""The client of the fork server (tests/harness/zygote_server.py): ``tribune`` commands as
forked processes, with :func:`subprocess.run`'s contract (see tests/harness/__init__.py)."""

from __future__ import annotations

import atexit
import json
import locale
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SERVER = Path(__file__).resolve().with_name("zygote_server.py")

# What a process reads once, as it starts (the interpreter's flags, its streams' encoding,
# the C locale, the time zone; matplotlib's folders if a command imports it): a command asked
# with any of them different from the server's runs as a real new process instead.
_AT_START = ("LANG", "LANGUAGE", "TZ", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
_AT_START_PREFIXES = ("PYTHON", "LC_", "MPL")


def enabled() -> bool:
    """``TRIBUNE_TEST_ZYGOTE=0`` runs every command as a real new process."""
    return os.environ.get("TRIBUNE_TEST_ZYGOTE", "1") != "0"


REPO = Path(__file__).resolve().parents[2]
# The environment as the session started (tests/conftest.py imports this module), before any
# test's monkeypatch: the server starts with it whichever test needs it first.
_SESSION_ENV = dict(os.environ)


def _read_at_start(env: dict[str, str]) -> dict[str, str]:
    return {
        k: v
        for k, v in env.items()
        if (k in _AT_START or k.startswith(_AT_START_PREFIXES)) and k != "PYTHONPATH"
    }


def _pythonpath(env: dict[str, str], server_env: dict[str, str]) -> list[str] | None:
    """The ``PYTHONPATH`` entries a forked child puts on its path (after the first), or None
    if it cannot: only this repository, which the server's Tribune was imported from."""
    asked = env.get("PYTHONPATH", "")
    if asked == server_env.get("PYTHONPATH", ""):
        return []
    entries = [e for e in asked.split(os.pathsep) if e]
    if all(Path(e).resolve() == REPO for e in entries):
        return entries
    return None


class Zygote:
    """One fork server, started on first use, stopped with the test process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._dir: str | None = None
        self._env: dict[str, str] = {}
        self.forks = 0

    def _start(self) -> None:
        self._dir = tempfile.mkdtemp(prefix="tribune-zygote.")
        path = os.path.join(self._dir, "socket")
        self._env = dict(_SESSION_ENV)
        log = open(os.path.join(self._dir, "log"), "wb")  # noqa: SIM115 - the server's stderr
        self._proc = subprocess.Popen(
            [sys.executable, str(SERVER), path, str(os.getpid())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            env=self._env,
            cwd=self._dir,
        )
        log.close()
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        self._proc.stdout.close()
        if line.strip() != b"ready":
            raise RuntimeError(f"the fork server did not start: {self.log()}")
        self._path = path
        atexit.register(self.stop)

    def log(self) -> str:
        try:
            return Path(self._dir or "", "log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        with self._lock:
            if self._proc is not None:
                self._proc.kill()
                self._proc.wait()
                self._proc = None
            if self._dir is not None:
                import shutil

                shutil.rmtree(self._dir, ignore_errors=True)
                self._dir = None

    def forkable(self, env: dict[str, str]) -> bool:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._start()
        return _read_at_start(env) == _read_at_start(self._env) and (
            _pythonpath(env, self._env) is not None
        )

    def launch(
        self, argv: list[str], fds: list[int], *, env: dict[str, str], cwd: str | None, python: bool
    ) -> tuple[socket.socket, int]:
        """Fork ``argv`` with ``fds`` as its stdin, stdout and stderr; returns the socket
        its return code will come on, and its pid. (``forkable(env)`` said yes.)"""
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            sock.connect(self._path)
            request = {
                "argv": list(argv),
                "env": env,
                "cwd": cwd or os.getcwd(),
                "python": python,
                "pythonpath": _pythonpath(env, self._env) or [],
            }
            socket.send_fds(sock, [json.dumps(request).encode()], fds)
            pid = json.loads(sock.recv(4096))["pid"]
        except BaseException:
            sock.close()
            raise
        self.forks += 1
        return sock, pid

    def run(
        self,
        cmd: list[str],
        *,
        input: str | None = None,
        env: dict[str, str],
        cwd: str | None = None,
        timeout: float | None = None,
    ) -> subprocess.CompletedProcess:
        """``subprocess.run(cmd, input=…, capture_output=True, text=True, env=…, timeout=…)``
        where ``cmd[0]`` is the ``tribune`` console script: the same result, in a forked
        process."""
        if not self.forkable(env):
            return subprocess.run(
                cmd, input=input, capture_output=True, text=True, env=env, cwd=cwd,
                timeout=timeout,
            )  # fmt: skip
        if input is None:  # nothing to read: /dev/null, not the test process's stdin
            in_r, in_w = os.open(os.devnull, os.O_RDONLY), None
        else:
            in_r, in_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        try:
            sock, pid = self.launch(cmd, [in_r, out_w, err_w], env=env, cwd=cwd, python=False)
        except BaseException:
            for fd in (in_w, out_r, err_r):
                if fd is not None:
                    os.close(fd)
            raise
        finally:
            for fd in (in_r, out_w, err_w):
                os.close(fd)
        try:
            deadline = None if timeout is None else time.monotonic() + timeout
            data = input.encode(locale.getpreferredencoding(False)) if input else b""
            out, err, timed_out = _communicate(in_w, out_r, err_r, data, deadline)
            if not timed_out and deadline is not None:  # streams closed, process still there
                sock.settimeout(max(0.0, deadline - time.monotonic()))
            try:
                reply = b"" if timed_out else sock.recv(4096)
            except TimeoutError:
                timed_out = True
            if timed_out:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                sock.settimeout(None)
                reply = sock.recv(4096)
        finally:
            sock.close()
        if not reply:
            raise RuntimeError(f"the fork server stopped: {self.log()}")
        if timed_out:
            raise subprocess.TimeoutExpired(cmd, timeout, _text(out), _text(err))
        return subprocess.CompletedProcess(
            cmd, json.loads(reply)["returncode"], _text(out), _text(err)
        )


def _text(data: bytes) -> str:
    """As ``subprocess.run(text=True)`` decodes: the locale's encoding, universal newlines."""
    text = data.decode(locale.getpreferredencoding(False))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _communicate(
    in_w: int | None, out_r: int, err_r: int, data: bytes, deadline: float | None
) -> tuple[bytes, bytes, bool]:
    """Feed stdin, read stdout and stderr to their end (or until the deadline)."""
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}
    sel = selectors.DefaultSelector()
    if in_w is not None and data:
        os.set_blocking(in_w, False)
        sel.register(in_w, selectors.EVENT_WRITE)
    elif in_w is not None:
        os.close(in_w)
    sel.register(out_r, selectors.EVENT_READ)
    sel.register(err_r, selectors.EVENT_READ)
    view = memoryview(data)
    timed_out = False
    try:
        while sel.get_map():
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                timed_out = True
                break
            for key, _ in sel.select(wait):
                fd = key.fd
                if fd == in_w:
                    try:
                        view = view[os.write(in_w, view[:65536]) :]
                    except BrokenPipeError:
                        view = view[:0]
                    if not view:
                        sel.unregister(in_w)
                        os.close(in_w)
                else:
                    block = os.read(fd, 65536)
                    if block:
                        chunks[fd].append(block)
                    else:
                        sel.unregister(fd)
                        os.close(fd)
    finally:
        for key in list(sel.get_map().values()):
            os.close(key.fd)
        sel.close()
    return b"".join(chunks[out_r]), b"".join(chunks[err_r]), timed_out


_ZYGOTE: Zygote | None = None


def zygote() -> Zygote:
    """This test process's fork server (one per pytest-xdist worker)."""
    global _ZYGOTE
    if _ZYGOTE is None:
        _ZYGOTE = Zygote()
    return _ZYGOTE

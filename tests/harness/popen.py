"""``subprocess.Popen`` and ``subprocess.run`` for the processes the tests start themselves
(another seat as ``python -c SCRIPT`` or ``python seat.py``, a ``tribune`` command kept
running), forked from the fork server (tests/harness/zygote_server.py) when they can be.

:func:`popen` and :func:`run` take the same arguments as :mod:`subprocess`'s for the cases
the tests use (``stdin``/``stdout``/``stderr`` as ``PIPE``, ``DEVNULL``, ``STDOUT`` or
inherited; ``text``; ``env``; ``cwd``; ``input``, ``timeout``, ``check``, ``capture_output``)
and give what they give: a process with a pid that can be polled, waited for, signalled and
killed, its return code (negative: the signal), its streams. Anything else — another program,
an environment the interpreter reads at start, an option not listed — goes to
:mod:`subprocess` itself, unchanged.
"""

from __future__ import annotations

import io
import locale
import os
import signal
import socket
import subprocess
import sys
from typing import Any

from tests.harness import zygote as _zygote

_HANDLED = {"stdin", "stdout", "stderr", "text", "universal_newlines", "env", "cwd", "bufsize"}


def _program(args: list[str]) -> bool | None:
    """True for the interpreter (a script or -c), False for the console script, None else."""
    from tests.conftest import tribune_exe

    if not args:
        return None
    if args[0] == sys.executable and len(args) > 1 and not args[1].startswith("-"):
        return True
    if args[0] == sys.executable and len(args) > 2 and args[1] == "-c":
        return True
    if args[0] == tribune_exe():
        return False
    return None


def _env(kw: dict[str, Any]) -> dict[str, str]:
    env = kw.get("env")
    return dict(os.environ) if env is None else dict(env)


class ForkedPopen:
    """A forked process with :class:`subprocess.Popen`'s interface (the part tests use)."""

    def __init__(self, args: list[str], *, python: bool, **kw: Any) -> None:
        self.args = args
        self.returncode: int | None = None
        text = bool(kw.get("text") or kw.get("universal_newlines"))
        encoding = locale.getpreferredencoding(False)
        child: list[int] = []
        mine: list[tuple[str, int]] = []
        to_close: list[int] = []
        for n, name in enumerate(("stdin", "stdout", "stderr")):
            how = kw.get(name)
            if how is None:
                child.append(n)  # inherited: the test process's own stream
            elif how == subprocess.DEVNULL:
                fd = os.open(os.devnull, os.O_RDWR)
                child.append(fd)
                to_close.append(fd)
            elif how == subprocess.PIPE:
                r, w = os.pipe()
                child.append(r if n == 0 else w)
                to_close.append(r if n == 0 else w)
                mine.append((name, w if n == 0 else r))
            elif how == subprocess.STDOUT and n == 2:
                child.append(child[1])
            else:
                fd = how if isinstance(how, int) else how.fileno()
                child.append(fd)
        try:
            self._sock, self.pid = _zygote.zygote().launch(
                args, child, env=_env(kw), cwd=kw.get("cwd"),
                python=python,
            )  # fmt: skip
        except BaseException:
            for _name, fd in mine:
                os.close(fd)
            raise
        finally:
            for fd in to_close:
                os.close(fd)
        self.stdin = self.stdout = self.stderr = None
        line = kw.get("bufsize", -1) == 1
        for name, fd in mine:
            if name == "stdin":
                raw = io.open(fd, "wb", -1)  # noqa: SIM115,UP020 - owned by this object
                stream = (
                    io.TextIOWrapper(raw, encoding, write_through=True, line_buffering=line)
                    if text
                    else raw
                )
            else:
                raw = io.open(fd, "rb", -1)  # noqa: SIM115,UP020 - owned by this object
                stream = io.TextIOWrapper(raw, encoding) if text else raw
            setattr(self, name, stream)

    # -- the return code ------------------------------------------------------------------
    def _reap(self, timeout: float | None) -> int | None:
        if self.returncode is not None:
            return self.returncode
        self._sock.settimeout(timeout)
        try:
            reply = self._sock.recv(4096)
        except (TimeoutError, BlockingIOError):
            return None
        if not reply:
            raise RuntimeError(f"the fork server stopped: {_zygote.zygote().log()}")
        import json

        self.returncode = json.loads(reply)["returncode"]
        self._sock.close()
        return self.returncode

    def poll(self) -> int | None:
        return self._reap(0)

    def wait(self, timeout: float | None = None) -> int:
        code = self._reap(timeout)
        if code is None:
            raise subprocess.TimeoutExpired(self.args, timeout)
        return code

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    # -- the streams ----------------------------------------------------------------------
    def communicate(self, input: Any = None, timeout: float | None = None) -> tuple[Any, Any]:
        """As Popen.communicate: feed ``input``, read both streams to their end, wait."""
        import threading
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        results: dict[str, Any] = {}

        def drain(name: str) -> None:
            stream = getattr(self, name)
            results[name] = stream.read()
            stream.close()

        readers = [
            threading.Thread(target=drain, args=(name,), daemon=True)
            for name in ("stdout", "stderr")
            if getattr(self, name) is not None
        ]
        for t in readers:
            t.start()
        if self.stdin is not None:
            try:
                if input:
                    self.stdin.write(input)
                self.stdin.close()
            except BrokenPipeError:
                pass
        for t in readers:
            t.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
            if t.is_alive():
                raise subprocess.TimeoutExpired(self.args, timeout)
        self.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return results.get("stdout"), results.get("stderr")

    def __enter__(self) -> ForkedPopen:
        return self

    def __exit__(self, *exc: object) -> None:
        for stream in (self.stdin, self.stdout, self.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        self.wait()

    def __del__(self) -> None:
        sock = getattr(self, "_sock", None)
        if isinstance(sock, socket.socket):
            sock.close()


def popen(args: list[str], **kw: Any) -> Any:
    """``subprocess.Popen(args, **kw)``, forked when it can be."""
    python = _program(list(args))
    if (
        python is None
        or not _zygote.enabled()
        or set(kw) - _HANDLED
        or not _zygote.zygote().forkable(_env(kw))
    ):
        return subprocess.Popen(args, **kw)
    return ForkedPopen(list(args), python=python, **kw)


def run(
    args: list[str],
    *,
    input: Any = None,
    timeout: float | None = None,
    check: bool = False,
    capture_output: bool = False,
    **kw: Any,
) -> subprocess.CompletedProcess:
    """``subprocess.run(args, …)``, forked when it can be."""
    if capture_output:
        kw["stdout"] = kw["stderr"] = subprocess.PIPE
    if input is not None:
        kw["stdin"] = subprocess.PIPE
    proc = popen(args, **kw)
    if isinstance(proc, subprocess.Popen):
        with proc:
            try:
                out, err = proc.communicate(input, timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise
    else:
        try:
            out, err = proc.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
    code = proc.returncode
    if check and code:
        raise subprocess.CalledProcessError(code, args, out, err)
    return subprocess.CompletedProcess(args, code, out, err)

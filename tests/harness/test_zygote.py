"""The fork server behind ``cli`` (tests/harness/): what it holds before a fork, and that a
forked command is the same process as the console script, seen from outside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import tribune_exe
from tests.harness import zygote_server
from tests.harness.zygote import Zygote

_PROBE = """
import json, os, sys, threading
sys.path.insert(0, sys.argv[1])
import zygote_server
zygote_server.preload()
from PySide6.QtCore import QCoreApplication
keyring = sys.modules.get("keyring.core")
print(json.dumps({
    "modules": sorted(sys.modules),
    "threads": threading.active_count(),
    "tasks": len(os.listdir("/proc/self/task")),
    "fds": [int(fd) for fd in sorted(os.listdir("/proc/self/fd"))
            if os.path.exists(f"/proc/self/fd/{fd}")],  # not the listing's own, closed now
    "qt_app": QCoreApplication.instance() is not None,
    "keyring_backend": getattr(keyring, "_keyring_backend", None) is not None,
}))
"""


def test_the_server_holds_no_model_no_feature_and_opens_nothing():
    """What a command must import itself (its models, on the metadata a backup reads; its
    services; its feature's commands) is not in the server, and nothing is open or running
    there that a fork would copy into every command."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, os.path.dirname(zygote_server.__file__)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    state = json.loads(out.stdout)
    modules = state["modules"]
    assert "app.cli" in modules and "sqlalchemy.orm" in modules  # the probe works
    imported_by_a_command = [
        m
        for m in modules
        if m.startswith(("app.models", "app.services", "app.documents", "app.charts"))
        or m.startswith(("app.connectors", "app.cli.", "keyring", "matplotlib", "ui.app"))
    ]
    assert imported_by_a_command == []
    assert state["threads"] == 1 and state["tasks"] == 1
    assert state["fds"] == [0, 1, 2]
    assert not state["qt_app"] and not state["keyring_backend"]


@pytest.fixture
def server():
    z = Zygote()
    yield z
    z.stop()


def _both(server, args, env, input=None):
    cmd = [tribune_exe(), *args]
    real = subprocess.run(cmd, input=input, capture_output=True, text=True, env=env, timeout=120)
    forked = server.run(cmd, input=input, env=env, timeout=120)
    return real, forked


def test_a_forked_command_answers_as_the_console_script(server, tmp_path, tribune_home):
    """Same exit code, same stdout, same stderr as the installed script, on success, on a
    usage error, on a user error and on an unreadable database."""
    env = dict(os.environ, TRIBUNE_HOME=str(tribune_home))
    url = f"sqlite:///{tmp_path}/t.sqlite3"
    added = subprocess.run(
        [tribune_exe(), "--db", url, "client", "add", "Hôtel Les Embruns"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    cases = [
        ["--version"],
        ["--db", url, "client", "add"],
        ["--db", url, "client", "add", "hôtel les embruns"],
        ["--db", url, "client", "list", "--json"],
        ["--db", f"sqlite:///{tmp_path}/no/such/dir/t.sqlite3", "client", "list"],
    ]
    seen = []
    for args in cases:
        cmd = [tribune_exe(), *args]
        real = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
        forked = server.run(cmd, env=env, timeout=120)
        assert (forked.returncode, forked.stdout, forked.stderr) == (
            real.returncode,
            real.stdout,
            real.stderr,
        ), args
        seen.append((forked.returncode, len(forked.stderr.splitlines())))
    assert server.forks == len(cases)
    # success, then the usage, duplicate and unreadable errors: one line on stderr, exit 1
    assert seen == [(0, 0), (1, 1), (1, 1), (0, 0), (1, 1)]


def test_each_fork_takes_its_environment_directory_and_input(server, tmp_path, tribune_home):
    """Each command sees its own user, data folder and directory."""
    import sqlite3

    url = f"sqlite:///{tmp_path}/t.sqlite3"
    base = dict(os.environ, TRIBUNE_HOME=str(tribune_home))
    for user in ("Alice Martin", "Bruno Petit"):
        out = server.run(
            [tribune_exe(), "--db", url, "client", "add", f"Client de {user}"],
            env=dict(base, TRIBUNE_USER=user),
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
    with sqlite3.connect(tmp_path / "t.sqlite3") as conn:
        actors = conn.execute("SELECT actor, client_name FROM audit_events ORDER BY id").fetchall()
    assert [a for a, name in actors if name.startswith("Client de")] == [
        "Alice Martin",
        "Bruno Petit",
    ]
    other_home = tmp_path / "other-home"
    other_home.mkdir()
    (tmp_path / "elsewhere").mkdir()
    out = server.run(  # a relative URL resolves from the command's directory
        [tribune_exe(), "--db", "sqlite:///rel.sqlite3", "client", "add", "Deux"],
        env=dict(base, TRIBUNE_HOME=str(other_home)),
        cwd=str(tmp_path / "elsewhere"),
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "elsewhere" / "rel.sqlite3").exists()
    assert (other_home / "logs" / "tribune.log").exists()
    # standard input: tests/cli/test_cli_approve_reply.py (a reply's text read from it)


def test_a_command_that_outlives_its_timeout_is_killed(server, tmp_path, tribune_home):
    """As ``subprocess.run``: the process is killed and TimeoutExpired raised; the server
    goes on serving."""
    import sqlite3

    url = f"sqlite:///{tmp_path}/t.sqlite3"
    env = dict(os.environ, TRIBUNE_HOME=str(tribune_home), TRIBUNE_BUSY_TIMEOUT="60")
    assert server.run([tribune_exe(), "--db", url, "client", "list"], env=env).returncode == 0
    holder = sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # the command's write waits behind it
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        server.run([tribune_exe(), "--db", url, "client", "add", "Bloqué"], env=env, timeout=3)
    assert time.monotonic() - started < 30
    holder.execute("ROLLBACK")
    holder.close()
    after = server.run([tribune_exe(), "--db", url, "client", "list", "--json"], env=env)
    assert after.returncode == 0 and json.loads(after.stdout) == []


def test_an_environment_read_at_start_gets_a_real_process(server, tribune_home):
    """``PYTHONPROFILEIMPORTTIME`` (and the locale, TZ…) act only as a process starts: such
    a command is not forked but started anew, and so does what it asks."""
    env = dict(os.environ, TRIBUNE_HOME=str(tribune_home), PYTHONPROFILEIMPORTTIME="1")
    out = server.run([tribune_exe(), "--version"], env=env, timeout=120)
    assert out.returncode == 0 and "import time:" in out.stderr
    assert server.forks == 0


def test_popen_forks_python_seats_with_popen_s_contract(tmp_path):
    """A seat as ``python -c`` or ``python script.py``: its arguments, __main__, exit code,
    a conversation over its pipes, a kill (negative return code), check=True."""
    from tests.harness import popen as harness

    code = (
        "import sys, os; print(sys.argv[1:], __name__, flush=True); "
        "line = sys.stdin.readline(); print(line.strip().upper(), flush=True); "
        "sys.exit(int(sys.argv[1]))"
    )
    before = harness._zygote.zygote().forks
    proc = harness.popen(
        [sys.executable, "-c", code, "3", "x"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert isinstance(proc, harness.ForkedPopen) and proc.pid > 0
    assert proc.stdout.readline() == "['3', 'x'] __main__\n"
    proc.stdin.write("bonjour\n")
    proc.stdin.flush()
    assert proc.stdout.readline() == "BONJOUR\n"
    assert proc.wait(30) == 3 and proc.returncode == 3
    proc.stdout.close()
    proc.stdin.close()

    sleeper = harness.popen([sys.executable, "-c", "import time; time.sleep(60)"])
    assert sleeper.poll() is None
    with pytest.raises(subprocess.TimeoutExpired):
        sleeper.wait(0.2)
    sleeper.kill()
    assert sleeper.wait(30) == -9

    script = tmp_path / "seat.py"
    script.write_text(
        "import os, sys\nraise SystemExit(f'{os.environ[\"SEAT\"]} {os.getcwd()} {sys.argv[1]}')\n"
    )
    out = harness.run(
        [sys.executable, str(script), "un"],
        capture_output=True,
        text=True,
        env=dict(os.environ, SEAT="Léa"),
        cwd=str(tmp_path),
        timeout=60,
    )
    assert (out.returncode, out.stderr) == (1, f"Léa {tmp_path} un\n")
    with pytest.raises(subprocess.CalledProcessError):
        harness.run([sys.executable, "-c", "1/0"], check=True, capture_output=True, timeout=60)
    failed = harness.run([sys.executable, "-c", "1/0"], capture_output=True, text=True)
    assert failed.returncode == 1 and "ZeroDivisionError" in failed.stderr
    assert harness._zygote.zygote().forks - before == 5  # none went to a new interpreter

"""A full disk: every file the CLI writes is checked before it appears (issue #19).

Each command runs as its own process under ``RLIMIT_FSIZE`` (SIGXFSZ ignored, so a write past
the limit fails with EFBIG as on a full disk): it must exit 1 with one line, leave no file
and no ``.part`` behind, and keep an older file of the same name intact.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import tribune_exe

LIMIT = 48_000  # bytes: less than any of these files from the demo agency

RUN_LIMITED = (
    "import os, resource, signal, sys\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "limit = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
    "os.execv(sys.argv[2], sys.argv[2:])\n"
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("disk")
    url = f"sqlite:///{folder}/demo.sqlite3"
    env = {**os.environ, "TRIBUNE_HOME": str(folder / "home")}
    done = subprocess.run(
        [tribune_exe(), "--db", url, "demo"], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [tribune_exe(), "--db", url, "client", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return url, json.loads(listed.stdout)[0]["name"]


def limited(tribune_home, url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRIBUNE_HOME": str(tribune_home)}
    return subprocess.run(
        [sys.executable, "-c", RUN_LIMITED, str(LIMIT), tribune_exe(), "--db", url, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("charter.pdf", ["charter", "export", "{client}", "--out"]),
        ("report.pdf", ["report", "{client}", "--month", "2026-10", "--out"]),
        ("calendar.ics", ["calendar", "export", "{client}", "--out"]),
        ("agency.zip", ["backup", "--out"]),
    ],
)
def test_full_disk_is_one_line_exit_1_and_leaves_nothing(
    demo_db, tribune_home, tmp_path, name, args
):
    url, client = demo_db
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / name
    argv = [a.format(client=client) for a in args] + [str(out)]
    full = limited(tribune_home, url, *argv)
    assert full.returncode == 1, (full.stdout, full.stderr)
    assert full.stderr.count("\n") == 1 and "Traceback" not in full.stderr, full.stderr
    # (the report speaks the client's language: French for the demo agency)
    assert any(w in full.stderr for w in ("disk is full", "incomplete", "disque", "incomplet"))
    assert "written" not in full.stdout.lower()
    assert list(out_dir.iterdir()) == []  # no truncated file, no .part
    # an older file of that name survives a failed write untouched
    if name != "agency.zip":
        out.write_bytes(b"older version")
        again = limited(tribune_home, url, *argv)
        assert again.returncode == 1
        assert out.read_bytes() == b"older version"
        assert sorted(p.name for p in out_dir.iterdir()) == [name]

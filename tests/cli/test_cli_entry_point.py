"""The installed ``tribune`` console script, once per command family.

Most CLI tests run their commands through the ``cli`` fixture, forked from a fork server
(tests/harness/). Here each family's command runs through the real executable as a new
process — the entry point, the console script, a fresh interpreter — and the same command
through the fork server: the same exit code and the same output, so what the other tests
prove through the fork server holds for the installed command.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from app.cli import COMMAND_MODULES
from tests.conftest import tribune_exe
from tests.harness import zygote


def _real(args, env):
    return subprocess.run(
        [tribune_exe(), *args], capture_output=True, text=True, env=env, timeout=300
    )


def _forked(args, env):
    return zygote.zygote().run([tribune_exe(), *args], env=env, timeout=300)


def _same(args, env):
    real, forked = _real(args, env), _forked(args, env)
    assert (forked.returncode, forked.stdout, forked.stderr) == (
        real.returncode,
        real.stdout,
        real.stderr,
    ), args
    return real


@pytest.fixture
def env(tribune_home):
    return dict(os.environ, TRIBUNE_HOME=str(tribune_home))


# family: (arguments after --db URL, exit code, what stdout holds or the error's start)
READS = {
    "client": (["client", "list", "--json"], 0, '"name": "Aquarelle"'),
    "account": (["account", "list", "aquarelle"], 0, "No accounts."),
    "db": (["db", "move"], 1, "tribune: the following arguments are required: --to"),
    "calendar": (["calendar", "export", "aquarelle"], 1, "tribune: Say where to write"),
    "inbox": (["inbox", "list", "aquarelle", "--json"], 0, "[]"),
    "report": (["report", "aquarelle", "--month", "2026-13", "--out", "r.pdf"], 1, "2026-13"),
    "metrics": (["metrics", "import", "aquarelle", "absent.csv"], 1, "absent.csv"),
    "charter": (["charter", "list", "aquarelle"], 0, "No charter yet."),
    "sync": (["sync", "aquarelle", "--check"], 0, "No accounts to sync."),
    "people": (["people", "whoami"], 0, "administrator"),
    "listening": (["listening", "list", "aquarelle"], 0, "Nothing found yet."),
    "agency": (["agency", "show"], 0, "Name"),
    "post": (["post", "media", "aquarelle", "999"], 1, "This post no longer exists."),
}
WRITES = ("demo", "backup", "restore")


def test_every_command_family_is_covered_here():
    families = {name for names in COMMAND_MODULES.values() for name in names}
    assert families == set(READS) | set(WRITES)


def test_each_family_through_the_console_script(env, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path}/t.sqlite3"
    added = _real(["--db", url, "client", "add", "Aquarelle"], env)
    assert added.returncode == 0, added.stderr
    for family, (args, code, holds) in READS.items():
        out = _same(["--db", url, *args], env)
        assert out.returncode == code, (family, out.stderr)
        if code == 0:
            assert holds in out.stdout, family
        else:  # one clear line, no traceback
            assert out.stderr.startswith("tribune: ") and holds in out.stderr, family
            assert len(out.stderr.splitlines()) == 1, family


def test_demo_backup_and_restore_through_the_console_script(env, tmp_path):
    """The writing families: the demo by the console script; a backup of it and its restore
    into a new database, once by the console script and once forked, with the same result."""
    src = f"sqlite:///{tmp_path}/src.sqlite3"
    demo = _real(["--db", src, "demo"], env)
    assert demo.returncode == 0 and demo.stdout, demo.stderr
    results = {}
    for how, run in (("real", _real), ("forked", _forked)):
        dst = f"sqlite:///{tmp_path}/{how}-dst.sqlite3"
        archive = tmp_path / f"{how}.zip"
        backup = run(["--db", src, "backup", "--out", str(archive)], env)
        assert backup.returncode == 0 and archive.exists(), backup.stderr
        restore = run(["--db", dst, "restore", str(archive)], env)
        assert restore.returncode == 0, restore.stderr
        listed = run(["--db", dst, "client", "list", "--json"], env)
        results[how] = (
            backup.stdout.replace(str(archive), "ARCHIVE"),
            # "Restored N rows from ARCHIVE." then where the previous data went, timestamped
            restore.stdout.replace(str(archive), "ARCHIVE").split(". ")[0],
            sorted(c["name"] for c in json.loads(listed.stdout)),
        )
    assert results["forked"] == results["real"]
    assert results["real"][1].startswith("Restored ")
    assert len(results["real"][2]) >= 2  # the demo agency's clients came back

"""``tribune charter export|list`` through the installed command, on the demo agency."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess

from app.demo import DemoContext
from app.demo import charter as charter_demo
from app.demo import clients as clients_demo
from tests.conftest import db_url_of


def test_export_demo_charters_and_errors(cli, tmp_path, sqlite_db):
    # the demo's clients and charters only (the other features' demo steps are not needed)
    ctx = DemoContext(rng=random.Random(1), today=dt.date(2026, 11, 23))
    clients_demo.populate(sqlite_db, ctx)
    charter_demo.populate(sqlite_db, ctx)
    url = db_url_of(sqlite_db)

    def cli(*args, _run=cli):
        return _run(*args, db_url=url)

    versions = json.loads(cli("charter", "list", "aquarelle-petales", "--json").stdout)
    assert [(v["number"], v["status"]) for v in versions] == [(2, "draft"), (1, "signed")]

    out = tmp_path / "charte.pdf"
    done = cli("charter", "export", "Aquarelle & Pétales", "--out", str(out), "--version", "1")
    assert done.returncode == 0, done.stderr
    assert "charter v1" in done.stdout or "charte v1" in done.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Matrice d'escalade" in text and "Sophie Garnier" in text
    assert "Nouveauté 2027" not in text  # only in the newer draft
    latest = tmp_path / "latest.pdf"
    assert cli("charter", "export", "aquarelle-petales", "--out", str(latest)).returncode == 0
    latest_text = subprocess.run(
        ["pdftotext", str(latest), "-"], capture_output=True, text=True
    ).stdout
    assert "Nouveauté 2027" in latest_text

    for args, message in (
        (("nobody", "--out", str(tmp_path / "x.pdf")), "nobody"),
        (("aquarelle-petales", "--out", str(tmp_path / "x.pdf"), "--version", "9"), "9"),
        (("aquarelle-petales", "--out", str(tmp_path / "no" / "x.pdf")), "Cannot write"),
        (("aquarelle-petales", "--out", str(tmp_path / "x.txt")), ".pdf"),
        (("aquarelle-petales", "--out", str(tmp_path / "x.pdf"), "--version", "zero"), "zero"),
    ):
        bad = cli("charter", "export", *args)
        assert bad.returncode == 1, (args, bad.stderr)
        assert message in bad.stderr and "Traceback" not in bad.stderr
        lines = bad.stderr.strip().splitlines()  # argparse may print its usage first
        assert lines[-1].startswith("tribune: ") and sum("tribune:" in x for x in lines) == 1
    assert not (tmp_path / "x.pdf").exists()

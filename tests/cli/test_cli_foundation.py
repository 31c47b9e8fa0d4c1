"""The installed ``tribune`` command: contract exit codes, one-line errors, JSON, backup."""

from __future__ import annotations

import json

from tests.conftest import db_url_of


def test_version(cli):
    out = cli("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("tribune ")


def test_client_add_list_json_and_errors(cli, tribune_home):
    out = cli("client", "add", "Boulangeries Maison Dupré", "--timezone", "Europe/Paris")
    assert out.returncode == 0, out.stderr
    assert (tribune_home / "tribune.sqlite3").exists()
    listed = json.loads(cli("client", "list", "--json").stdout)
    assert [c["slug"] for c in listed] == ["boulangeries-maison-dupre"]

    dup = cli("client", "add", "boulangeries maison dupré")
    assert dup.returncode == 1
    assert dup.stderr.strip().count("\n") == 0
    assert "already exists" in dup.stderr and "Traceback" not in dup.stderr

    bad_tz = cli("client", "add", "Autre", "--timezone", "Europe/Lyon")
    assert bad_tz.returncode == 1 and "Europe/Lyon" in bad_tz.stderr
    assert len(json.loads(cli("client", "list", "--json").stdout)) == 1


def test_unreadable_database_is_one_clear_line(cli, tmp_path):
    out = cli("client", "list", db_url=f"sqlite:///{tmp_path}/missing/dir/t.sqlite3")
    assert out.returncode == 1
    assert "does not exist" in out.stderr and "Traceback" not in out.stderr
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    out = cli("client", "list", db_url=f"sqlite:///{garbage}")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert garbage.read_bytes().startswith(b"this is not a database")


def test_demo_backup_restore_round_trip(cli, tmp_path, db):
    src = f"sqlite:///{tmp_path}/src.sqlite3"
    assert cli("demo", db_url=src).returncode == 0
    again = cli("demo", db_url=src)
    assert again.returncode == 1 and "already has clients" in again.stderr
    names = [c["name"] for c in json.loads(cli("client", "list", "--json", db_url=src).stdout)]
    assert len(names) >= 4
    backup = tmp_path / "agency.zip"
    out = cli("backup", "--out", str(backup), db_url=src)
    assert out.returncode == 0, out.stderr
    target = db_url_of(db)  # SQLite file or the PostgreSQL server
    out = cli("restore", str(backup), db_url=target)
    assert out.returncode == 0, out.stderr
    restored = json.loads(cli("client", "list", "--json", db_url=target).stdout)
    assert [c["name"] for c in restored] == names
    # a second client can still be added after restore (sequences follow the data)
    assert cli("client", "add", "Nouveau client", db_url=target).returncode == 0


def test_restore_refuses_a_bad_file_and_keeps_data(cli, tmp_path):
    url = f"sqlite:///{tmp_path}/keep.sqlite3"
    cli("client", "add", "Gardé", db_url=url)
    bad = tmp_path / "bad.zip"
    bad.write_text("nope")
    out = cli("restore", str(bad), db_url=url)
    assert out.returncode == 1 and "not a Tribune backup" in out.stderr
    assert json.loads(cli("client", "list", "--json", db_url=url).stdout)[0]["name"] == "Gardé"

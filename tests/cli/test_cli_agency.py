"""``tribune agency show|set`` through the installed command: the agency's identity on its
documents; bad input is one line on stderr, exit 1, and nothing changed."""

from __future__ import annotations

import base64
import json
import struct
import zlib

import pytest

from app.services.people import admin
from app.services.people import agency as agency_service
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from tests.conftest import db_url_of

agency = people_fixtures.agency


def png_bytes(width: int = 2, height: int = 2, extra: int = 0) -> bytes:
    """A real PNG (``extra`` bytes of an ancillary chunk make it heavier)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x0f\x76\x6e" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + (chunk(b"tEXt", b"Comment\x00" + b"x" * extra) if extra else b"")
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def show(cli, url) -> dict:
    run = cli("agency", "show", "--json", db_url=url)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_set_then_show_round_trips_every_field(cli, sqlite_db, tmp_path):
    url = db_url_of(sqlite_db)
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    run = cli(
        "agency", "set", "--name", "Social & Co",
        "--address", "12 rue de la République\\n69002 Lyon",
        "--email", "bonjour@social.example", "--logo", str(logo), "--colour", "#0F766E",
        db_url=url,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Social & Co" in run.stdout and "#0f766e" in run.stdout
    data = show(cli, url)
    assert data["name"] == "Social & Co"
    assert data["address"] == "12 rue de la République\n69002 Lyon"
    assert data["email"] == "bonjour@social.example"
    assert data["colour"] == "#0f766e"
    assert base64.b64decode(data["logo"]["base64"]) == logo.read_bytes()
    # what the documents read is what was set
    with sqlite_db.read() as s:
        info = agency_service.agency(s)
    assert (info.name, info.colour, info.logo) == ("Social & Co", "#0f766e", logo.read_bytes())

    # a partial set keeps the rest; --no-logo removes the logo
    assert cli("agency", "set", "--email", "hello@social.example", db_url=url).returncode == 0
    run = cli("agency", "set", "--no-logo", db_url=url)
    assert run.returncode == 0, run.stderr
    data = show(cli, url)
    assert data["name"] == "Social & Co" and data["email"] == "hello@social.example"
    assert data["colour"] == "#0f766e" and data["logo"] is None


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--colour", "#ffee00"), "4.5:1"),  # white text unreadable on yellow
        (("--colour", "teal"), "#rrggbb"),
        (("--logo", "GIF"), "PNG or JPEG"),
        (("--logo", "BIG"), "at most 1024 KB"),
        (("--logo", "MISSING"), "cannot read the logo"),
        (("--email", "not-an-address"), "not valid"),
        (("--name", "  "), "needs a name"),
        ((), "nothing to change"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_nothing_changed(cli, sqlite_db, tmp_path, args, said):
    url = db_url_of(sqlite_db)
    good = tmp_path / "good.png"
    good.write_bytes(png_bytes())
    assert (
        cli("agency", "set", "--name", "Social & Co", "--logo", str(good), "--colour", "#0f766e",
            db_url=url).returncode == 0
    )  # fmt: skip
    before = show(cli, url)
    files = {
        "GIF": b"GIF89a" + b"\0" * 64,
        "BIG": png_bytes(extra=agency_service.MAX_LOGO_BYTES + 10),
    }
    real_args = []
    for arg in args:
        if arg in files:
            path = tmp_path / f"{arg}.img"
            path.write_bytes(files[arg])
            arg = str(path)
        elif arg == "MISSING":
            arg = str(tmp_path / "nowhere.png")
        real_args.append(arg)
    if args and args[0] != "--name":  # a good change along a bad one: neither is made
        real_args += ["--name", "Changed"]
    run = cli("agency", "set", *real_args, db_url=url)
    assert run.returncode == 1
    assert run.stderr.startswith("tribune: ") and run.stderr.strip().count("\n") == 0
    assert said in run.stderr and "Traceback" not in run.stderr
    assert show(cli, url) == before


@pytest.mark.postgres
def test_only_an_administrator_sets_the_agency_the_server_refuses_others(cli, agency):
    boss = agency.db()
    with boss.session() as s:
        admin.add_person(s, agency.login("ada"), "Ada", "admin", PASSWORD)
        admin.add_person(s, agency.login("cam"), "Cam", "cm", PASSWORD)
    boss.dispose()
    run = cli("agency", "set", "--name", "Social & Co", db_url=agency.url_for("ada"))
    assert run.returncode == 0, run.stderr
    run = cli("agency", "set", "--name", "Cam's agency", db_url=agency.url_for("cam"))
    assert run.returncode == 1 and run.stderr.strip().count("\n") == 0
    assert "administrator" in run.stderr
    # everyone reads it (the documents print it)
    assert show(cli, agency.url_for("cam"))["name"] == "Social & Co"
    # and the server refuses the write whatever the app says: a raw UPDATE as cam
    import psycopg

    with agency.psql("cam") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE agency_profile SET name = 'Cam''s agency'")
    assert show(cli, agency.url)["name"] == "Social & Co"

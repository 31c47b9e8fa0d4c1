"""``tribune people …`` through the installed command, each seat its own process and login."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import make_url

from app.services.people import audit
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from tests.conftest import db_url_of

agency = people_fixtures.agency

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:post-1@test
DTSTART:20260310T090000Z
SUMMARY:Nouvelle collection
DESCRIPTION:Découvrez la collection de printemps
END:VEVENT
END:VCALENDAR
"""


@pytest.mark.postgres
def test_an_administrator_adds_a_freelancer_who_then_sees_one_client(
    cli, agency, real_keyring, tmp_path
):
    from app import secrets

    boss = agency.url
    for name in ("Aquarelle", "Boulangerie Martin"):
        assert cli("client", "add", name, db_url=boss).returncode == 0
    login = agency.login("fred")
    run = cli(
        "people",
        "add",
        login,
        "--name",
        "Fred Lance",
        "--role",
        "cm",
        "--clients",
        "aquarelle",
        "--json",
        input=PASSWORD + "\n",
        db_url=boss,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["clients"] == ["aquarelle"]
    listed = json.loads(cli("people", "list", "--json", db_url=boss).stdout)
    assert listed["enforced"] is True
    assert {p["login"]: p["role"] for p in listed["people"]} == {"tribune": "admin", login: "cm"}

    # Fred's seat: the URL has no password, the keyring holds it (server + login).
    url = make_url(boss).set(username=login)
    secrets.store_database_password(f"{url.host}:{url.port}", login, PASSWORD)
    fred = url.render_as_string(hide_password=False)
    run = cli("client", "list", "--json", db_url=fred)
    assert run.returncode == 0, run.stderr
    assert [c["slug"] for c in json.loads(run.stdout)] == ["aquarelle"]
    run = cli(
        "calendar", "export", "boulangerie-martin", "--out", str(tmp_path / "x.ics"), db_url=fred
    )
    assert run.returncode == 1 and run.stderr.count("\n") == 1

    # Renaming oneself changes nothing: the trail names the login of the connection.
    ics = tmp_path / "posts.ics"
    ics.write_text(ICS, encoding="utf-8")
    run = cli(
        "calendar",
        "import",
        "aquarelle",
        str(ics),
        db_url=fred,
        env={"TRIBUNE_USER": "tribune", "USER": "tribune", "LOGNAME": "tribune"},
    )
    assert run.returncode == 0, run.stderr
    db = agency.db()
    with db.read() as s:
        (entry,) = audit.entries(s, action="calendar.import_ics")
    db.dispose()
    assert (entry.actor_login, entry.actor) == (login, "Fred Lance")

    # A community manager manages nobody: one line, exit 1.
    run = cli(
        "people",
        "add",
        agency.login("eve"),
        "--name",
        "Eve",
        "--role",
        "admin",
        input=PASSWORD + "\n",
        db_url=fred,
    )
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "administrator" in run.stderr
    run = cli("people", "grant", login, "boulangerie-martin", db_url=fred)
    assert run.returncode == 1 and "administrator" in run.stderr

    # Granted a second client, Fred sees it at once; suspended, Fred cannot connect.
    assert cli("people", "grant", login, "boulangerie-martin", db_url=boss).returncode == 0
    run = cli("client", "list", "--json", db_url=fred)
    assert sorted(c["slug"] for c in json.loads(run.stdout)) == ["aquarelle", "boulangerie-martin"]
    assert cli("people", "revoke", login, "aquarelle", db_url=boss).returncode == 0
    run = cli("client", "list", "--json", db_url=fred)
    assert [c["slug"] for c in json.loads(run.stdout)] == ["boulangerie-martin"]
    assert cli("people", "suspend", login, db_url=boss).returncode == 0
    run = cli("client", "list", db_url=fred)
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    listed = json.loads(cli("people", "list", "--json", db_url=boss).stdout)["people"]
    fred_row = next(p for p in listed if p["login"] == login)
    assert fred_row["suspended"] and fred_row["last_seen_at"] is not None  # he had worked

    # Removed, his login is gone from the server; what he did stays, with his name.
    assert cli("people", "remove", login, db_url=boss).returncode == 0
    db = agency.db()
    with db.read() as s:
        assert audit.entries(s, action="calendar.import_ics")[0].actor == "Fred Lance"
        from sqlalchemy import text

        assert s.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :n"), {"n": login}) == 0
    db.dispose()


@pytest.mark.postgres
def test_people_user_errors_are_one_line(cli, agency):
    boss = agency.url
    run = cli(
        "people",
        "add",
        "Bad Login!",
        "--name",
        "X",
        "--role",
        "cm",
        input=PASSWORD + "\n",
        db_url=boss,
    )
    assert run.returncode == 1 and "login" in run.stderr and run.stderr.count("\n") == 1
    run = cli(
        "people",
        "add",
        agency.login("x"),
        "--name",
        "X",
        "--role",
        "cm",
        input="short\n",
        db_url=boss,
    )
    assert run.returncode == 1 and "8 characters" in run.stderr
    run = cli(
        "people",
        "add",
        agency.login("x"),
        "--name",
        "X",
        "--role",
        "cm",
        "--clients",
        "nowhere",
        input=PASSWORD + "\n",
        db_url=boss,
    )
    assert run.returncode == 1 and "nowhere" in run.stderr
    run = cli("people", "suspend", agency.login("ghost"), db_url=boss)
    assert run.returncode == 1 and "ghost" in run.stderr
    # A login of the server that is not one of the agency's people: one line, no data.
    from sqlalchemy import create_engine, text

    stranger = agency.login("stranger")
    root = create_engine(boss, isolation_level="AUTOCOMMIT")
    with root.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD '{PASSWORD}'"))
    root.dispose()
    run = cli("client", "list", db_url=agency.url_for("stranger"))
    assert run.returncode == 1 and run.stderr.count("\n") == 1, run.stderr
    assert "not one of the agency's people" in run.stderr


def test_on_a_local_file_people_list_says_rights_are_not_enforced(cli, sqlite_db):
    url = db_url_of(sqlite_db)
    run = cli("people", "add", "camille", "--name", "Camille", "--role", "junior", db_url=url)
    assert run.returncode == 0, run.stderr
    run = cli("people", "list", db_url=url)
    assert run.returncode == 0
    assert "not enforced" in run.stdout.splitlines()[0]
    assert "camille" in run.stdout
    assert json.loads(cli("people", "list", "--json", db_url=url).stdout)["enforced"] is False

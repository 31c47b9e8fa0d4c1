"""Bad input ends in one line on stderr and exit 1, never "unexpected error" (issue #19)."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from tests.conftest import db_url_of

INBOX_HEAD = "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"


def one_line_exit_1(out, *needles: str) -> None:
    assert out.returncode == 1, (out.returncode, out.stdout, out.stderr)
    assert out.stderr.count("\n") == 1, out.stderr
    assert "unexpected" not in out.stderr and "Traceback" not in out.stderr
    assert "usage:" not in out.stderr
    for needle in needles:
        assert needle in out.stderr, out.stderr


@pytest.fixture
def acme(cli, tmp_path, sqlite_template):
    shutil.copy(sqlite_template, tmp_path / "bad.sqlite3")  # migrated once, not per test
    url = f"sqlite:///{tmp_path}/bad.sqlite3"
    assert cli("client", "add", "Acme", db_url=url).returncode == 0
    return url


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_inbox_csv_dates_out_of_range_are_row_errors(cli, tmp_path, acme, when):
    f = tmp_path / "in.csv"
    f.write_text(INBOX_HEAD + f"facebook,1,comment,A,a,hello,{when},,\n", encoding="utf-8")
    out = cli("inbox", "import", "Acme", str(f), "--json", db_url=acme)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["added"] == 0 and "outside" in report["errors"][0]["reason"]


def test_cr_only_line_endings_import(cli, tmp_path, acme):
    f = tmp_path / "cr.csv"
    f.write_bytes(
        (INBOX_HEAD + "facebook,3,comment,A,a,hello,2026-01-01T00:00:00+01:00,,\n")
        .replace("\n", "\r")
        .encode()
    )
    out = cli("inbox", "import", "Acme", str(f), "--json", db_url=acme)
    assert out.returncode == 0 and json.loads(out.stdout)["added"] == 1, out.stderr


def test_ical_out_of_range_and_unknown_tzid_are_refused_by_row(cli, tmp_path, acme):
    f = tmp_path / "e.ics"
    events = [
        ("a1", "DTSTART;TZID=Mars/Olympus:20260105T090000"),
        ("a2", "DTSTART:99991231T233000Z"),
        ("a3", "DTSTART:00010101T000000"),
    ]
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\n{start}\r\nSUMMARY:hi\r\nEND:VEVENT\r\n"
        for uid, start in events
    )
    f.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n")
    out = cli("calendar", "import", "Acme", str(f), "--json", db_url=acme)
    assert "unexpected" not in out.stderr, out.stderr
    report = json.loads(out.stdout)
    assert report["added"] == 0
    reasons = " ".join(e["reason"] for e in report["errors"])
    assert "Mars/Olympus" in reasons and reasons.count("outside") == 2


def test_posts_csv_years_out_of_range(cli, tmp_path, acme):
    f = tmp_path / "p.csv"
    f.write_text("date,time,networks,text\n0001-01-01,00:30,x,a\n9999-12-31,23:30,x,b\n")
    out = cli("calendar", "import", "Acme", str(f), "--json", db_url=acme)
    assert json.loads(out.stdout)["added"] == 0
    assert (
        cli("calendar", "export", "Acme", "--out", str(tmp_path / "c.ics"), db_url=acme).returncode
        == 0
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["report", "Acme", "--month", "9999-12", "--out", "r.pdf"], "Invalid month"),
        (["calendar", "approval", "Acme", "--from", "0001-01-01", "--to", "0001-01-02",
          "--out", "a.pdf"], "0001-01-01"),
        (["inbox", "list", "Acme", "--limit", "99999999999999999999999"], "--limit"),
        (["charter", "export", "Acme", "--version", "99999999999999999999", "--out", "x.pdf"],
         "--version"),
        (["calendar", "export", "Acme", "--out", "{tmp}"], "is a folder"),
        (["backup", "--out", "{tmp}"], "folder"),
        (["client", "add"], "see tribune client add --help"),
        (["frobnicate"], "see tribune --help"),
    ],
)  # fmt: skip
def test_bad_options_are_one_line_exit_1(cli, tmp_path, acme, args, needle):
    args = [a.format(tmp=tmp_path) for a in args]
    one_line_exit_1(cli(*args, db_url=acme), needle)


def test_database_from_a_newer_tribune(cli, tmp_path, acme):
    path = acme.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    one_line_exit_1(cli("client", "list", db_url=acme), "newer Tribune")


def test_tribune_home_pointing_at_a_file(cli, tmp_path):
    afile = tmp_path / "not-a-folder"
    afile.write_text("x")
    one_line_exit_1(cli("client", "list", env={"TRIBUNE_HOME": str(afile)}), "data folder")


@pytest.mark.postgres
def test_postgresql_nul_and_overlong_strings(cli, tmp_path, pg_db):
    url = db_url_of(pg_db)
    assert cli("client", "add", "Acme", db_url=url).returncode == 0
    f = tmp_path / "nul.csv"
    f.write_text(INBOX_HEAD + "facebook,1,comment,A,a,he\x00llo,2026-01-01T00:00:00+01:00,,\n")
    out = cli("inbox", "import", "Acme", str(f), "--json", db_url=url)
    assert out.returncode == 0 and json.loads(out.stdout)["added"] == 1, out.stderr
    listed = json.loads(cli("inbox", "list", "Acme", "--json", db_url=url).stdout)
    assert "hello" in json.dumps(listed, ensure_ascii=False)  # the NUL dropped, the text kept
    long = tmp_path / "long.csv"
    long.write_text(
        INBOX_HEAD + f"facebook,2,comment,{'A' * 5000},a,hi,2026-01-01T00:00:00+01:00,,\n"
    )
    out = cli("inbox", "import", "Acme", str(long), db_url=url)
    assert "unexpected" not in out.stderr, out.stderr
    if out.returncode:
        one_line_exit_1(out)
    out = cli("client", "add", "B" * 5000, db_url=url)
    one_line_exit_1(out)


def test_posts_csv_with_cr_only_line_endings(cli, tmp_path, acme):
    f = tmp_path / "cr-posts.csv"
    f.write_bytes(b"date,time,networks,text\r2026-01-05,09:00,x,hello\r2026-01-06,09:00,x,again\r")
    out = cli("calendar", "import", "Acme", str(f), "--json", db_url=acme)
    assert out.returncode == 0 and json.loads(out.stdout)["added"] == 2, out.stderr

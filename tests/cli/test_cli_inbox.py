"""``tribune inbox import|list`` through the installed command."""

from __future__ import annotations

import json

from tests.conftest import db_url_of

HEADER = "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"


def test_import_then_list(cli, sqlite_db, tmp_path):
    url = db_url_of(sqlite_db)
    assert cli("client", "add", "Aquarelle & Pétales", db_url=url).returncode == 0
    csv = tmp_path / "m.csv"
    csv.write_text(
        HEADER
        + 'facebook,1,comment,Marie,marie,"Gâteau jamais livré, remboursez-moi",'
        + "2020-03-10T10:00:00+01:00,,\n"
        + "facebook,2,comment,Paul,paul,Merci !,2099-03-10T10:00:00+01:00,,\n"
        + "facebook,3,comment,Paul,paul,Texte,hier,,\n",
        encoding="utf-8",
    )
    run = cli("inbox", "import", "aquarelle-petales", str(csv), "--json", db_url=url)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert (data["added"], data["duplicates"]) == (2, 0)
    assert data["errors"][0]["line"] == 4
    run = cli("inbox", "import", "Aquarelle & Pétales", str(csv), db_url=url)
    assert "0 added, 2 duplicates, 1 rejected" in run.stdout and "line 4:" in run.stdout

    run = cli("inbox", "list", "aquarelle-petales", "--search", "gateau", "--json", db_url=url)
    assert [m["author"] for m in json.loads(run.stdout)] == ["Marie"]
    run = cli("inbox", "list", "aquarelle-petales", "--overdue", "--json", db_url=url)
    assert [m["category"] for m in json.loads(run.stdout)] == ["complaint"]
    run = cli("inbox", "list", "aquarelle-petales", "--status", "new", "--limit", "1", db_url=url)
    assert run.returncode == 0 and len(run.stdout.strip().splitlines()) == 1


def test_user_errors_are_one_line(cli, sqlite_db, tmp_path):
    url = db_url_of(sqlite_db)
    run = cli("inbox", "list", "nobody", db_url=url)
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "nobody" in run.stderr
    cli("client", "add", "Bakery", db_url=url)
    run = cli("inbox", "import", "bakery", str(tmp_path / "missing.csv"), db_url=url)
    assert run.returncode == 1 and "No such file" in run.stderr

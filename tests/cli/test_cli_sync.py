"""``tribune account add`` (token on stdin → keyring only) and ``tribune sync`` end to end.

The installed command talks to a real mastodon-mock server over loopback; the token is then
searched for in the data folder, the database file, the logs and every output.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest
from mastodon_mock.config import SeedAccount, SeedConfig

from tests.conftest import db_url_of
from tests.servers.mastodon_mock_server import MockServer


def due_post(db) -> int:
    import datetime as dt

    from app.services.calendar import posts
    from app.services.calendar.posts import VariantInput

    with db.session() as s:
        p = posts.create_post(
            s,
            1,
            planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1),
            variants=[VariantInput("mastodon", "Bouquets de Noël en précommande 🎄")],
            title="Noël",
            category="produit",
            status="approved",
        )
    with db.session() as s:
        posts.set_status(s, 1, p.id, "scheduled")
    return p.id


@pytest.fixture
def secret_token():
    return f"tok-{uuid.uuid4().hex}"


@pytest.fixture
def mastodon(secret_token):
    seed = SeedConfig(
        accounts=[
            SeedAccount(username="fleurs", display_name="Fleurs", access_token=secret_token),
            SeedAccount(username="fan", display_name="Une fan", access_token="fan_token"),
        ]
    )
    with MockServer(seed=seed) as srv:
        yield srv


def test_account_add_then_sync_mentions_and_token_only_in_keyring(
    cli, sqlite_db, real_keyring, mastodon, secret_token, tribune_home
):
    url = db_url_of(sqlite_db)
    outputs = []

    def run(*args, **kw):
        res = cli(*args, db_url=url, **kw)
        outputs.extend([res.stdout, res.stderr])
        return res

    assert run("client", "add", "Fleurs de Lyon").returncode == 0
    res = run(
        "account",
        "add",
        "fleurs-de-lyon",
        "mastodon",
        "--base-url",
        mastodon.base_url,
        "--handle",
        "fleurs",
        input=secret_token + "\n",
    )
    assert res.returncode == 0, res.stderr
    httpx.post(
        mastodon.base_url + "/api/v1/statuses",
        headers={"Authorization": "Bearer fan_token"},
        json={"status": "@fleurs Livraison à Noël ?"},
    )
    res = run("sync", "fleurs-de-lyon", "--json")
    assert res.returncode == 0, res.stdout + res.stderr
    data = json.loads(res.stdout)
    assert data["ok"] and data["accounts"][0]["added"] == 1
    res = run("sync", "fleurs-de-lyon")
    assert res.returncode == 0 and "0 new" in res.stdout and "0 published" in res.stdout
    res = run("inbox", "list", "fleurs-de-lyon", "--json")
    assert "Livraison à Noël ?" in res.stdout
    # The token is nowhere but the keyring.
    for path in Path(tribune_home).rglob("*"):
        if path.is_file():
            assert secret_token.encode() not in path.read_bytes(), path
    for path in Path(sqlite_db.sqlite_path).parent.glob("tribune.sqlite3*"):
        assert secret_token.encode() not in path.read_bytes(), path
    assert all(secret_token not in out for out in outputs)


def test_revoked_token_says_reconnect_and_exits_1(cli, sqlite_db, real_keyring, mastodon):
    url = db_url_of(sqlite_db)
    cli("client", "add", "Banque Alpine", db_url=url)
    cli(
        "account",
        "add",
        "banque-alpine",
        "mastodon",
        "--base-url",
        mastodon.base_url,
        "--handle",
        "fleurs",
        input="wrong-token\n",
        db_url=url,
    )
    res = cli("sync", "banque-alpine", db_url=url)
    assert res.returncode == 1
    assert "reconnect" in res.stdout and "wrong-token" not in res.stdout + res.stderr
    assert res.stderr.strip() == "tribune: 1 of 1 accounts could not be synced."
    res = cli("account", "list", "banque-alpine", "--json", db_url=url)
    assert json.loads(res.stdout)[0]["status"] == "reconnect_needed"


def test_sync_unknown_network_is_one_clear_line(cli, sqlite_db):
    url = db_url_of(sqlite_db)
    cli("client", "add", "Start-up Nuage", db_url=url)
    res = cli("sync", "start-up-nuage", "--network", "bluesky", db_url=url)
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "bluesky" in res.stderr


def test_no_keyring_is_one_clear_line_and_no_traceback(cli):
    assert cli("client", "add", "Nuage Logiciel").returncode == 0
    added = cli(
        "account", "add", "nuage-logiciel", "mastodon",
        "--base-url", "http://127.0.0.1:9", "--handle", "@nuage", "--no-token",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    done = cli(
        "sync", "nuage-logiciel", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    assert done.returncode == 1
    assert "No system keyring" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.strip().splitlines() == ["tribune: 1 of 1 accounts could not be synced."]


def test_demo_accounts_on_example_domains_are_never_synced(cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert cli("demo", db_url=url).returncode == 0
    done = cli("sync", "aquarelle-petales", "--json", db_url=url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["accounts"] == []


def test_revoke_then_reconnect_keeps_cursor_and_history(
    cli, sqlite_db, real_keyring, mastodon, secret_token
):
    from mastodon_mock.routers.oauth import _encode_authorize_code

    url = db_url_of(sqlite_db)

    def mention(text):
        httpx.post(
            mastodon.base_url + "/api/v1/statuses",
            headers={"Authorization": "Bearer fan_token"},
            json={"status": f"@fleurs {text}"},
        ).raise_for_status()

    def sync():
        res = cli("sync", "fleurs-de-lyon", "--no-publish", "--json", db_url=url)
        return res.returncode, json.loads(res.stdout)["accounts"][0]

    cli("client", "add", "Fleurs de Lyon", db_url=url)
    add = ("account", "add", "fleurs-de-lyon", "mastodon", "--handle", "@fleurs")
    cli(*add, "--base-url", mastodon.base_url, input=secret_token + "\n", db_url=url)
    mention("Ouvert le dimanche ?")
    assert sync()[1]["added"] == 1
    httpx.post(mastodon.base_url + "/oauth/revoke", data={"token": secret_token})
    mention("Merci pour le bouquet 💐")
    code, row = sync()
    assert code == 1 and row["outcome"] == "auth"
    res = cli("sync", "fleurs-de-lyon", "--check", db_url=url)
    assert res.returncode == 1 and "Reconnect needed" in res.stdout

    res = cli("account", "reconnect", "fleurs-de-lyon", "fleurs", input="\n", db_url=url)
    assert res.returncode == 1 and res.stderr.strip() == "tribune: No token on standard input."
    res = cli("account", "reconnect", "fleurs-de-lyon", "@nobody", input="x\n", db_url=url)
    assert res.returncode == 1 and "no account @nobody" in res.stderr
    res = cli("account", "reconnect", "fleurs-de-lyon", "fleurs", input="still-wrong\n", db_url=url)
    assert res.returncode == 1 and "Reconnect needed" in res.stdout
    assert "still-wrong" not in res.stdout + res.stderr

    new = httpx.post(
        mastodon.base_url + "/oauth/token",
        data={"grant_type": "authorization_code", "code": _encode_authorize_code("fleurs")},
    ).json()["access_token"]
    res = cli(
        "account", "reconnect", "fleurs-de-lyon", "@fleurs", "--json", input=new + "\n", db_url=url
    )
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["status"] == "connected" and new not in res.stdout + res.stderr
    listed = cli("account", "list", "fleurs-de-lyon", "--json", db_url=url)
    assert [a["status"] for a in json.loads(listed.stdout)] == ["connected"]
    code, row = sync()  # only what came while disconnected: the cursor survived
    assert code == 0 and (row["added"], row["duplicates"]) == (1, 0)
    res = cli("inbox", "list", "fleurs-de-lyon", "--json", db_url=url)
    assert "Ouvert le dimanche ?" in res.stdout and "Merci pour le bouquet" in res.stdout


def test_check_leaves_the_demo_accounts_alone_too(cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert cli("demo", db_url=url).returncode == 0
    done = cli("sync", "aquarelle-petales", "--check", "--json", db_url=url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []

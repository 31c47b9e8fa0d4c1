"""``tribune listening add|sync|list`` end to end: the installed command, the real keyring, a
local Mastodon search server, and two processes syncing the same stream at once."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.conftest import db_url_of, tribune_exe
from tests.harness import popen as forked
from tests.servers.search_mastodon import MastodonSearchServer

TOKEN = "masto-cli-token"


@pytest.fixture
def masto():
    with MastodonSearchServer(token=TOKEN) as srv:
        yield srv


def setup_client(cli, url, masto):
    assert cli("client", "add", "Fleurs de Lyon", db_url=url).returncode == 0
    res = cli(
        "account", "add", "fleurs-de-lyon", "mastodon", "--base-url", masto.base_url,
        "--handle", "fleurs", input=TOKEN + "\n", db_url=url,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    res = cli("listening", "add", "fleurs-de-lyon", "--keyword", "bouquet", "--json", db_url=url)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [
        {"id": 1, "kind": "keyword", "query": "bouquet", "network": "mastodon"}
    ]


def test_two_processes_sync_the_same_stream_each_item_once(
    cli, db, real_keyring, masto, tribune_home
):
    url = db_url_of(db)
    setup_client(cli, url, masto)
    for i in range(40):
        masto.post(f"Un bouquet n°{i}", acct=f"fan{i}", followers=i * 10)
    env = dict(os.environ, TRIBUNE_HOME=str(tribune_home))
    cmd = [tribune_exe(), "--db", url, "listening", "sync", "fleurs-de-lyon", "--json"]
    procs = [
        forked.popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    added = [json.loads(out)["added"] for out, _ in outs]
    assert [json.loads(out)["alerts"] for out, _ in outs] == [[], []]  # calm
    assert sum(added) == 40  # whoever came first stored it; nobody stored it twice
    res = cli("listening", "list", "fleurs-de-lyon", "--limit", "100", "--json", db_url=url)
    rows = json.loads(res.stdout)
    assert len(rows) == 40 and len({r["external_id"] for r in rows}) == 40
    # incremental: a new post, one more item
    masto.post("Un bouquet de plus", acct="nouveau")
    res = cli("listening", "sync", "fleurs-de-lyon", "--json", db_url=url)
    assert json.loads(res.stdout)["added"] == 1
    res = cli("listening", "list", "fleurs-de-lyon", "--search", "de plus", "--json", db_url=url)
    assert [r["author_handle"] for r in json.loads(res.stdout)] == ["nouveau"]
    # the token went to the server as a bearer, and nowhere in the outputs
    assert all(h["authorization"] == f"Bearer {TOKEN}" for _, _, h, _ in masto.log)
    assert TOKEN not in "".join(o + e for o, e in outs)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("listening", "add", "nobody", "--keyword", "x"), "nobody"),
        (("listening", "add", "fleurs-de-lyon", "--keyword", "x", "--network", "x"), "account"),
        (("listening", "add", "fleurs-de-lyon", "--feed", "ftp://a/b"), "http"),
        (("listening", "add", "fleurs-de-lyon"), "--keyword"),
        (("listening", "sync", "fleurs-de-lyon"), "no listening stream"),
        (("listening", "list", "fleurs-de-lyon", "--limit", "0"), "--limit"),
    ],
)
def test_user_errors_are_one_line_and_exit_1(cli, sqlite_db, args, fragment):
    url = db_url_of(sqlite_db)
    assert cli("client", "add", "Fleurs de Lyon", db_url=url).returncode == 0
    res = cli(*args, db_url=url)
    assert res.returncode == 1, res
    assert "Traceback" not in res.stderr
    assert fragment.lower() in res.stderr.lower()
    assert res.stderr.strip().splitlines()[-1].startswith("tribune:")


def test_a_refused_token_is_one_line_and_exit_1(cli, sqlite_db, real_keyring, masto):
    url = db_url_of(sqlite_db)
    setup_client(cli, url, masto)
    masto.token = "rotated"
    res = cli("listening", "sync", "fleurs-de-lyon", db_url=url)
    assert res.returncode == 1
    assert res.stderr.count("\n") == 1 and "reconnect" in res.stderr


def test_sync_flags_an_influencer_complaint_and_logs_the_alert(cli, sqlite_db, real_keyring, masto):
    import datetime as dt

    url = db_url_of(sqlite_db)
    setup_client(cli, url, masto)
    recent = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    masto.post("Ce bouquet est une arnaque, honteux", acct="star", followers=80_000, at=recent)
    masto.post("Joli bouquet, merci", acct="fan", followers=12, at=recent)
    res = cli("listening", "sync", "fleurs-de-lyon", "--json", db_url=url)
    assert res.returncode == 0, res.stderr
    alerts = json.loads(res.stdout)["alerts"]
    assert [a["signal"] for a in alerts] == ["influencer"]
    assert "80" in alerts[0]["reason"] and "50" in alerts[0]["reason"]
    assert "crisis contact" in alerts[0]["delivery"]  # no charter yet: nobody to e-mail
    res = cli("listening", "sync", "fleurs-de-lyon", db_url=url)
    assert "CRISIS" not in res.stdout  # told once


def test_holding_message_is_drafted_in_review_from_the_command_line(cli, db, tribune_home):
    url = db_url_of(db)
    assert cli("client", "add", "Fleurs de Lyon", db_url=url).returncode == 0
    res = cli("listening", "holding", "fleurs-de-lyon", "--json", db_url=url)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["status"] == "in_review"
    # no account yet: drafted for Facebook, in the client's language (French), default words
    assert list(data["variants"]) == ["facebook"]
    assert "sérieux" in data["variants"]["facebook"] and data["created"] is True
    # asked again (by this seat or another): the same post, and the words say it was there
    res = cli("listening", "holding", "fleurs-de-lyon", db_url=url)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(
        "The holding message of this crisis was already drafted (Facebook)"
    )
    assert f"Post {data['post_id']}." in res.stdout
    res = cli("listening", "holding", "nobody", db_url=url)
    assert res.returncode == 1 and res.stderr.count("\n") == 1

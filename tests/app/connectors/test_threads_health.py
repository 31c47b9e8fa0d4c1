"""Threads, continued: the account's health through the sync (an outage is not a
disconnection, a dead token is), Meta's rate-limit codes, the token's end reaching the
account, the reply cursor, and connecting from the command line in a child process."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from app import secrets
from app.connectors.threads_auth import secret_of
from app.services.clients import workspaces as clients
from tests.app.connectors.test_threads import (
    NOW,
    _connector,
    _scheduled,
    _sync,
    _token,
    _variant,
)
from tests.servers.business import AnyBrowser
from tests.servers.threads import USER, ThreadsServer


@pytest.fixture(autouse=True)
def any_loopback_port(monkeypatch):
    monkeypatch.setenv("TRIBUNE_OAUTH_PORT", "0")


# -- health -----------------------------------------------------------------------------------
def _account(db, client):
    from app.models.client import NetworkAccount

    with db.read() as s:
        a = s.scalars(select(NetworkAccount).where(NetworkAccount.client_id == client.id)).one()
        return a.status, a.token_expires_at


def test_an_outage_is_not_a_disconnection_but_a_dead_token_is(sqlite_db):
    with ThreadsServer() as srv:
        client = _scheduled(sqlite_db, srv.base_url + "/v1.0", "Brioche")
        token = _token(srv)
        srv.fail_next(503, times=10)
        report = _sync(sqlite_db, client, token)
        assert not report.ok and not srv.published
        assert _account(sqlite_db, client)[0] != "reconnect_needed"
        srv.faults.clear()
        srv.expired.add(token)
        assert not _sync(sqlite_db, client, token).ok
        assert _account(sqlite_db, client)[0] == "reconnect_needed"
        assert not srv.published


def test_meta_rate_limit_codes_are_a_pause_not_a_failure():
    from app.connectors.base import RateLimited

    with ThreadsServer() as srv:
        threads = _connector(srv, _token(srv))
        body = {"error": {"message": "Application request limit reached", "code": 4}}
        srv.fail_next(400, body=body)
        with pytest.raises(RateLimited):
            threads.publish(_variant("Brioche"))


def test_the_token_end_reaches_the_account_health(sqlite_db, time_machine):
    time_machine.move_to(NOW, tick=True)
    with ThreadsServer() as srv:
        client = _scheduled(sqlite_db, srv.base_url + "/v1.0", "Brioche")
        ends = NOW + dt.timedelta(days=40)
        assert _sync(sqlite_db, client, secret_of(_token(srv), ends.isoformat())).ok
        assert _account(sqlite_db, client)[1] == ends


def test_the_cursor_is_reply_ids_so_late_and_future_replies_both_arrive(time_machine):
    time_machine.move_to(NOW, tick=False)
    with ThreadsServer() as srv:
        srv.add_post("p1", "Fougasse")
        srv.add_reply("r1", "Horloge folle", "lea.m", "p1", "p1", "2031-01-01T08:00:00+0000")
        threads = _connector(srv, _token(srv))
        result = threads.fetch({})
        assert [(i.external_id, i.received_at) for i in result.items] == [("r1", NOW)]
        # a reply shown late with an older time still arrives; nothing comes twice
        srv.add_reply("r0", "En retard", "chloe", "p1", "p1", "2026-11-01T08:00:00+0000")
        again = threads.fetch(result.cursor)
        assert [i.external_id for i in again.items] == ["r0"]
        assert threads.fetch(again.cursor).items == ()


def test_cli_connects_threads_in_a_child_process(real_keyring, sqlite_db, tribune_home):
    import os
    import subprocess

    from tests.conftest import db_url_of, tribune_exe

    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Dupré")
    env = {**os.environ, "TRIBUNE_HOME": str(tribune_home), "TRIBUNE_OAUTH_PORT": "0"}
    base = [tribune_exe(), "--db", db_url_of(sqlite_db)]
    done = subprocess.run(
        [*base, "account", "app", "threads", "--app-id", "threads-app"],
        input="threads-secret\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    try:
        with ThreadsServer() as srv:
            srv.register("threads-app", "threads-secret")
            proc = subprocess.Popen(
                [
                    *base,
                    *("account", "connect", client.slug, "threads"),
                    *("--base-url", srv.base_url + "/v1.0", "--no-browser"),
                    *("--pick", USER, "--json"),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            url = ""
            while not url.startswith("http"):
                url = proc.stderr.readline().strip()
                assert url or proc.poll() is None, proc.stderr.read()
            AnyBrowser()(url)
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            (data,) = json.loads(out)
            assert (data["network"], data["handle"]) == ("threads", USER)
            stored = json.loads(secrets.account_token(client.uid, data["uid"]))
            assert stored["access_token"] in srv.long_lived
    finally:
        secrets.delete_secret("agency-app:threads")

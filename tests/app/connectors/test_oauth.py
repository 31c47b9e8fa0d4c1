"""What an account's keyring entry may hold: a bare token, or JSON that can renew itself."""

from __future__ import annotations

import json

from app.connectors.oauth import parse_secret

NEEDED = ("refresh_token", "client_id")


def test_a_bare_token_is_used_as_it_is():
    assert parse_secret("  abc.def  ", NEEDED) == ("abc.def", None)


def test_json_with_what_renewal_needs():
    secret = json.dumps({"access_token": "a", "refresh_token": "r", "client_id": "c", "x": 1})
    assert parse_secret(secret, NEEDED) == ("a", {"refresh_token": "r", "client_id": "c"})


def test_json_without_a_refresh_token_cannot_renew():
    assert parse_secret(json.dumps({"access_token": "a", "client_id": "c"}), NEEDED) == ("a", None)


def test_broken_json_is_taken_as_a_token_and_says_nothing_of_itself():
    # the network will refuse it: "reconnect", never a parse error quoting the secret
    assert parse_secret('{"access_token": "a", ', NEEDED) == ('{"access_token": "a",', None)
    assert parse_secret("[1, 2]", NEEDED) == ("[1, 2]", None)

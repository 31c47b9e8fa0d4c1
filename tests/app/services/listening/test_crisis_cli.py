"""``tribune listening holding`` then ``crisis-over`` with the installed command: one holding
message per crisis, however late the second call, until the crisis is said over."""

from __future__ import annotations

import json

from tests.conftest import db_url_of


def test_holding_twice_then_crisis_over_then_a_new_crisis(cli, db, tribune_home):
    url = db_url_of(db)
    assert cli("client", "add", "Aquarelle", db_url=url).returncode == 0
    first = cli("listening", "holding", "aquarelle", "--json", db_url=url)
    assert first.returncode == 0, first.stderr
    again = cli("listening", "holding", "aquarelle", "--json", db_url=url)
    assert json.loads(again.stdout)["post_id"] == json.loads(first.stdout)["post_id"]
    over = cli("listening", "crisis-over", "aquarelle", "--json", db_url=url)
    assert over.returncode == 0, over.stderr
    closed = json.loads(over.stdout)
    assert closed["closed_at"] and closed["closed_by"]
    twice = cli("listening", "crisis-over", "aquarelle", db_url=url)
    assert twice.returncode == 1 and twice.stderr.count("\n") == 1
    assert "crisis" in twice.stderr and "Traceback" not in twice.stderr
    new = cli("listening", "holding", "aquarelle", "--json", db_url=url)
    assert new.returncode == 0, new.stderr
    assert json.loads(new.stdout)["post_id"] != json.loads(first.stdout)["post_id"]

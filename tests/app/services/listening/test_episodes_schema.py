"""Revision 0030 on both engines: it goes down to 0027 and up again, and the database itself
refuses a second open crisis episode for a client (the partial unique index the seats'
ON CONFLICT relies on), while closed ones pile up freely."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from app.db import SCHEMA_HEAD
from app.models.listening import CrisisEpisode
from app.services.clients import workspaces as clients

T = dt.datetime(2026, 11, 20, 15, tzinfo=dt.UTC)


def _migrate(db, target: str) -> None:
    cfg = db._alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        if target == "head":
            command.upgrade(cfg, target)
        else:
            command.downgrade(cfg, target)


def _episode(s, cid: int, closed: dt.datetime | None) -> None:
    s.execute(
        insert(CrisisEpisode).values(
            client_id=cid, opened_at=T, last_signal_at=T, closed_at=closed, closed_by=""
        )
    )


def test_down_and_up_and_one_open_episode_per_client(db):
    _migrate(db, "0027_listening_more")
    _migrate(db, "head")
    assert db.current_revisions() == {SCHEMA_HEAD}
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        other = clients.create_client(s, "Nuage").id
    with db.session() as s:
        _episode(s, cid, T + dt.timedelta(hours=1))
        _episode(s, cid, T + dt.timedelta(hours=2))  # closed ones: as many as happened
        _episode(s, cid, None)
        _episode(s, other, None)  # another client's open crisis is its own
    with pytest.raises(IntegrityError), db.session() as s:
        _episode(s, cid, None)

"""A fresh PostgreSQL database per test with its own login roles (cluster-wide: prefixed,
dropped afterwards)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db import Database

PASSWORD = "correct horse battery"


@dataclass
class Agency:
    url: str  # the superuser who created it (its first administrator)
    name: str
    prefix: str
    host: str
    port: int

    def login(self, who: str) -> str:
        return f"{self.prefix}{who}"

    def url_for(self, who: str, password: str | None = PASSWORD) -> str:
        u = make_url(self.url).set(username=self.login(who), password=password)
        return u.render_as_string(hide_password=False)

    def psql(self, who: str, password: str = PASSWORD) -> psycopg.Connection:
        """A raw connection as ``who``, like psql would open."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            dbname=self.name,
            user=self.login(who),
            password=password,
            autocommit=True,
            connect_timeout=5,
        )

    def db(self, who: str | None = None) -> Database:
        return Database(self.url if who is None else self.url_for(who))


def make_agency(pg_url: str, *, upgrade: bool = True):
    name = f"tribune_people_{uuid.uuid4().hex[:8]}"
    prefix = f"p{uuid.uuid4().hex[:6]}_"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(pg_url).set(database=name)
    agency = Agency(
        url.render_as_string(hide_password=False), name, prefix, url.host, url.port or 5432
    )
    if upgrade:
        db = Database(agency.url)
        db.upgrade()
        db.dispose()
    return agency


def drop_agency(pg_url: str, agency: Agency) -> None:
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{agency.name}" WITH (FORCE)'))
        roles = conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
            {"p": agency.prefix + "%"},
        ).scalars()
        for role in roles:
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


@pytest.fixture
def agency():
    from tests.conftest import PG_URL, _require_pg

    _require_pg()
    a = make_agency(PG_URL)
    yield a
    drop_agency(PG_URL, a)

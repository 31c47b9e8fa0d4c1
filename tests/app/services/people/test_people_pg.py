"""People and rights enforced by the PostgreSQL server itself, with real login roles."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from app.models import Client
from app.services.clients import workspaces as clients
from app.services.people import admin
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD

pytestmark = pytest.mark.postgres
agency = people_fixtures.agency


def _tables_with_client_id(conn) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t"
            " USING (table_schema, table_name) WHERE c.table_schema = 'public'"
            " AND c.column_name = 'client_id' AND t.table_type = 'BASE TABLE' ORDER BY 1"
        )
    ]


def test_every_client_scoped_table_has_row_security_with_the_policy(agency):
    with psycopg.connect(agency.url.replace("+psycopg", ""), autocommit=True) as conn:
        tables = [*_tables_with_client_id(conn), "clients"]
        assert len(tables) > 15
        for table in tables:
            enabled, forced = conn.execute(
                "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = %s::regclass",
                (table,),
            ).fetchone()
            policy = conn.execute(
                "SELECT qual FROM pg_policies WHERE tablename = %s"
                " AND policyname = 'tribune_client_scope'",
                (table,),
            ).fetchone()
            assert enabled, f"{table} has no row-level security"
            assert forced or table == "client_grants", f"{table} does not force it"
            assert policy is not None and "tribune_visible_clients" in policy[0], table


@pytest.fixture
def demo_agency(agency):
    """The demo agency (several clients, rows in every client table), built by the first
    administrator — the superuser who created the database."""
    import datetime as dt

    from app.demo import build_demo

    db = agency.db()
    build_demo(db, today=dt.date(2026, 3, 16))
    with db.read() as s:
        slugs = list(s.scalars(select(Client.slug).order_by(Client.id)))
    db.dispose()
    return agency, slugs


def test_a_freelancer_sees_only_their_client_whatever_query_they_send(demo_agency):
    agency, slugs = demo_agency
    mine, other = slugs[0], slugs[1]
    db = agency.db()
    with db.session() as s:
        admin.add_person(s, agency.login("free"), "Fred Lance", "cm", PASSWORD, clients=[mine])
        ids = dict(s.execute(select(Client.slug, Client.id)).all())
    db.dispose()
    with agency.psql("free") as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == agency.login("free")
        assert [r[0] for r in conn.execute("SELECT slug FROM clients")] == [mine]
        seen = 0
        for table in _tables_with_client_id(conn):
            others = conn.execute(
                f'SELECT count(*) FROM "{table}" WHERE client_id IS DISTINCT FROM %s',
                (ids[mine],),
            ).fetchone()[0]
            assert others == 0, f"{table} shows another client's rows"
            seen += conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        assert seen > 100  # their own client's data is all there
        # joins, sub-queries and functions do not get round it either
        assert (
            conn.execute(
                "SELECT count(*) FROM inbox_messages m JOIN clients c ON c.id = m.client_id"
                " WHERE c.slug = %s",
                (other,),
            ).fetchone()[0]
            == 0
        )
        # writing into another client: nothing updated, an insert refused
        cur = conn.execute(
            "UPDATE inbox_messages SET text = 'x' WHERE client_id = %s", (ids[other],)
        )
        assert cur.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO inbox_saved_replies (client_id, title, body, category)"
                " VALUES (%s, 't', 'b', '')",
                (ids[other],),
            )
        # and a community manager cannot approve a post, nor grant themselves a client
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE posts SET status = 'approved' WHERE client_id = %s", (ids[mine],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO client_grants (staff_id, client_id, granted_by, granted_at)"
                " SELECT id, %s, '', now() FROM staff",
                (ids[other],),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE staff SET role = 'admin'")
    # Through Tribune's own services the same person gets the same view.
    fdb = agency.db("free")
    try:
        with fdb.read() as s:
            assert [c.slug for c in clients.list_clients(s)] == [mine]
    finally:
        fdb.dispose()


def test_a_suspended_person_cannot_connect_until_their_access_is_reset(agency):
    db = agency.db()
    with db.session() as s:
        admin.add_person(s, agency.login("lea"), "Léa", "cm", PASSWORD)
    agency.psql("lea").close()  # can connect
    with db.session() as s:
        row = admin.suspend(s, agency.login("lea"))
    assert row.suspended
    with pytest.raises(psycopg.OperationalError):
        agency.psql("lea")
    with db.session() as s:
        admin.reset_access(s, agency.login("lea"), "a new password 42")
    with pytest.raises(psycopg.OperationalError):
        agency.psql("lea")  # the old password no longer works
    agency.psql("lea", "a new password 42").close()
    db.dispose()


def test_upgrading_a_shared_database_keeps_its_data_and_gives_it_a_first_administrator(
    tmp_path,
):
    """A database at 0012, owned by an ordinary login (not a superuser), with data in it."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from app.db import Database
    from app.services.inbox import csv_import as inbox_import
    from tests.app.people_fixtures import drop_agency, make_agency
    from tests.conftest import PG_URL, _require_pg

    _require_pg()
    a = make_agency(PG_URL, upgrade=False)
    owner = a.login("owner")
    try:
        su = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with su.connect() as conn:
            conn.execute(text(f"CREATE ROLE \"{owner}\" LOGIN CREATEROLE PASSWORD '{PASSWORD}'"))
            conn.execute(text(f'ALTER DATABASE "{a.name}" OWNER TO "{owner}"'))
        su.dispose()
        su = create_engine(a.url, isolation_level="AUTOCOMMIT")
        with su.connect() as conn:
            conn.execute(text(f'ALTER SCHEMA public OWNER TO "{owner}"'))
        su.dispose()
        old = Database(a.url_for("owner"))
        with old.engine.begin() as conn:
            cfg = old._alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0012_moderation_push")
        csv_path = tmp_path / "in.csv"
        csv_path.write_text(
            "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"
            "facebook,1,comment,Ana,ana,Bonjour,2026-03-01T10:00:00+01:00,,\n"
            "facebook,2,comment,Bo,bo,Merci,2026-03-01T11:00:00+01:00,,\n",
            encoding="utf-8",
        )
        with old.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO clients (uid, name, slug, timezone, language, colour, sector,"
                    " notes, archived, created_at, updated_at, version) VALUES ('u1', 'Aquarelle',"
                    " 'aquarelle', 'Europe/Paris', 'fr', '#123456', '', '', false, now(), now(), 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO audit_events (at, actor, client_id, client_name, action,"
                    " target_type, target_id, details) SELECT now(), 'root', id, name,"
                    " 'client.create', '', '', '{}' FROM clients"
                )
            )
        old.dispose()
        db = Database(a.url_for("owner"))
        db.upgrade()
        with db.read() as s:
            cid = s.scalar(select(Client.id))
        assert inbox_import.import_csv(db, cid, csv_path).added == 2
        with db.read() as s:
            from app.services.inbox import reading as inbox
            from app.services.people import audit, whoami

            me = whoami(s)
            assert (me.login, me.role, me.enforced) == (owner, "admin", True)
            assert [c.slug for c in clients.list_clients(s)] == ["aquarelle"]
            assert len(inbox.page(s, cid).rows) == 2
            assert [e.actor for e in audit.entries(s, action="client.create")] == ["root"]
            assert [p.login for p in admin.list_people(s)] == [owner]
        db.dispose()
    finally:
        drop_agency(PG_URL, a)


def test_every_table_is_granted_to_the_group_roles(agency):
    """A table a later migration adds without saying what it is stays administrators-only:
    this names it (call enable_client_rls or grant_agency_table in that migration)."""
    with psycopg.connect(agency.url.replace("+psycopg", ""), autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                " AND tablename <> 'alembic_version'"
            )
        ]
        missing = [
            t
            for t in tables
            for group in ("tribune_readonly", "tribune_cm")
            if not conn.execute(
                "SELECT has_table_privilege(%s, %s, 'SELECT')", (group, f'public."{t}"')
            ).fetchone()[0]
        ]
    assert missing == []


def test_a_non_superuser_administrator_restores_a_backup_that_replaces_the_people(agency, tmp_path):
    """Restoring empties staff before refilling it: the administrator keeps seeing every
    client meanwhile (by group role, not by a staff row)."""
    from app.services.database.backup import restore_backup, write_backup

    boss = agency.db()
    with boss.session() as s:
        clients.create_client(s, "Aquarelle")
        admin.add_person(s, agency.login("root2"), "Deuxième admin", "admin", PASSWORD)
    path = tmp_path / "b.zip"
    write_backup(boss, path)
    boss.dispose()
    second = agency.db("root2")
    summary = restore_backup(second, path)
    assert summary.tables["clients"] == 1
    with second.read() as s:
        assert [c.name for c in clients.list_clients(s)] == ["Aquarelle"]
    second.dispose()


def test_nobody_probes_someone_elses_grants(agency):
    db = agency.db()
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        clients.create_client(s, "Boulangerie")
        admin.add_person(s, agency.login("lea"), "Léa", "cm", PASSWORD, ["aquarelle"])
        admin.add_person(s, agency.login("sam"), "Sam", "lead", PASSWORD, ["boulangerie"])
    db.dispose()
    with agency.psql("lea") as conn:
        assert conn.execute("SELECT tribune_visible_clients()").fetchone()[0] == [a]
        assert conn.execute("SELECT tribune_can_see(%s)", (a,)).fetchone()[0] is True
        theirs = conn.execute(
            "SELECT tribune_visible_clients(%s)", (agency.login("sam"),)
        ).fetchone()[0]
        assert theirs == []


def test_roles_change_what_the_server_allows_at_once(agency):
    db = agency.db()
    with db.session() as s:
        a = clients.create_client(s, "Aquarelle").id
        clients.create_client(s, "Boulangerie")
        admin.add_person(s, agency.login("lea"), "Léa", "cm", PASSWORD, ["aquarelle"])
        admin.add_person(s, agency.login("sam"), "Sam", "lead", PASSWORD, all_clients=True)
    insert = (
        "INSERT INTO inbox_saved_replies (client_id, title, body, category)"
        " VALUES (%s, %s, 'Bonjour', '')"
    )
    with agency.psql("sam") as conn:
        assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 2
    with agency.psql("lea") as conn:
        conn.execute(insert, (a, "one"))
        with db.session() as s:
            admin.set_role(s, agency.login("lea"), "readonly")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(insert, (a, "two"))  # the same open connection, refused now
        assert conn.execute("SELECT count(*) FROM inbox_saved_replies").fetchone()[0] == 1
        with db.session() as s:
            admin.revoke(s, agency.login("lea"), "aquarelle")
        assert conn.execute("SELECT count(*) FROM inbox_saved_replies").fetchone()[0] == 0
    db.dispose()


def test_a_second_administrator_manages_people_with_their_own_login(agency):
    """Promoted to admin, Léa (an ordinary login) creates a person on the server herself."""
    db = agency.db()
    with db.session() as s:
        clients.create_client(s, "Aquarelle")
        admin.add_person(s, agency.login("lea"), "Léa", "cm", PASSWORD, ["aquarelle"])
        admin.set_role(s, agency.login("lea"), "admin")
    db.dispose()
    lea = agency.db("lea")
    with lea.session() as s:
        row = admin.add_person(s, agency.login("tom"), "Tom", "junior", PASSWORD, ["aquarelle"])
    assert row.clients == ("aquarelle",)
    with agency.psql("tom") as conn:
        assert [r[0] for r in conn.execute("SELECT slug FROM clients")] == ["aquarelle"]
    with lea.session() as s:
        admin.set_role(s, agency.login("tom"), "lead")
        admin.suspend(s, agency.login("tom"))
    with pytest.raises(psycopg.OperationalError):
        agency.psql("tom")
    lea.dispose()

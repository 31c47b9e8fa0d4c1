"""The server side of people and rights on PostgreSQL: group roles, privileges, row security.

Pure SQL, imported by migrations (0016_people_rights and every later one that adds a table
with a ``client_id``: call :func:`enable_client_rls`). Nothing here runs on SQLite, where a
local file cannot enforce anything.

- One group role per Tribune role (``tribune_admin`` … ``tribune_readonly``); a person's login
  role is a member of exactly one.
- ``tribune_visible_clients()`` is a SECURITY DEFINER function reading ``staff`` and
  ``client_grants`` for the connected role (``current_user``, passed as the default of its
  argument so that it is evaluated in the caller's context, not the definer's): NULL for
  every client, else the granted ids. ``tribune_can_see(client_id)`` answers for one client;
  the policies use the array once per query (see :func:`scope_expression`).
- Every table with a ``client_id`` (and ``clients`` by ``id``) has row-level security enabled
  and forced, with the policy ``tribune_client_scope``: a row exists for a role only if it may
  see the row's client — whatever query it sends, through Tribune or psql.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy.engine import Connection

from app.models.people import GROUP_ROLES


class Operations(Protocol):  # what these helpers use of a migration's ``op`` (alembic's)
    def get_bind(self) -> Connection: ...


SCOPE_POLICY = "tribune_client_scope"
WRITERS = ("tribune_lead", "tribune_cm", "tribune_junior")
# Tables only an administrator writes (others read them, through row security where scoped).
ADMIN_TABLES = ("staff", "client_grants", "clients", "agency_profile", "alembic_version")

Execute = Callable[[str], object]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_group_roles(execute: Execute) -> None:
    """The five group roles (cluster-wide: created once, shared by every Tribune database)."""
    for group in GROUP_ROLES.values():
        execute(
            f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN
                    CREATE ROLE {group} NOLOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$"""
        )


def create_functions(execute: Execute) -> None:
    execute(
        """
        CREATE OR REPLACE FUNCTION tribune_visible_clients(who text DEFAULT current_user)
        RETURNS integer[] LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path FROM CURRENT
        AS $$
            -- NULL: every client. Administrators (members of tribune_admin, and the
            -- database's owner, who ran the migration) see every client even while staff
            -- is being restored; an unknown or suspended login sees none.
            SELECT CASE
                -- nobody probes someone else's grants (unless they could act as them)
                WHEN who IS DISTINCT FROM session_user
                  AND NOT pg_has_role(session_user, who, 'MEMBER') THEN '{}'::integer[]
                WHEN pg_has_role(who, 'tribune_admin', 'MEMBER')
                  OR who = (SELECT pg_get_userbyid(d.datdba)::text FROM pg_database d
                            WHERE d.datname = current_database()) THEN NULL
                WHEN s.id IS NULL OR s.suspended THEN '{}'::integer[]
                WHEN s.role = 'admin' OR s.all_clients THEN NULL
                ELSE ARRAY(SELECT g.client_id FROM client_grants g WHERE g.staff_id = s.id)
            END
            FROM (SELECT 1) AS one LEFT JOIN staff s ON s.login = who
        $$"""
    )
    execute(
        """
        CREATE OR REPLACE FUNCTION tribune_can_see(cid integer, who text DEFAULT current_user)
        RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path FROM CURRENT
        AS $$
            SELECT v IS NULL OR coalesce(cid = ANY (v), false)
            FROM (SELECT tribune_visible_clients(who) AS v) AS scope
        $$"""
    )
    execute(
        """
        CREATE OR REPLACE FUNCTION tribune_touch() RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
        AS $$ UPDATE staff SET last_seen_at = now() WHERE login = session_user $$"""
    )
    execute("REVOKE ALL ON FUNCTION tribune_can_see(integer, text) FROM PUBLIC")
    execute("REVOKE ALL ON FUNCTION tribune_visible_clients(text) FROM PUBLIC")
    execute("REVOKE ALL ON FUNCTION tribune_touch() FROM PUBLIC")
    groups = ", ".join(GROUP_ROLES.values())
    execute(f"GRANT EXECUTE ON FUNCTION tribune_can_see(integer, text) TO {groups}")
    execute(f"GRANT EXECUTE ON FUNCTION tribune_visible_clients(text) TO {groups}")
    execute(f"GRANT EXECUTE ON FUNCTION tribune_touch() TO {groups}")


def grant_table(execute: Execute, table: str) -> None:
    """Table privileges of each group role on ``table`` (what each Tribune role may do)."""
    t = _q(table)
    execute(f"GRANT ALL ON {t} TO tribune_admin")
    execute(f"GRANT SELECT ON {t} TO tribune_readonly, {', '.join(WRITERS)}")
    if table == "audit_events":  # the trail is appended to, never edited
        execute(f"GRANT INSERT ON {t} TO {', '.join(WRITERS)}")
    elif table == "release_approvals":
        execute(f"GRANT INSERT ON {t} TO tribune_junior, tribune_lead")
        execute(f"GRANT UPDATE ON {t} TO tribune_lead")
    elif table == "inbox_moderation":  # a junior drafts; moderation is for cm and lead
        execute(f"GRANT INSERT ON {t} TO tribune_cm, tribune_lead")
        # (a junior's sync records what the network did; the trigger keeps decisions out)
        execute(f"GRANT UPDATE ON {t} TO {', '.join(WRITERS)}")
    elif table not in ADMIN_TABLES:
        execute(f"GRANT INSERT, UPDATE, DELETE ON {t} TO {', '.join(WRITERS)}")


def enable_client_rls(
    op: Operations, table: str, column: str = "client_id", *, force: bool = True
) -> None:
    """Row security on a client-scoped table: call it from every migration adding one.

    Grants the table to the group roles and adds the ``tribune_client_scope`` policy. Does
    nothing on SQLite.
    """
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    apply_client_rls(bind.exec_driver_sql, table, column, force=force)


def scope_expression(column: str = "client_id") -> str:
    """``tribune_can_see(column)``, written so that the server looks the grants up once per
    query (two InitPlans) instead of once per row: 400,000 inbox rows counted in 7 s per-row,
    in tens of milliseconds this way (measured, see the README)."""
    visible = "(SELECT tribune_visible_clients())"
    # (the cast makes ANY take the array, not the sub-query's rows)
    return f"({visible} IS NULL OR {_q(column)} = ANY ({visible}::integer[]))"


def apply_client_rls(
    execute: Execute, table: str, column: str = "client_id", *, force: bool = True
) -> None:
    t = _q(table)
    grant_table(execute, table)
    execute(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
    if force:  # the owner too (the first administrator sees every client anyway)
        execute(f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY")
    execute(f"DROP POLICY IF EXISTS {SCOPE_POLICY} ON {t}")
    scope = scope_expression(column)
    execute(f"CREATE POLICY {SCOPE_POLICY} ON {t} USING {scope} WITH CHECK {scope}")


def client_scoped_tables(execute_scalars: Callable[[str], list[str]]) -> list[str]:
    """Every table of the current schema with a client_id column."""
    return execute_scalars(
        """SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables t
             ON t.table_schema = c.table_schema AND t.table_name = c.table_name
           WHERE c.table_schema = current_schema() AND c.column_name = 'client_id'
             AND t.table_type = 'BASE TABLE'
           ORDER BY c.table_name"""
    )


IDENTITY_TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION tribune_check_identity() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    who text := current_user;
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = who)
       OR pg_has_role(who, 'tribune_admin', 'MEMBER')
       OR EXISTS (SELECT 1 FROM staff WHERE login = who AND role = 'admin') THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.requested_login IS DISTINCT FROM who
           OR NEW.decided_login NOT IN ('', who) THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = 'tribune: ' || who || ' cannot act in someone else''s name';
        END IF;
    ELSE
        IF NEW.requested_login IS DISTINCT FROM OLD.requested_login
           OR (NEW.decided_login IS DISTINCT FROM OLD.decided_login
               AND NEW.decided_login <> who) THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = 'tribune: ' || who || ' cannot act in someone else''s name';
        END IF;
        IF NEW.state IS DISTINCT FROM OLD.state AND NEW.state IN ('applied', 'approved')
           AND NEW.requested_login IS DISTINCT FROM who
           AND NOT pg_has_role(who, 'tribune_lead', 'MEMBER') THEN
            RAISE EXCEPTION 'tribune: only a lead approves someone else''s request'
                USING ERRCODE = '42501';
        END IF;
        IF NEW.state IS DISTINCT FROM OLD.state AND NEW.state = 'approved'
           AND NEW.requested_login = who THEN
            RAISE EXCEPTION 'tribune: a second person approves' USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END $$
"""


def _policy(execute: Execute, name: str, table: str, spec: str) -> None:
    execute(f"DROP POLICY IF EXISTS {name} ON {_q(table)}")
    execute(f"CREATE POLICY {name} ON {_q(table)} AS RESTRICTIVE {spec}")


def role_policies(execute: Execute) -> None:
    """What the server refuses beyond the client scope: approvals and forged identities."""
    # Only a lead (or an admin) approves a post; a junior cannot schedule either.
    _policy(
        execute,
        "tribune_cm_posts",
        "posts",
        "FOR ALL TO tribune_cm USING (true) WITH CHECK (status <> 'approved')",
    )
    _policy(
        execute,
        "tribune_junior_posts",
        "posts",
        "FOR ALL TO tribune_junior USING (true) "
        "WITH CHECK (status NOT IN ('approved', 'scheduled'))",
    )
    # A junior's reply is held; only a lead (or an admin) releases a held reply.
    _policy(
        execute,
        "tribune_junior_replies_insert",
        "inbox_messages",
        "FOR INSERT TO tribune_junior WITH CHECK (NOT ours OR reply_state = 'held')",
    )
    _policy(
        execute,
        "tribune_held_replies_update",
        "inbox_messages",
        "FOR UPDATE TO tribune_junior, tribune_cm "
        "USING (NOT ours OR reply_state <> 'held') WITH CHECK (NOT ours OR reply_state <> 'held')",
    )
    _policy(
        execute,
        "tribune_junior_replies_update",
        "inbox_messages",
        "FOR UPDATE TO tribune_junior USING (true) "
        "WITH CHECK (NOT ours OR reply_state <> 'queued')",
    )
    # Nobody writes someone else's name: the trail carries the connected role. (Admins are
    # exempt: a restored backup brings back everybody's entries.)
    _policy(
        execute,
        "tribune_audit_actor",
        "audit_events",
        "FOR INSERT TO tribune_lead, tribune_cm, tribune_junior, tribune_readonly "
        "WITH CHECK (actor_login = current_user)",
    )
    # Audit entries without a client (people, deleted clients) can be added by anyone, seen
    # only by those who see every client (the scope policy covers the rest).
    execute("DROP POLICY IF EXISTS tribune_audit_agency ON audit_events")
    execute(
        "CREATE POLICY tribune_audit_agency ON audit_events FOR INSERT "
        "WITH CHECK (client_id IS NULL)"
    )
    # Decisions (moderation, releases) carry who asked and who decided; a trigger compares
    # the old and new rows, which a policy cannot.
    execute(IDENTITY_TRIGGER_FUNCTION)
    for table in ("inbox_moderation", "release_approvals"):
        execute(f"DROP TRIGGER IF EXISTS tribune_identity ON {table}")
        execute(
            f"CREATE TRIGGER tribune_identity BEFORE INSERT OR UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION tribune_check_identity()"
        )
    # Someone who does not see every client sees their own staff row only.
    execute("ALTER TABLE staff ENABLE ROW LEVEL SECURITY")
    execute("DROP POLICY IF EXISTS tribune_staff_self ON staff")
    execute(
        "CREATE POLICY tribune_staff_self ON staff FOR SELECT "
        "USING (login = current_user OR tribune_can_see(NULL))"
    )
    execute("DROP POLICY IF EXISTS tribune_staff_admin ON staff")
    execute(
        "CREATE POLICY tribune_staff_admin ON staff FOR ALL TO tribune_admin "
        "USING (true) WITH CHECK (true)"
    )


def grant_agency_table(op: Operations, table: str) -> None:
    """Privileges on a new table that is NOT client-scoped (agency-wide settings, lookups):
    call it from the migration adding one. Client tables call :func:`enable_client_rls`."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        grant_table(bind.exec_driver_sql, table)


def default_privileges(execute: Execute) -> None:
    """Tables created later by the migrating role: administrators only, until the migration
    says what the table is (:func:`enable_client_rls` or :func:`grant_agency_table`) — a
    client table is never readable across clients by default."""
    execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO tribune_admin")
    execute(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "
        + ", ".join(WRITERS)
    )
    execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO tribune_admin")


def setup(execute: Execute, scalars: Callable[[str], list[str]]) -> None:
    """Everything on an existing schema: roles, functions, grants, policies, first admin."""
    create_group_roles(execute)
    groups = ", ".join(GROUP_ROLES.values())
    execute(f"GRANT USAGE ON SCHEMA public TO {groups}")
    for table in scalars(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
    ):
        grant_table(execute, table)
    execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + ", ".join(WRITERS))
    execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO tribune_admin")  # restore: setval
    default_privileges(execute)
    create_functions(execute)
    # The role that creates or upgrades the database is its first administrator (a member
    # of tribune_admin when it may grant that to itself).
    execute(
        """DO $$ BEGIN
            IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                EXECUTE 'GRANT tribune_admin TO ' || quote_ident(current_user);
            END IF;
        EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN NULL;
        END $$"""
    )
    execute(
        "INSERT INTO staff (login, display_name, role, all_clients, suspended, created_at) "
        "VALUES (current_user, current_user, 'admin', true, false, now()) "
        "ON CONFLICT (login) DO NOTHING"
    )
    for table in client_scoped_tables(scalars):
        # The grants themselves: not forced, so that tribune_can_see (run as the owner) reads
        # them without recursing into its own policy.
        apply_client_rls(execute, table, force=table != "client_grants")
    apply_client_rls(execute, "clients", "id")
    role_policies(execute)


SIGNING_TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION tribune_check_signing() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    who text := current_user;
    refused boolean;
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = who)
       OR pg_has_role(who, 'tribune_admin', 'MEMBER')
       OR pg_has_role(who, 'tribune_lead', 'MEMBER')
       OR EXISTS (SELECT 1 FROM staff WHERE login = who AND role IN ('admin', 'lead')) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_TABLE_NAME = 'charter_signatories' THEN
        refused := true;
    ELSIF TG_OP = 'INSERT' THEN
        refused := NEW.status IN ('signed', 'superseded');
    ELSE
        refused := (NEW.status IS DISTINCT FROM OLD.status AND 'signed' IN (NEW.status, OLD.status))
            OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
            OR NEW.scan_sha256 IS DISTINCT FROM OLD.scan_sha256;
    END IF;
    IF refused THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = 'tribune: only a lead signs a charter (' || who || ' is not one)';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$
"""


def signing_policies(execute: Execute) -> None:
    """Only a lead (or an administrator) marks a charter version signed, records its
    signatories or attaches the signed copy — whatever query is sent (0023_rights_more)."""
    execute(SIGNING_TRIGGER_FUNCTION)
    execute("DROP TRIGGER IF EXISTS tribune_signing ON charter_versions")
    execute(
        "CREATE TRIGGER tribune_signing BEFORE INSERT OR UPDATE ON charter_versions "
        "FOR EACH ROW EXECUTE FUNCTION tribune_check_signing()"
    )
    execute("DROP TRIGGER IF EXISTS tribune_signing ON charter_signatories")
    execute(
        "CREATE TRIGGER tribune_signing BEFORE INSERT OR UPDATE OR DELETE ON charter_signatories "
        "FOR EACH ROW EXECUTE FUNCTION tribune_check_signing()"
    )


def drop_signing_policies(execute: Execute) -> None:
    execute("DROP TRIGGER IF EXISTS tribune_signing ON charter_signatories")
    execute("DROP TRIGGER IF EXISTS tribune_signing ON charter_versions")
    execute("DROP FUNCTION IF EXISTS tribune_check_signing()")

"""An administrator adds, suspends, removes people and grants them clients.

On PostgreSQL each person is a login role of the server: adding one creates the role (its
password is hashed here with SCRAM before it is sent, so it never appears in the server's
logs) and makes it a member of the group role of its Tribune role; suspending it takes
LOGIN away. On SQLite the same rows are kept as labels, and nothing is enforced.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models import Client, utcnow
from app.models.people import GROUP_ROLES, ROLES, ClientGrant, Staff
from app.services.people import Person, audit, require, whoami

_LOGIN = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


@dataclass(frozen=True)
class PersonRow:
    login: str
    name: str
    role: str
    all_clients: bool
    suspended: bool
    clients: tuple[str, ...]  # slugs
    created_at: dt.datetime
    last_seen_at: dt.datetime | None


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    if "\x00" in value:
        raise ValidationError(translate("People", "A password cannot contain a NUL character."))
    return "'" + value.replace("'", "''") + "'"


def _check_login(login: str) -> str:
    login = login.strip()
    if not _LOGIN.match(login) or login.startswith(("pg_", "tribune_")):
        raise ValidationError(
            translate(
                "People",
                "A login is 1 to 63 lower-case letters, digits, _ . or -, starting with a "
                "letter (not pg_ nor tribune_).",
            ),
            "login",
        )
    return login


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError(
            translate("People", "Unknown role {role} (use {roles}).").format(
                role=role, roles=", ".join(ROLES)
            ),
            "role",
        )
    return role


def _staff(session: Session, login: str) -> Staff:
    row = session.scalar(select(Staff).where(Staff.login == login.strip()))
    if row is None:
        raise NotFound(translate("People", "No person has the login {login}.").format(login=login))
    return row


def _client(session: Session, ref: str) -> Client:
    ref = ref.strip()
    row = session.scalar(select(Client).where((Client.slug == ref) | (Client.name == ref)))
    if row is None:
        raise NotFound(translate("People", "No client called {name}.").format(name=ref))
    return row


def _hashed(session: Session, login: str, password: str) -> str:
    """The SCRAM verifier of ``password``, computed by libpq on this machine."""
    conn: Any = session.connection().connection.driver_connection  # psycopg's, untyped here
    verifier: bytes = conn.pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return verifier.decode("ascii")


def _check_password(password: str) -> None:
    if len(password) < 8:
        raise ValidationError(
            translate("People", "A password needs at least 8 characters."), "password"
        )


def _ddl(session: Session, sql: str) -> None:
    """Role statements take no bind parameters: identifiers are quoted, the password is a
    SCRAM verifier (no quote, no colon-name a bind parser could take for a parameter)."""
    session.connection().exec_driver_sql(sql)


def _role_exists(session: Session, login: str) -> bool:
    return bool(session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}))


def add_person(
    session: Session,
    login: str,
    name: str,
    role: str,
    password: str = "",
    clients: list[str] | None = None,
    all_clients: bool = False,
) -> PersonRow:
    """Add a person; on PostgreSQL create their login role (or attach an existing one)."""
    me = require(session, "people")
    login, role = _check_login(login), _check_role(role)
    name = name.strip() or login
    if session.scalar(select(Staff.id).where(Staff.login == login)) is not None:
        raise Conflict(
            translate("People", "{login} is already one of the people.").format(login=login)
        )
    if all_clients and role not in ("admin", "lead"):
        raise ValidationError(
            translate("People", "Only administrators and leads can be granted every client."),
            "clients",
        )
    granted = [_client(session, ref) for ref in clients or []]
    if _is_pg(session):
        if _role_exists(session, login):
            # A login of the server already (another database of the agency): attach it,
            # its password is left as it is.
            extra = " CREATEROLE" if role == "admin" else ""
            _ddl(session, f"ALTER ROLE {_ident(login)} LOGIN{extra}")
        else:
            _check_password(password)
            extra = " CREATEROLE" if role == "admin" else ""
            _ddl(
                session,
                f"CREATE ROLE {_ident(login)} LOGIN{extra} PASSWORD "
                f"{_literal(_hashed(session, login, password))}",
            )
        _ddl(session, f"GRANT {GROUP_ROLES[role]} TO {_ident(login)}")
    row = Staff(
        login=login,
        display_name=name,
        role=role,
        all_clients=all_clients or role == "admin",
        suspended=False,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    for client in granted:
        session.add(ClientGrant(staff_id=row.id, client_id=client.id, granted_by=me.login))
    audit.record(
        session,
        "people.add",
        target_type="person",
        target_id=login,
        details={"after": {"role": role, "name": name, "clients": [c.slug for c in granted]}},
    )
    session.flush()
    _changed(session, row)
    return _row(session, row)


def set_role(session: Session, login: str, role: str) -> PersonRow:
    require(session, "people")
    role = _check_role(role)
    row = _staff(session, login)
    before = row.role
    if before == role:
        return _row(session, row)
    if _is_pg(session):
        _ddl(session, f"REVOKE {GROUP_ROLES[before]} FROM {_ident(row.login)}")
        _ddl(session, f"GRANT {GROUP_ROLES[role]} TO {_ident(row.login)}")
        if "admin" in (role, before):  # an administrator creates the people's roles
            flag = "CREATEROLE" if role == "admin" else "NOCREATEROLE"
            _ddl(session, f"ALTER ROLE {_ident(row.login)} {flag}")
    row.role = role
    if role == "admin":
        row.all_clients = True
    elif role not in ("lead",):
        row.all_clients = False
    audit.record(
        session,
        "people.role",
        target_type="person",
        target_id=row.login,
        details={"before": {"role": before}, "after": {"role": role}},
    )
    _changed(session, row)
    return _row(session, row)


def grant(session: Session, login: str, client_ref: str) -> PersonRow:
    me = require(session, "people")
    row = _staff(session, login)
    if client_ref.strip() == "all":
        if row.role not in ("admin", "lead"):
            raise ValidationError(
                translate("People", "Only administrators and leads can be granted every client.")
            )
        row.all_clients = True
        detail = "all"
    else:
        client = _client(session, client_ref)
        exists = session.scalar(
            select(ClientGrant.id).where(
                ClientGrant.staff_id == row.id, ClientGrant.client_id == client.id
            )
        )
        if exists is None:
            session.add(ClientGrant(staff_id=row.id, client_id=client.id, granted_by=me.login))
        detail = client.slug
    audit.record(
        session,
        "people.grant",
        target_type="person",
        target_id=row.login,
        details={"client": detail},
    )
    session.flush()
    _changed(session, row)
    return _row(session, row)


def revoke(session: Session, login: str, client_ref: str) -> PersonRow:
    require(session, "people")
    row = _staff(session, login)
    revoked: list[int] = []
    if client_ref.strip() == "all":
        row.all_clients = row.role == "admin"
        detail = "all"
    else:
        client = _client(session, client_ref)
        revoked.append(client.id)
        session.execute(
            delete(ClientGrant).where(
                ClientGrant.staff_id == row.id, ClientGrant.client_id == client.id
            )
        )
        detail = client.slug
    audit.record(
        session,
        "people.revoke",
        target_type="person",
        target_id=row.login,
        details={"client": detail},
    )
    session.flush()
    _changed(session, row, *revoked)
    return _row(session, row)


def suspend(session: Session, login: str) -> PersonRow:
    """The person can no longer connect; what they did stays, with their name."""
    me = require(session, "people")
    row = _staff(session, login)
    if row.login == me.login:
        raise ValidationError(translate("People", "You cannot suspend yourself."))
    if _is_pg(session):
        _ddl(session, f"ALTER ROLE {_ident(row.login)} NOLOGIN")
    row.suspended = True
    audit.record(session, "people.suspend", target_type="person", target_id=row.login)
    session.flush()
    _changed(session, row)
    return _row(session, row)


def reset_access(session: Session, login: str, password: str) -> PersonRow:
    """A new password, and the person may connect again (lifts a suspension)."""
    require(session, "people")
    row = _staff(session, login)
    if _is_pg(session):
        _check_password(password)
        _ddl(
            session,
            f"ALTER ROLE {_ident(row.login)} LOGIN PASSWORD "
            f"{_literal(_hashed(session, row.login, password))}",
        )
    row.suspended = False
    audit.record(session, "people.reset", target_type="person", target_id=row.login)
    session.flush()
    _changed(session, row)
    return _row(session, row)


def remove(session: Session, login: str) -> None:
    """Remove a person from this database; the login role is dropped when nothing holds it."""
    me = require(session, "people")
    row = _staff(session, login)
    if row.login == me.login:
        raise ValidationError(translate("People", "You cannot remove yourself."))
    if _is_pg(session):
        _ddl(session, f"ALTER ROLE {_ident(row.login)} NOLOGIN")
        _ddl(session, f"REVOKE {GROUP_ROLES[row.role]} FROM {_ident(row.login)}")
    _changed(session, row)
    session.delete(row)
    audit.record(session, "people.remove", target_type="person", target_id=login)
    session.flush()
    if _is_pg(session):
        try:
            with session.begin_nested():
                _ddl(session, f"DROP ROLE {_ident(login)}")
        except Exception:  # it owns objects or has rights elsewhere: it stays, NOLOGIN
            pass


def _changed(session: Session, row: Staff, *client_ids: int) -> None:
    """Tell the change feed that ``row``'s rights changed (kind ``people``, the staff id), so
    that the person's open app re-reads what it may do. On PostgreSQL a change is visible only
    to who sees its client: it is said for every client the person holds (and ``client_ids``,
    a client just revoked), and once without a client for those who see them all."""
    from app import changes

    granted = set(
        session.scalars(select(ClientGrant.client_id).where(ClientGrant.staff_id == row.id))
    )
    for client_id in (None, *sorted(granted | set(client_ids))):
        changes.announce(session, "people", client_id, (row.id,))


def _row(session: Session, row: Staff) -> PersonRow:
    slugs = tuple(
        session.scalars(
            select(Client.slug)
            .join(ClientGrant, ClientGrant.client_id == Client.id)
            .where(ClientGrant.staff_id == row.id)
            .order_by(Client.slug)
        )
    )
    return PersonRow(
        row.login,
        row.display_name,
        row.role,
        row.all_clients,
        row.suspended,
        slugs,
        row.created_at,
        row.last_seen_at,
    )


def list_people(session: Session) -> list[PersonRow]:
    """Everyone this person may see (an admin: all; others: themselves)."""
    rows = session.scalars(select(Staff).order_by(Staff.display_name, Staff.login))
    return [_row(session, r) for r in rows]


def me(session: Session) -> Person:
    return whoami(session)

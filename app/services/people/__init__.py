"""Who is acting, and what they may do.

On PostgreSQL the person is the database login the connection authenticated as
(``current_user``), looked up in ``staff``; nothing typed in the app can change it. The server
enforces the same rights (see :mod:`app.services.people.rls`); the checks here exist so that
the app and the CLI refuse early with a clear sentence instead of a server error.

On SQLite the person is the OS user (``TRIBUNE_USER`` overrides it, for scripts) and rights are
*not* enforced: anyone who can open the file can change it. :attr:`Person.enforced` says so.

A superuser connection that is not registered in ``staff`` is maintenance, not a person: it
may do anything (the server lets it anyway) and is named like on SQLite.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.errors import PermissionDenied
from app.i18n import translate
from app.models.people import ROLES, ClientGrant, Staff
from app.services.people.actor import local_login

# What each role may do (the server grants the same through its group roles).
CAPABILITIES: dict[str, frozenset[str]] = {
    "people": frozenset({"admin"}),
    "clients": frozenset({"admin"}),
    "agency": frozenset({"admin"}),
    "approve": frozenset({"admin", "lead"}),  # posts for the client, held replies, 2nd person
    "sign": frozenset({"admin", "lead"}),
    "moderate": frozenset({"admin", "lead", "cm"}),
    "write": frozenset({"admin", "lead", "cm", "junior"}),
    "read": frozenset(ROLES),
}


@dataclass(frozen=True)
class Person:
    login: str
    name: str
    role: str
    all_clients: bool
    client_ids: frozenset[int]
    enforced: bool  # False on SQLite and for an unregistered superuser
    suspended: bool = False
    registered: bool = True

    def can(self, capability: str) -> bool:
        return not self.suspended and self.role in CAPABILITIES[capability]

    def sees(self, client_id: int | None) -> bool:
        if self.suspended:
            return False
        if self.role == "admin" or self.all_clients:
            return True
        return client_id is not None and client_id in self.client_ids

    @property
    def held(self) -> bool:
        """A junior's replies and posts wait for a lead before they can leave."""
        return self.role == "junior"


def _from_row(row: Staff, session: Session, enforced: bool) -> Person:
    grants = frozenset(
        session.scalars(select(ClientGrant.client_id).where(ClientGrant.staff_id == row.id))
    )
    return Person(
        row.login,
        row.display_name or row.login,
        row.role,
        row.all_clients,
        grants,
        enforced,
        row.suspended,
    )


def _unenforced(login: str, name: str = "") -> Person:
    return Person(login, name or login, "admin", True, frozenset(), False, registered=False)


def whoami(session: Session) -> Person:
    """The person this session acts as (cached for the session's lifetime)."""
    cached: Person | None = session.info.get("tribune_person")
    if cached is not None:
        return cached
    if session.get_bind().dialect.name != "postgresql":
        # A local file: whoever opens it may do anything; a recorded name is only a label.
        login = local_login()
        name = session.scalar(select(Staff.display_name).where(Staff.login == login))
        person = _unenforced(login, name or login)
    else:
        current, superuser, known = session.execute(
            text(
                "SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
                " has_table_privilege('staff', 'SELECT')"
            )
        ).one()
        login = cast(str, current)  # a text() row's columns are untyped
        row = session.scalar(select(Staff).where(Staff.login == login)) if known else None
        if row is not None:
            person = _from_row(row, session, not superuser)
        elif superuser:
            person = _unenforced(local_login())
        else:  # a login of the server that is not one of the agency's people
            person = Person(login, login, "", False, frozenset(), True, registered=False)
    session.info["tribune_person"] = person
    return person


def role_label(role: str) -> str:
    return {
        "admin": translate("People", "administrator"),
        "lead": translate("People", "lead"),
        "cm": translate("People", "community manager"),
        "junior": translate("People", "junior"),
        "readonly": translate("People", "read only"),
    }.get(role, role)


_REFUSALS = {  # called when refusing: the message in the current language
    "people": lambda: translate("People", "Only an administrator manages people."),
    "clients": lambda: translate(
        "People", "Only an administrator creates, archives or deletes clients."
    ),
    "agency": lambda: translate("People", "Only an administrator changes the agency's settings."),
    "approve": lambda: translate("People", "Only a lead approves: ask a lead of this client."),
    "sign": lambda: translate("People", "Only a lead signs a charter."),
    "moderate": lambda: translate(
        "People", "A junior cannot moderate: ask a community manager or a lead."
    ),
    "write": lambda: translate(
        "People", "Your role is read only: you can see reports and charts, not change anything."
    ),
    "read": lambda: translate("People", "You have no access to Tribune's data."),
}


def require(session: Session, capability: str, client_id: int | None = None) -> Person:
    """The acting person, or :class:`PermissionDenied` with one sentence saying why."""
    person = whoami(session)
    if not person.registered and person.enforced:
        raise PermissionDenied(
            translate(
                "People",
                "The login {login} is not one of the agency's people: ask an administrator.",
            ).format(login=person.login)
        )
    if person.suspended:
        raise PermissionDenied(
            translate("People", "Your access is suspended: ask an administrator.")
        )
    if not person.can(capability):
        raise PermissionDenied(
            _REFUSALS[capability]()
            + " "
            + translate("People", "(you are {role})").format(role=role_label(person.role))
        )
    if client_id is not None and not person.sees(client_id):
        raise PermissionDenied(
            translate("People", "This client is not granted to you: ask an administrator.")
        )
    return person


def check_post_status(session: Session, client_id: int, status: str) -> Person:
    """Approving a post is a lead's; a junior cannot schedule one either (the server refuses
    the same on PostgreSQL)."""
    if status == "approved":
        return require(session, "approve", client_id)
    person = require(session, "write", client_id)
    if status == "scheduled" and person.held:
        raise PermissionDenied(
            translate(
                "People", "A junior's post waits for a lead's approval before it is scheduled."
            )
        )
    return person


TOUCH_EVERY = 300.0  # seconds: last activity moves on writes, at most this often per process
_touched: dict[str, float] = {}  # database URL -> monotonic time of the last touch
_clock = time.monotonic


def touch(session: Session) -> None:
    """Record the person's last activity (PostgreSQL; a no-op elsewhere)."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        _touched[bind.engine.url.render_as_string(hide_password=True)] = _clock()
        session.execute(
            text(
                "SELECT tribune_touch() WHERE EXISTS "
                "(SELECT 1 FROM pg_proc WHERE proname = 'tribune_touch')"
            )
        )


def touch_on_write(session: Session) -> None:
    """Called as a write is flushed: record the person's last activity, throttled (one
    UPDATE of ``staff`` per process and database every :data:`TOUCH_EVERY` seconds)."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    key = bind.engine.url.render_as_string(hide_password=True)
    now = _clock()
    last = _touched.get(key)
    if last is not None and now - last < TOUCH_EVERY:
        return
    touch(session)

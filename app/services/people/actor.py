"""Who is acting: the name recorded on authorship, notes and approvals.

The identity comes from the database connection (see :mod:`app.services.people`): when the
app or the CLI opens a database it calls :func:`set_identity` with the authenticated person.
Nothing typed in the settings changes it. Before that (or on SQLite) the person is the OS
user; ``TRIBUNE_USER`` overrides the OS user on SQLite only, where nothing is enforced.
"""

from __future__ import annotations

import getpass
import os

_identity: tuple[str, str] | None = None  # (login, display name) from the database


def local_login() -> str:
    """The OS user (or ``TRIBUNE_USER``): the person on a local file, unenforced."""
    name = os.environ.get("TRIBUNE_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name on some containers
        return "tribune"


def set_identity(login: str | None, name: str | None = None) -> None:
    """Set (or with None, forget) the authenticated person of this process."""
    global _identity
    _identity = None if not login else (login, (name or login).strip() or login)


def current_login() -> str:
    return _identity[0] if _identity else local_login()


def current_actor() -> str:
    """The display name of the person acting."""
    return _identity[1] if _identity else local_login()


def set_current_actor(name: str) -> None:
    """Scripts and tests on a local file: act as another OS user (never on PostgreSQL,
    where the identity is the connection's login)."""
    os.environ["TRIBUNE_USER"] = name.strip()

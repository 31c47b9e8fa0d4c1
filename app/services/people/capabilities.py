"""What the connected person may do, in one object the app and the CLI both read.

Built once per session from the person's role (see :func:`app.services.people.whoami`): the
UI disables what is refused and shows :meth:`Capabilities.why` as the reason; the services
call :func:`app.services.people.require` anyway, and on PostgreSQL the server refuses the
same — nothing relies on the UI alone.

On a local SQLite file everything is allowed and :attr:`Capabilities.notice` says that rights
are not enforced there.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.i18n import translate
from app.services.people import _REFUSALS, Person, role_label, whoami

# Each action the UI offers -> the capability of :data:`app.services.people.CAPABILITIES`.
ACTIONS: dict[str, str] = {
    "write_posts": "write",  # new post, edit, delete, imports
    "schedule": "write",  # and not a junior: their posts wait for a lead's approval
    "write": "write",  # anything else that changes data (metrics import, settings)
    "approve": "approve",  # posts for the client, held replies, a second person's OK
    "sign_charter": "sign",  # record the agency's signature, mark a version signed
    "edit_charter": "write",  # edit sections, send for signature
    "reply": "write",  # a junior's reply is held until a lead releases it
    "triage": "write",  # status, category, assignee, tags, notes, escalate
    "moderate": "moderate",
    "admin_people": "people",
    "admin_clients": "clients",
    "admin_agency": "agency",  # the agency's name, address, logo and colour
    "read": "read",  # charts and reports: every role
}


@dataclass(frozen=True)
class Capabilities:
    person: Person
    allowed: frozenset[str]  # keys of ACTIONS
    enforced: bool

    def can(self, action: str) -> bool:
        return action in self.allowed

    # readable names for the app's code and tests
    @property
    def can_write_posts(self) -> bool:
        return self.can("write_posts")

    @property
    def can_approve(self) -> bool:
        return self.can("approve")

    @property
    def can_sign_charter(self) -> bool:
        return self.can("sign_charter")

    @property
    def can_reply(self) -> bool:
        return self.can("reply")

    @property
    def can_triage(self) -> bool:
        return self.can("triage")

    @property
    def can_moderate(self) -> bool:
        return self.can("moderate")

    @property
    def can_admin_people(self) -> bool:
        return self.can("admin_people")

    @property
    def can_admin_clients(self) -> bool:
        return self.can("admin_clients")

    @property
    def read_only(self) -> bool:
        return not self.can("write_posts")

    @property
    def replies_held(self) -> bool:
        """A junior's replies wait for a lead (they may still write them)."""
        return self.enforced and self.person.held

    def why(self, action: str) -> str:
        """One sentence saying why ``action`` is refused ("" when it is allowed)."""
        if self.can(action):
            return ""
        return refusal(self.person, action)

    @property
    def notice(self) -> str:
        """What to tell everyone once: rights unenforced on a file, or the person's role."""
        if not self.enforced:
            return translate(
                "People",
                "Rights are not enforced on a local file: anyone who can open it can change "
                "anything.",
            )
        return translate("People", "You are connected as {name} ({role}).").format(
            name=self.person.name, role=role_label(self.person.role)
        )


def refusal(person: Person, action: str) -> str:
    if person.suspended:
        return translate("People", "Your access is suspended: ask an administrator.")
    if not person.registered and person.enforced:
        return translate(
            "People", "The login {login} is not one of the agency's people: ask an administrator."
        ).format(login=person.login)
    if action == "schedule" and person.held:
        return translate(
            "People", "A junior's post waits for a lead's approval before it is scheduled."
        )
    if person.role == "readonly":
        return {
            "reply": lambda: translate("People", "Read-only: your role cannot reply."),
            "write_posts": lambda: translate("People", "Read-only: your role cannot change posts."),
            "edit_charter": lambda: translate(
                "People", "Read-only: your role cannot change the charter."
            ),
            "triage": lambda: translate(
                "People", "Read-only: your role cannot sort or annotate messages."
            ),
        }.get(action, _REFUSALS[ACTIONS[action]])()
    return (
        _REFUSALS[ACTIONS[action]]()
        + " "
        + translate("People", "(you are {role})").format(role=role_label(person.role))
    )


def for_person(person: Person) -> Capabilities:
    if not person.enforced:
        return Capabilities(person, frozenset(ACTIONS), False)
    if not person.registered:
        return Capabilities(person, frozenset(), True)
    allowed = {a for a, cap in ACTIONS.items() if person.can(cap)}
    if person.held:
        allowed.discard("schedule")
    return Capabilities(person, frozenset(allowed), True)


def capabilities(session: Session) -> Capabilities:
    """The connected person's capabilities (cached with the person for the session)."""
    cached = session.info.get("tribune_capabilities")
    if cached is None:
        cached = session.info["tribune_capabilities"] = for_person(whoami(session))
    return cached

"""People and rights (administrators), what waits for approval, and the audit log viewer."""

from __future__ import annotations


def open_people(window, tab: int = 0) -> None:
    """Open the People screen of the window's database (see ``PeopleDialog`` for the tabs)."""
    if getattr(window, "db", None) is None:
        return
    from ui.people.people_dialog import PeopleDialog

    dialog = PeopleDialog(window.db, window.tasks, window, tab=tab)
    dialog.open()


def apply_rights(window) -> None:
    """Once the database is open: disable what the person's role cannot do, saying why.

    The server and the services refuse anyway; this only spares a click that would fail."""
    db = window.db

    def who():
        from app.services.people import whoami

        with db.read() as s:
            return whoami(s)

    def done(person) -> None:
        window.person = person
        _restrict(window)

    if not getattr(window, "_rights_hooked", False):
        window.client_changed.connect(lambda _c: _restrict(window))
        window._rights_hooked = True
    window.tasks.run(who, done, lambda _exc: None)


def _restrict(window) -> None:
    from PySide6.QtCore import QCoreApplication

    person = getattr(window, "person", None)
    if person is None or person.can("clients"):
        return
    why = QCoreApplication.translate(
        "People", "Only an administrator creates, archives or deletes clients."
    )
    for widget in (window.act_new_client, window.act_archive, window.act_delete):
        widget.setEnabled(False)
        widget.setToolTip(why)
    window.add_client_button.setEnabled(False)
    window.add_client_button.setToolTip(why)

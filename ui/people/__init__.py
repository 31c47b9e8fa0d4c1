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

    The capabilities are read on a worker when the database opens, and again when the change
    feed says an administrator changed someone's role, grants or suspension (kind ``people``,
    from any seat): the guards of :mod:`ui.rights` re-apply at once, without reopening. The
    screens' buttons are guarded by :mod:`ui.rights` (the main window's actions here, each
    area as it is built). The server and the services refuse anyway; this only spares a
    click that would fail."""
    from app.services.people.capabilities import capabilities
    from ui.operations import QueryOp
    from ui.rights import AREA_GUARDS, WINDOW_GUARDS, rights_for

    db = window.db
    guard = rights_for(window)
    guard.clear()

    def load() -> None:
        QueryOp(window, capabilities, done).latest("capabilities").failure(lambda _e: None).run()

    def done(caps) -> None:
        if window.db is not db:  # another database was opened meanwhile
            return
        before = getattr(window, "capabilities", None)
        window.person = caps.person
        window.capabilities = caps
        guard.set_capabilities(caps)
        _charter_read_only(window, caps)
        if before is not None and _scope(before.person) != _scope(caps.person):
            window.reload_clients()  # a client granted or taken away: the sidebar follows

    def changed(changeset) -> None:
        if changeset.touches("people"):
            load()

    def area_added(index: int) -> None:
        area = window.area_stack.widget(index)
        key = (area.objectName() or "").removeprefix("area_")
        guard.guard_attributes(area, AREA_GUARDS.get(key, ()))

    if not getattr(window, "_rights_hooked", False):
        window._rights_hooked = True
        stack = getattr(window, "area_stack", None)
        if stack is not None:
            stack.widgetAdded.connect(area_added)
    guard.guard_attributes(window, WINDOW_GUARDS)
    live = getattr(window, "live", None)  # one feed per database: connected once each
    if live is not None:
        live.changed.connect(changed)
    window.capabilities = None
    load()


def _scope(person) -> tuple:
    return (person.all_clients, person.client_ids, person.suspended, person.role)


def _charter_read_only(window, caps) -> None:
    """A charter shown before the rights were known: its pages become read-only now."""
    if caps.can("edit_charter"):
        return
    for area in getattr(window, "_areas", {}).values():
        for page in getattr(area, "pages", {}).values():
            if hasattr(page, "set_read_only"):
                page.set_read_only(True)
        navigator = getattr(area, "navigator", None)
        if navigator is not None and hasattr(area, "pages"):
            navigator.setDragEnabled(False)

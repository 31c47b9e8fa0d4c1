"""People and rights (administrators) and the audit log viewer."""

from __future__ import annotations


def open_people(window, tab: int = 0) -> None:
    """Open the People screen of the window's database (``tab`` 1: the audit log)."""
    if getattr(window, "db", None) is None:
        return
    from ui.people.people_dialog import PeopleDialog

    dialog = PeopleDialog(window.db, window.tasks, window, tab=tab)
    dialog.open()

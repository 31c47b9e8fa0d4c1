"""Disable what the connected person cannot do, and say why in the tooltip.

One :class:`Rights` object per main window holds the person's
:class:`~app.services.people.capabilities.Capabilities`, loaded once per database off the GUI
thread (:func:`ui.people.apply_rights`). Screens register their buttons and actions with
:func:`guard` — one line each — or are guarded by attribute name when an area is created
(:data:`AREA_GUARDS`). A guarded widget stays disabled whatever its own code does later (a
conversation enabling "Send reply" when a message is shown): Rights watches its enabled state.

This spares a click that would fail; it enforces nothing. The services refuse anyway, and
on PostgreSQL the server too.
"""

from __future__ import annotations

import html
import weakref

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

# area key -> (dotted attribute path, action of app.services.people.capabilities.ACTIONS)
AREA_GUARDS: dict[str, tuple[tuple[str, str], ...]] = {
    "inbox": (
        ("conv.reply", "reply"),
        ("conv.send", "reply"),
        ("conv.private", "reply"),
        ("conv.saved", "reply"),
        ("conv.save_template", "reply"),
        ("conv.manage_saved", "reply"),
        ("conv.assign_me", "triage"),
        ("conv.category", "triage"),
        ("conv.close_btn", "triage"),
        ("conv.tags", "triage"),
        ("conv.note_edit", "triage"),
        ("conv.note_add", "triage"),
        ("conv.answer_edit", "triage"),
        ("conv.answer_add", "triage"),
        ("conv.remind", "triage"),
        ("conv.escalate", "triage"),
        ("conv.moderate", "moderate"),
        ("import_btn", "triage"),
        ("smtp_btn", "triage"),
        ("holding_button", "write_posts"),
    ),
    "calendar": (("new_button", "write_posts"),),
    "charter": (
        ("new_draft_button", "edit_charter"),
        ("send_button", "edit_charter"),
        ("withdraw_button", "edit_charter"),
        ("banner_button", "edit_charter"),
        ("create_button", "edit_charter"),
        ("undo_button", "edit_charter"),
        ("redo_button", "edit_charter"),
        ("sign_button", "sign_charter"),
        ("scan_button", "sign_charter"),
    ),
    "charts": (("import_button", "write"),),
    "listening": (
        ("sync_button", "write"),
        ("send_button", "triage"),
        ("dismiss_button", "triage"),
        ("crisis_over_button", "triage"),
    ),
}
WINDOW_GUARDS = (
    ("act_new_client", "admin_clients"),
    # (editing a client stays open: its contacts and accounts are a writer's)
    ("act_archive", "admin_clients"),
    ("act_delete", "admin_clients"),
    ("add_client_button", "admin_clients"),
    ("act_people", "admin_people"),
    ("act_agency", "admin_agency"),
)

_TIP = "tribune_rights_tip"  # the tooltip the widget had before Rights replaced it
_HINT = "tribune_rights_hint"  # and its placeholder text


class Rights(QObject):
    """The person's capabilities and the widgets that depend on them."""

    changed = Signal(object)  # Capabilities

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.capabilities = None
        self._guarded: list[tuple[weakref.ref, str]] = []

    # -- state ------------------------------------------------------------------------------
    def set_capabilities(self, capabilities) -> None:
        self.capabilities = capabilities
        self._guarded = [(ref, a) for ref, a in self._guarded if _alive(ref())]
        for ref, action in self._guarded:
            self._apply(ref(), action)
        self.changed.emit(capabilities)

    def clear(self) -> None:
        """Another database: nothing is known until its person is loaded (all enabled)."""
        self.set_capabilities(None)

    def allowed(self, action: str) -> bool:
        return self.capabilities is None or self.capabilities.can(action)

    def why(self, action: str) -> str:
        return "" if self.capabilities is None else self.capabilities.why(action)

    # -- widgets ----------------------------------------------------------------------------
    def guard(self, obj, action: str):
        """Keep ``obj`` (a QWidget or QAction) disabled while ``action`` is refused."""
        if obj is None:
            return obj
        if any(ref() is obj and a == action for ref, a in self._guarded):
            return obj
        if len(self._guarded) > 500:  # menus built on each right-click: forget the dead
            self._guarded = [(ref, a) for ref, a in self._guarded if _alive(ref())]
        self._guarded.append((weakref.ref(obj), action))
        obj.setProperty("tribune_rights_action", action)
        if isinstance(obj, QAction):
            for menu in obj.associatedObjects():  # a menu shows its actions' tooltips
                if isinstance(menu, QMenu):
                    menu.setToolTipsVisible(True)
            obj.changed.connect(lambda o=weakref.ref(obj), a=action: self._recheck(o(), a))
        else:
            obj.installEventFilter(self)
        self._apply(obj, action)
        return obj

    def _recheck(self, obj, action: str) -> None:
        if _alive(obj) and not self.allowed(action) and obj.isEnabled():
            obj.setEnabled(False)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange):
            action = obj.property("tribune_rights_action")
            if action and not self.allowed(action):
                if obj.isEnabled():
                    obj.setEnabled(False)
                tip = tooltip(self.why(action))
                if obj.toolTip() != tip:
                    if kind == QEvent.Type.ToolTipChange:  # the screen's own tooltip, for later
                        obj.setProperty(_TIP, obj.toolTip())
                    obj.setToolTip(tip)
        return False

    def _apply(self, obj, action: str) -> None:
        if not _alive(obj):
            return
        refused = not self.allowed(action)
        was_refused = bool(obj.property("tribune_rights_refused"))
        if refused:
            if not was_refused:
                obj.setProperty(_TIP, obj.toolTip())
            obj.setProperty("tribune_rights_refused", True)
            obj.setToolTip(tooltip(self.why(action)))
            if isinstance(obj, QAction):
                obj.setStatusTip(self.why(action))
            if isinstance(obj, QLineEdit | QPlainTextEdit):  # the empty box says why too
                if not was_refused:
                    obj.setProperty(_HINT, obj.placeholderText())
                obj.setPlaceholderText(self.why(action))
            obj.setEnabled(False)
        elif was_refused:
            obj.setProperty("tribune_rights_refused", False)
            obj.setToolTip(obj.property(_TIP) or "")
            if isinstance(obj, QLineEdit | QPlainTextEdit):
                obj.setPlaceholderText(obj.property(_HINT) or "")
            obj.setEnabled(True)

    def guard_attributes(self, owner, paths) -> None:
        """Guard ``owner.a.b`` for each (path, action); a missing attribute is skipped."""
        for path, action in paths:
            obj = owner
            for name in path.split("."):
                obj = getattr(obj, name, None)
                if obj is None:
                    break
            if isinstance(obj, QWidget | QAction):
                self.guard(obj, action)


def _alive(obj) -> bool:
    if obj is None:
        return False
    try:
        obj.objectName()
    except RuntimeError:  # the C++ object was deleted
        return False
    return True


def tooltip(reason: str) -> str:
    """Plain text as it is; with a character HTML would read (a login in the sentence),
    escaped inside rich text so that it shows as typed."""
    if any(c in reason for c in "<>&"):
        return "<qt>" + html.escape(reason, quote=False) + "</qt>"
    return reason


def rights_for(window) -> Rights:
    """The Rights of a main window (created on first use, on the GUI thread)."""
    found = getattr(window, "tribune_rights", None)
    if found is None or not _alive(found):
        found = Rights(window)
        window.tribune_rights = found
    return found


def find_rights(obj) -> Rights | None:
    """The Rights of the window ``obj`` belongs to (through its parents), if any."""
    while obj is not None:
        found = getattr(obj, "tribune_rights", None)
        if found is not None and _alive(found):
            return found
        obj = obj.parent()
    return None


def guard(obj, action: str):
    """Register ``obj`` (QWidget or QAction, already parented) with its window's rights;
    outside a window (a screen tested alone) nothing happens. Returns ``obj``."""
    found = find_rights(obj) if obj is not None else None
    return obj if found is None else found.guard(obj, action)


def allowed_for(widget, action: str) -> bool:
    """Whether the window of ``widget`` lets its person do ``action`` (True outside one, or
    before the person is known)."""
    found = find_rights(widget)
    return found is None or found.allowed(action)

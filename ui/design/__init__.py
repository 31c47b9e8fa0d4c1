"""Tribune's design system: palette (light/dark), type scale, button roles, focus ring.

Screens use names, never raw colours: ``current().text_muted``, ``set_role(button,
"primary")``, ``set_text_style(label, "title")``; icons come from :mod:`ui.icons`.
"""

from __future__ import annotations

from ui.design.palette import DARK, LIGHT, SCHEMES, Scheme, contrast
from ui.design.stylesheet import TYPE_SCALE
from ui.design.theme import THEME_CHOICES, apply_theme, current, theme_notifier

ROLES = ("primary", "secondary", "quiet", "danger")

__all__ = [
    "DARK",
    "LIGHT",
    "ROLES",
    "SCHEMES",
    "THEME_CHOICES",
    "TYPE_SCALE",
    "Scheme",
    "apply_theme",
    "contrast",
    "current",
    "polish",
    "set_role",
    "set_text_style",
    "set_tone",
    "theme_notifier",
]


def polish(widget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def set_role(button, role: str) -> None:
    """``primary`` (the default action), ``secondary``, ``quiet`` (tertiary) or ``danger``."""
    if role not in ROLES:
        raise ValueError(role)
    button.setProperty("role", role)
    polish(button)


def set_text_style(label, name: str) -> None:
    if name not in TYPE_SCALE:
        raise ValueError(name)
    label.setProperty("textStyle", name)
    polish(label)


def set_tone(label, tone: str) -> None:
    """``muted``, ``success``, ``danger``, ``warning`` or ``accent`` text."""
    label.setProperty("tone", tone)
    polish(label)


def style_button_box(box) -> None:
    """A QDialogButtonBox in the roles: accept/default primary, others secondary, help quiet."""
    from PySide6.QtWidgets import QDialogButtonBox

    from ui import icons

    Role = QDialogButtonBox.ButtonRole
    for button in box.buttons():
        role = box.buttonRole(button)
        if role in (Role.AcceptRole, Role.YesRole, Role.ApplyRole) or button.isDefault():
            set_role(button, "primary")
        elif role in (Role.HelpRole, Role.ResetRole):
            set_role(button, "quiet")
        elif role == Role.DestructiveRole:
            set_role(button, "danger")
        else:
            set_role(button, "secondary")
        icons.standard_button_icon(box, button)

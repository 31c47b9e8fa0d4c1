"""Who is acting: recorded on audit entries, authorship, approvals."""

from __future__ import annotations

import getpass
import os


def current_actor() -> str:
    """The person at the keyboard: ``TRIBUNE_USER`` (set by the app from its settings) or the
    OS login name."""
    name = os.environ.get("TRIBUNE_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name on some containers
        return "tribune"


def set_current_actor(name: str) -> None:
    os.environ["TRIBUNE_USER"] = name.strip()

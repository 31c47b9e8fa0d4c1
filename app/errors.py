"""Typed errors raised by services; the UI and the CLI turn them into one clear message.

The message is already translated and says what to do, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


class TribuneError(Exception):
    """Base of every expected, user-facing error."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(TribuneError):
    """An unknown client, version, message... named by the user."""


class ValidationError(TribuneError):
    """A field or a row the user gave is invalid; nothing was written."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ConflictDetails:
    """What a stale save met: my version and theirs, who changed it and when.

    ``kind`` names what clashed (post, variant, section, message, reply_queued, client,
    contact, saved_reply, escalation); ``version`` is the current version: saving again with
    it keeps mine (a forced save), knowingly over theirs.
    """

    kind: str
    target_id: int | None = None
    title: str = ""  # what the user calls it: a post's title, a section's title...
    mine: str = ""
    theirs: str = ""
    by: str = ""
    at: dt.datetime | None = None
    version: int | None = None
    field: str = ""


class Conflict(TribuneError):
    """A clash with existing data: duplicate name, slug, stale edit.

    A stale edit carries :class:`ConflictDetails` (``details``) for the conflict dialog."""

    current: object = None  # the row as it stands now, where a service adds it (a PostInfo)

    def __init__(self, message: str, details: ConflictDetails | None = None) -> None:
        super().__init__(message)
        self.details = details


class StorageError(TribuneError):
    """The database cannot be opened, migrated or written."""


class SecretsError(TribuneError):
    """The OS keyring is missing or refused the operation."""


class PermissionDenied(TribuneError):
    """The person acting has no right to do this (their role, or a client not granted)."""

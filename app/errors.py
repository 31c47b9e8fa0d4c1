"""Typed errors raised by services; the UI and the CLI turn them into one clear message.

The message is already translated and says what to do, never a traceback.
"""

from __future__ import annotations


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


class Conflict(TribuneError):
    """A clash with existing data: duplicate name, slug, stale edit."""


class StorageError(TribuneError):
    """The database cannot be opened, migrated or written."""


class SecretsError(TribuneError):
    """The OS keyring is missing or refused the operation."""


class PermissionDenied(TribuneError):
    """The person acting has no right to do this (their role, or a client not granted)."""

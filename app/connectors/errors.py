"""The errors a network connector may raise, by kind of failure.

The sync treats them differently: only :class:`AuthError` marks an account "reconnect
needed"; :class:`RateLimited` and :class:`Unavailable` (timeouts, 5xx, broken connections)
leave it connected and are retried at the next sync; :class:`BadResponse` is reported and the
rest goes on. Messages are translated, one line, and never contain a token.
"""

from __future__ import annotations

from typing import Any

from app.errors import TribuneError
from app.i18n import translate


class ConnectorError(TribuneError):
    """A network call failed; ``kind`` is one of auth, rate_limited, unavailable, bad, rejected."""

    kind = "error"
    retryable = True


class AuthError(ConnectorError):
    """The token is refused or expired: the user has to reconnect the account."""

    kind = "auth"
    retryable = False
    response: Any = None  # the refused answer (httpx.Response), for its headers (DPoP)


class RateLimited(ConnectorError):
    """The network asks us to wait ``wait_seconds`` (longer than we are willing to sleep)."""

    kind = "rate_limited"

    def __init__(self, message: str, wait_seconds: float = 0.0) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class Unavailable(ConnectorError):
    """Timeouts, 5xx answers or broken connections, still failing after the retries."""

    kind = "unavailable"


class BadResponse(ConnectorError):
    """The network answered something that is not the documented JSON/XML."""

    kind = "bad_response"


class Rejected(ConnectorError):
    """The network refused this content (too long, wrong media...): retrying will not help."""

    kind = "rejected"
    retryable = False


class NotSupported(ConnectorError):
    kind = "not_supported"
    retryable = False

    @classmethod
    def for_network(cls, network: str, what: str = "") -> NotSupported:
        if what:
            return cls(
                translate(
                    "Connectors", "{network} does not allow this through its API: {what}."
                ).format(network=network, what=what)
            )
        return cls(
            translate("Connectors", "No connector for the {network} network yet.").format(
                network=network
            )
        )

"""The only module that touches the OS keyring.

Tokens and passwords are stored under one service name (``tribune``) with a key per client
and account, never in the database, logs, exports or exceptions. With no usable backend we
refuse with a message that says how to get one: no silent plaintext fallback.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, cast

from app.config import KEYRING_SERVICE
from app.errors import SecretsError
from app.i18n import translate


class _Keyring:
    """The ``keyring`` package, imported on first use: its backends cost ~0.3 s to import,
    which a command that never touches a credential (``tribune client list``) should not pay."""

    _module: ModuleType | None = None

    def __getattr__(self, name: str) -> Any:
        if _Keyring._module is None:
            importlib.import_module("keyring.errors")
            _Keyring._module = importlib.import_module("keyring")
        return getattr(_Keyring._module, name)


keyring = _Keyring()


def _backend_name() -> str:
    kr = keyring.get_keyring()
    return f"{type(kr).__module__}.{type(kr).__name__}"


def backend_available() -> bool:
    """True when a real keyring backend (Secret Service, macOS, Windows...) is in use."""
    kr = keyring.get_keyring()
    from keyring.backends import fail

    if isinstance(kr, fail.Keyring):
        return False
    if type(kr).__name__ == "ChainerBackend" and not getattr(kr, "backends", []):
        return False
    return getattr(kr, "priority", 1) > 0


def _no_backend() -> SecretsError:
    return SecretsError(
        translate(
            "Secrets",
            "No system keyring is available, so Tribune cannot store credentials. "
            "Install and unlock one (GNOME Keyring or KWallet on Linux; it is built in on "
            "macOS and Windows), then try again.",
        )
    )


def require_backend() -> None:
    if not backend_available():
        raise _no_backend()


def account_key(client_uid: str, account_uid: str) -> str:
    return f"client:{client_uid}/account:{account_uid}"


def client_key(client_uid: str, name: str) -> str:
    """A client-level secret such as the SMTP password used for escalation e-mails."""
    return f"client:{client_uid}/{name}"


def set_secret(key: str, value: str) -> None:
    require_backend()
    if not value:
        raise SecretsError(translate("Secrets", "An empty secret cannot be stored."))
    try:
        keyring.set_password(KEYRING_SERVICE, key, value)
    except keyring.errors.KeyringError as exc:
        raise SecretsError(
            translate("Secrets", "The keyring refused to store the credential ({kind}).").format(
                kind=type(exc).__name__
            )
        ) from None


def get_secret(key: str) -> str | None:
    require_backend()
    try:
        return cast(str | None, keyring.get_password(KEYRING_SERVICE, key))
    except keyring.errors.KeyringError as exc:
        raise SecretsError(
            translate("Secrets", "The keyring could not be read ({kind}).").format(
                kind=type(exc).__name__
            )
        ) from None


def delete_secret(key: str) -> bool:
    """Remove a secret; True if one was there."""
    require_backend()
    try:
        keyring.delete_password(KEYRING_SERVICE, key)
        return True
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise SecretsError(
            translate("Secrets", "The keyring could not delete the credential ({kind}).").format(
                kind=type(exc).__name__
            )
        ) from None


def store_account_token(client_uid: str, account_uid: str, token: str) -> None:
    set_secret(account_key(client_uid, account_uid), token.strip())


def account_token(client_uid: str, account_uid: str) -> str | None:
    return get_secret(account_key(client_uid, account_uid))


def delete_account_token(client_uid: str, account_uid: str) -> bool:
    return delete_secret(account_key(client_uid, account_uid))


def database_key(server: str, login: str) -> str:
    """A shared database's password, one per server (host:port) and login."""
    return f"database:{server}/{login}"


def store_database_password(server: str, login: str, password: str) -> None:
    set_secret(database_key(server, login), password)


def database_password(server: str, login: str) -> str | None:
    return get_secret(database_key(server, login))


def delete_database_password(server: str, login: str) -> bool:
    return delete_secret(database_key(server, login))

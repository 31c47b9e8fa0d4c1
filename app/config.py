"""Where Tribune keeps its data, and which database it uses.

Resolution order for the database URL: explicit ``--db URL``, then ``TRIBUNE_DB``, then a
SQLite file in the data folder. ``TRIBUNE_HOME`` overrides the data folder (tests, portable
installs).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Tribune"
ORG_NAME = "Tribune"
ORG_DOMAIN = "tribune.app"
KEYRING_SERVICE = "tribune"


def data_dir() -> Path:
    """The user data folder, created on demand."""
    override = os.environ.get("TRIBUNE_HOME")
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, ORG_NAME))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # TRIBUNE_HOME naming a file, a read-only place...
        from app.errors import StorageError
        from app.i18n import translate

        raise StorageError(
            translate("Storage", "Cannot use the data folder {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    return path


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'tribune.sqlite3'}"


def database_url(explicit: str | None = None) -> str:
    return explicit or os.environ.get("TRIBUNE_DB") or default_database_url()


def media_dir() -> Path:
    path = data_dir() / "media"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    override = os.environ.get("TRIBUNE_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"

"""The user's preferences (QSettings): database URL, language, window state, last client."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from app.config import APP_NAME, ORG_NAME


class Settings:
    """Typed access to QSettings; one instance per app, passed to who needs it."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(ORG_NAME, APP_NAME)

    def _get(self, key: str, default=None, kind=str):
        value = self.q.value(key, default)
        if value is None:
            return default
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def database_url(self) -> str:
        return self._get("database/url", "") or ""

    @database_url.setter
    def database_url(self, value: str) -> None:
        self.q.setValue("database/url", value)

    @property
    def language(self) -> str:
        """ "" means: follow the system."""
        return self._get("ui/language", "") or ""

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def user_name(self) -> str:
        return self._get("ui/user_name", "") or ""

    @user_name.setter
    def user_name(self, value: str) -> None:
        self.q.setValue("ui/user_name", value)

    @property
    def last_client_id(self) -> int | None:
        value = self._get("ui/last_client_id", 0, int)
        return value or None

    @last_client_id.setter
    def last_client_id(self, value: int | None) -> None:
        self.q.setValue("ui/last_client_id", int(value or 0))

    @property
    def last_area(self) -> str:
        return self._get("ui/last_area", "inbox") or "inbox"

    @last_area.setter
    def last_area(self, value: str) -> None:
        self.q.setValue("ui/last_area", value)

    @property
    def sync_interval_minutes(self) -> int:
        return self._get("sync/interval_minutes", 15, int)

    @sync_interval_minutes.setter
    def sync_interval_minutes(self, value: int) -> None:
        self.q.setValue("sync/interval_minutes", int(value))

    @property
    def keep_in_tray(self) -> bool:
        """Closing the window hides it in the system tray; the background sync and listening
        keep running (default: closing quits)."""
        return self._get("ui/keep_in_tray", "false") in ("true", "1", True)

    @keep_in_tray.setter
    def keep_in_tray(self, value: bool) -> None:
        self.q.setValue("ui/keep_in_tray", "true" if value else "false")

    def geometry(self) -> QByteArray | None:
        value = self.q.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, value: QByteArray) -> None:
        self.q.setValue("ui/geometry", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        value = self.q.value(f"ui/splitter/{name}")
        return value if isinstance(value, QByteArray) else None

    def save_splitter_state(self, name: str, value: QByteArray) -> None:
        self.q.setValue(f"ui/splitter/{name}", value)

    def panel_shown(self, name: str, default: bool = True) -> bool:
        """Whether a side panel the user can hide (the calendar's charter check) was shown."""
        return self._get(f"ui/panel/{name}", "true" if default else "false") in ("true", "1", True)

    def set_panel_shown(self, name: str, shown: bool) -> None:
        self.q.setValue(f"ui/panel/{name}", "true" if shown else "false")

    def sync(self) -> None:
        self.q.sync()

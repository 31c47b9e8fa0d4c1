"""Sync in the desktop app: the "Sync now" bar with progress and cancel, background sync on
the interval chosen in the settings, and the account health list of the client dialog."""

from ui.sync.health_view import AccountHealthView
from ui.sync.sync_bar import SyncBar

__all__ = ["AccountHealthView", "SyncBar"]

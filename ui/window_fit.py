"""The main window's size on the screen it opens on: fits a 1366×768 screen, status bar
included, and a geometry saved on a bigger screen is shrunk to this one."""

from __future__ import annotations

FRAME = 40  # px: the title bar and borders the window manager adds around the window
MARGIN = 12
PREFERRED = (1400, 900)
SMALLEST = (640, 480)


def available_area(window):
    """The usable part of the screen ``window`` is on (or the primary one), or None."""
    from PySide6.QtGui import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window) -> None:
    """A first start: a comfortable size that fits the screen with its title bar, centred."""
    area = available_area(window)
    if area is None:
        window.resize(1280, 760)
        return
    width = max(min(PREFERRED[0], area.width() - 2 * MARGIN), SMALLEST[0])
    height = max(min(PREFERRED[1], area.height() - FRAME - MARGIN), SMALLEST[1])
    window.resize(width, height)
    window.move(
        area.x() + (area.width() - width) // 2,
        area.y() + max(0, (area.height() - height - FRAME) // 2),
    )


def keep_on_screen(window) -> None:
    """After restoreGeometry: a window larger than this screen is fitted to it again."""
    area = available_area(window)
    if area is None:
        return
    if window.width() > area.width() or window.height() > area.height() - FRAME:
        fit_to_screen(window)

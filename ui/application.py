"""Start the desktop app: window first, database after the first paints.

Start-up stays close to a bare Qt window: the window's shell is shown before SQLAlchemy,
Alembic, any feature module or even the ``Qt`` namespace is touched; what the window shows
while the database opens (the client list, the menus) is built and painted just after, then
the rest (the workspace), and the database is opened (and migrated) on a worker thread. Once
the client's area has painted and read its data, a worker imports the other areas' modules
(a first switch then only builds widgets). PySide6's import hook is told not to read the
source of every module imported after Qt (:mod:`ui.feature_scan`).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui import feature_scan

feature_scan.install()  # before any other import: each later one skips a source read

from app.config import APP_NAME, ORG_DOMAIN, ORG_NAME  # noqa: E402

log = logging.getLogger("tribune")


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Fusion from the start (Tribune's style on every platform, ui.design.theme): asked of
        # QApplication.setStyle() it returns the QStyle, whose Python class PySide6 builds on
        # the spot with its 11 enums (~5 ms of the first paint)
        app = QApplication([*(argv or [sys.argv[0]]), "-style", "Fusion"])
        app.setProperty("tribune_style", "Fusion")  # apply_theme() sets it no more
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    # No application display name: Qt would append " — Tribune" to every window title,
    # which already reads "Tribune — <client>".
    return app


def _install_excepthook() -> None:
    """An unexpected error in a slot is shown and logged; the app keeps running."""
    previous = sys.excepthook

    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        from ui.messages import show_error

        exc.__traceback_text__ = "".join(__import__("traceback").format_exception(kind, exc, tb))
        show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook


def start(db_url: str | None = None, settings=None):
    """Build and show the main window; open the database in the background.

    Returns the window (tests drive it). The database is attached when ready.
    """
    import gc

    # ui.gc_policy's rule from the first line: no automatic collection (the window's
    # GuiCollector collects when idle); start-up allocates much and frees little, and the
    # collections it triggered cost the complete window ~6 ms of CPU time
    gc.disable()
    from app.i18n import install_translators, system_language
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.style import apply_style

    app = create_application()
    settings = settings or Settings()
    install_translators(settings.language or system_language())
    from ui.design.theme import saved_mode

    apply_style(app, saved_mode(settings.q))
    window = MainWindow(settings, complete=False)
    from ui.gc_policy import GuiCollector

    window.collector = GuiCollector(window.tasks, window)  # cycles freed here, workers idle
    window.show()
    url = db_url or settings.database_url or None

    def open_db():
        from app.db import open_database
        from app.models import import_all

        # every feature's tables now, on this one worker, rather than first imported by
        # whichever worker or area reaches a feature first
        import_all()
        return open_database(url)

    def opened(db) -> None:
        window.set_database(db)

    def failed(exc) -> None:
        from ui.messages import error_text

        window.loading.setText(
            error_text(exc)
            + "\n\n"
            + window.tr("Check the database in File › Settings, then restart Tribune.")
        )

    def after_visible() -> None:
        # What the window shows has painted: build the rest (the workspace, shown once the
        # clients are loaded), then open the database (a worker importing SQLAlchemy while
        # the window is being laid out would compete for the GIL).
        window.finish_build()
        window.tasks.run(open_db, opened, failed)

    def loaded() -> None:
        # the client's area is built: once it painted and read its data, the other areas'
        # modules are imported on a worker (their first switch then builds widgets only)
        window.clients_loaded.disconnect(loaded)
        area = window.current_area()
        after_first_paint(area if area is not None else window, lambda: when_idle(preload))

    def when_idle(callback) -> None:
        if not window.tasks.busy:
            callback()
            return

        def changed(busy: bool) -> None:
            if not busy:
                window.tasks.busy_changed.disconnect(changed)
                callback()

        window.tasks.busy_changed.connect(changed)

    def preload() -> None:
        from ui.areas import import_area_modules

        def done(keys) -> None:
            window.areas_preloaded = keys

        window.tasks.run(import_area_modules, done, lambda exc: None)  # shown on first switch

    window.clients_loaded.connect(loaded)

    def after_shell() -> None:
        # The shell has painted: the client list and the menus, painted before the rest (the
        # list is the last widget of that paint, its rows just after; not its viewport():
        # PySide6 would build ~65 widget classes to find the Python type of that QWidget)
        window.build_visible()
        after_first_paint(window.sidebar, after_visible)

    after_first_paint(window, after_shell)
    return window


class _FirstPaint(QObject):
    def __init__(self, widget, callback) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


def after_first_paint(widget, callback) -> None:
    """Call ``callback`` on the GUI thread just after ``widget`` first paints.

    A fallback timer covers platforms that never paint a hidden or minimised window.
    """
    probe = _FirstPaint(widget, callback)

    def fallback() -> None:
        if probe.callback is not None:
            callback_, probe.callback = probe.callback, None
            callback_()

    QTimer.singleShot(500, fallback)


def run(db_url: str | None = None) -> int:
    from app.logs import configure_logging

    app = create_application(sys.argv)
    configure_logging()
    _install_excepthook()
    window = start(db_url)
    code = app.exec()
    if window.db is not None:
        window.tasks.wait(10000)
        window.db.dispose()
    return code

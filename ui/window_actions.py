"""What the main window does for the whole agency: demo, backup, restore, settings, people,
agency, about — a part the window owns (``window.agency_actions``).

The window provides ``db``, ``tasks``, ``settings``, ``welcome``, ``sync_bar``,
``set_database``, ``reload_clients`` and ``statusBar()``.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QObject

from ui import icons
from ui.design import set_role


def show_error(parent, exc: BaseException) -> None:
    """The error box (its module, with the error classes, is loaded on the first error: the
    window's actions are built before the client list paints)."""
    from ui.messages import show_error as show

    show(parent, exc)


class WindowActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def db(self):
        return self.window.db

    @property
    def tasks(self):
        return self.window.tasks

    @property
    def welcome(self):
        return self.window.welcome

    def statusBar(self):
        return self.window.statusBar()

    def load_demo(self) -> None:
        if self.db is None:
            return

        def work(db):
            from app.demo import build_demo

            return build_demo(db, if_empty=True)

        self.statusBar().showMessage(self.tr("Loading the demo agency…"))
        self.welcome.demo_button.setEnabled(False)
        # batches of units of work: the whole Database; what it adds goes on the feed
        from ui.operations import DatabaseOp

        DatabaseOp(
            self,
            work,
            lambda _summary: (
                self.statusBar().clearMessage(),
                self.welcome.demo_button.setEnabled(True),
                self.window.reload_clients(),
            ),
            db=self.db,
            tasks=self.tasks,
        ).writes().failure(
            lambda exc: (self.welcome.demo_button.setEnabled(True), show_error(self.window, exc))
        ).run()

    # -- files ------------------------------------------------------------------------------
    def backup(self) -> None:
        if self.db is None:
            return
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up the agency"),
            "tribune-backup.zip",
            self.tr("Backups (*.zip)"),
        )
        if not path:
            return

        def work(db):
            from app.services.database.backup import write_backup

            return write_backup(db, path)

        from ui.operations import DatabaseOp

        DatabaseOp(
            self,
            work,
            lambda r: self.statusBar().showMessage(
                self.tr("Backup written: {path} ({rows} rows)").format(path=r.path, rows=r.rows),
                8000,
            ),
            db=self.db,
            tasks=self.tasks,
        ).failure(lambda exc: show_error(self.window, exc)).run()

    def restore(self) -> None:
        if self.db is None:
            return
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, self.tr("Restore a backup"), "", self.tr("Backups (*.zip)")
        )
        if not path:
            return
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Warning,
            self.tr("Restore a backup"),
            self.tr(
                "Restoring replaces every client and all their data in this database "
                "with the content of the backup. Continue?"
            ),
            parent=self.window,
        )
        restore = box.addButton(
            self.tr("Restore"), QtWidgets.QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        set_role(restore, "danger")
        set_role(cancel, "secondary")
        icons.set_icon(restore, "restore", "on_accent")
        icons.set_icon(cancel, "cancel")
        box.exec()
        if box.clickedButton() is not restore:
            return
        db = self.db

        def work(db):
            from app.services.database.backup import restore_backup

            return restore_backup(db, path)  # verified whole, current data kept first

        # not .writes(): every table is replaced, the window opens the database again
        from ui.operations import DatabaseOp

        DatabaseOp(
            self,
            work,
            lambda r: (
                self.window.set_database(db),
                self.statusBar().showMessage(
                    self.tr("Restored {rows} rows.").format(rows=r.rows), 8000
                ),
            ),
            db=db,
            tasks=self.tasks,
        ).failure(lambda exc: show_error(self.window, exc)).run()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        w = self.window
        dialog = SettingsDialog(w.settings, w.tasks, w)
        dialog.finished.connect(
            lambda _r: w.sync_bar.set_interval(w.settings.sync_interval_minutes)
        )
        dialog.open()

    def open_people(self, tab: int = 0) -> None:
        from ui.people import open_people

        open_people(self.window, tab)

    def open_agency(self) -> None:
        from ui.agency_dialog import open_agency

        open_agency(self.window)

    def about(self) -> None:
        import app

        QtWidgets.QMessageBox.about(
            self.window,
            self.tr("About Tribune"),
            self.tr(
                "<h3>Tribune {version}</h3><p>Community management for agencies: one "
                "workspace per client with its charter, content calendar, inbox and "
                "reports.</p><p>Database: {db}</p>"
            ).format(
                version=app.__version__,
                db=(self.db.display_url() if self.db else "—").replace("<", "&lt;"),
            ),
        )

"""Grab the real main window (and dialogs) as PNG files, to look at what users see.

    python scripts/screenshot.py OUT_DIR [--db URL] [--lang fr|en] [--client SLUG]
        [--area charter|calendar|inbox|charts ...] [--dialog client] [--size 1400x860]

With no --db, a throwaway SQLite database with the demo agency is used. Runs offscreen
(or on the X display given by DISPLAY, e.g. under xvfb-run).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--db")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--client")
    parser.add_argument("--area", action="append", default=[])
    parser.add_argument("--dialog", action="append", default=[])
    parser.add_argument("--size", default="1400x860")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRIBUNE_LANG"] = args.lang
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="tribune-shot-")
    os.environ.setdefault("TRIBUNE_HOME", tmp)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.db import open_database
    from ui.application import create_application
    from ui.settings import Settings

    app = create_application()
    url = args.db or f"sqlite:///{tmp}/demo.sqlite3"
    db = open_database(url)
    if not args.db:
        from app.demo import build_demo

        build_demo(db)
    from app.i18n import install_translators

    install_translators(args.lang)
    from ui.main_window import MainWindow
    from ui.style import apply_style

    apply_style(app)
    settings = Settings(QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat))
    window = MainWindow(settings)
    w, h = (int(v) for v in args.size.split("x"))
    window.resize(w, h)
    window.show()
    window.set_database(db)

    def settle(seconds: float = 1.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        window.tasks.wait(20000)
        app.processEvents()

    settle()
    if args.client:
        from app.services.clients.workspaces import get_client

        with db.read() as s:
            window.select_client(get_client(s, args.client).id)
        settle()
    for key in args.area or ["charter"]:
        window.show_area(key)
        settle(2.5)
        window.grab().save(str(out / f"main-{key}.png"))
        print(out / f"main-{key}.png")
    for name in args.dialog:
        if name == "client":
            from ui.client_dialog import ClientDialog

            window.edit_client()
            settle()
            dialog = window.findChild(ClientDialog)
            for i in range(dialog.tabs.count() if hasattr(dialog, "tabs") else 1):
                if hasattr(dialog, "tabs"):
                    dialog.tabs.setCurrentIndex(i)
                settle(0.3)
                dialog.grab().save(str(out / f"dialog-client-{i}.png"))
                print(out / f"dialog-client-{i}.png")
            dialog.reject()
        elif name == "post":  # the post editor, a picture being copied in, then in
            from PySide6.QtGui import QColor, QImage

            window.show_area("calendar")
            settle()
            area = window.current_area()
            area.open_editor()  # reads on a worker, then opens
            settle(0.5)
            editor = area.editor
            picture = Path(tmp) / "pivoines.png"
            image = QImage(1080, 1080, QImage.Format.Format_RGB32)
            image.fill(QColor("#c04070"))
            image.save(str(picture))
            tab = next(iter(editor.variant_tabs.values()))
            tab.text.insertPlainText("Les pivoines sont arrivées 🌸")
            tab.add_media_file(str(picture))
            editor.grab().save(str(out / "dialog-post-copying.png"))
            settle(0.5)
            editor.grab().save(str(out / "dialog-post.png"))
            print(out / "dialog-post.png")
            editor.reject()
    window.tasks.wait(10000)
    QApplication.closeAllWindows()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

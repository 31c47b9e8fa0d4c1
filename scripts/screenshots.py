"""Every area and main dialog as PNG files: French and English, light and dark, at 1366×768
and at 1920×1080 with QT_SCALE_FACTOR=1.5 — to look at, and to refresh ``screenshots/``.

    python scripts/screenshots.py OUT_DIR [--lang fr en] [--scheme light dark]
        [--size 1366x768 1920x1080@1.5] [--readme]

One demo agency is built once, then each (language, scheme, size) runs in its own process
(the scale factor is read when Qt starts). ``--readme`` also copies the README's pictures
into ``screenshots/`` (same file names, plus the dark ones). Runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AREAS = ("charter", "calendar", "inbox", "charts", "listening")
DIALOGS = ("client", "settings", "shortcuts", "report", "post", "people")
# README picture → (language, scheme, size, file written by one run)
README = {
    "main-window.png": ("fr", "light", "1366x768", "inbox.png"),
    "charts.png": ("fr", "light", "1366x768", "charts.png"),
    "charts-dark.png": ("en", "dark", "1366x768", "charts.png"),
    "calendar.png": ("fr", "light", "1366x768", "calendar.png"),
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", nargs="+", default=["fr", "en"])
    parser.add_argument("--scheme", nargs="+", default=["light", "dark"])
    parser.add_argument("--size", nargs="+", default=["1366x768", "1920x1080@1.5"])
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--one", nargs=4, metavar=("DB", "LANG", "SCHEME", "SIZE"))
    args = parser.parse_args()
    out = Path(args.out)
    if args.one:
        return shoot(out, *args.one)
    tmp = Path(tempfile.mkdtemp(prefix="tribune-shots-"))
    demo = tmp / "demo.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIBUNE_HOME=str(tmp))
    subprocess.run(
        [sys.executable, "-c", _BUILD, f"sqlite:///{demo}"], check=True, env=env, cwd=ROOT
    )
    for lang in args.lang:
        for scheme in args.scheme:
            for size in args.size:
                copy = tmp / f"{lang}-{scheme}-{size}.sqlite3"
                shutil.copy(demo, copy)
                run_env = dict(env)
                size_text, _, scale = size.partition("@")
                if scale:
                    run_env["QT_SCALE_FACTOR"] = scale
                folder = out / f"{lang}-{scheme}-{size_text}{'-x' + scale if scale else ''}"
                cmd = [sys.executable, __file__, str(folder), "--one"]
                subprocess.run(
                    [*cmd, f"sqlite:///{copy}", lang, scheme, size_text],
                    check=True,
                    env=run_env,
                    cwd=ROOT,
                )
                if args.readme:
                    for name, (l_, s_, z_, shot) in README.items():
                        if (l_, s_, z_) == (lang, scheme, size):
                            shutil.copy(folder / shot, ROOT / "screenshots" / name)
    print(out)
    return 0


_BUILD = """
import sys
from app.db import open_database
from app.demo import build_demo
db = open_database(sys.argv[1]); build_demo(db); db.dispose()
"""


def shoot(out: Path, url: str, lang: str, scheme: str, size: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRIBUNE_LANG"] = lang
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.db import open_database
    from app.i18n import install_translators
    from ui.application import create_application
    from ui.settings import Settings
    from ui.style import apply_style

    app = create_application()
    install_translators(lang)
    apply_style(app, scheme)
    db = open_database(url)
    from ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="tribune-shot-"))
    settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    settings.language = lang
    window = MainWindow(settings)
    w, h = (int(v) for v in size.split("x"))
    window.resize(w, h)
    window.show()
    window.set_database(db)

    def settle(seconds: float = 1.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        window.tasks.wait(30000)
        app.processEvents()

    def save(widget, name: str) -> None:
        widget.grab().save(str(out / name))
        print(out / name)

    settle(1.5)
    for key in AREAS:
        window.show_area(key)
        settle(2.0)
        if key == "charts":  # drawn again at the panels' width once they are laid out
            settle(1.5)
        save(window, f"{key}.png")
    for name in DIALOGS:
        try:
            dialog = _open_dialog(window, name, settle)
        except Exception as exc:  # a dialog that cannot open here is reported, not fatal
            print(f"{name}: {exc}", file=sys.stderr)
            continue
        if dialog is None:
            continue
        settle(0.8)
        save(dialog, f"dialog-{name}.png")
        dialog.close()
        settle(0.2)
    # a client without any data: the Charts area's empty state
    from app.services.clients import workspaces as clients

    with db.session() as s:
        empty = clients.create_client(s, "Nouveau client" if lang == "fr" else "New client")
    window.reload_clients(select_id=empty.id)
    settle(1.0)
    window.show_area("charts")
    settle(2.0)
    settle(1.0)
    save(window, "charts-empty.png")
    window.tasks.wait(10000)
    QApplication.closeAllWindows()
    db.dispose()
    return 0


def _open_dialog(window, name: str, settle):
    from PySide6.QtWidgets import QDialog

    before = set(window.findChildren(QDialog))

    def newest():
        found = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
        return found[-1] if found else None

    if name == "client":
        window.edit_client()
    elif name == "settings":
        window.open_settings()
    elif name == "shortcuts":
        window.show_shortcuts()
    elif name == "people":
        window.open_people()
    elif name == "report":
        window.show_area("charts")
        settle(1.5)
        window.current_area().open_report_dialog()
    elif name == "post":
        window.show_area("calendar")
        settle(1.0)
        window.current_area().open_editor()
    settle(1.0)
    return newest()


if __name__ == "__main__":
    sys.exit(main())

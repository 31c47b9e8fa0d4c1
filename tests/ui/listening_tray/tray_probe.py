"""Run in its own process on a real X display: is there a system tray, and does a crisis
alert show there? Prints one JSON line for the test that started it."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon


def _pump(app: QApplication, seconds: float, until=lambda: False) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not until():
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    app = QApplication(sys.argv)
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#c0392b"))
    app.setWindowIcon(QIcon(pixmap))
    _pump(app, float(sys.argv[1]), QSystemTrayIcon.isSystemTrayAvailable)
    available = QSystemTrayIcon.isSystemTrayAvailable()
    from app.services.listening.alerts import AlertOutcome
    from app.services.listening.background import ClientListening
    from ui.sync.tray import CrisisTray

    tray = CrisisTray()
    reason = "12 complaints or negative messages in the last hour, against 0.4 an hour usually."
    heard = [ClientListening(1, "Aquarelle", 0, (AlertOutcome("complaints", reason, (), "sent"),))]
    shown = tray.notify(heard)
    tips = lambda: [w for w in app.topLevelWidgets() if w.metaObject().className() == "QBalloonTip"]  # noqa: E731
    _pump(app, 3, lambda: any(t.isVisible() for t in tips()))
    icon = tray.icon()
    geometry = icon.geometry()
    texts = [
        label.text() for tip in tips() if tip.isVisible() for label in tip.findChildren(QLabel)
    ]
    print(json.dumps({
        "available": available,
        "shown": shown,
        "icon_visible": icon.isVisible(),
        "icon_embedded": geometry.width() > 0 and geometry.height() > 0,
        "balloon": texts,
    }))  # fmt: skip


if __name__ == "__main__":
    main()

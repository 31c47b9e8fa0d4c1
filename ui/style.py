"""One visual style for the whole app: Fusion, a calm palette, a dark client sidebar."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

STYLESHEET = """
#sidePanel { background: #1d2536; }
#brand { color: #ffffff; font-size: 15pt; font-weight: 600; letter-spacing: 0.5px; }
#addClientButton { color: #cfd6e4; background: transparent; border: 1px solid #3a4660;
  border-radius: 6px; min-width: 24px; min-height: 24px; font-size: 13pt; }
#addClientButton:hover { background: #2d3f63; }
#switchHint { color: #8a93a6; background: #27324a; border: none; border-radius: 6px;
  padding: 6px 10px; margin: 0 10px; text-align: left; }
#loadingLabel { qproperty-alignment: AlignCenter; color: #5b6477; }
#switchHint:hover { color: #cfd6e4; }
#clientSidebar { background: #1d2536; border: none; outline: none; }
#workspaceHeader { background: #ffffff; border-bottom: 1px solid #e3e7ef; }
#clientTitle { font-size: 15pt; font-weight: 600; color: #1d2536; padding-bottom: 8px; }
#areaTabs::tab { padding: 8px 9px; margin-right: 1px; border: none; color: #5b6477;
  background: transparent; border-bottom: 3px solid transparent; }
#areaTabs::tab:selected { color: #1d2536; border-bottom: 3px solid #3e7bfa; font-weight: 600; }
#areaTabs::tab:hover { color: #1d2536; }
#editClientButton { border: 1px solid #d5dbe6; border-radius: 6px; padding: 5px 10px;
  background: #f6f8fb; }
#placeholderTitle { font-size: 20pt; font-weight: 600; color: #1d2536; }
#placeholderBody { font-size: 11pt; color: #5b6477; }
#hint { color: #5b6477; }
#errorLabel { color: #b42318; background: #fef3f2; border: 1px solid #fecdca;
  border-radius: 6px; padding: 6px 10px; }
#primaryButton { background: #3e7bfa; color: white; border: none; border-radius: 6px;
  padding: 8px 16px; font-weight: 600; }
#primaryButton:hover { background: #2f6ae8; }
#dangerButton { background: #d92d20; color: white; border: none; border-radius: 6px;
  padding: 6px 14px; font-weight: 600; }
#dangerButton:disabled { background: #f3b8b3; }
QStatusBar { background: #f6f8fb; color: #5b6477; }
#syncStatus { color: #5b6477; border: 1px solid transparent; border-radius: 10px;
  padding: 2px 8px; }
#syncStatus[outcome="ok"] { color: #067647; background: #ecfdf3; border-color: #abefc6; }
#syncStatus[outcome="warning"] { color: #93370d; background: #fffaeb; border-color: #fedf89; }
#syncStatus[outcome="error"] { color: #b42318; background: #fef3f2; border-color: #fecdca; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f8fb"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f5f9"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3e7bfa"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#f6f8fb"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2536"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2536"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2536"))
    # setColor(role, …) sets every group: without these a disabled button looks pressable
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
    ):
        palette.setColor(disabled, role, QColor("#9aa3b5"))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)

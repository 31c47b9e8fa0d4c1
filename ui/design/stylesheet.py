"""The application style sheet, written once against the palette's token names.

Tokens are ``$name`` (string.Template), so the same sheet yields the light and the dark
scheme. Buttons take a ``role`` dynamic property — ``primary`` (the dialog's default
action, one per screen), ``secondary`` (the others), ``quiet`` (tertiary: toolbars,
"⋯" menus), ``danger`` (destructive) — and labels a ``textStyle`` from the type scale.
Every input, button and list shows a 2-px accent focus ring.
"""

from __future__ import annotations

from string import Template

from ui.design.palette import Scheme

# The type scale, in points: a few named sizes instead of a size per screen.
TYPE_SCALE = {
    "caption": 8.5,
    "body": 10.0,
    "heading": 12.0,
    "title": 15.0,
    "display": 20.0,
}

_SHEET = Template(
    """
QToolTip { color: $text; background: $surface; border: 1px solid $border; padding: 4px 6px; }
#sidePanel { background: $side; }
#brand { color: #ffffff; font-size: ${title}pt; font-weight: 600; letter-spacing: 0.5px; }
#addClientButton { color: $side_text; background: transparent; border: 1px solid $side_selected;
  border-radius: 6px; min-width: 24px; min-height: 24px; font-size: 13pt; }
#addClientButton:hover { background: $side_selected; }
#addClientButton:focus { border: 2px solid $accent; }
#switchHint { color: $side_muted; background: $side_field; border: none; border-radius: 6px;
  padding: 6px 10px; margin: 0 10px; text-align: left; }
#switchHint:hover { color: $side_text; }
#loadingLabel { qproperty-alignment: AlignCenter; color: $text_muted; }
#clientSidebar { background: $side; border: 2px solid transparent; outline: none; }
#clientSidebar:focus { border: 2px solid $accent; }
#workspaceHeader { background: $surface; border-bottom: 1px solid $border; }
#clientTitle { font-size: ${title}pt; font-weight: 600; color: $text; padding-bottom: 8px; }
#areaTabs::tab { padding: 8px 5px; margin-right: 1px; border: none; color: $text_muted;
  background: transparent; border-bottom: 3px solid transparent; }
#areaTabs::tab:selected { color: $text; border-bottom: 3px solid $accent; font-weight: 600; }
#areaTabs::tab:hover { color: $text; }
#areaTabs:focus { outline: none; }
#placeholderTitle { font-size: ${display}pt; font-weight: 600; color: $text; }
#placeholderBody { font-size: 11pt; color: $text_muted; }
#hint { color: $text_muted; }
#errorLabel { color: $danger; background: $danger_soft; border: 1px solid $danger;
  border-radius: 6px; padding: 6px 10px; }
QLabel[textStyle="caption"] { font-size: ${caption}pt; color: $text_muted; }
QLabel[textStyle="heading"] { font-size: ${heading}pt; font-weight: 600; }
QLabel[textStyle="title"] { font-size: ${title}pt; font-weight: 600; }
QLabel[textStyle="display"] { font-size: ${display}pt; font-weight: 600; }
QLabel[tone="muted"] { color: $text_muted; }
QLabel[tone="success"] { color: $success; }
QLabel[tone="danger"] { color: $danger; }
QLabel[tone="warning"] { color: $warning; }
QLabel[tone="accent"] { color: $accent_text; }
QFrame[card="true"] { background: $surface; border: 1px solid $border; border-radius: 8px; }
QFrame[callout="info"] { background: $accent_soft; border: 1px solid $border; border-radius: 6px; }
QFrame[callout="warning"], QLabel[callout="warning"] { background: $warning_soft; color: $warning;
  border: 1px solid $warning; border-radius: 6px; padding: 6px; }

/* buttons: primary, secondary, quiet, danger; no platform stock icons on dialog buttons
   (ui.design.style_button_box gives them the icon set's) */
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
QPushButton { color: $text; background: $surface; border: 1px solid $border; border-radius: 6px;
  padding: 5px 12px; min-height: 18px; }
QPushButton:hover { background: $surface_alt; }
QPushButton:pressed { background: $border; }
QPushButton:disabled { color: $text_disabled; background: $window; }
QPushButton:focus { border: 2px solid $accent; padding: 4px 11px; }
QToolButton:focus { border: 2px solid $accent; padding: 2px 5px; }
QPushButton[role="primary"], #primaryButton { background: $accent; color: $on_accent;
  border: 1px solid $accent; font-weight: 600; }
QPushButton[role="primary"]:hover, #primaryButton:hover { background: $accent_hover; }
QPushButton[role="primary"]:focus, #primaryButton:focus { border: 2px solid $text; }
QPushButton[role="primary"]:disabled, #primaryButton:disabled { background: $border;
  color: $text_disabled; border-color: $border; }
QPushButton[role="danger"], #dangerButton { background: $danger_fill; color: $on_accent;
  border: 1px solid $danger_fill; font-weight: 600; }
QPushButton[role="danger"]:focus, #dangerButton:focus { border: 2px solid $text; }
QPushButton[role="danger"]:disabled, #dangerButton:disabled { background: $danger_soft;
  color: $text_disabled; }
QPushButton[role="quiet"], QToolButton[role="quiet"] { background: transparent;
  border: 1px solid transparent; color: $accent_text; }
QPushButton[role="quiet"]:hover, QToolButton[role="quiet"]:hover { background: $surface_alt; }
QToolButton[role="quiet"]::menu-indicator { image: none; width: 0; }
QToolButton { color: $text; border: 1px solid transparent; border-radius: 6px; padding: 3px 6px; }
QToolButton:hover { background: $surface_alt; border-color: $border; }
QToolButton:checked { background: $accent_soft; border-color: $accent; }
#editClientButton { border: 1px solid $border; border-radius: 6px; padding: 5px 10px;
  background: $surface; }
#editClientButton:focus { border: 2px solid $accent; padding: 4px 9px; }

/* inputs and lists: one frame, a 2-px accent ring on focus (padding keeps the size). Spin,
   date and time boxes keep the Fusion style's own frame (drawn from the scheme's palette):
   a style-sheet frame would make Qt draw their up/down buttons from the sheet too, as bare
   lines without arrows. */
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox { border: 1px solid $border; border-radius: 5px;
  padding: 3px 5px; background: $surface; color: $text; selection-background-color: $accent;
  selection-color: $on_accent; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {
  border: 2px solid $accent; padding: 2px 4px; }
QLineEdit:disabled, QComboBox:disabled { color: $text_disabled; background: $window; }
QComboBox::drop-down { border: none; width: 18px; }
QListView, QTreeView, QTableView, QListWidget, QTreeWidget, QTableWidget {
  border: 1px solid $border; border-radius: 4px; background: $surface; color: $text;
  alternate-background-color: $surface_alt; selection-background-color: $accent_soft;
  selection-color: $text; outline: none; }
QListView:focus, QTreeView:focus, QTableView:focus, QListWidget:focus, QTreeWidget:focus,
QTableWidget:focus { border: 2px solid $accent; }
QHeaderView::section { background: $window; color: $text_muted; border: none;
  border-bottom: 1px solid $border; padding: 4px 6px; }
QTabWidget::pane { border: 1px solid $border; border-radius: 4px; top: -1px; }
QTabBar::tab:focus { color: $accent_text; }
QCheckBox:focus, QRadioButton:focus { color: $accent_text; }
QMenu { background: $surface; color: $text; border: 1px solid $border; padding: 4px; }
QMenu::item { padding: 5px 24px 5px 8px; border-radius: 4px; }
QMenu::item:selected { background: $accent_soft; color: $text; }
QMenu::item:disabled { color: $text_disabled; }
QMenu::separator { height: 1px; background: $border; margin: 4px 6px; }
QMenuBar { background: $window; color: $text; }
QMenuBar::item:selected { background: $surface_alt; }
QStatusBar { background: $window; color: $text_muted; }
QScrollArea { background: transparent; }
#syncStatus { color: $text_muted; border: 1px solid transparent; border-radius: 10px;
  padding: 2px 8px; }
#syncStatus[outcome="ok"] { color: $success; background: $success_soft; border-color: $success; }
#syncStatus[outcome="warning"] { color: $warning; background: $warning_soft;
  border-color: $warning; }
#syncStatus[outcome="error"] { color: $danger; background: $danger_soft; border-color: $danger; }
#shortcutsDialog QTreeWidget::item { padding: 3px 4px; }
#emptyState { background: $surface; border: 1px dashed $border; border-radius: 10px; }
#chartPanel { background: $surface; border: 1px solid $border; border-radius: 8px; }
"""
)


def stylesheet(scheme: Scheme) -> str:
    values = {k: v for k, v in vars(scheme).items()}
    values.update(TYPE_SCALE)
    return _SHEET.substitute(values)

"""Translation for the headless core.

The core speaks through ``QCoreApplication.translate`` so that ``pyside6-lupdate`` extracts
its strings like the widgets' ``self.tr``. QtCore is cheap to import and needs no
application object: without an installed translator the English source text is returned.
Call it literally as ``translate("Context", "text")`` so lupdate finds the string.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

translate = QCoreApplication.translate

SUPPORTED_LANGUAGES = ("fr", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []


def system_language() -> str:
    """The user's language if we ship it, else English."""
    env = os.environ.get("TRIBUNE_LANG")
    if env:
        return normalise_language(env)
    name = QLocale.system().name() or (locale.getlocale()[0] or "")
    return normalise_language(name)


def normalise_language(value: str) -> str:
    code = (value or "").split("_")[0].split("-")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else "en"


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files live (also inside a PyInstaller bundle)."""
    override = os.environ.get("TRIBUNE_RESOURCES")
    if override:
        return Path(override) / "translations"
    return TRANSLATIONS_DIR


def install_translators(language: str) -> list[str]:
    """Install every ``*_<language>.qm`` found, replacing earlier ones.

    Each area of the app ships its own catalogue (``core_fr.qm``, ``charter_fr.qm``...), so
    they are loaded side by side. Returns the names loaded, for diagnostics.
    """
    app = QCoreApplication.instance()
    for tr in _installed:
        QCoreApplication.removeTranslator(tr)
    _installed.clear()
    loaded: list[str] = []
    if language == "en":
        return loaded
    for qm in sorted(translations_dir().glob(f"*_{language}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            QCoreApplication.installTranslator(tr)
            _installed.append(tr)
            loaded.append(qm.name)
    # Qt's own strings (standard buttons, dialogs) when Qt ships them.
    from PySide6.QtCore import QLibraryInfo

    qt_tr = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_tr.load(f"qtbase_{language}", qt_dir):
        QCoreApplication.installTranslator(qt_tr)
        _installed.append(qt_tr)
        loaded.append(f"qtbase_{language}")
    return loaded

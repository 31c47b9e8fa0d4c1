"""Translation for the headless core.

The core speaks through ``QCoreApplication.translate`` so that ``pyside6-lupdate`` extracts
its strings like the widgets' ``self.tr``. QtCore is cheap to import and needs no
application object: without an installed translator the English source text is returned.
Call it literally as ``translate("Context", "text")`` so lupdate finds the string.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

translate = QCoreApplication.translate

SUPPORTED_LANGUAGES = ("fr", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []
_LOCALES: dict[str, QLocale] = {}


def language_locale(language: str) -> QLocale:
    """The QLocale of a language Tribune speaks ("fr" → French of France, anything else
    British English): its digits, separators and plural rules."""
    key = "fr" if language == "fr" else "en"
    if key not in _LOCALES:
        _LOCALES[key] = (
            QLocale(QLocale.Language.French, QLocale.Country.France)
            if key == "fr"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
    return _LOCALES[key]


def number(value: int) -> str:
    """An integer as the interface's language writes it ("1 500" / "1,500"): the default
    QLocale, which :func:`install_translators` sets."""
    return QLocale().toString(value)


def system_language() -> str:
    """The user's language if we ship it, else English."""
    env = os.environ.get("TRIBUNE_LANG")
    if env:
        return normalise_language(env)
    name = QLocale.system().name()
    if not name:  # Qt found no system locale: ask Python's (imported only then, ~2 ms)
        import locale

        name = locale.getlocale()[0] or ""
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
    # "%Ln" in a counted string ("%Ln messages") is written with the default locale's digits
    # and separators: "12 345" in French, "12,345" in English — the interface's language.
    QLocale.setDefault(language_locale(language))
    for tr in _installed:
        QCoreApplication.removeTranslator(tr)
    _installed.clear()
    loaded: list[str] = []
    # English is the source language: its one catalogue, plurals_en, holds the singular and
    # plural of the counted strings ("%Ln message(s)")
    for qm in sorted(translations_dir().glob(f"*_{language}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            QCoreApplication.installTranslator(tr)
            _installed.append(tr)
            loaded.append(qm.name)
    if language == "en":
        return loaded
    # Qt's own strings (standard buttons, dialogs) when Qt ships them.
    from PySide6.QtCore import QLibraryInfo

    qt_tr = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_tr.load(f"qtbase_{language}", qt_dir):
        QCoreApplication.installTranslator(qt_tr)
        _installed.append(qt_tr)
        loaded.append(f"qtbase_{language}")
    return loaded


# -- documents in their own language -----------------------------------------------------
# A charter, a report or an approval sheet is written in the client's language, possibly not
# the interface's, often on a worker thread. The app's translators are global: switching them
# would re-translate the whole interface. Instead a document sets its language for the
# current context only and its strings go through document_translate, which reads the
# catalogues of that language (loaded once, then only read).
# (language, its catalogues) inside document_language, else None
_Current = tuple[str, tuple[QTranslator, ...]]
_document: contextvars.ContextVar[_Current | None] = contextvars.ContextVar(
    "tribune_document_language", default=None
)
_catalogues: dict[str, tuple[QTranslator, ...]] = {}
_catalogues_lock = threading.Lock()


def _catalogues_for(language: str) -> tuple[QTranslator, ...]:
    with _catalogues_lock:
        if language not in _catalogues:
            loaded = []
            for qm in sorted(translations_dir().glob(f"*_{language}.qm")):  # en: plurals
                translator = QTranslator()
                if translator.load(str(qm)):
                    loaded.append(translator)
            _catalogues[language] = tuple(loaded)
        return _catalogues[language]


@contextlib.contextmanager
def document_language(language: str) -> Iterator[str]:
    """Within the block, :func:`document_translate` speaks ``language`` ("fr", "en"; any
    other is English); yields the language used."""
    language = normalise_language(language)
    token = _document.set((language, _catalogues_for(language)))
    try:
        yield language
    finally:
        _document.reset(token)


def document_translate(
    context: str, text: str, disambiguation: str | None = None, n: int = -1
) -> str:
    """Like :data:`translate`, in the document's language inside :func:`document_language`.

    Modules that write documents bind it as ``translate`` so lupdate extracts their strings."""
    current = _document.get()
    if current is None:
        return translate(context, text, disambiguation, n)
    language, translators = current
    for translator in translators:
        found = translator.translate(context, text, disambiguation, n)
        if found:
            return _counted(found, n, language)
    return _counted(text, n, language)


def _counted(text: str, n: int, language: str) -> str:
    """What QCoreApplication.translate does to a counted string, which QTranslator.translate
    does not: "%n" becomes the count, "%Ln" the count in the document's locale ("1 250")."""
    if n < 0 or "%" not in text:
        return text
    return text.replace("%Ln", language_locale(language).toString(n)).replace("%n", str(n))

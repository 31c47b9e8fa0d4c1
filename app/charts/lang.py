"""Translation in a language chosen per report, without touching the app's own language.

The app's translators are global (``QCoreApplication.installTranslator``): switching them from
a worker to write a French report while the interface is in English would re-translate the
whole interface. Instead :func:`report_language` loads the catalogues of one language for the
current thread only, and :func:`translate` (same call shape as ``app.i18n.translate``, so
lupdate extracts its strings) uses them while the block runs. Outside such a block it is the
app's ``QCoreApplication.translate``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTranslator

from app.i18n import normalise_language, translations_dir
from app.i18n import translate as app_translate

_local = threading.local()


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    translators = getattr(_local, "translators", None)
    if translators is None:
        return app_translate(context, text, disambiguation, n)
    for translator in translators:
        out = translator.translate(context, text, disambiguation, n)
        if out:
            return out
    return text


def _load(language: str) -> list[QTranslator]:
    loaded = []
    if language == "en":  # the source language: no catalogue
        return loaded
    for qm in sorted(translations_dir().glob(f"*_{language}.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            loaded.append(translator)
    return loaded


@contextmanager
def report_language(language: str) -> Iterator[str]:
    """Within the block, :func:`translate` on this thread speaks ``language`` ("fr", "en")."""
    language = normalise_language(language)
    previous = getattr(_local, "translators", None)
    _local.translators = _load(language)
    try:
        yield language
    finally:
        _local.translators = previous

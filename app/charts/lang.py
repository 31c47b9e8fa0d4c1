"""Translation in a language chosen per report, without touching the app's own language.

The charts and the monthly report use the shared mechanism of :mod:`app.i18n`:
``report_language`` is :func:`app.i18n.document_language` and ``translate`` is
:func:`app.i18n.document_translate` (same call shape as ``app.i18n.translate``, so lupdate
extracts the strings of the modules that call it).
"""

from __future__ import annotations

from app.i18n import document_language as report_language
from app.i18n import document_translate as translate

__all__ = ["report_language", "translate"]

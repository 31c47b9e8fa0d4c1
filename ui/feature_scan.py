"""PySide6's import hook without its source reads: every module imported after Qt got cheaper.

Importing ``PySide6.QtCore`` replaces ``__import__`` with a hook (``shibokensupport.feature``,
which serves ``from __feature__ import snake_case, true_property``). For each module imported
afterwards it asks whether the module "uses PySide" by reading the module's whole source file
(``inspect.getsource``) and searching it for "PySide6". Measured on 5 December 2026: the
complete window's ~40 modules after Qt cost only ~2-4 ms of it (their files are in the OS
cache), but the database's opening imports SQLAlchemy's ~300 and the models: 35-90 ms of CPU
time more with the scan (docs/pitfalls.md), all before the client's area can show.

:func:`install` answers the same question from what the module holds instead: a module that
imported anything from PySide6 uses PySide (default 0, "no feature"), any other module is
ignored (-1) — the answer PySide itself gives to a module without a readable source, as in a
frozen (PyInstaller) build. Tribune selects no ``__feature__`` (a test checks the tree), so both
answers mean "the normal Qt API"; nothing else changes. If PySide's internals change, the hook
is left as it is (the app is only slower).
"""

from __future__ import annotations

import sys
import types


def uses_pyside(module: types.ModuleType) -> bool:
    """True if ``module`` holds a PySide6 module, class or function (read from its globals,
    not its source)."""
    if not str(getattr(module, "__file__", "") or "").endswith(".py"):
        return False  # no source: PySide's own scan says False too (extension modules)
    for value in list(getattr(module, "__dict__", {}).values()):
        name = (
            getattr(value, "__module__", None)
            if not isinstance(value, types.ModuleType)
            else value.__name__
        )
        if isinstance(name, str) and name.startswith(("PySide6", "shiboken6")):
            return True
    return False


def install() -> bool:
    """Replace the hook's source scan (after ``PySide6.QtCore`` is imported); True if done."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True

"""Where log records go: a rotating file in the data folder, never the user's terminal.

Without a handler, Python prints warnings and errors (tracebacks included) on stderr, which
breaks the CLI contract (one clear line) and could show details a user should not see.
httpx logs every request URL at INFO: kept at WARNING so no query string reaches the file.
"""

from __future__ import annotations

import logging
import logging.handlers

_configured = False


def configure_logging(level: int = logging.INFO) -> str | None:
    """Send log records to ``<data folder>/logs/tribune.log``; returns its path."""
    global _configured
    if _configured:
        return None
    from app.config import data_dir

    root = logging.getLogger()
    try:
        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "tribune.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        path = str(folder / "tribune.log")
    except OSError:
        handler, path = logging.NullHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _configured = True
    return path

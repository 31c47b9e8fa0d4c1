"""The ``tribune`` entry point: the CLI for a command, the desktop app for none.

Kept free of QtWidgets at import time so that CLI commands stay headless and fast. The
desktop app's own arguments (none, or ``--db URL``) are recognised here without the CLI's
parser: opening the app does not import :mod:`app.cli` (~15 ms of start-up: argparse, json,
logging, the error classes), which only a command needs.
"""

from __future__ import annotations

import sys


def app_arguments(argv: list[str]) -> tuple[bool, str | None]:
    """(True, URL) if ``argv`` only opens the app (URL None: the saved database); (False,
    None) for anything else, which the CLI parses (a command, --help, a malformed --db)."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > 5:
        return True, argv[0][5:]
    return False, None


def _run_app(url: str | None) -> int:
    from ui.application import run

    return run(db_url=url)


def _open_gui(args) -> int:
    return _run_app(args.db)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    app_only, url = app_arguments(args)
    if app_only:
        return _run_app(url)
    from app.cli import main as cli_main

    return cli_main(args, open_gui=_open_gui)


if __name__ == "__main__":
    sys.exit(main())

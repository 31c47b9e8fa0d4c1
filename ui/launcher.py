"""The ``tribune`` entry point: the CLI for a command, the desktop app for none.

Kept free of QtWidgets at import time so that CLI commands stay headless and fast.
"""

from __future__ import annotations

import sys


def _open_gui(args) -> int:
    from ui.application import run

    return run(db_url=args.db)


def main(argv: list[str] | None = None) -> int:
    from app.cli import main as cli_main

    return cli_main(argv, open_gui=_open_gui)


if __name__ == "__main__":
    sys.exit(main())

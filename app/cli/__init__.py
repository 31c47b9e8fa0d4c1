"""The ``tribune`` command line: the same services as the desktop app.

A fixed contract (see the README): exit 0 on success; a user error prints one clear line on
stderr and exits 1; ``--json`` prints machine-readable output. ``tribune`` with no command
opens the desktop app, which the launcher in ``ui`` passes in as ``open_gui`` (the core never
imports the UI).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import itertools
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import app
from app.errors import TribuneError

if TYPE_CHECKING:  # the database layer is imported by the first command that needs it
    from app.db import Database

# Each feature registers its subcommands from its own module; the top-level command names
# it registers are listed here so that a command imports only its own module (and its
# services): `tribune client list` never loads the calendar, the inbox or the PDF code.
COMMAND_MODULES = {
    "app.cli.clients": ("client", "account"),
    "app.cli.system": ("demo", "backup", "restore", "db"),
    # FEATURE-CLI-BEGIN
    "app.cli.calendar": ("calendar",),
    "app.cli.inbox": ("inbox",),
    "app.cli.report": ("report", "metrics"),
    "app.cli.charter": ("charter",),
    "app.cli.sync": ("sync", "account"),  # account reconnect
    "app.cli.people": ("people",),
    "app.cli.listening": ("listening",),
    "app.cli.agency": ("agency",),
    "app.cli.post": ("post",),
    # FEATURE-CLI-END
}

log = logging.getLogger("tribune")


def translate(context: str, text: str) -> str:
    """:func:`app.i18n.translate`, imported when first needed: ``tribune --version`` loads
    neither Qt nor SQLAlchemy."""
    from app.i18n import translate as qt_translate

    return qt_translate(context, text)


def _load_libraries(argv: Sequence[str]) -> None:
    """SQLAlchemy (and the database's driver) before Qt: once PySide6 is imported, its
    ``__feature__`` import hook reads the source of every module imported after it — about
    90 ms of the command's start for SQLAlchemy's 300 modules (docs/pitfalls.md)."""
    import sqlalchemy.orm

    explicit = next((b for a, b in itertools.pairwise(argv) if a == "--db"), None)
    url = explicit or os.environ.get("TRIBUNE_DB") or "sqlite"
    if url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
            import sqlalchemy.dialects.postgresql.psycopg
        except ImportError:  # the database layer says what is missing, in one line
            pass
    else:
        import sqlite3  # noqa: F401

        import sqlalchemy.dialects.sqlite  # noqa: F401


class CliContext:
    """What a subcommand needs: the database (opened and migrated on first use) and output."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from app.db import open_database

            self._db = open_database(self.args.db)
        return self._db

    def emit(self, data: Any, human: str | Callable[[], str]) -> None:
        """Print ``data`` as JSON with ``--json``, else the human text."""
        if getattr(self.args, "json", False):
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            text = human() if callable(human) else human
            if text:
                print(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one clear line, exit 1 (argparse's default is 2)
        hint = translate("Cli", "see {command} --help").format(command=self.prog)
        print(f"tribune: {one_line(message)} ({hint})", file=sys.stderr)
        sys.exit(1)


def _command_of(argv: Sequence[str]) -> str | None:
    """The top-level command named in ``argv`` (skipping ``--db URL``), if any."""
    args = iter(argv)
    for arg in args:
        if arg == "--db":
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv``, only the module of the command it names is imported
    (every module for ``--help``, no command or an unknown one)."""
    parser = _Parser(
        prog="tribune",
        description=translate(
            "Cli", "Community management for agencies. With no command, opens the desktop app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"tribune {app.__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help=translate("Cli", "database URL (else $TRIBUNE_DB, else SQLite in the data folder)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    command = _command_of(argv) if argv is not None else None
    modules = [m for m, names in COMMAND_MODULES.items() if command in names] or list(
        COMMAND_MODULES
    )
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help=translate("Cli", "print machine-readable JSON")
    )


def main(
    argv: Sequence[str] | None = None, open_gui: Callable[[argparse.Namespace], int] | None = None
) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if open_gui is not None:
        pre = argparse.ArgumentParser(add_help=False)
        pre.add_argument("--db")
        known, rest = pre.parse_known_args(argv)
        if not rest:  # no command: the desktop app creates its own QApplication
            return open_gui(known)
    if argv == ["--version"]:  # before any parser: nothing of the features is imported
        print(f"tribune {app.__version__}")
        return 0
    _load_libraries(argv)
    _exit_without_collecting()
    from app.i18n import install_translators, system_language
    from app.qt import ensure_app

    ensure_app()
    install_translators(system_language())
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    from app.logs import configure_logging

    ctx = CliContext(args)
    from app import db_busy

    db_busy.add_listener(_say_waiting_once)
    try:
        configure_logging()  # in the data folder: TRIBUNE_HOME may name a file
        return int(args.handler(ctx) or 0)
    except TribuneError as exc:
        print(f"tribune: {one_line(exc.message)}", file=sys.stderr)
        return 1
    except OverflowError as exc:  # input beyond what a date or a column holds
        _write_crash_log()
        print(f"tribune: {_out_of_range(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(translate("Cli", "tribune: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback on the user's terminal
        from app import db_busy

        if db_busy.is_busy_error(exc):  # a write outside a unit of work gave up waiting
            print(f"tribune: {db_busy.message()}", file=sys.stderr)
            return 1
        if isinstance(exc, ValueError) and "null" in str(exc):  # a path with a NUL in it
            print(
                translate("Cli", "tribune: a file name or a value contains a NUL character."),
                file=sys.stderr,
            )
            return 1
        if isinstance(exc, UnicodeEncodeError) and "surrogates" in str(exc):
            # a lone surrogate (from a script, not a terminal) cannot name a file on disk
            print(
                translate(
                    "Cli", "tribune: a file name or a value contains a character that is not text."
                ),
                file=sys.stderr,
            )
            return 1
        path = _write_crash_log()
        if _is_refused_value(exc):  # PostgreSQL: NUL character, string too long, int range
            print(f"tribune: {_out_of_range(exc)}", file=sys.stderr)
            return 1
        if type(exc).__name__ == "Error" and type(exc).__module__ == "_csv":
            print(
                translate("Cli", "tribune: the CSV file is malformed: {reason}").format(
                    reason=str(exc).splitlines()[0] if str(exc) else "?"
                ),
                file=sys.stderr,
            )
            return 1
        print(
            translate("Cli", "tribune: unexpected error ({kind}); details in {path}").format(
                kind=type(exc).__name__, path=path
            ),
            file=sys.stderr,
        )
        return 2
    finally:
        db_busy.remove_listener(_say_waiting_once)
        if ctx._db is not None:
            ctx._db.dispose()


_said: set[str] = set()


def _exit_without_collecting() -> None:
    """At exit, move every object out of the garbage collector's reach: the process ends
    without the final full collection over SQLAlchemy's and the models' objects (about 100 ms
    of a command's run; the database is closed and the logs flushed before, not by it)."""
    if "exit" not in _said:
        _said.add("exit")
        atexit.register(gc.freeze)


def one_line(message: str) -> str:
    """A message on one line whatever it quotes: a name or a file's bytes with a newline or
    a control character show them escaped (never a second line, never raw bytes)."""
    text = message.strip()
    if text.isprintable():
        return text
    # the non-breaking spaces of French typography ("à 10:42 : …") are text, not controls
    return "".join(
        ch if ch.isprintable() or ch in "\u00a0\u202f" else repr(ch)[1:-1] for ch in text
    )


def _say_waiting_once(waiting: bool) -> None:
    """A write behind another process's: one line on stderr, the first time only."""
    if waiting and "waiting" not in _said:
        _said.add("waiting")
        from app import db_busy

        print(f"tribune: {db_busy.waiting_message()}", file=sys.stderr, flush=True)


def _is_refused_value(exc: BaseException) -> bool:
    """SQLAlchemy's DataError (checked by name: importing SQLAlchemy here would slow
    ``tribune --version``), or a statement that failed on an out-of-range value."""
    if type(exc).__name__ == "DataError" and type(exc).__module__.startswith("sqlalchemy"):
        return True
    orig = getattr(exc, "orig", None)
    return isinstance(orig, OverflowError | ValueError) and (
        "out of range" in str(orig) or "too large" in str(orig)
    )


def _out_of_range(exc: BaseException) -> str:
    if isinstance(exc, OverflowError):
        return translate("Cli", "a date or a number is out of the range Tribune handles.")
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return translate("Cli", "the database refused a value: {reason}").format(
        reason=reason[0][:200] if reason else type(exc).__name__
    )


def _write_crash_log() -> str:
    from app.config import data_dir

    try:
        path = data_dir() / "crash.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc())
            fh.write("\n")
        return str(path)
    except (OSError, TribuneError):
        return "-"

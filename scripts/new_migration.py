"""Autogenerate a migration against a scratch SQLite database at the current heads.

Usage: python scripts/new_migration.py REVISION_ID "message" [--down REV] [--depends REV,...]

Each feature owns one migration branching from ``0001_foundation`` (Alembic upgrades to
"heads"), so parallel features never fight over the chain.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from alembic import command

from app.db import Database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("revision")
    parser.add_argument("message")
    parser.add_argument("--down", default=None, help="parent revision (default: current heads)")
    parser.add_argument("--depends", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'scratch.sqlite3'}")
        cfg = db._alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            if args.down:
                command.upgrade(cfg, args.down)
            elif db.head_revisions():
                command.upgrade(cfg, "heads")
            command.revision(
                cfg,
                message=args.message,
                autogenerate=True,
                rev_id=args.revision,
                head=args.down or "head",
                depends_on=args.depends.split(",") if args.depends else None,
                branch_label=None,
            )


if __name__ == "__main__":
    main()

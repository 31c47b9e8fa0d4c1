"""Engine, sessions and migrations for SQLite (embedded) and PostgreSQL (shared).

One :class:`Database` per process and URL. Every write goes through :meth:`Database.session`,
a unit of work that commits on success and rolls back on any exception, so a crash or a
killed process leaves the database as it was before the block.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app import db_busy as busy
from app.db_files import (
    _file_lock,
    _password_from_keyring,
    _raise_if_refused,
    _short_reason,
    copy_sqlite_file,
)
from app.db_pool import ping_when_idle
from app.db_sqlite import (
    _redact,
    _sqlite_begin,
    _sqlite_pragmas,
)
from app.db_writes import (  # noqa: F401  (re-exported)
    _insert_ignore,
    _sqlite_plan,
    bulk_insert,
    insert_ignore,
)
from app.errors import Conflict, StorageError
from app.i18n import translate

if TYPE_CHECKING:  # Alembic is imported only when the schema is behind
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration. Start-up compares it with the database's ``alembic_version`` in plain
# SQL, so an up-to-date database is opened without importing Alembic (~100 ms); a test checks
# it against Alembic's own head, so a new migration cannot forget it.
# pg_advisory_lock key of the schema migration (any constant the app uses nowhere else).
MIGRATION_LOCK_KEY = 0x7472_6962_756E_6501  # "tribune" + 1
SCHEMA_HEAD = "0031_media_alt"


class Database:
    """A database reachable at ``url``, migrated to the latest schema by :meth:`upgrade`."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise StorageError(
                translate("Storage", "Invalid database URL: {url}").format(url=url)
            ) from exc
        self.dialect = parsed.get_backend_name()
        if self.dialect == "postgresql" and parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        if self.dialect == "postgresql" and parsed.username and parsed.password is None:
            parsed = _password_from_keyring(parsed)
        if self.dialect == "sqlite":
            path = parsed.database
            if path and path != ":memory:":
                folder = Path(path).expanduser().parent
                if not folder.is_dir():
                    raise StorageError(
                        translate("Storage", "The database folder does not exist: {path}").format(
                            path=folder
                        )
                    )
            self.engine: Engine = create_engine(parsed, echo=echo)
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        elif self.dialect == "postgresql":
            # One connection kept per seat (plus the change feed's LISTEN): twenty seats
            # stay far below the server's max_connections. Parallel work (a sync's lock, two
            # tasks at once) borrows overflow connections, closed when given back.
            self.engine = create_engine(
                parsed,
                echo=echo,
                pool_size=1,
                max_overflow=8,
                connect_args=busy.postgresql_connect_args(),
            )
            busy.watch_postgresql(self.engine)  # a lock wait says so after 1 s, like SQLite
            ping_when_idle(self.engine)
        else:
            raise StorageError(
                translate(
                    "Storage", "Unsupported database (use sqlite or postgresql): {url}"
                ).format(url=_redact(url))
            )
        from app.services.people import audit_edits

        audit_edits.install()  # the before/after of people's edits, in the audit trail
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(tribune_write=True), expire_on_commit=False
        )
        self._install_change_feed()

    def _install_change_feed(self) -> None:
        """Every unit of work logs what it changed for the other seats (app.changes): the one
        place where the change feed hooks into the sessions."""
        from app import changes  # the models: imported with the database, after first paint

        changes.install(self._write_sessions)

    # -- sessions ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commit when the block ends, roll back on any exception.

        On SQLite it holds the write lock from its first statement: keep it short and never
        wait on the network inside it.
        """
        session = self._write_sessions()
        try:
            yield session
            session.commit()
        except StaleDataError:
            # two saves of the same row raced between read and write: never a raw error
            session.rollback()
            raise Conflict(
                translate(
                    "Versions", "Someone else saved the same thing at the same moment; try again."
                )
            ) from None
        except SQLAlchemyError as exc:
            session.rollback()
            busy.raise_if_gave_up_after_batches(session, exc)
            _raise_if_refused(exc)
            raise
        except BaseException as exc:
            session.rollback()
            busy.raise_if_gave_up_after_batches(session, exc)
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end, whatever happened: ``close`` ends
        its transaction with a rollback and gives the connection back, in one step)."""
        session = self._sessions()
        try:
            yield session
        except SQLAlchemyError as exc:
            _raise_if_refused(exc)
            raise
        finally:
            session.close()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        path = self.engine.url.database
        return Path(path) if path and path != ":memory:" else None

    def display_url(self) -> str:
        return _redact(self.url)

    def dispose(self) -> None:
        self.engine.dispose()

    # -- schema -----------------------------------------------------------------------------
    def _alembic_config(self) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        return cfg

    def current_revisions(self) -> set[str]:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())

    def head_revisions(self) -> set[str]:
        from alembic.script import ScriptDirectory

        return set(ScriptDirectory.from_config(self._alembic_config()).get_heads())

    def needs_upgrade(self) -> bool:
        if self._stamped_revisions() == {SCHEMA_HEAD}:
            return False
        return self.current_revisions() != self.head_revisions()

    def _stamped_revisions(self) -> set[str]:
        """The revisions recorded in ``alembic_version``, read without Alembic (empty if none)."""
        try:
            with self.engine.connect() as conn:
                return {
                    row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))
                }
        except SQLAlchemyError:
            return set()

    def upgrade(self) -> None:
        """Bring the schema to the latest revision; keep a copy of a SQLite file first.

        Several seats may start at once: one migrates while the others wait, then each
        re-reads the revision and finds nothing left to do. On PostgreSQL the wait is a
        session-level ``pg_advisory_lock`` held by the very connection that migrates (a
        killed seat's lock goes with its connection); on SQLite an exclusive lock on a file
        beside the database (``BEGIN IMMEDIATE`` alone would give up after the busy timeout).
        """
        try:
            if not self.needs_upgrade():
                return
            self._refuse_newer()
            if self.is_sqlite:
                with _file_lock(self.sqlite_path):
                    if self.needs_upgrade():  # another seat may have done it meanwhile
                        self._upgrade_sqlite()
            else:
                self._upgrade_postgresql()
        except OperationalError as exc:
            raise StorageError(
                translate("Storage", "Cannot open the database {url}: {reason}").format(
                    url=self.display_url(), reason=_short_reason(exc)
                )
            ) from None
        except SQLAlchemyError as exc:
            raise StorageError(
                translate("Storage", "Cannot update the database {url}: {reason}").format(
                    url=self.display_url(), reason=_short_reason(exc)
                )
            ) from None

    def _upgrade_sqlite(self) -> None:
        from alembic import command

        self._backup_before_migration()
        cfg = self._alembic_config()
        # A batch migration of a parent table fails with foreign keys on (docs/pitfalls.md): turn
        # them off outside the transaction, check them after.
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            if problems:
                raise StorageError(
                    translate("Storage", "Migration left broken references: {n}").format(
                        n=len(problems)
                    )
                )

    def _upgrade_postgresql(self) -> None:
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        cfg = self._alembic_config()
        heads = self.head_revisions()
        with self.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            conn.commit()
            try:
                if set(MigrationContext.configure(conn).get_current_heads()) != heads:
                    conn.commit()
                    with conn.begin():
                        cfg.attributes["connection"] = conn
                        command.upgrade(cfg, "heads")
                else:
                    conn.commit()
            finally:
                try:
                    conn.rollback()
                    conn.execute(
                        text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                    conn.commit()
                except SQLAlchemyError:  # connection gone: the server dropped the lock too
                    conn.invalidate()

    def _refuse_newer(self) -> None:
        """A database stamped with a revision this Tribune does not know comes from a newer
        one: refuse it in one line (migrating "down" would lose its data)."""
        from alembic.script import ScriptDirectory

        known = {
            r.revision for r in ScriptDirectory.from_config(self._alembic_config()).walk_revisions()
        }
        unknown = self._stamped_revisions() - known
        if unknown:
            raise StorageError(
                translate(
                    "Storage",
                    "The database {url} was written by a newer Tribune ({revs}): update Tribune "
                    "to open it.",
                ).format(url=self.display_url(), revs=", ".join(sorted(unknown)))
            )

    def _backup_before_migration(self) -> Path | None:
        path = self.sqlite_path
        if path is None or not path.exists() or path.stat().st_size == 0:
            return None
        with self.engine.connect() as conn:
            if not inspect(conn).get_table_names():
                return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.before-migration-{stamp}")
        copy_sqlite_file(path, target)
        return target

    def check_connection(self) -> None:
        """Raise :class:`StorageError` with a readable reason when unreachable."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            raise StorageError(
                translate("Storage", "Cannot open the database {url}: {reason}").format(
                    url=self.display_url(), reason=_short_reason(exc)
                )
            ) from None


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (and by default migrate) the database the user configured."""
    from app.config import database_url

    db = Database(database_url(url))
    if upgrade:
        _check_access(db)
        db.upgrade()
        _identify(db)
    return db


__all__ = ["Database", "bulk_insert", "copy_sqlite_file", "insert_ignore", "open_database"]


def _check_access(db: Database) -> None:
    """A login of the server that is not one of the agency's people: say so, before the
    upgrade would report a refused table."""
    if db.is_sqlite:
        return
    try:
        with db.engine.connect() as conn:
            login, allowed = conn.execute(
                text(
                    "SELECT current_user, to_regclass('alembic_version') IS NULL"
                    " OR has_table_privilege('alembic_version', 'SELECT')"
                )
            ).one()
    except SQLAlchemyError:
        return  # unreachable: the upgrade says why, with the address
    if not allowed:
        from app.errors import PermissionDenied

        raise PermissionDenied(
            translate(
                "Storage",
                "The login {login} is not one of the agency's people on this database: ask an "
                "administrator to add you.",
            ).format(login=login)
        )


def _identify(db: Database) -> None:
    """Who this process acts as: the connection's login on PostgreSQL (never a typed name)."""
    from app.services import people
    from app.services.people import actor

    with db.session() as session:
        person = people.whoami(session)
        people.touch(session)
    # Unenforced (a local file, a maintenance superuser): the OS user, looked up each time.
    actor.set_identity(person.login if person.enforced else None, person.name)


__all__ = ["Database", "bulk_insert", "copy_sqlite_file", "open_database"]

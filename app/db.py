"""Engine, sessions and migrations for SQLite (embedded) and PostgreSQL (shared).

One :class:`Database` per process and URL. Every write goes through :meth:`Database.session`,
a unit of work that commits on success and rolls back on any exception, so a crash or a
killed process leaves the database as it was before the block.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Table, create_engine, event, insert, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app import db_busy as busy
from app.errors import Conflict, StorageError
from app.i18n import translate

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration. Start-up compares it with the database's ``alembic_version`` in plain
# SQL, so an up-to-date database is opened without importing Alembic (~100 ms); a test checks
# it against Alembic's own head, so a new migration cannot forget it.
# pg_advisory_lock key of the schema migration (any constant the app uses nowhere else).
MIGRATION_LOCK_KEY = 0x7472_6962_756E_6501  # "tribune" + 1
SCHEMA_HEAD = "0023_rights_more"


def _redact(url: str) -> str:
    """A URL safe to show: never print a database password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - exercised via engine
    # Let SQLAlchemy emit BEGIN itself so that DDL is transactional too (docs/pitfalls.md).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(busy.timeout() * 1000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:  # pragma: no cover - exercised via engine
    # A unit of work takes the write lock up front (BEGIN IMMEDIATE, waiting up to the busy
    # timeout). A deferred transaction that reads first and writes later fails at once with
    # "database is locked" in WAL mode when another connection committed in between: its
    # snapshot is stale and SQLite cannot upgrade it, whatever the busy timeout.
    if conn.get_execution_options().get("tribune_write"):
        busy.begin_immediate(conn)
    else:
        conn.exec_driver_sql("BEGIN")


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
                pool_pre_ping=True,
                pool_size=1,
                max_overflow=8,
                connect_args=busy.postgresql_connect_args(),
            )
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
            _raise_if_refused(exc)
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end, whatever happened)."""
        session = self._sessions()
        try:
            yield session
        except SQLAlchemyError as exc:
            _raise_if_refused(exc)
            raise
        finally:
            session.rollback()
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
    def _alembic_config(self):
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


@contextlib.contextmanager
def _file_lock(database: Path | None) -> Iterator[None]:
    """An exclusive lock on ``<database>.lock`` for the time of the block (waits for it)."""
    if database is None:  # in memory: one process only
        yield
        return
    handle = open(database.with_name(database.name + ".lock"), "a+b")  # noqa: SIM115
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt
            import time

            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    time.sleep(0.2)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        handle.close()  # closing releases the lock on every system


def _password_from_keyring(parsed):
    """A shared database's password lives in the keyring, keyed by server and login."""
    from app import secrets

    try:
        if not secrets.backend_available():
            return parsed
        password = secrets.database_password(
            f"{parsed.host or 'localhost'}:{parsed.port or 5432}", parsed.username
        )
    except Exception:  # a locked or broken keyring: let the server ask (e.g. ~/.pgpass)
        return parsed
    return parsed.set(password=password) if password else parsed


def _raise_if_refused(exc: SQLAlchemyError) -> None:
    """The server refused (privileges, row security, identity trigger): one clear sentence."""
    orig = getattr(exc, "orig", None)
    busy.raise_if_busy(exc)
    if getattr(orig, "sqlstate", None) == "42501":
        from app.errors import PermissionDenied

        raise PermissionDenied(
            translate(
                "Storage",
                "The database refused this for your login ({reason}). Ask an administrator "
                "for the right role or client.",
            ).format(reason=_short_reason(exc))
        ) from None


def _short_reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def copy_sqlite_file(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (online backup API, WAL-safe)."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def bulk_insert(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert many rows in the session's transaction, as Core's ``insert(table)`` would.

    On SQLite the values go through SQLAlchemy's own bind processors and the columns'
    defaults, then one DB-API ``executemany``: Core's per-row bookkeeping was a quarter of
    a 10,000-message sync. Rows with other keys than the first, a table with SQL-side
    defaults, and every other engine (psycopg batches by itself) take Core's path.
    """
    if not rows:
        return
    from app.changes import announce_rows

    announce_rows(session, table.name, rows)  # Core and raw inserts skip the ORM's events
    conn = session.connection()
    dialect = conn.dialect
    keys = rows[0].keys()
    plan = _sqlite_plan(table, dialect, keys) if dialect.name == "sqlite" else None
    if plan is None or any(row.keys() != keys for row in rows):
        conn.execute(insert(table), rows)
        return
    sql, get, processors, constants, computed = plan
    values = []
    append = values.append
    for row in rows:
        given = list(get(row))
        for index, process in processors:
            given[index] = process(given[index])
        if computed:
            append((*given, *constants, *(make() for make in computed)))
        else:
            append((*given, *constants))
    conn.exec_driver_sql(sql, values)


def insert_ignore(session: Session, table: Table, rows: list[dict]) -> int:
    """``INSERT … ON CONFLICT DO NOTHING`` of many rows; returns how many went in.

    Two seats writing the same rows (the same new mentions, the same day's numbers) is
    normal: the second finds them there, never an error. SQLite keeps
    :func:`bulk_insert`'s fast path (its ``executemany`` row count is the number
    inserted); PostgreSQL counts the ids ``RETURNING`` gives back (only inserted rows).
    """
    if not rows:
        return 0
    count = _insert_ignore(session, table, rows)
    if count:  # on the change feed like bulk_insert (Core inserts skip the ORM's events)
        from app.changes import announce_rows

        announce_rows(session, table.name, rows)
    return count


def _insert_ignore(session: Session, table: Table, rows: list[dict]) -> int:
    conn = session.connection()
    dialect = conn.dialect
    keys = rows[0].keys()
    if dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        plan = _sqlite_plan(table, dialect, keys)
        if plan is not None and all(row.keys() == keys for row in rows):
            sql, get, processors, constants, computed = plan
            values = []
            for row in rows:
                given = list(get(row))
                for index, process in processors:
                    given[index] = process(given[index])
                values.append((*given, *constants, *(make() for make in computed)))
            return conn.exec_driver_sql(sql + " ON CONFLICT DO NOTHING", values).rowcount
        return conn.execute(sqlite_insert(table).on_conflict_do_nothing(), rows).rowcount
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    key = next(iter(table.primary_key.columns))
    stmt = pg_insert(table).on_conflict_do_nothing().returning(key)
    return len(conn.execute(stmt, rows).all())


def _sqlite_plan(table: Table, dialect, keys):
    """The INSERT statement and how to turn a row into its values; None if Core must do it.

    Values are laid out as the given columns (in table order), then the defaulted ones with
    a constant default, then those with a callable default (called per row, like Core)."""
    if len(keys) == 1 or set(keys) - set(table.columns.keys()):
        return None  # one key (itemgetter returns a scalar) or an unknown one: Core's path
    given = [c for c in table.columns if c.name in keys]
    constant_columns, computed_columns, constants, computed = [], [], [], []

    def processor(column):
        return column.type.dialect_impl(dialect).bind_processor(dialect)

    for column in table.columns:
        spec = column.default
        if column.name in keys or spec is None:
            continue
        process = processor(column)
        if spec.is_scalar:
            constant_columns.append(column)
            constants.append(process(spec.arg) if process else spec.arg)
        elif spec.is_callable:
            computed_columns.append(column)
            computed.append(
                (lambda fn, p: (lambda: p(fn(None))) if p else (lambda: fn(None)))(
                    spec.arg, process
                )
            )
        else:  # a SQL expression or a sequence: let Core render it
            return None
    processors = [(i, p) for i, c in enumerate(given) if (p := processor(c)) is not None]
    columns = given + constant_columns + computed_columns
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(quote(c.name) for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    return sql, itemgetter(*(c.name for c in given)), processors, tuple(constants), computed


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

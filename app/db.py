"""Engine, sessions and migrations for SQLite (embedded) and PostgreSQL (shared).

One :class:`Database` per process and URL. Every write goes through :meth:`Database.session`,
a unit of work that commits on success and rolls back on any exception, so a crash or a
killed process leaves the database as it was before the block.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Table, create_engine, event, insert, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StorageError
from app.i18n import translate

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration. Start-up compares it with the database's ``alembic_version`` in plain
# SQL, so an up-to-date database is opened without importing Alembic (~100 ms); a test checks
# it against Alembic's own head, so a new migration cannot forget it.
SCHEMA_HEAD = "0017_listening"


def _redact(url: str) -> str:
    """A URL safe to show: never print a database password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - exercised via engine
    # Let SQLAlchemy emit BEGIN itself so that DDL is transactional too (facts.md).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:  # pragma: no cover - exercised via engine
    # A unit of work takes the write lock up front (BEGIN IMMEDIATE, waiting up to the busy
    # timeout). A deferred transaction that reads first and writes later fails at once with
    # "database is locked" in WAL mode when another connection committed in between: its
    # snapshot is stale and SQLite cannot upgrade it, whatever the busy timeout.
    if conn.get_execution_options().get("tribune_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
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
            self.engine = create_engine(
                parsed, echo=echo, pool_pre_ping=True, connect_args={"connect_timeout": 5}
            )
        else:
            raise StorageError(
                translate(
                    "Storage", "Unsupported database (use sqlite or postgresql): {url}"
                ).format(url=_redact(url))
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(tribune_write=True), expire_on_commit=False
        )

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
        """Bring the schema to the latest revision; keep a copy of a SQLite file first."""
        try:
            if not self.needs_upgrade():
                return
            from alembic import command

            self._backup_before_migration()
            cfg = self._alembic_config()
            if self.is_sqlite:
                # A batch migration of a parent table fails with foreign keys on (facts.md):
                # turn them off outside the transaction, check them after.
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
            else:
                with self.engine.begin() as conn:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "heads")
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
        db.upgrade()
    return db


__all__ = ["Database", "bulk_insert", "copy_sqlite_file", "open_database"]

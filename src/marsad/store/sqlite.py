"""SQLite, the embedded default store: one file, WAL mode, foreign keys, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from . import migrations
from .pg_url import is_postgres
from .sql import SQLStore


class SQLiteStore(SQLStore):
    """The `Store` interface over one SQLite file (or ":memory:")."""

    def __init__(self, path: str | Path = "marsad.db", *, readonly: bool = False) -> None:
        """Open (or, unless `readonly`, create) a marsad database. Read-only opens write
        nothing, not even the schema: a file that is not a marsad database is refused, and
        never changed (an empty file, another program's SQLite database)."""
        self.path = str(path)
        try:
            if readonly:
                self.db = _connect_readonly(self.path)
                _check_marsad(self.db, self.path, empty_ok=False)
                if migrations.pending(self.db):  # a marsad database of an older version: upgrade it
                    self.db.close()
                    try:
                        SQLiteStore(self.path).close()
                    except StoreError as e:
                        raise StoreError(f"{self.path} was made by an older marsad and cannot be upgraded"
                                         f" here ({e}); upgrade a writable copy with `marsad ingest`") from e
                    self.db = _connect_readonly(self.path)
                return
            # Autocommit mode: every write below opens its own explicit transaction.
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            _check_marsad(self.db, self.path, empty_ok=True)
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA busy_timeout = 10000")
            migrations.apply(self.db)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open database {self.path}: {e}") from e

def _connect_readonly(path: str) -> sqlite3.Connection:
    if path == ":memory:" or not Path(path).is_file():
        raise StoreError(f"no database at {path}; create one with: marsad ingest PATH --db {path}")
    uri = Path(path).resolve().as_uri()
    for options in ("?mode=ro", "?mode=ro&immutable=1"):  # immutable: a read-only folder (no -shm file)
        db = sqlite3.connect(uri + options, uri=True, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            db.close()
            if options.endswith("immutable=1"):
                raise
    raise AssertionError("unreachable")


def _check_marsad(db: sqlite3.Connection, path: str, *, empty_ok: bool) -> None:
    """Refuse a file that is not a marsad database: marsad never writes into one."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    # Only an empty `migrations` table: another marsad is creating this database right now
    # (it commits that table first, then each migration with its row).
    being_made = tables == {"migrations"} and not db.execute("SELECT 1 FROM migrations").fetchone()
    if not tables or being_made:
        if empty_ok:
            return
        raise StoreError(f"{path} is not a marsad database (it is empty);"
                         f" create one with: marsad ingest PATH --db {path}")
    first = migrations.MIGRATIONS[0][0]
    if "migrations" not in tables or not db.execute("SELECT 1 FROM migrations WHERE name = ?", (first,)).fetchone():
        raise StoreError(f"{path} is not a marsad database (it holds other tables); marsad will not write into it:"
                         " give --db a new file name")


def open_store(path: str | Path, *, readonly: bool = False) -> SQLStore:
    """A store at `path`: a PostgreSQL URL (postgresql://user@host/dbname) or an SQLite file."""
    if is_postgres(path):
        from .postgres import PostgresStore  # psycopg is imported only when PostgreSQL is asked for

        return PostgresStore(str(path), readonly=readonly)
    return SQLiteStore(path, readonly=readonly)

"""PostgreSQL, the store for when one machine is not enough: many writers, one database.

`marsad ingest --db postgresql://user@host/dbname` (or `MARSAD_DB`) writes here from any number
of processes or machines at once (a Dask cluster's workers, several `ingest` commands), and
`marsad serve` reads beside them. The SQL is the store's own (`sql.SQLStore`), read through
`pg_sql.PgConnection`; the schema is `pg_migrations`.

Each document is one transaction. Its writes take one advisory lock for the whole database
(`pg_sql.WRITE_LOCK`, as SQLite's BEGIN IMMEDIATE takes its write lock): linking a report to
a stored event reads then writes events, and two writers doing that at once could each miss
the other's report and store one event twice. Storing a
document takes milliseconds, coding it a tenth of a second, so the lock serialises the cheap
part and leaves the costly one parallel.
"""

from __future__ import annotations

import psycopg

from ..errors import StoreError
from . import pg_migrations
from .pg_sql import PgConnection
from .pg_url import shown_url
from .sql import SQLStore


class PostgresStore(SQLStore):
    """The `Store` interface over a PostgreSQL database (psycopg 3)."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url
        self.path = shown_url(url)
        try:
            self.db = PgConnection(url)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL at {self.path}: {_first_line(e)}") from e
        try:
            self._check_marsad(readonly)
            pg_migrations.apply(self.db.conn)
            if readonly:
                self.db.conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as e:
            self.db.close()
            raise StoreError(f"cannot open database {self.path}: {_first_line(e)}") from e
        except StoreError:
            self.db.close()
            raise

    def _begin_write(self) -> None:
        super()._begin_write()
        # A document's commit does not wait for the disk (a quarter of its time): a server crash
        # can lose the last fraction of a second of documents, never half of one, and the same
        # command stores them again. Analysts' corrections keep the server's own setting.
        self.db.execute("SET LOCAL synchronous_commit = off")

    def _check_marsad(self, readonly: bool) -> None:
        """Refuse a database that holds another program's tables: marsad never writes into one."""
        tables = {r[0] for r in self.db.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
        if not tables:
            if readonly:
                raise StoreError(f"{self.path} is not a marsad database (it is empty);"
                                 f" create one with: marsad ingest PATH --db {self.path}")
            return
        first = pg_migrations.MIGRATIONS[0][0]
        if "migrations" not in tables or not self.db.conn.execute(
                "SELECT 1 FROM migrations WHERE name = %s", (first,)).fetchone():
            raise StoreError(f"{self.path} is not a marsad database (it holds other tables); marsad will not write"
                             " into it: give --db a new database")


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]

"""A throwaway PostgreSQL server for the tests and the bench: `initdb` and `pg_ctl` on a
temporary directory, listening on loopback only, stopped at exit.

The Debian `postgresql` package provides the programs (`.ci/run` installs it). PostgreSQL
refuses to run as root, so as root the server runs as the `postgres` user the package creates.
`MARSAD_TEST_PG=postgresql://…` uses a server you already run instead (each test gets its own
schema in it, dropped afterwards).
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path


class Unavailable(RuntimeError):
    """No PostgreSQL server programs on this machine."""


def _bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)),
                                       None)
    if not found:
        raise Unavailable(f"{name} not found: install the postgresql package (apt-get install postgresql)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """One running server; `url(schema)` connects into a schema of its `marsad` database."""

    def __init__(self, *, durable: bool = False) -> None:
        """`durable`: commits wait for the disk, as a production server's do (the tests
        do not need that, and run faster without)."""
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        self.dir = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        self.port = _free_port()
        as_user: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse root
            as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.dir, "postgres")
        data = self.dir / "data"
        run = {"check": True, "capture_output": True, "text": True}
        subprocess.run([*as_user, initdb, "-D", str(data), "-U", "marsad", "--auth=trust", "-E", "UTF8",
                        "--locale=C.UTF-8", "--no-sync"], **run)  # type: ignore[call-overload]
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w",
                        "start"], **run)  # type: ignore[call-overload]
        self._stop = [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"]
        atexit.register(self.stop)
        import psycopg

        with psycopg.connect(f"postgresql://marsad@127.0.0.1:{self.port}/postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE marsad")
        self.base = f"postgresql://marsad@127.0.0.1:{self.port}/marsad"

    def stop(self) -> None:
        if self._stop:
            subprocess.run(self._stop, capture_output=True)
            self._stop = []
            shutil.rmtree(self.dir, ignore_errors=True)


def schema_url(base: str) -> tuple[str, str]:
    """A new, empty schema in the database at `base`: (its URL, its name)."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}", name


def drop_schema(base: str, name: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")

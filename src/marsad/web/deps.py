"""Per-request database connections and the write guard."""

from __future__ import annotations

import hmac
import queue
from collections.abc import Iterator
from urllib.parse import urlsplit

from fastapi import Request

from ..store import SQLiteStore, SQLStore, open_store
from .errors import ApiError

READ_PRAGMAS = ("PRAGMA mmap_size = 1073741824", "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY")


class Pool:
    """Store connections (SQLite or PostgreSQL) handed to one request at a time (a connection is
    never shared by two)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._free: queue.SimpleQueue[SQLStore] = queue.SimpleQueue()
        self._free.put(self._open())  # opens (and migrates) the database once, up front

    def _open(self) -> SQLStore:
        s = open_store(self.path)
        if isinstance(s, SQLiteStore):
            # Reads dominate: map the file, keep 64 MB of pages per connection, sort and group in memory.
            for pragma in READ_PRAGMAS:
                s.db.execute(pragma)
        return s

    def get(self) -> SQLStore:
        try:
            return self._free.get_nowait()
        except queue.Empty:
            return self._open()

    def put(self, store: SQLStore) -> None:
        self._free.put(store)


def store(request: Request) -> Iterator[SQLStore]:
    pool: Pool = request.app.state.pool
    s = pool.get()
    try:
        yield s
    finally:
        pool.put(s)


def require_write(request: Request) -> None:
    """Writes need: a server that accepts them, the token when one is set, a JSON body, and no foreign origin."""
    state = request.app.state
    if state.read_only:
        raise ApiError(403, "this server is read-only; start it with --write-token to accept reviews",
                       code="read_only")
    token: str | None = state.write_token
    if token:
        given = request.headers.get("x-marsad-token") or ""
        auth = request.headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            given = auth[7:]
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "a write token is required: send it as 'Authorization: Bearer TOKEN'",
                           code="token_required")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise ApiError(403, "writes are accepted from this server's own page only", code="foreign_origin")
    if (request.headers.get("content-type") or "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, "the body must be JSON (Content-Type: application/json)")

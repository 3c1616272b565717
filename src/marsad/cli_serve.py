"""`marsad serve`: the web page and HTTP API over one database, under uvicorn."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--db", default="marsad.db", show_default=True, help="SQLite database file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 127.0.0.1 serves this computer only; 0.0.0.0 exposes every event,"
                   " article text and the API to anyone who can reach this machine on the network"
                   " (read-only unless --write-token is set).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--write-token", envvar="MARSAD_WRITE_TOKEN", default=None,
              help="Accept reviews and corrections only with this token (Authorization: Bearer TOKEN);"
                   " [env MARSAD_WRITE_TOKEN]. Without it, writes are accepted on a loopback address only.")
@click.option("--read-only", is_flag=True, help="Refuse every review and correction.")
@click.option("--tile-url", envvar="MARSAD_TILE_URL", default=None,
              help="Optional online base map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
                   " [env MARSAD_TILE_URL]. Default: country borders only, no network needed.")
def serve(db: str, host: str, port: int, write_token: str | None, read_only: bool, tile_url: str | None) -> None:
    """Serve the analyst's workbench: map, timeline, facets, evidence, review, exports,
    and the HTTP API under /api/ (OpenAPI description at /api/openapi.json)."""
    import uvicorn

    from .errors import MarsadError
    from .web import create_app

    if not Path(db).exists():
        raise click.ClickException(f"no database at {db}; create one with: marsad ingest PATH --db {db}")
    read_only = read_only or (not write_token and not is_loopback(host))
    try:
        app = create_app(db, write_token=write_token, tile_url=tile_url, read_only=read_only)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    shown = f"[{host}]" if ":" in host else host
    mode = "read-only" if read_only else ("writes need the token" if write_token else "reviews allowed")
    click.echo(f"marsad: serving {os.path.abspath(db)} at http://{shown}:{port}/ ({mode}); Ctrl+C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")

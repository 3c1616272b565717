"""`marsad serve`: the web page and HTTP API over one database, under uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

# Every `marsad` command imports this module: the web stack (fastapi, uvicorn) is imported only inside.
ANY_ADDRESS = {"0.0.0.0", "::", ""}  # bind every interface: no one name the clients use


def uvicorn_options() -> dict[str, Any]:
    """How marsad runs uvicorn — here and in the tests and bench that start a real server."""
    from .web.guard import READ_LIMIT

    # h11 pinned (not httptools, should it be installed) so that READ_LIMIT is the parser's limit.
    return {"log_level": "warning", "http": "h11", "h11_max_incomplete_event_size": READ_LIMIT}


def _host_names(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    from .web.guard import host_name

    names = []
    for v in values:
        name = host_name(v)
        if not name or any(c in v for c in "/ *@?#"):  # a URL or a pattern, not a name
            raise click.BadParameter(f"{v!r} is not a host name or address (e.g. analysis.example.org, 10.0.0.5)")
        names.append(name)
    return names


@click.command()
@click.option("--db", default="marsad.db", show_default=True, envvar="MARSAD_DB",
              help="SQLite database file, or postgresql://user@host/dbname (also $MARSAD_DB).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 127.0.0.1 serves this computer only; 0.0.0.0 exposes every event,"
                   " article text and the API to anyone who can reach this machine on the network"
                   " (read-only unless --write-token is set).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME", callback=_host_names,
              help="Also answer requests addressed to NAME (the host part of the URL clients open), e.g. this"
                   " machine's name on the network; repeatable. Loopback names (localhost, 127.0.0.1, ::1) and"
                   " a specific --host address are always answered; any other name gets 421, which keeps web"
                   " pages from reaching the server by DNS rebinding.")
@click.option("--write-token", envvar="MARSAD_WRITE_TOKEN", default=None,
              help="Accept reviews and corrections only with this token (Authorization: Bearer TOKEN);"
                   " [env MARSAD_WRITE_TOKEN]. Without it, writes are accepted on a loopback address only.")
@click.option("--read-only", is_flag=True, help="Refuse every review and correction.")
@click.option("--tile-url", envvar="MARSAD_TILE_URL", default=None,
              help="Optional online base map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
                   " [env MARSAD_TILE_URL]. Default: country borders only, no network needed.")
def serve(db: str, host: str, port: int, allowed_hosts: list[str], write_token: str | None, read_only: bool,
          tile_url: str | None) -> None:
    """Serve the analyst's workbench: map, timeline, facets, evidence, review, exports,
    and the HTTP API under /api/ (OpenAPI description at /api/openapi.json, browsable at /api/docs)."""
    import uvicorn

    from .errors import MarsadError
    from .store.pg_url import is_postgres, shown_url
    from .web import create_app
    from .web.guard import host_name, is_loopback

    if not is_postgres(db) and not Path(db).exists():
        raise click.ClickException(f"no database at {db}; create one with: marsad ingest PATH --db {db}")
    read_only = read_only or (not write_token and not is_loopback(host))
    if host_name(host) not in ANY_ADDRESS:
        allowed_hosts = [*allowed_hosts, host_name(host)]  # the address given is the one clients will use
    try:
        app = create_app(db, write_token=write_token, tile_url=tile_url, read_only=read_only,
                         allowed_hosts=allowed_hosts)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    shown = f"[{host}]" if ":" in host else host
    mode = "read-only" if read_only else ("writes need the token" if write_token else "reviews allowed")
    where = shown_url(db) if is_postgres(db) else os.path.abspath(db)
    click.echo(f"marsad: serving {where} at http://{shown}:{port}/ ({mode}); Ctrl+C stops it")
    if host_name(host) in ANY_ADDRESS and not allowed_hosts:
        click.echo("marsad: only loopback names (localhost, 127.0.0.1) are answered; add --allowed-host NAME"
                   " for each name or address the other machines use to reach this one", err=True)
    uvicorn.run(app, host=host, port=port, **uvicorn_options())

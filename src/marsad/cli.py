"""The command line: a thin shell that parses, calls one library function, and explains errors."""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

import click

from . import __version__, export
from .errors import MarsadError
from .pipeline import Summary, ingest_paths, load_event_coder
from .store import open_store, query

EXIT_REJECTED = 3  # the batch ran, but some documents were rejected
# The event filters' modalities and their default, as the API and the page have them; "all": every one.
MODALITIES = [*query.MODALITIES, query.ALL_MODALITIES]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad: news reports about armed conflict in, a sourced, geolocated event database out."""


def _coder(enabled: bool) -> object | None:
    return load_event_coder() if enabled else None  # None too where event coding is not installed


def _shown(text: str) -> str:
    """Text from a document (its name, a reason quoting it) as one printable line: a newline
    in a file name must not forge a line of the summary."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _print_summary(s: Summary, db: str) -> None:
    click.echo(f"documents read:     {s.documents}")
    click.echo(f"articles stored:    {s.articles}")
    click.echo(f"events coded:       {s.events}")
    if s.events_total is not None:
        click.echo(f"events in database: {s.events_total} (reports of one event in several articles merged)")
    click.echo(f"claims found:       {s.claims}")
    click.echo(f"duplicates skipped: {s.duplicates}")
    click.echo(f"rejected:           {len(s.rejected)}")
    for r in s.rejected:
        click.echo(f"  {_shown(r.document)}: {_shown(r.reason)} [{r.stage}]")
    if s.alerts:
        click.echo(f"alerts:             {len(s.alerts)}")
        for a in s.alerts:
            click.echo(f"  {_shown(a['watch'])} ({a['rule']}): {_shown(a['message'])}")
    if s.interrupted:
        click.echo("interrupted: what was stored is complete; run the same command again to finish.")
    click.echo(f"database:           {db}")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="marsad.db", show_default=True, envvar="MARSAD_DB",
              help="SQLite database file, or postgresql://user@host/dbname (also $MARSAD_DB).")
@click.option("--events/--no-events", default=True, show_default=True,
              help="Code events and claims (--no-events stores articles only, faster).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--notify-command", default=None, metavar="CMD",
              help="Run CMD once per alert the watches raise, the alert as JSON on stdin (no shell).")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes that code documents (default: every core). The database is the same"
                   " whatever N; each worker holds its own copy of the models.")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Code on a Dask cluster: its scheduler's address (tcp://host:8786), or local:N to start"
                   " N worker processes here. This process stores what the workers code.")
def ingest(paths: tuple[str, ...], db: str, events: bool, progress: bool | None, notify_command: str | None,
           workers: int | None, cluster: str | None) -> None:
    """Read files, folders (recursively) or - (stdin) into the database.

    Formats: .txt, .html/.htm, .json/.jsonl (objects with "text" and optional "title",
    "url", "published", "outlet"). Re-ingesting the same content adds nothing. Exits 3
    when some documents were rejected (they are listed with the reason).
    """
    try:
        with open_store(db) as store, _dask(cluster) as client:
            # The models load where they are used: in each worker, or here on first need.
            summary = ingest_paths(paths, store, load_coder=load_event_coder if events else None,
                                   progress=progress, workers=workers or os.cpu_count() or 1, cluster=client)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    _print_summary(summary, db)
    if notify_command and summary.alerts:
        from .watches import notify

        for line in notify(notify_command, summary.alerts):
            click.echo(f"notify: {_shown(line)}", err=True)
    if summary.interrupted:
        sys.exit(130)
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


@contextlib.contextmanager
def _dask(address: str | None) -> Iterator[object]:
    """A Dask client for `--cluster`, or None."""
    if address is None:
        yield None
        return
    from .cluster import connect

    with connect(address) as client:
        yield client


@contextlib.contextmanager
def _output(path: str | None, *, binary: bool = False) -> Iterator[IO[Any]]:
    """The file -o names, or standard output (as bytes for a binary format)."""
    if path in (None, "-"):
        yield sys.stdout.buffer if binary else sys.stdout
        return
    where = Path(str(path))
    if where.is_dir():
        raise click.ClickException(f"-o {path} is a folder; give a file name, e.g. -o {where / 'events.csv'}")
    if not where.parent.is_dir():
        raise click.ClickException(f"-o {path}: the folder {where.parent} does not exist; create it first")
    try:
        with (open(where, "wb") if binary else open(where, "w", encoding="utf-8", newline="")) as f:
            yield f
    except OSError as e:
        raise click.ClickException(f"cannot write {path}: {e.strerror or e}") from e


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@cli.command(name="export")
@click.option("--db", default="marsad.db", show_default=True, envvar="MARSAD_DB",
              help="SQLite database file, or postgresql://user@host/dbname (also $MARSAD_DB).")
@click.option("--what", type=click.Choice(export.WHATS), default="events", show_default=True)
@click.option("--format", "fmt", type=click.Choice([*export.FORMATS, *export.BINARY_FORMATS]), default="jsonl",
              show_default=True,
              help="acled: CSV with ACLED's columns (events); geojson: events or claims with coordinates;"
                   " parquet: typed columns for pandas, R and DuckDB (to a file, -o).")
@click.option("-o", "--output", default=None, help="Output file (default: standard output).")
@click.option("--modality", type=click.Choice(MODALITIES), default=query.DEFAULT_MODALITY, show_default=True,
              help="Events of this modality only: what happened, or what was threatened, planned, feared…;"
                   " all: every modality.")
def export_cmd(db: str, what: str, fmt: str, output: str | None, modality: str) -> None:
    """Export events, articles or claims, every row (no cap)."""
    binary = fmt in export.BINARY_FORMATS
    if binary and output in (None, "-") and _stdout_is_terminal():
        raise click.ClickException(f"{fmt} is a binary format; write it to a file with -o FILE"
                                   f" (e.g. -o {what}.{fmt}), or pipe it to a program")
    try:
        with open_store(db, readonly=True) as store, _output(output, binary=binary) as out:
            rows = (store.events(modality=None if modality == query.ALL_MODALITIES else modality) if what == "events"
                    else store.articles() if what == "articles" else store.claims())
            done = (export.write_binary(rows, cast(BinaryIO, out), what=what, fmt=fmt) if binary
                    else export.write(rows, cast(TextIO, out), what=what, fmt=fmt))
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    if done.left_out_without_coordinates:
        click.echo(f"{done.left_out_without_coordinates} {what} without coordinates left out of the GeoJSON"
                   ' (counted in its "marsad" member)', err=True)
    if output not in (None, "-"):
        click.echo(f"{done.rows} {what} written to {output}", err=True)


@cli.command()
@click.argument("file", type=click.File("rb"))
@click.option("--modality", type=click.Choice(MODALITIES), default=query.DEFAULT_MODALITY, show_default=True,
              help="Events of this modality only (as for export).")
def extract(file: BinaryIO, modality: str) -> None:
    """Code one document with no database: FILE or - in, events as JSON Lines out."""
    from . import link
    from .ingest import decode, documents_from_text, kind_of, sniff_kind
    from .pipeline import process
    from .records import as_dict

    name = getattr(file, "name", "<stdin>")
    origin = "<stdin>" if name in ("-", "<stdin>") else str(name)
    try:
        text, enc = decode(file.read(), origin)
    except MarsadError as e:
        raise click.ClickException(str(e)) from e
    kind = sniff_kind(text) if origin == "<stdin>" else (kind_of(Path(origin)) or "txt")
    coder = _coder(True)
    failed = False
    for doc in documents_from_text(text, origin=origin, kind=kind, encoding=enc):
        if isinstance(doc, MarsadError):
            click.echo(f"rejected: {doc}", err=True)
            failed = True
            continue
        try:
            _articles, events, _claims = process(doc, coder)  # type: ignore[arg-type]
        except MarsadError as e:
            click.echo(f"rejected: {e}", err=True)
            failed = True
            continue
        for ev in events:
            if modality in (query.ALL_MODALITIES, ev.modality):
                data = as_dict(ev)
                data["corroboration"] = link.corroboration(data)  # as the store counts it
                click.echo(json.dumps(data, ensure_ascii=False))
    if failed:
        sys.exit(EXIT_REJECTED)


def _attach_optional_commands() -> None:
    with contextlib.suppress(ImportError):
        from .cli_gazetteer import gazetteer

        cli.add_command(gazetteer)
    with contextlib.suppress(ImportError):  # the web extras (fastapi, uvicorn) may be absent
        from .cli_serve import serve

        cli.add_command(serve)
    with contextlib.suppress(ImportError):
        from .cli_geoparse import geoparse

        cli.add_command(geoparse)
    from .cli_watch import alerts, watch  # no optional dependency: always there

    cli.add_command(watch)
    cli.add_command(alerts)


_attach_optional_commands()


def main() -> None:
    """The `marsad` command. An error marsad did not foresee is still one line, not a traceback
    (MARSAD_DEBUG=1 shows the traceback, for a bug report)."""
    # As the process ends, Python's last garbage collections walk every object still alive
    # (the models' millions) only to find them reachable: half a second of an ingest's exit.
    # Frozen, they are left out of those walks. Nothing else changes: the atexit handlers
    # still run, and each command closes its own files and databases.
    atexit.register(gc.freeze)
    try:
        cli()
    except BrokenPipeError:  # `marsad export | head`: the reader has what it wanted
        sys.stderr.close()
        os._exit(0)
    except Exception as e:
        if os.environ.get("MARSAD_DEBUG"):
            raise
        click.echo(f"Error: unexpected {type(e).__name__}: {e}. Nothing was lost: what was stored is"
                   " complete. Please report this (MARSAD_DEBUG=1 shows the details).", err=True)
        sys.exit(1)

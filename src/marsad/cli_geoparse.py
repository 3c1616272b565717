"""`marsad geoparse FILE|-`: JSON Lines documents in, toponyms with GeoNames places out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from .errors import SetupError


def _documents(stream: IO[str], bad: list[str]) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            bad.append(f"line {n}: not JSON ({e.msg}); each line must be one {{\"id\", \"text\"}} object")
            continue
        if not isinstance(d, dict) or not isinstance(d.get("text"), str):
            bad.append(f"line {n}: no \"text\" string; each line must be one {{\"id\", \"text\"}} object")
            continue
        spans = d.get("spans")
        if d.get("outlet") is not None and not isinstance(d["outlet"], str):
            bad.append(f"line {n}: \"outlet\" must be a place name string, e.g. \"Savannah, Georgia\"")
            continue
        if spans is not None and not (
            isinstance(spans, list)
            # type() is int: JSON true/false would pass isinstance(x, int) as 1 and 0
            and all(isinstance(s, list) and len(s) >= 2 and all(type(x) is int for x in s[:2]) for s in spans)
        ):
            bad.append(f"line {n}: \"spans\" must be a list of [start, end] integer pairs")
            continue
        outside = _outside(spans or [], len(d["text"]))
        if outside is not None:
            # Echoing a toponym cut from outside the text would be a silent wrong answer, not an error.
            bad.append(f"line {n}: span [{outside[0]}, {outside[1]}] is not within the text: each span needs"
                       f" 0 <= start < end <= {len(d['text'])} (the text's length in characters)")
            continue
        yield d


def _outside(spans: list[list[int]], length: int) -> list[int] | None:
    """The first [start, end] that does not mark a non-empty stretch of a text of `length` characters."""
    return next((s[:2] for s in spans if not 0 <= s[0] < s[1] <= length), None)


class _LazyPipeline:
    def __init__(self, gaz: Any) -> None:
        self.gaz = gaz
        self._nlp: Any = None

    def _load(self) -> Any:
        if self._nlp is None:
            from .nlp import load_pipeline

            try:
                self._nlp = load_pipeline(self.gaz)
            except SetupError as e:
                raise click.ClickException(str(e)) from e
        return self._nlp

    def __call__(self, text: str) -> Any:
        return self._load()(text)

    def pipe(self, texts: list[str], **kw: Any) -> Any:
        return self._load().pipe(texts, **kw)


@click.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file [stdout].")
@click.option("--gazetteer", "gaz_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Gazetteer file [default: $MARSAD_GAZETTEER or <venv>/share/marsad/gazetteer.sqlite].")
@click.option("--threshold", type=float, default=None,
              help="Least score (an estimated probability of being right) to accept a place; "
                   "under it the toponym stays unresolved [0.1].")
@click.option("--no-demonyms", is_flag=True, help="Do not report demonyms (\"Syrian\") as toponyms.")
@click.option("--outlet", default=None, metavar="PLACE",
              help='The outlet\'s own city, e.g. "Savannah, Georgia": evidence for the story frame of '
                   'documents that name no "outlet" of their own.')
def geoparse(source: IO[str], output: IO[str], gaz_path: Path | None, threshold: float | None,
             no_demonyms: bool, outlet: str | None) -> None:
    """Find and resolve the place names of JSON Lines documents.

    SOURCE (a file, or - for stdin) holds one {"id", "text"} object per line; with
    "spans": [[start, end], ...] only those spans are resolved (no detection); with
    "outlet": "City, State" the outlet's city is evidence for the story's frame. Writes one
    {"id", "toponyms": [{start, end, text, geonameid, name, latitude, longitude,
    country_code, admin1, admin2, feature_code, score}], "frame": {country_code, country,
    admin1, admin2, evidence} or null} per document; unresolved toponyms have null ids and
    coordinates and list the gazetteer's "candidates" for their name; marsad's own places
    (bases, camps, crossings GeoNames lacks, from place_aliases.yaml) have coordinates and
    a null id.
    """
    from .places import Gazetteer, PlaceResolver
    from .places.geoparse import geoparse_documents

    try:
        gaz = Gazetteer.open(gaz_path)
    except SetupError as e:
        raise click.ClickException(str(e)) from e
    resolver = PlaceResolver(gaz) if threshold is None else PlaceResolver(gaz, threshold=threshold)
    bad: list[str] = []
    nlp = _LazyPipeline(gaz)  # spaCy loads only when a document comes without spans
    docs = _documents(source, bad)
    for rec in geoparse_documents(docs, resolver=resolver, nlp=nlp, demonyms=not no_demonyms, outlet=outlet):
        output.write(json.dumps(rec, ensure_ascii=False) + "\n")
    output.flush()
    for msg in bad:
        click.echo(f"skipped {msg}", err=True)
    if bad:
        sys.exit(1)

"""Stage 11, export: records from a store → JSON Lines, CSV, ACLED CSV, GeoJSON or Parquet.

One module per format; each takes an iterable of record dicts and a stream (text, or
binary for Parquet), and streams (no row cap, constant memory).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, BinaryIO, TextIO

from ..errors import InvalidInput
from . import acled, csv, geojson, jsonl
from .written import Written

Writer = Callable[[Iterable[dict[str, Any]], TextIO, str], Written]
FORMATS: dict[str, Writer] = {"jsonl": jsonl.write, "csv": csv.write, "acled": acled.write, "geojson": geojson.write}
BINARY_FORMATS = ("parquet",)  # written by `write_binary`
WHATS = ("events", "articles", "claims")

__all__ = ["BINARY_FORMATS", "FORMATS", "WHATS", "Written", "write", "write_binary"]


def _check(what: str, fmt: str) -> None:
    if fmt not in FORMATS and fmt not in BINARY_FORMATS:
        raise InvalidInput(fmt, f"unknown format; use one of {', '.join([*FORMATS, *BINARY_FORMATS])}",
                           stage="export")
    if what not in WHATS:
        raise InvalidInput(what, f"unknown record kind; use one of {', '.join(WHATS)}", stage="export")
    if fmt == "acled" and what != "events" or fmt == "geojson" and what == "articles":
        holds = "events" if fmt == "acled" else "events and claims"
        use = "--what events" if fmt == "acled" else "--what events or claims"
        raise InvalidInput(fmt, f"the {fmt} format holds {holds}; use {use} (or jsonl/csv for {what})", stage="export")


def write(records: Iterable[dict[str, Any]], out: TextIO, *, what: str, fmt: str) -> Written:
    """Write `records` of kind `what` in the text format `fmt`; says how many were written
    (and, for GeoJSON, how many were left out for want of coordinates)."""
    _check(what, fmt)
    if fmt in BINARY_FORMATS:
        raise InvalidInput(fmt, f"{fmt} is a binary format: write it to a file (export.write_binary)",
                           stage="export")
    return FORMATS[fmt](records, out, what)


def write_binary(records: Iterable[dict[str, Any]], out: BinaryIO, *, what: str, fmt: str) -> Written:
    """Write `records` of kind `what` in a binary format (`BINARY_FORMATS`: parquet) to `out`."""
    _check(what, fmt)
    if fmt not in BINARY_FORMATS:
        raise InvalidInput(fmt, f"{fmt} is a text format: use export.write", stage="export")
    from . import parquet  # pyarrow loads only when asked for

    return parquet.write(records, out, what)

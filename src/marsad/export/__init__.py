"""Stage 11, export: records from a store → JSON Lines, CSV, ACLED CSV or GeoJSON.

One module per format; each takes an iterable of record dicts and a text stream, and
streams (no row cap, constant memory for the line formats).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from ..errors import InvalidInput
from . import acled, csv, geojson, jsonl

Writer = Callable[[Iterable[dict[str, Any]], TextIO, str], int]
FORMATS: dict[str, Writer] = {"jsonl": jsonl.write, "csv": csv.write, "acled": acled.write, "geojson": geojson.write}
WHATS = ("events", "articles", "claims")


def write(records: Iterable[dict[str, Any]], out: TextIO, *, what: str, fmt: str) -> int:
    """Write `records` of kind `what` in format `fmt`; returns the number written."""
    if fmt not in FORMATS:
        raise InvalidInput(fmt, f"unknown format; use one of {', '.join(FORMATS)}", stage="export")
    if what not in WHATS:
        raise InvalidInput(what, f"unknown record kind; use one of {', '.join(WHATS)}", stage="export")
    if fmt == "acled" and what != "events" or fmt == "geojson" and what == "articles":
        holds = "events" if fmt == "acled" else "events and claims"
        use = "--what events" if fmt == "acled" else "--what events or claims"
        raise InvalidInput(fmt, f"the {fmt} format holds {holds}; use {use} (or jsonl/csv for {what})", stage="export")
    return FORMATS[fmt](records, out, what)

"""Apache Parquet: events, claims or articles as typed columns, for pandas, R (arrow) and DuckDB.

Each field of the JSON Lines record is a column of its own type: names as strings, counts
and codes as int64, coordinates as float64, dates (`event_date`, a claim's `date`) as
date32 (null when unknown), lists of names as list<string>, evidence and per-source figures
as lists of structs. An article's `published` stays a string: it is the date its source
gave. An event's `review` is a struct whose `corrections` are JSON text (a corrected value
can be of any field's type).

Written in row groups of `BATCH` records, so an export of any size holds one batch in memory.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InvalidInput
from .written import Written

BATCH = 5000

_TEXT, _INT, _FLOAT, _DATE = pa.string(), pa.int64(), pa.float64(), pa.date32()
_NAMES = pa.list_(_TEXT)
_EVIDENCE = pa.list_(pa.struct([("article_id", _TEXT), ("start", _INT), ("end", _INT), ("text", _TEXT)]))

EVENT = pa.schema([
    ("event_id", _TEXT), ("event_type", _TEXT), ("sub_event_type", _TEXT), ("event_date", _DATE),
    ("time_precision", _INT), ("actor1", _TEXT), ("assoc_actor_1", _NAMES), ("inter1", _TEXT),
    ("actor2", _TEXT), ("assoc_actor_2", _NAMES), ("inter2", _TEXT), ("country", _TEXT), ("admin1", _TEXT),
    ("admin2", _TEXT), ("location", _TEXT), ("latitude", _FLOAT), ("longitude", _FLOAT),
    ("geo_precision", _INT), ("geonameid", _INT), ("fatalities", _INT), ("sources", _NAMES),
    ("article_ids", _NAMES), ("evidence", _EVIDENCE), ("modality", _TEXT), ("notes", _TEXT),
    ("fatality_reports", pa.list_(pa.struct([("fatalities", _INT), ("source", _TEXT), ("article_id", _TEXT)]))),
    ("main_for", _NAMES), ("outlets", _NAMES),
    ("corroboration", pa.struct([("articles", _INT), ("outlets", _INT), ("sources", _INT)])),
    ("review", pa.struct([("status", _TEXT), ("reviewed_by", _TEXT), ("reviewed_at", _TEXT),
                          ("corrections", _TEXT)])),
])
CLAIM = pa.schema([
    ("claim_id", _TEXT), ("article_id", _TEXT), ("quantity", _FLOAT), ("unit", _TEXT), ("unit_class", _TEXT),
    ("subject", _TEXT), ("place", _TEXT), ("admin1", _TEXT), ("country", _TEXT), ("latitude", _FLOAT),
    ("longitude", _FLOAT), ("geonameid", _INT), ("source", _TEXT), ("date", _DATE), ("date_precision", _INT),
    ("evidence", _EVIDENCE),
])
ARTICLE = pa.schema([
    ("article_id", _TEXT), ("origin", _TEXT), ("url", _TEXT), ("title", _TEXT), ("published", _TEXT),
    ("outlet", _TEXT), ("language", _TEXT), ("text", _TEXT), ("captions", _NAMES),
])
SCHEMAS = {"events": EVENT, "claims": CLAIM, "articles": ARTICLE}
_DATES = {"events": ("event_date",), "claims": ("date",), "articles": ()}


def _date(value: Any, field: str, record: dict[str, Any]) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        key = record.get("event_id") or record.get("claim_id") or "?"
        raise InvalidInput(str(key), f"{field} {value!r} is not a date (YYYY-MM-DD)", stage="export") from None


def _typed(record: dict[str, Any], what: str) -> dict[str, Any]:
    out = dict(record)
    for field in _DATES[what]:
        out[field] = _date(record.get(field), field, record)
    review = record.get("review")
    if isinstance(review, dict):
        out["review"] = {**review, "corrections": json.dumps(review.get("corrections") or [], ensure_ascii=False)}
    return out


def write(records: Iterable[dict[str, Any]], out: BinaryIO, what: str) -> Written:
    """Write `records` of kind `what` as one Parquet file to the binary stream `out`."""
    schema = SCHEMAS[what]
    n = 0
    rows = iter(records)
    with pq.ParquetWriter(out, schema) as writer:
        while batch := [_typed(r, what) for r in itertools.islice(rows, BATCH)]:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return Written(n)

"""/api/events and what is computed over the same filter: map points, timeline, facets, export."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from .. import export
from ..store import SQLiteStore, query
from ..store import facets as facet_queries
from ..store.query import EventFilter
from .deps import store
from .errors import RESPONSES
from .schemas import ExportFormat, Format, Interval, Sort, event_filter

router = APIRouter(prefix="/api", tags=["events"], responses=RESPONSES)
Store = Annotated[SQLiteStore, Depends(store)]
Filter = Annotated[EventFilter, Depends(event_filter)]
_MEDIA = {"acled": "text/csv", "csv": "text/csv", "geojson": "application/geo+json",
          "jsonl": "application/x-ndjson", "json": "application/json"}
_EXT = {"acled": "acled.csv", "csv": "csv", "geojson": "geojson", "jsonl": "jsonl"}


def _render(events: Any, fmt: str) -> str:
    buf = io.StringIO()
    export.write(events, buf, what="events", fmt=fmt)
    return buf.getvalue()


@router.get("/events", summary="Events matching the filter, one page, sorted")
def events(s: Store, f: Filter, sort: Sort = "date",
           limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
           format: Format = "json") -> Any:
    page = list(query.iter_events(s.db, f, sort=sort, limit=limit, offset=offset))
    if format != "json":
        return Response(_render(page, format), media_type=_MEDIA[format])
    return {"total": query.count(s.db, f), "limit": limit, "offset": offset, "sort": sort, "events": page}


@router.get("/map/points", summary="Every matching event with coordinates, compact, for the map")
def points(s: Store, f: Filter) -> dict[str, Any]:
    rows = query.points(s.db, f)
    return {"fields": ["event_id", "latitude", "longitude", "event_type", "fatalities", "geo_precision"],
            "total": query.count(s.db, f), "points": rows}


@router.get("/timeline", summary="Events per day, week, month or year, stacked by event type")
def timeline(s: Store, f: Filter, interval: Interval = "day") -> dict[str, Any]:
    return query.timeline(s.db, f, interval)


@router.get("/facets", summary="Counts per value of each facet under the filter")
def facets(s: Store, f: Filter, size: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    return {"total": query.count(s.db, f), "facets": facet_queries.facets(s.db, f, size=size)}


@router.get("/export", summary="Every event matching the filter (no row cap), as a download",
            response_class=StreamingResponse)
def export_events(s: Store, f: Filter, format: ExportFormat = "acled", sort: Sort = "date") -> Response:
    # Written to a spooled file first (memory up to 16 MB, then disk), so a large export never
    # holds the database connection or the whole text in memory while the client downloads.
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 2**20, mode="w+b")  # noqa: SIM115 (closed by _stream)
    text = io.TextIOWrapper(spool, encoding="utf-8", newline="", write_through=True)
    export.write(query.iter_events(s.db, f, sort=sort), text, what="events", fmt=format)
    text.detach()
    spool.seek(0)
    name = f"marsad-events.{_EXT[format]}"
    return StreamingResponse(_stream(spool), media_type=_MEDIA[format],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _stream(spool: Any) -> Iterator[bytes]:
    try:
        while chunk := spool.read(256 * 1024):
            yield chunk
    finally:
        spool.close()

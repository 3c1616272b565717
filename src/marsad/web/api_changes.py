"""/api/changes: a feed of what changed — events new, re-coded by a later ingest, or
corrected, confirmed or rejected by an analyst — since a time, filtered like the event list,
so another system (or a watch) can stay in step."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from ..store import SQLStore, query
from ..store.query import EventFilter
from .deps import store
from .errors import RESPONSES, ApiError
from .schemas import feed_filter

router = APIRouter(prefix="/api", tags=["events"], responses=RESPONSES)
Store = Annotated[SQLStore, Depends(store)]


def stamp(value: str) -> str:
    """An ISO date or time (an offset, or UTC when none is given) → the stored form, UTC to the millisecond.

    The feed compares stamps as text, so every field must be zero-padded: strftime's %Y writes
    the year 999 as '999', which sorts after '2024' and would hide every change."""
    try:
        t = dt.datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError:
        raise ApiError(422, f"since: not an ISO date or time (2024-05-01 or 2024-05-01T12:00:00Z): {value!r}",
                       code="invalid_query") from None
    if t.tzinfo is not None:
        try:
            t = t.astimezone(dt.UTC).replace(tzinfo=None)
        except OverflowError:  # 0001-01-01T00:00+01:00 is before the first UTC instant Python has; 9999 after the last
            t = dt.datetime.min if t.year == 1 else dt.datetime.max
    return t.isoformat(timespec="milliseconds") + "Z"  # isoformat, unlike strftime, always pads the year


Kind = Literal["new", "re-coded", "corrected", "confirmed", "rejected"]


@router.get("/changes", summary="Events new, re-coded, corrected, confirmed or rejected since a time",
            description="Each change carries the event's stable id, the kind of its latest change (`new`,"
                        " `re-coded`: a later ingest changed the machine coding, `corrected`, `confirmed`,"
                        " `rejected`: an analyst's correction or review), when, and the event as it is now."
                        " Takes the event list's filters (every review status and modality unless `review` or"
                        " `modality` is given) and"
                        " `kind`. Pass `next` back as `after` for the following page, oldest change first.")
def changes(s: Store, since: Annotated[str, Query(min_length=4, max_length=40, description="ISO date or time")],
            f: Annotated[EventFilter, Depends(feed_filter)],
            after: Annotated[str | None, Query(max_length=120, pattern=r"^\S+ [0-9A-Za-z_-]+$")] = None,
            kind: Annotated[list[Kind] | None, Query(max_length=5)] = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    rows = query.changes(s.db, stamp(since), after=after, limit=limit, f=f, kinds=tuple(kind or ()))
    last = rows[-1] if len(rows) == limit else None
    return {"since": stamp(since), "changes": rows,
            "next": f"{last['updated_at']} {last['event_id']}" if last else None}

"""What may arrive from outside: query parameters and JSON bodies, validated before any use."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..store import SQLStore
from ..store.query import EventFilter, modality_filter
from .api_lookup import resolve_actors
from .deps import store
from .errors import ApiError

Name = Annotated[str, Field(min_length=1, max_length=200)]
Names = Annotated[list[str] | None, Query(max_length=100)]
DatePattern = r"^\d{4}-\d{2}-\d{2}$"
Interval = Literal["day", "week", "month", "year"]
Format = Literal["json", "geojson", "csv", "acled", "jsonl"]
ExportFormat = Literal["acled", "csv", "geojson", "jsonl", "parquet"]
Modality = Literal["occurred", "planned", "threatened", "feared", "hoped", "denied", "possible"]
ModalityChoice = Literal["occurred", "planned", "threatened", "feared", "hoped", "denied", "possible", "all"]
Status = Literal["unreviewed", "confirmed", "rejected"]
Sort = Literal["date", "-date", "fatalities", "-fatalities", "country", "-country", "event_type", "-event_type",
               "id", "-id"]


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, f"{name}: not a date (YYYY-MM-DD): {value!r}", code="invalid_query") from None
    return value


def bbox(value: str | None, name: str = "bbox") -> tuple[float, float, float, float] | None:
    """'west,south,east,north' → four numbers (422 unless they make a box)."""
    if value is None:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise ApiError(422, f"{name}: four numbers west,south,east,north", code="invalid_query") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, f"{name}: west<=east within -180..180, south<=north within -90..90",
                       code="invalid_query")
    return west, south, east, north


_bbox = bbox


def _names(values: list[str] | None, name: str) -> tuple[str, ...]:
    for v in values or ():
        if not v or len(v) > 300:
            raise ApiError(422, f"{name}: values must be 1 to 300 characters", code="invalid_query")
    return tuple(values or ())


def _members(groups: list[str] | None) -> tuple[str, ...]:
    """The actors of the named groups; an unknown group is an error, never an empty filter."""
    if not groups:
        return ()
    from ..actors import ActorKB

    known = ActorKB.load().groups
    unknown = [g for g in groups if g not in known]
    if unknown:
        raise ApiError(422, f"actor_group: no group {unknown[0]!r}; the groups are {', '.join(sorted(known))}",
                       code="invalid_query")
    return tuple(dict.fromkeys(m for g in groups for m in known[g]))


def date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Both ends checked (422 for what is no date), and in order (400 for a range that ends before it starts)."""
    start, end = _date(date_from, "date_from"), _date(date_to, "date_to")
    if start is not None and end is not None and start > end:
        raise ApiError(400, f"date_from ({start}) is after date_to ({end}): the range holds no day",
                       code="invalid_query")
    return start, end


def event_filter(
    request: Request, s: Annotated[SQLStore, Depends(store)],
    event_type: Names = None, sub_event_type: Names = None, actor: Names = None,
    actor_group: Annotated[list[str] | None, Query(
        max_length=20, description="an actor group (see /api/actor-groups): adds its members to `actor`")] = None,
    country: Names = None, admin1: Names = None, location: Names = None, source: Names = None, outlet: Names = None,
    modality: Annotated[list[ModalityChoice] | None, Query(
        max_length=10, description="default: occurred; `all` for every modality")] = None,
    geo_precision: Annotated[list[Annotated[int, Field(ge=1, le=3)]] | None, Query(max_length=3)] = None,
    review: Annotated[list[Status] | None, Query(max_length=3,
                                                 description="review status; default: all but rejected")] = None,
    date_from: Annotated[str | None, Query(pattern=DatePattern, description="YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[str | None, Query(pattern=DatePattern, description="YYYY-MM-DD, inclusive")] = None,
    fatalities_min: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    fatalities_max: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    q: Annotated[str | None, Query(max_length=500, description="words that the event's articles contain")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north")] = None,
    undated: Annotated[Literal["only"] | None, Query(
        description="`only`: just the events with no date (date_from and date_to are then ignored)")] = None,
) -> EventFilter:
    """The filter every event endpoint shares (repeat a parameter to select several values).
    An actor's alias is resolved to the canonical actor (`request.state.actor_resolved` says to what)."""
    start, end = date_range(date_from, date_to)
    names, request.state.actor_resolved = resolve_actors(request, s, _names(actor, "actor"))
    return EventFilter(
        event_type=_names(event_type, "event_type"), sub_event_type=_names(sub_event_type, "sub_event_type"),
        actor=tuple(dict.fromkeys(names + _members(actor_group))), country=_names(country, "country"),
        admin1=_names(admin1, "admin1"), location=_names(location, "location"),
        source=_names(source, "source"), outlet=_names(outlet, "outlet"), modality=modality_filter(modality),
        geo_precision=tuple(geo_precision or ()), review=tuple(review or ()), date_from=start, date_to=end,
        fatalities_min=fatalities_min, fatalities_max=fatalities_max, q=q, bbox=_bbox(bbox), undated=undated == "only")


def feed_filter(request: Request, f: Annotated[EventFilter, Depends(event_filter)]) -> EventFilter:
    """The event filter of a feed of changes: every modality unless `modality` is given, as every
    review status unless `review` is (an event corrected to "denied" is a change to hear of)."""
    return f if request.query_params.getlist("modality") else replace(f, modality=())


class EventChanges(BaseModel):
    """Fields an analyst may correct; a field left out stays as it is, null means "unknown"."""

    model_config = ConfigDict(extra="forbid")
    event_type: str | None = None
    sub_event_type: str | None = None
    event_date: Annotated[str | None, Field(pattern=DatePattern)] = None
    time_precision: Annotated[int | None, Field(ge=1, le=3)] = None
    actor1: Annotated[str | None, Field(max_length=300)] = None
    actor2: Annotated[str | None, Field(max_length=300)] = None
    assoc_actor_1: Annotated[list[Name] | None, Field(max_length=50)] = None
    assoc_actor_2: Annotated[list[Name] | None, Field(max_length=50)] = None
    country: Annotated[str | None, Field(max_length=200)] = None
    admin1: Annotated[str | None, Field(max_length=200)] = None
    admin2: Annotated[str | None, Field(max_length=200)] = None
    location: Annotated[str | None, Field(max_length=300)] = None
    latitude: Annotated[float | None, Field(ge=-90, le=90)] = None
    longitude: Annotated[float | None, Field(ge=-180, le=180)] = None
    geo_precision: Annotated[int | None, Field(ge=1, le=3)] = None
    fatalities: Annotated[int | None, Field(ge=0, le=10_000_000)] = None
    modality: Modality | None = None
    notes: Annotated[str | None, Field(max_length=5000)] = None

    @field_validator("event_date")
    @classmethod
    def _real_date(cls, v: str | None) -> str | None:
        if v is not None:
            dt.date.fromisoformat(v)  # ValueError → 422
        return v


class PlaceIn(BaseModel):
    """A place of the gazetteer (an id from /api/gazetteer/search); `location` names a place the
    gazetteer lacks, at or near that one ("Umm Rummana" in Suwayda)."""

    model_config = ConfigDict(extra="forbid")
    geonameid: Annotated[int, Field(ge=-(2**53) + 1, le=2**53 - 1)]
    location: Annotated[str | None, Field(min_length=1, max_length=300)] = None


class ReviewChanges(EventChanges):
    """What an edit may change. `place` moves every place field together; a bare `admin1` or
    `country` re-codes the event to that area; `inter1`/`inter2` only for a new actor;
    location, point, admin2 alone are refused (422)."""

    place: PlaceIn | None = None
    inter1: Annotated[str | None, Field(max_length=100)] = None
    inter2: Annotated[str | None, Field(max_length=100)] = None
    sources: Annotated[list[Name] | None, Field(max_length=50)] = None


class CorrectionIn(BaseModel):
    """An analyst's edit of one event: who, what, and optionally why. `new_actor`: an actor name
    the knowledge base lacks is meant (otherwise it is refused)."""

    model_config = ConfigDict(extra="forbid")
    author: Name
    note: Annotated[str | None, Field(max_length=2000)] = None
    new_actor: Annotated[bool, Field(strict=True)] = False
    changes: ReviewChanges

    def change_dict(self) -> dict[str, Any]:
        return self.changes.model_dump(exclude_unset=True)


class ReviewIn(BaseModel):
    """A review decision on one event."""

    model_config = ConfigDict(extra="forbid")
    author: Name
    status: Status
    note: Annotated[str | None, Field(max_length=2000)] = None


class RevertIn(BaseModel):
    """Who undoes an edit, and optionally why."""

    model_config = ConfigDict(extra="forbid")
    author: Name
    note: Annotated[str | None, Field(max_length=2000)] = None

"""/api/ endpoints for change and context: two periods compared, trends per actor and
province, actor groups, and an actor's or a place's page (see `store.compare`, `store.pages`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from ..actors import ActorKB
from ..errors import SetupError
from ..places import Gazetteer
from ..store import SQLStore, pages
from ..store import compare as cmp
from ..store.query import EventFilter
from .deps import store
from .errors import RESPONSES, ApiError
from .schemas import DatePattern, _date, event_filter

router = APIRouter(prefix="/api", tags=["change"], responses=RESPONSES)
Store = Annotated[SQLStore, Depends(store)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Day = Annotated[str | None, Query(pattern=DatePattern, description="YYYY-MM-DD, inclusive")]
Name = Annotated[str, Query(min_length=1, max_length=300)]


@router.get("/compare", summary="The filter's events in two periods: counts, differences, new and quiet places",
            description="Give both periods (`a_from`..`a_to` and `b_from`..`b_to`), or `days` for the last N days"
                        " (ending at `end`, else at the latest event date the filter matches) against the N days"
                        " before. The filter's own date range is ignored.")
def compare(s: Store, f: Filter, a_from: Day = None, a_to: Day = None, b_from: Day = None, b_to: Day = None,
            days: Annotated[int | None, Query(ge=1, le=3660)] = None, end: Day = None,
            limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    # The pattern lets "0000-00-00" through: every date is read as one (422 when it is none).
    a_from, a_to, b_from, b_to, end = (_date(v, n) for v, n in ((a_from, "a_from"), (a_to, "a_to"),
                                                                (b_from, "b_from"), (b_to, "b_to"), (end, "end")))
    given = (a_from, a_to, b_from, b_to)
    if all(given) and days is None:
        a, b = cmp.Period(a_from, a_to), cmp.Period(b_from, b_to)  # type: ignore[arg-type]
        for name, p in (("a", a), ("b", b)):
            if p.start > p.end:
                raise ApiError(422, f"period {name} ends before it starts", code="invalid_query")
    elif days is not None and not any(given):
        try:
            a, b = cmp.last_days(s.db, f, days, end)
        except OverflowError:  # "days=3660&end=0001-01-05": periods before the first year
            raise ApiError(422, f"the {days} days before {end} fall before year 1", code="invalid_query") from None
    else:
        raise ApiError(422, "give a_from, a_to, b_from and b_to, or days (not both)", code="invalid_query")
    return cmp.compare(s.db, f, a, b, limit=limit)


@router.get("/trends", summary="Events per month (or week) of each actor or province, for sparklines")
def trends(s: Store, f: Filter, dimension: Literal["actor", "admin1", "event_type"] = "actor",
           interval: Literal["month", "week"] = "month", buckets: Annotated[int, Query(ge=2, le=60)] = 12,
           limit: Annotated[int, Query(ge=1, le=200)] = 30) -> dict[str, Any]:
    return cmp.trends(s.db, f, dimension, buckets=buckets, interval=interval, limit=limit)


@router.get("/actor-groups", summary="Actor groups of the knowledge base (usable as `actor_group=`)")
def actor_groups() -> dict[str, Any]:
    kb = ActorKB.load()
    return {"groups": [{"name": g, "members": list(m)} for g, m in kb.groups.items()]}


@router.get("/actor", summary="An actor's page: events over time, places, latest events and claims, aliases")
def actor(s: Store, f: Filter, name: Name) -> dict[str, Any]:
    kb = ActorKB.load()
    entry = kb.actors.get(name)
    known = None if entry is None else {
        "inter": entry.inter, "country": entry.country, "affiliation": entry.affiliation,
        "aliases": [a.alias for a in entry.aliases][:40], "groups": kb.groups_of(name)}
    page = pages.actor_page(s.db, name, known, f)
    if known is None and not page["events"] and not page["claims"]:
        raise ApiError(404, f"no actor {name!r}: neither in the knowledge base nor in an event")
    return page


@router.get("/place", summary="A country's, province's or place's page: events over time, actors, latest"
                              " events and claims, other names")
def place(s: Store, f: Filter, country: Name, admin1: Annotated[str | None, Query(max_length=300)] = None,
          location: Annotated[str | None, Query(max_length=300)] = None) -> dict[str, Any]:
    page = pages.place_page(s.db, country, admin1, location, f)
    if not page["found"] and not page["claims"]:
        raise ApiError(404, f"no events or claims at {', '.join(x for x in (location, admin1, country) if x)}")
    geonameid = next((e.get("geonameid") for e in page["latest"] if e.get("geonameid")), None)
    page["aliases"] = _aliases(geonameid) if location and geonameid else []
    return page


def _aliases(geonameid: int) -> list[str]:
    try:
        gaz = Gazetteer.open()
    except SetupError:  # no gazetteer installed: the page goes without other names
        return []
    try:
        return gaz.names_of(int(geonameid))
    finally:
        gaz.close()


"""/api/claims: the claims ledger — numeric claims filtered like events, grouped by what they
count, mapped per admin1, compared with the claims that restate them, exported.

Every endpoint takes the same filter (`claim_filter`). A query parameter that is not a claims
filter — an event-only one like `event_type`, or a misspelling — is a 400 error naming it
(`deps.strict_query`, as on every GET endpoint), never silently ignored.
"""

from __future__ import annotations

import functools
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from .. import export
from ..errors import SetupError
from ..places import Gazetteer
from ..store import SQLStore
from ..store import claims as ledger
from ..store.claims import ClaimFilter
from .deps import store
from .errors import RESPONSES, ApiError, ErrorBody
from .schemas import DatePattern, Names, _bbox, _names, date_range

router = APIRouter(prefix="/api", tags=["claims"], responses=RESPONSES)
Store = Annotated[SQLStore, Depends(store)]
# The unit vocabulary (`claims.UNIT_CLASSES`), spelled out so the API description lists it.
UnitClass = Literal["positions", "fighters", "vehicles", "aircraft", "munitions", "attacks", "deaths", "injured",
                    "displaced", "detained", "people", "areas", "buildings", "other"]
Sort = Literal["date", "-date", "quantity", "-quantity", "place", "-place", "subject", "-subject", "source",
               "-source", "unit_class", "-unit_class", "id", "-id"]
GroupSort = Literal["count", "-count", "date", "-date", "place", "-place", "subject", "-subject", "quantity",
                    "-quantity"]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10**9)]
Id = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]

def claim_filter(
    date_from: Annotated[str | None, Query(pattern=DatePattern, description="YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[str | None, Query(pattern=DatePattern, description="YYYY-MM-DD, inclusive")] = None,
    country: Names = None, admin1: Names = None,
    location: Annotated[list[str] | None, Query(max_length=100, description="the place as resolved")] = None,
    place: Annotated[list[str] | None, Query(max_length=100, description="a location, admin1 or country (any case)")]
    = None,
    subject: Annotated[list[str] | None, Query(max_length=100, description="canonical actor counted")] = None,
    actor: Annotated[list[str] | None, Query(max_length=100, description="the same as subject")] = None,
    source: Names = None, outlet: Names = None,
    unit_class: Annotated[list[UnitClass] | None, Query(max_length=20)] = None,
    q: Annotated[str | None, Query(max_length=500, description="words the evidence sentence contains")] = None,
    quantity_min: Annotated[float | None, Query(ge=-1e15, le=1e15)] = None,
    quantity_max: Annotated[float | None, Query(ge=-1e15, le=1e15)] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north")] = None,
    article_id: Annotated[list[str] | None, Query(max_length=100)] = None,
) -> ClaimFilter:
    """The filter every claims endpoint shares (repeat a parameter to select several values)."""
    start, end = date_range(date_from, date_to)
    return ClaimFilter(
        date_from=start, date_to=end,
        country=_names(country, "country"), admin1=_names(admin1, "admin1"), location=_names(location, "location"),
        place=_names(place, "place"),
        subject=tuple(dict.fromkeys([*_names(subject, "subject"), *_names(actor, "actor")])),
        source=_names(source, "source"), outlet=_names(outlet, "outlet"), unit_class=tuple(unit_class or ()),
        q=q, quantity_min=quantity_min, quantity_max=quantity_max, bbox=_bbox(bbox),
        article_id=_names(article_id, "article_id"))


Filter = Annotated[ClaimFilter, Depends(claim_filter)]


@router.get("/claims", summary="Numeric claims matching the filter, one page, sorted (latest first)",
            description="Each claim: `quantity`, `unit` as written and `unit_class` (see `/api/vocab`), `subject`,"
                        " `place` with `country`, `admin1`, `latitude`, `longitude`, `geonameid`, `date` with"
                        " `date_precision`, `source`, `evidence`, and `restatements`: how many claims count the"
                        " same thing at the same place from another source or date (`/api/claims/{claim_id}`"
                        " lists them).")
def claims(s: Store, f: Filter, sort: Sort = "-date", limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    total, rows = ledger.page(s.db, f, sort=sort, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "claims": rows}


@router.get("/claims/groups", summary="Matching claims grouped by subject, unit class and place",
            description="One row per (subject, unit_class, country, admin1, location): `claims`, `sources`,"
                        " `first_date`, `last_date`, `min`, `max` and the `latest` claim (by date).")
def groups(s: Store, f: Filter, sort: GroupSort = "-count", limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    total, rows = ledger.groups(s.db, f, sort=sort, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "groups": rows}


@router.get("/claims/choropleth", summary="Per admin1: the latest matching figure and the sum, for a map",
            description="For counts like \"IRGC posts per governorate\" choose a `unit_class` (and a `subject`,"
                        " a `source`). Each area: `country`, `admin1`, `latest` claim, `sum` (each place's latest"
                        " figure added up, a restated count once), `claims`, `unit_classes`, and a point:"
                        " the admin1's centroid from the gazetteer (`point`: \"admin1\"), else the mean of its"
                        " claims' points (`point`: \"claims\"). Claims placed only in a country are left out.")
def choropleth(s: Store, f: Filter) -> dict[str, Any]:
    areas = ledger.choropleth(s.db, f)
    centroids = _admin1_points()
    for a in areas:
        point = centroids.get((a["country"], a["admin1"]))
        a["point"] = "admin1" if point else "claims" if a["latitude"] is not None else None
        if point:
            a["latitude"], a["longitude"] = point
    return {"areas": areas,
            "max_latest": max((a["latest"]["quantity"] for a in areas), default=None),
            "max_sum": max((a["sum"] for a in areas if a["sum"] is not None), default=None),
            "unit_classes": sorted({u for a in areas for u in a["unit_classes"]})}


_MEDIA = {"csv": "text/csv", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}


@router.get("/claims/export", summary="Every matching claim (no row cap) as CSV, JSON Lines or GeoJSON",
            response_class=Response)
def export_claims(s: Store, f: Filter, format: Literal["csv", "jsonl", "geojson"] = "csv",
                  sort: Sort = "date") -> Response:
    buf = io.StringIO()
    export.write(ledger.iter_claims(s.db, f, sort=sort), buf, what="claims", fmt=format)
    return Response(buf.getvalue(), media_type=_MEDIA[format],
                    headers={"Content-Disposition": f'attachment; filename="marsad-claims.{format}"'})


@router.get("/claims/{claim_id}", summary="One claim and the claims that restate it, with the differences",
            responses={404: {"model": ErrorBody, "description": "No such current claim"}},
            description="`restated_by`: the claims of the same subject, unit class and place from another source"
                        " or date, latest first, each with `difference`: its `quantity` minus this one's, the"
                        " `days` from this one's date to its date, and whether the source is the same."
                        " `summary` says it in one line (\"Daraa: 37 posts, Jusoor, May 2023 · 29, …\").")
def claim(s: Store, claim_id: Id) -> dict[str, Any]:
    c = ledger.claim(s.db, claim_id)
    if c is None:
        raise ApiError(404, f"no claim {claim_id!r}")
    return c


@functools.cache
def _admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(country, admin1) → the admin1's centroid, as the gazetteer names them ({} without one)."""
    try:
        gaz = Gazetteer.open()
    except SetupError:
        return {}
    try:
        out: dict[tuple[str, str], tuple[float, float]] = {}
        for (cc, code), gid in gaz.admin1_ids.items():
            c = gaz.get(gid)
            country = gaz.countries.get(cc, ("", 0))[0]
            if c is None or c.latitude is None or c.longitude is None or not country:
                continue
            for name in (gaz.admin1_names.get((cc, code)), c.name):
                if name:
                    out.setdefault((country, name), (c.latitude, c.longitude))
        return out
    finally:
        gaz.close()

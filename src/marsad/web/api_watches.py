"""Watches and alerts over HTTP: list, add and remove watches, read alerts, follow a watch's feed."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from .. import watches
from ..store import SQLStore
from ..store import watches as saved
from ..store.query import EventFilter
from . import feeds
from .deps import require_write, store
from .errors import RESPONSES, WRITE_RESPONSES, ApiError
from .schemas import DatePattern, Modality, Status, _bbox, _members

router = APIRouter(prefix="/api", tags=["watches"], responses=RESPONSES)
Store = Annotated[SQLStore, Depends(store)]
WatchId = Annotated[int, Path(ge=1, le=2**62)]
Names = Annotated[list[Annotated[str, Field(min_length=1, max_length=300)]] | None, Field(max_length=100)]
FEED_SIZE = 50  # alerts in a feed: the latest


class FilterIn(BaseModel):
    """The same fields as the query parameters of /api/events (lists where those repeat)."""

    model_config = ConfigDict(extra="forbid")
    event_type: Names = None
    sub_event_type: Names = None
    actor: Names = None
    country: Names = None
    admin1: Names = None
    location: Names = None
    actor_group: Annotated[list[Annotated[str, Field(max_length=100)]] | None, Field(
        max_length=20, description="its members, as they are now, join `actor`")] = None
    source: Names = None
    outlet: Names = None
    modality: Annotated[list[Modality] | None, Field(max_length=10)] = None
    geo_precision: Annotated[list[Annotated[int, Field(ge=1, le=3)]] | None, Field(max_length=3)] = None
    review: Annotated[list[Status] | None, Field(max_length=3)] = None
    date_from: Annotated[str | None, Field(pattern=DatePattern)] = None
    date_to: Annotated[str | None, Field(pattern=DatePattern)] = None
    fatalities_min: Annotated[int | None, Field(ge=0, le=10_000_000)] = None
    fatalities_max: Annotated[int | None, Field(ge=0, le=10_000_000)] = None
    q: Annotated[str | None, Field(max_length=500)] = None
    bbox: Annotated[str | None, Field(max_length=200, description="west,south,east,north")] = None

    def to_filter(self) -> EventFilter:
        values = self.model_dump(exclude_none=True)
        groups = values.pop("actor_group", None)
        if groups:
            values["actor"] = [*values.get("actor", []), *_members(groups)]
        if "bbox" in values:
            values["bbox"] = _bbox(values["bbox"])
        return saved.filter_from_json(values)


class WatchIn(BaseModel):
    """A new watch: a name, a rule and the filter it watches (modality defaults to occurred)."""

    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, Field(min_length=1, max_length=100)]
    rule: Literal["new", "count", "surge", "new-place", "new-claim"]
    threshold: Annotated[float | None, Field(ge=0, le=1_000_000_000)] = None
    days: Annotated[int | None, Field(ge=1, le=3660)] = None
    filter: FilterIn = FilterIn()


def require_delete(request: Request) -> None:
    """The write guard (read-only server, token, origin) for a DELETE, which has no body to be
    JSON: a page of another site cannot send a DELETE at all without a CORS preflight, which this
    server never grants, so the JSON check the guard makes for bodies adds nothing here."""
    headers = [(k, v) for k, v in request.scope["headers"] if k != b"content-type"]
    require_write(Request({**request.scope, "headers": [*headers, (b"content-type", b"application/json")]}))


def _watch(s: SQLStore, watch_id: int) -> saved.Watch:
    w = saved.get_watch(s.db, str(watch_id))
    if w is None:
        raise ApiError(404, f"no watch {watch_id}")
    return w


def _out(w: saved.Watch, counts: dict[int, tuple[int, str | None]]) -> dict[str, Any]:
    n, last = counts.get(w.watch_id, (0, None))
    return {**w.as_dict(), "description": watches.describe_rule(w), "alerts": n, "last_alert": last,
            "feed": f"/api/watches/{w.watch_id}/feed", "feed_json": f"/api/watches/{w.watch_id}/feed.json"}


@router.get("/watches", summary="The saved watches, with how many alerts each raised")
def list_watches(s: Store) -> dict[str, Any]:
    counts = saved.alert_counts(s.db)
    return {"watches": [_out(w, counts) for w in saved.watches(s.db)]}


@router.post("/watches", status_code=201, responses=WRITE_RESPONSES, dependencies=[Depends(require_write)],
             summary="Save a watch: a filter and a rule (new, count, surge, new-place, new-claim)")
def add_watch(s: Store, body: WatchIn) -> dict[str, Any]:
    try:
        w = watches.add(s.db, body.name, body.rule, body.filter.to_filter(), threshold=body.threshold,
                        days=body.days)
    except saved.WatchError as e:
        raise ApiError(409 if "exists" in str(e) else 422, str(e), code="invalid_input") from None
    return {"watch": _out(w, {})}


@router.get("/watches/{watch_id}", summary="One watch")
def get_watch(s: Store, watch_id: WatchId) -> dict[str, Any]:
    return {"watch": _out(_watch(s, watch_id), saved.alert_counts(s.db))}


@router.delete("/watches/{watch_id}", responses=WRITE_RESPONSES, dependencies=[Depends(require_delete)],
               summary="Remove a watch and its alerts")
def delete_watch(s: Store, watch_id: WatchId) -> dict[str, Any]:
    w = saved.remove_watch(s.db, str(watch_id))
    if w is None:
        raise ApiError(404, f"no watch {watch_id}")
    return {"deleted": w.as_dict()}


@router.get("/alerts", summary="Alerts raised by the watches, oldest first")
def list_alerts(s: Store, since: Annotated[str | None, Query(min_length=4, max_length=40,
                                                             description="ISO date or time")] = None,
                watch: Annotated[int | None, Query(ge=1, le=2**62, description="a watch id")] = None,
                limit: Annotated[int, Query(ge=1, le=1000, description="the latest this many")] = 100) -> Any:
    try:
        stamp = saved.to_stamp(since) if since else None
    except saved.WatchError as e:
        raise ApiError(422, f"since: {e}", code="invalid_query") from None
    if watch is not None:
        _watch(s, watch)
    return {"since": stamp, "alerts": saved.alerts(s.db, since=stamp, watch_id=watch, limit=limit)}


def _feed_parts(s: SQLStore, watch_id: int) -> tuple[saved.Watch, list[dict[str, Any]], str]:
    w = _watch(s, watch_id)
    subtitle = f"{watches.describe_rule(w)} — {watches.describe_filter(w.filter)}"
    return w, saved.alerts(s.db, watch_id=w.watch_id, limit=FEED_SIZE), subtitle


@router.get("/watches/{watch_id}/feed", response_class=Response, summary="A watch's alerts as an Atom feed",
            responses={200: {"content": {"application/atom+xml": {}}}})
def atom_feed(request: Request, s: Store, watch_id: WatchId) -> Response:
    w, alerts, subtitle = _feed_parts(s, watch_id)
    body = feeds.atom(w, alerts, base=str(request.base_url), subtitle=subtitle)
    return Response(body, media_type="application/atom+xml")


@router.get("/watches/{watch_id}/feed.json", summary="A watch's alerts as a JSON Feed (1.1)",
            responses={200: {"content": {"application/feed+json": {}}}})
def json_feed(request: Request, s: Store, watch_id: WatchId) -> Response:
    w, alerts, subtitle = _feed_parts(s, watch_id)
    body = json.dumps(feeds.json_feed(w, alerts, base=str(request.base_url), subtitle=subtitle), ensure_ascii=False)
    return Response(body, media_type="application/feed+json")

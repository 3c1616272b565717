"""/api/ endpoints beside the event list: one event with its evidence, articles and claims,
actors and places with counts, the vocabulary and the server's settings (the claims
ledger itself: `api_claims`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from .. import vocab
from ..claims import UNIT_CLASSES
from ..store import SQLStore
from ..store import claims as claim_store
from ..store import facets as q
from ..store.claims import ClaimFilter
from ..store.overlay import EDITABLE, STATUSES
from ..store.query import DEFAULT_MODALITY, MODALITIES, EventFilter
from .deps import store
from .errors import RESPONSES, ApiError, ErrorBody
from .schemas import event_filter

router = APIRouter(prefix="/api", responses=RESPONSES)
Store = Annotated[SQLStore, Depends(store)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10**9)]
Id = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]


@router.get("/events/{event_id}", tags=["events"], summary="One event: every field, evidence, articles, neighbours",
            responses={410: {"model": ErrorBody, "description": "Every report of the event was superseded"}})
def event(s: Store, event_id: Id, articles_offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
          articles_limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    """An event reported by thousands of articles (copies of one wire story) would be
    megabytes: its articles, and the evidence, figures and claims drawn from them, come a
    page at a time (`articles_offset`, `articles_limit`; `paging` gives the total)."""
    e = s.event(event_id)
    if e is None:
        raise ApiError(404, f"no event {event_id!r}")
    if not e.get("article_ids"):
        raise ApiError(410, f"event {event_id!r} is gone: every article reporting it was replaced by a changed"
                            " version that does not report it", code="superseded")
    every = list(e.get("article_ids") or [])
    page = every[articles_offset:articles_offset + articles_limit]
    shown = set(page)
    e = {**e, "article_ids": page,
         "evidence": [ev for ev in e.get("evidence") or [] if ev.get("article_id") in shown],
         # an analyst's corrected figure (article_id null) heads them on every page
         "fatality_reports": [r for r in e.get("fatality_reports") or []
                              if r.get("article_id") is None or r.get("article_id") in shown]}
    articles = []
    for article_id in page:
        a = q.article(s.db, article_id)
        if a is None:
            continue
        a["evidence"] = [{"start": ev["start"], "end": ev["end"], "text": ev["text"]}
                         for ev in e["evidence"] if ev.get("article_id") == article_id]
        articles.append(a)
    claims = [c for a in articles for c in claim_store.page(s.db, ClaimFilter(article_id=(a["article_id"],)),
                                                             sort="date", limit=20)[1]]
    return {"event": e, "articles": articles, "claims": claims, "neighbours": q.neighbours(s.db, e),
            "corrections": s.corrections(event_id),
            "paging": {"articles_total": len(every), "articles_offset": articles_offset,
                       "articles_limit": articles_limit}}


@router.get("/articles", tags=["articles"], summary="Articles, newest first; `q` searches their text")
def articles(s: Store, q_: Annotated[str | None, Query(alias="q", max_length=500)] = None,
             outlet: Annotated[str | None, Query(max_length=300)] = None, limit: Limit = 50,
             offset: Offset = 0) -> dict[str, Any]:
    total, rows = q.articles(s.db, q=q_, outlet=outlet, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


@router.get("/articles/{article_id}", tags=["articles"], summary="One article with its text and its events")
def article(s: Store, article_id: Id) -> dict[str, Any]:
    a = q.article(s.db, article_id)
    if a is None:
        raise ApiError(404, f"no article {article_id!r}")
    return a


@router.get("/actors", tags=["counts"], summary="Actors with the number of matching events")
def actors(s: Store, f: Filter, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return {"limit": limit, "offset": offset, "actors": q.actors(s.db, f, limit=limit, offset=offset)}


@router.get("/places", tags=["counts"], summary="Places with the number of matching events")
def places(s: Store, f: Filter, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return {"limit": limit, "offset": offset, "places": q.places(s.db, f, limit=limit, offset=offset)}


@router.get("/vocab", tags=["reference"], summary="ACLED's vocabulary as marsad codes it (legends, filters)")
def vocabulary() -> dict[str, Any]:
    return {
        "event_types": [{"name": t, "colour": vocab.event_colour(t), "sub_event_types": list(vocab.sub_event_types(t))}
                        for t in vocab.event_types()],
        "inter": vocab.inter_categories(),
        "geo_precision": {c: vocab.geo_precision_meaning(c) for c in (1, 2, 3)},
        "time_precision": {c: vocab.time_precision_meaning(c) for c in (1, 2, 3)},
        "editable": list(EDITABLE), "statuses": list(STATUSES),
        # The modality filter: shown when none is chosen, and every value (`modality=all` takes them all).
        "modalities": list(MODALITIES), "default_modality": DEFAULT_MODALITY,
        "unit_classes": dict(UNIT_CLASSES),  # what a claim's unit_class means (the claims ledger)
    }


@router.get("/config", tags=["reference"], summary="What this server allows and shows")
def config(request: Request, s: Store) -> dict[str, Any]:
    st = request.app.state
    return {"tile_url": st.tile_url, "writable": not st.read_only, "token_required": bool(st.write_token),
            "counts": s.counts()}

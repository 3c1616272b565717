"""Review: analysts confirm, reject or correct events. Corrections are stored with who and when,
laid over the machine coding whenever events are read, and never touched by ingest. An edit is
made coherent before it is stored (`marsad.review`): a place moves every place field, an actor
its `inter`; undo is a correction that reverts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ..errors import InvalidInput, SetupError
from ..store import SQLStore
from .deps import require_write, store
from .errors import RESPONSES, WRITE_RESPONSES, ApiError, ErrorBody
from .schemas import CorrectionIn, RevertIn, ReviewIn

router = APIRouter(prefix="/api", tags=["review"])
Store = Annotated[SQLStore, Depends(store)]
Id = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]
CorrectionId = Annotated[int, Path(ge=1, le=2**62, description="a correction's id, as the correction log lists it")]


def _apply(s: SQLStore, event_id: str, changes: dict[str, Any], author: str, note: str | None,
           new_actor: bool = False) -> dict[str, Any]:
    try:
        return {"event": s.correct(event_id, changes, author=author, note=note, new_actor=new_actor)}
    except KeyError:
        raise ApiError(404, f"no event {event_id!r}") from None
    except SetupError as e:  # no gazetteer to check a place against: nothing was stored
        raise ApiError(503, str(e), code="unavailable") from None


@router.post("/events/{event_id}/corrections", responses=WRITE_RESPONSES, dependencies=[Depends(require_write)],
             summary="Correct fields of an event (stored with author and time, made coherent)")
def correct(s: Store, event_id: Id, body: CorrectionIn) -> dict[str, Any]:
    """`place: {"geonameid": N}` sets country, admin1, admin2, location, geonameid, point and
    geo_precision together (a bare `admin1` or `country` re-codes the event to that area); actors
    come from the knowledge base (aliases → canonical, `inter` following; an unknown name needs
    `new_actor: true`); `event_date` may not be after the latest publication of the event's
    articles; a `fatalities` correction heads the per-source figures. Errors are 422 naming the field."""
    changes = body.change_dict()
    if not changes:
        raise ApiError(422, "changes: name at least one field to correct", code="invalid_input")
    return _apply(s, event_id, changes, body.author, body.note, body.new_actor)


@router.post("/events/{event_id}/corrections/{correction_id}/revert", responses={
    **WRITE_RESPONSES, 409: {"model": ErrorBody, "description": "Undoing it would leave the record incoherent"}},
             dependencies=[Depends(require_write)], summary="Undo an edit with a correction that reverts it")
def revert(s: Store, event_id: Id, correction_id: CorrectionId, body: RevertIn) -> dict[str, Any]:
    """Undoes the edit that correction `correction_id` belongs to (every field it set): a new
    correction restores the values from just before it; the log keeps both. 409 when the result
    would not be coherent (a sub-event type under another event type)."""
    try:
        return {"event": s.revert(event_id, correction_id, author=body.author, note=body.note)}
    except KeyError:
        raise ApiError(404, f"no correction {correction_id} of event {event_id!r}") from None
    except InvalidInput as e:
        raise ApiError(409, e.reason, code="conflict") from None


@router.post("/events/{event_id}/review", responses=WRITE_RESPONSES, dependencies=[Depends(require_write)],
             summary="Confirm or reject an event (or set it back to unreviewed)")
def review(s: Store, event_id: Id, body: ReviewIn) -> dict[str, Any]:
    return _apply(s, event_id, {"status": body.status}, body.author, body.note)


@router.get("/corrections", responses=RESPONSES, summary="The correction log, oldest first")
def corrections(s: Store, event_id: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
    return {"corrections": s.corrections(event_id)}

"""Review: analysts confirm, reject or correct events. Corrections are stored with who and when,
laid over the machine coding whenever events are read, and never touched by ingest."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ..store import SQLStore
from .deps import require_write, store
from .errors import RESPONSES, WRITE_RESPONSES, ApiError
from .schemas import CorrectionIn, ReviewIn

router = APIRouter(prefix="/api", tags=["review"])
Store = Annotated[SQLStore, Depends(store)]
Id = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]


def _apply(s: SQLStore, event_id: str, changes: dict[str, Any], author: str, note: str | None) -> dict[str, Any]:
    try:
        return {"event": s.correct(event_id, changes, author=author, note=note)}
    except KeyError:
        raise ApiError(404, f"no event {event_id!r}") from None


@router.post("/events/{event_id}/corrections", responses=WRITE_RESPONSES, dependencies=[Depends(require_write)],
             summary="Correct fields of an event (stored with author and time)")
def correct(s: Store, event_id: Id, body: CorrectionIn) -> dict[str, Any]:
    changes = body.change_dict()
    if not changes:
        raise ApiError(422, "changes: name at least one field to correct", code="invalid_input")
    return _apply(s, event_id, changes, body.author, body.note)


@router.post("/events/{event_id}/review", responses=WRITE_RESPONSES, dependencies=[Depends(require_write)],
             summary="Confirm or reject an event (or set it back to unreviewed)")
def review(s: Store, event_id: Id, body: ReviewIn) -> dict[str, Any]:
    return _apply(s, event_id, {"status": body.status}, body.author, body.note)


@router.get("/corrections", responses=RESPONSES, summary="The correction log, oldest first")
def corrections(s: Store, event_id: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
    return {"corrections": s.corrections(event_id)}
